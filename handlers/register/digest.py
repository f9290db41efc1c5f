"""The register's part of the heads' 07:30 digest: the items of their unit subtree that expire
today or tomorrow, those overdue without an update, and those held with no expiry at all
(detention until the investigation or the hearing ends, Đ173 k5, k6; Đ278 k3; Đ347 k2) with the
day of their next periodic review.

Built once per digest run by one scoped storage read for all recipients: each open item's
current step is recomputed from its events (the law) as the read goes, and only the steps that
end by the end of tomorrow are kept, per recipient; nothing computed is stored."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from handlers.register.plan import next_review, state_of
from knowledge.deadlines.register_chain import OpenPeriod, Step
from knowledge.deadlines.register_rules import ChainError
from knowledge.deadlines.reminders import expiry_text, time_left
from storage.register_model import Item
from storage.repositories import Repositories
from storage.users import User


def _horizon(day: date) -> datetime:
    """The end of the day after ``day`` (naive local)."""
    return datetime.combine(day + timedelta(days=2), datetime.min.time())


def ending_by(horizon: datetime) -> Callable[[Item], Step | OpenPeriod | None]:
    """The item's current step if it ends by ``horizon`` (overdue ones too), its open-ended step
    (no end: always listed), else None; an item whose chain no longer folds (data to check) is
    not a digest line."""

    def pick(item: Item) -> Step | OpenPeriod | None:
        try:
            state = state_of(item)
        except ChainError:
            return None
        if state.closed:
            return None
        if state.open is not None:
            return state.open
        step = state.step
        return step if step is not None and step.expiry <= horizon else None

    return pick


@dataclass(frozen=True, slots=True)
class RegisterDigest:
    items: dict[int, list[tuple[Item, Step | OpenPeriod]]]  # per recipient id: nearest expiry, then reviews
    now: datetime  # naive local

    @classmethod
    async def load(cls, repos: Repositories, now_local: datetime, recipients: Sequence[User]) -> RegisterDigest:
        """The lines of ``recipients`` for a digest of today or an earlier day."""
        now = now_local.replace(tzinfo=None)
        found: dict[int, list[tuple[Item, Step | OpenPeriod]]] = await repos.register.picked_in_scopes(
            recipients, ending_by(_horizon(now.date()))
        )

        def order(pair: tuple[Item, Step | OpenPeriod]) -> tuple[int, datetime, int]:
            what = pair[1]
            when = what.expiry if isinstance(what, Step) else next_review(what, now)
            return (isinstance(what, OpenPeriod), when, pair[0].id)

        for items in found.values():
            items.sort(key=order)
        return cls(found, now)

    def lines_for(self, user: User, day: date) -> list[str]:
        lines = []
        for item, step in self.items.get(user.id, []):
            if isinstance(step, OpenPeriod):
                review = next_review(step, self.now)
                lines.append(
                    f"«{item.label}» ({item.assignee_name}): {step.label[0].lower()}{step.label[1:]} — không có "
                    f"ngày hết hạn, rà soát tiếp ngày {review:%d/%m/%Y}"
                )
                continue
            if step.expiry > _horizon(day):
                continue
            # An end at 24:00 of a day belongs to that day.
            last = (step.expiry - timedelta(minutes=1)).date()
            when = "quá hạn chưa cập nhật" if step.expiry <= self.now else ("hôm nay" if last == day else "ngày mai")
            lines.append(
                f"«{item.label}» ({item.assignee_name}): {step.label.lower()} hết {expiry_text(step)}"
                f" — {when}, {time_left(step.expiry, self.now)}"
            )
        return lines


def section(lines: list[str]) -> str:
    return f"Sổ theo dõi thời hạn ({len(lines)}):\n" + "\n".join(f"• {line}" for line in lines) + "\nXem: /theodoi"
