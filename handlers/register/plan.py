"""A tracked item's current step (folded from its live events) and the outbox rows of that step:
reminders to the assigned prosecutor at the lead times, and at the expiry, if no event was
recorded, an escalation to the unit's heads, again at 07:30 the next morning.

Keys are ``reg:<item>:<version>:<what>:<user>`` (the version changes with every event, so a new
step never collides with an old one); every row has the item's topic, so recording an event
skips them all in the same transaction. Each reminder expires when the next one is due: after a
downtime only the latest reminder of a step is sent.

The expiry reminded is the binding one (a detention tied to a stage ends at the stage's end when
that is earlier). A step the law leaves without a date (detention until the investigation or the
hearing ends) gets no expiry reminder and no escalation, only a periodic review reminder to the
assignee: every 30 days (3 during a hearing) at 07:30, keys ``...:rv<n>:<user>``.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from datetime import datetime, time, timedelta, tzinfo
from math import floor

from handlers.register.buttons import OpenItem
from knowledge.deadlines.periods import load_periods
from knowledge.deadlines.register_chain import Event, OpenPeriod, State, Step, fold
from knowledge.deadlines.register_rules import REVIEWS, review_every
from knowledge.deadlines.reminders import expiry_text, leads_before
from storage.outbox import NewMessage
from storage.register_model import Item, topic
from storage.users import User

MORNING = time(7, 30)
ESCALATION_USEFUL = timedelta(hours=12)


_FOLDED: dict[Hashable, State] = {}
_FOLDED_MAX = 50_000


def state_of(item: Item) -> State:
    """The item's state, folded from its live events with the calculator. A pure function of the
    events (and the period table), memoised in memory by their content: it cannot drift from the
    chain, and nothing is stored."""
    events = [Event(e.seq, e.type, e.data) for e in item.live_events]
    try:
        key: Hashable = (id(load_periods()), *((e.seq, e.type, tuple(sorted(e.data.items()))) for e in events))
        hash(key)
    except TypeError:  # a value that is not hashable: fold without the memo
        return fold(events)
    found = _FOLDED.get(key)
    if found is None:
        found = fold(events)
        if len(_FOLDED) >= _FOLDED_MAX:
            _FOLDED.clear()
        _FOLDED[key] = found
    return found


def aware(moment: datetime, tz: tzinfo) -> datetime:
    return moment.replace(tzinfo=tz)


def step_expiry(step: Step, tz: tzinfo) -> datetime:
    return aware(step.expiry, tz)


def next_morning(moment: datetime, tz: tzinfo) -> datetime:
    """07:30 local on the day after the expiry's day as shown: an expiry at local midnight is
    «24:00» of the day before, so its next morning is the same calendar day's 07:30."""
    shown = moment.astimezone(tz)
    day = shown.date() - timedelta(days=1) if shown.time() == time(0) else shown.date()
    return datetime.combine(day + timedelta(days=1), MORNING, tz)


def reminder_text(label: str, step: Step) -> str:
    return f"⏰ Nhắc hạn: «{label}»: {step.label.lower()} hết hạn lúc {expiry_text(step)}: {step.due}."


def escalation_text(label: str, assignee: str, step: Step) -> str:
    held = " — có thể đang giam giữ quá hạn" if step.custody else ""
    return (
        f"⚠️ Quá hạn chưa cập nhật{held}: «{label}» (KSV {assignee or 'chưa rõ'}), "
        f"{step.label.lower()} hết hạn lúc {expiry_text(step)}. "
        "Anh/chị kiểm tra và ghi sự kiện (gia hạn, chuyển, trả tự do) trong /theodoi."
    )


def step_messages(
    item_id: int,
    version: int,
    label: str,
    step: Step,
    assignee: User | None,
    assignee_name: str,
    heads: Sequence[User],
    now: datetime,
    tz: tzinfo,
) -> list[NewMessage]:
    """The outbox rows of the step running now (future moments only)."""
    end = step_expiry(step, tz)
    button = [[("Mở mục theo dõi", OpenItem(item_id).pack())]]
    key = f"reg:{item_id}:{version}"
    messages: list[NewMessage] = []
    if assignee is not None:
        moments = [(lead.code, aware(lead.at, tz)) for lead in leads_before(step.counting, step.expiry, step.last_day)]
        text = reminder_text(label, step)
        for i, (code, at) in enumerate(moments):
            until = moments[i + 1][1] if i + 1 < len(moments) else end
            if max(now, aware(step.began, tz)) < at < end:
                messages.append(
                    NewMessage(f"{key}:{code}:{assignee.id}", assignee, text, button, at, until, topic(item_id))
                )
    morning = next_morning(end, tz)
    text = escalation_text(label, assignee_name, step)
    for head in heads:
        if end > now:
            messages.append(NewMessage(f"{key}:esc:{head.id}", head, text, button, end, morning, topic(item_id)))
        else:  # saved (or changed) already past its expiry: the heads are told at once, once
            until = max(morning, now + ESCALATION_USEFUL)
            messages.append(NewMessage(f"{key}:esc:{head.id}", head, text, button, now, until, topic(item_id)))
        if morning > now:
            messages.append(
                NewMessage(
                    f"{key}:esc2:{head.id}", head, text, button, morning, morning + ESCALATION_USEFUL, topic(item_id)
                )
            )
    return messages


def review_text(label: str, period: OpenPeriod) -> str:
    check = (
        "phiên tòa đã kết thúc chưa"
        if "phiên tòa" in period.until
        else "việc điều tra đã kết thúc chưa, còn căn cứ tiếp tục tạm giam không (Điều 173 khoản 7)"
    )
    return (
        f"🔁 Rà soát định kỳ: «{label}»: {period.label[0].lower()}{period.label[1:]} ({period.basis}) — "
        f"không có ngày hết hạn. Anh/chị kiểm tra {check}, rồi ghi sự kiện trong /theodoi."
    )


def next_review(period: OpenPeriod, now: datetime) -> datetime:
    """The next review of an open-ended step after ``now`` (both naive local): the moment of the
    first review reminder ``review_messages`` queues at ``now``."""
    every = review_every(period.until)
    k = max(floor((now - period.began) / every) + 1, 1)
    while (at := datetime.combine((period.began + every * k).date(), MORNING)) <= now:
        k += 1
    return at


def review_messages(
    item_id: int, version: int, label: str, period: OpenPeriod, assignee: User, now: datetime, tz: tzinfo
) -> list[NewMessage]:
    """The next review reminders of an open-ended step (none at a made-up expiry: it has none)."""
    every = review_every(period.until)
    began = aware(period.began, tz)
    first = max(floor((now - began) / every) + 1, 1)
    moments = [
        aware(datetime.combine((period.began + every * k).date(), MORNING), tz)
        for k in range(first, first + REVIEWS + 1)
    ]
    button = [[("Mở mục theo dõi", OpenItem(item_id).pack())]]
    text = review_text(label, period)
    return [
        NewMessage(
            f"reg:{item_id}:{version}:rv{first + i}:{assignee.id}",
            assignee,
            text,
            button,
            at,
            moments[i + 1],
            topic(item_id),
        )
        for i, at in enumerate(moments[:-1])
        if at > now
    ]


def state_messages(
    item_id: int,
    version: int,
    label: str,
    state: State,
    assignee: User | None,
    assignee_name: str,
    heads: Sequence[User],
    now: datetime,
    tz: tzinfo,
) -> list[NewMessage]:
    """The outbox rows of an item in ``state``: its dated step's reminders and escalations, or an
    open-ended step's review reminders, or nothing once it is closed."""
    if state.closed:
        return []
    if state.step is not None:
        return step_messages(item_id, version, label, state.step, assignee, assignee_name, heads, now, tz)
    if state.open is not None and assignee is not None:
        return review_messages(item_id, version, label, state.open, assignee, now, tz)
    return []
