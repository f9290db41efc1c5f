"""What the chat, the CLI and the importer share: validate an item's chain with the law, create
items and record events with their reminders planned in the same transaction."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime, timedelta, tzinfo
from typing import Any

from handlers.date_window import too_old
from handlers.register.plan import state_messages, state_of
from knowledge.deadlines.register_chain import Event, State, apply, fold
from knowledge.deadlines.register_rules import ChainError
from storage.outbox import NewMessage
from storage.register_import import Appended
from storage.register_model import Item, NewItem
from storage.repositories import Repositories
from storage.users import User, heads_by_unit

MAX_LABEL = 80
CLOSING = ("release", "close")


def check_start(data: dict[str, Any], now_local: datetime) -> None:
    """A start more than a day in the future is a typo (the order is not issued yet); so is a
    decision dated after today. A detention that deducts tạm giữ days begins the day tạm giữ ends
    (TTLT 04/2018 Đ17), which may still be ahead: tạm giữ began by now, so day 1 is at most the
    deducted days later (a conversion exported while its tạm giữ still ran, imported again)."""
    decided = data.get("decided_on")
    old = too_old(date.fromisoformat(str(decided)[:10]), now_local.date()) if decided is not None else None
    if old:
        raise ChainError(old)
    if decided is not None and str(decided)[:10] > now_local.date().isoformat():
        raise ChainError(
            f"Ngày quyết định {date.fromisoformat(str(decided)[:10]):%d/%m/%Y} ở tương lai. "
            "Anh/chị nhập ngày ghi trong quyết định."
        )
    raw = data.get("start")
    if raw is None:
        return
    text = str(raw)
    start = (
        datetime.fromisoformat(text) if "T" in text else datetime.combine(date.fromisoformat(text), datetime.min.time())
    )
    old = too_old(start.date(), now_local.date())
    if old:
        raise ChainError(old)
    held = data.get("tam_giu_days")
    ahead = 1 + (held if isinstance(held, int) and not isinstance(held, bool) and 0 < held <= 9 else 0)
    if start > now_local.replace(tzinfo=None) + timedelta(days=ahead):
        raise ChainError(
            f"Ngày bắt đầu {start.strftime('%d/%m/%Y')} ở tương lai (quá {ahead} ngày). Anh/chị nhập ngày ghi trong lệnh."
        )


def check_release(began: Any, data: dict[str, Any], now_local: datetime) -> None:
    """A release's day (``released_on``) is not after today nor before the item's start (``began``, the
    first event's ``start``): either is a typo, refused with what to type instead."""
    raw = data.get("released_on")
    if raw is None:
        return
    try:
        day = date.fromisoformat(str(raw)[:10])
    except ValueError:
        raise ChainError(f"Ngày trả tự do “{raw}” không đọc được: ghi ngày dạng dd/mm/yyyy.") from None
    again = "Anh/chị nhập lại ngày trả tự do / thay đổi biện pháp (ví dụ 05/12/2026), hoặc gõ /huy để dừng."
    if day > now_local.date():
        raise ChainError(f"Ngày {day:%d/%m/%Y} ở tương lai, chưa thể là ngày trả tự do. {again}")
    start = date.fromisoformat(str(began)[:10]) if began is not None else None
    if start is not None and day < start:
        raise ChainError(f"Ngày {day:%d/%m/%Y} trước ngày bắt đầu của mục ({start:%d/%m/%Y}). {again}")


def check_label(label: str) -> str:
    text = " ".join(label.split())
    if not any(c.isalnum() for c in text):  # empty, or only emoji and signs: nothing to find it by
        raise ChainError("Anh/chị nhập nhãn ngắn bằng chữ hoặc số, ví dụ «12/2026 NVA» (số vụ + tên viết tắt).")
    if len(text) > MAX_LABEL:
        raise ChainError(
            f"Nhãn dài {len(text)} ký tự, tối đa {MAX_LABEL}. Anh/chị nhập ngắn hơn (số vụ + tên viết tắt)."
        )
    return text


def validate(new: NewItem, now_local: datetime) -> State:
    """The state the new item's events lead to; raises ChainError with the reason."""
    check_label(new.label)
    events = [Event(1, "start", new.start)]
    check_start(new.start, now_local)
    for seq, (kind, data) in enumerate(new.later, start=2):
        check_start(data, now_local)
        check_release(new.start.get("start"), data, now_local)
        events.append(Event(seq, kind, data))
    return fold(events)


async def _people(
    repos: Repositories, unit_ids: Sequence[int], user_ids: Sequence[int]
) -> tuple[dict[int, list[User]], dict[int, User]]:
    heads = await heads_by_unit(repos.db, unit_ids) if unit_ids else {}
    users: dict[int, User] = {}
    for uid in set(user_ids):
        user = await repos.users.get(uid)
        if user is not None and user.active:
            users[uid] = user
    return heads, users


async def create(repos: Repositories, actor: User, news: Sequence[NewItem], now: datetime, tz: tzinfo) -> list[int]:
    """Create validated items (all or nothing) with their reminders."""
    return await import_all(repos, actor, news, (), now, tz)


async def import_all(
    repos: Repositories,
    actor: User,
    news: Sequence[NewItem],
    behind: Sequence[tuple[Item, Sequence[tuple[str, dict[str, Any]]]]],
    now: datetime,
    tz: tzinfo,
) -> list[int]:
    """An import, all or nothing: new items (as ``create``) and, for items the register has with an
    earlier part of a row's history, the row's later events appended (each checked with the law
    after the item's own, as if recorded in chat)."""
    now_local = now.astimezone(tz)
    states = [validate(n, now_local) for n in news]
    later_states = []
    for item, events in behind:
        for _, data in events:
            check_start(data, now_local)
            check_release(item.live_events[0].data.get("start") if item.live_events else None, data, now_local)
        chain = [Event(e.seq, e.type, e.data) for e in item.live_events]
        chain += [Event(item.version + n, kind, data) for n, (kind, data) in enumerate(events, start=1)]
        later_states.append(fold(chain))
    units = [n.unit_id for n in news] + [item.unit_id for item, _ in behind]
    heads, users = await _people(repos, units, [n.assignee_id for n in news] + [i.assignee_id for i, _ in behind])
    pending = iter([(n.label, n.unit_id, n.assignee_id, s) for n, s in zip(news, states, strict=True)])
    later = iter([(i.label, i.unit_id, i.assignee_id, s) for (i, _), s in zip(behind, later_states, strict=True)])

    def planner(rows: Any) -> Any:
        def plan(item_id: int, version: int) -> list[NewMessage]:
            label, unit_id, assignee_id, state = next(rows)  # called once per item, in order
            assignee = users.get(assignee_id)
            name = assignee.display_name if assignee else ""
            return state_messages(item_id, version, label, state, assignee, name, heads.get(unit_id, []), now, tz)

        return plan

    marked = [replace(n, closed=s.closed) for n, s in zip(news, states, strict=True)]
    appended = [Appended(item, tuple(events), s.closed) for (item, events), s in zip(behind, later_states, strict=True)]
    return await repos.register.import_items(actor, marked, appended, now, planner(pending), planner(later))


async def record(
    repos: Repositories, actor: User, item: Item, kind: str, data: dict[str, Any], now: datetime, tz: tzinfo
) -> State:
    """Append one event after the law check; returns the new state. Raises ChainError or
    RegisterConflict (the item changed meanwhile, closed, or is out of scope)."""
    check_start(data, now.astimezone(tz))
    if kind == "release":
        check_release(item.live_events[0].data.get("start") if item.live_events else None, data, now.astimezone(tz))
    state = apply(state_of(item), Event(item.version + 1, kind, data))
    heads, users = await _people(repos, [item.unit_id], [item.assignee_id])
    assignee = users.get(item.assignee_id)

    def plan(item_id: int, version: int) -> list[NewMessage]:
        return state_messages(
            item_id, version, item.label, state, assignee, item.assignee_name, heads.get(item.unit_id, []), now, tz
        )

    await repos.register.append(actor, item, kind, data, now, plan, closes=state.closed)
    return state


async def undo_last(repos: Repositories, actor: User, item: Item, reason: str, now: datetime, tz: tzinfo) -> State:
    """Soft-delete the latest event (heads); the step before it is current again."""
    live = item.live_events
    state = fold(Event(e.seq, e.type, e.data) for e in live[:-1])
    heads, users = await _people(repos, [item.unit_id], [item.assignee_id])
    assignee = users.get(item.assignee_id)

    def plan(item_id: int, version: int) -> list[NewMessage]:
        return state_messages(
            item_id, version, item.label, state, assignee, item.assignee_name, heads.get(item.unit_id, []), now, tz
        )

    await repos.register.delete_event(actor, item, live[-1].seq, reason, now, plan, reopens=not state.closed)
    return state


async def reassign(repos: Repositories, actor: User, item: Item, assignee: User, now: datetime, tz: tzinfo) -> None:
    """Give the item to ``assignee``; the current step's reminders are re-planned for them."""
    state = state_of(item)
    heads, _ = await _people(repos, [item.unit_id], [])

    def plan(item_id: int, version: int) -> list[NewMessage]:
        return state_messages(
            item_id,
            version,
            item.label,
            state,
            assignee,
            assignee.display_name,
            heads.get(item.unit_id, []),
            now,
            tz,
        )

    await repos.register.reassign(actor, item, assignee, now, plan)
