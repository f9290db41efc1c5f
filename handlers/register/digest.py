"""The register's part of the heads' 07:30 digest: the items of their unit subtree that expire
today or tomorrow, and those overdue without an update.

Built once per digest run by one scoped storage read for all recipients: each open item's
current step is recomputed from its events (the law) as the read goes, and only the steps that
end by the end of tomorrow are kept, per recipient; nothing computed is stored."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from handlers.register.plan import state_of
from knowledge.deadlines.register_chain import Step
from knowledge.deadlines.register_rules import ChainError
from knowledge.deadlines.reminders import expiry_text, time_left
from storage.register_model import Item
from storage.repositories import Repositories
from storage.users import User


def _horizon(day: date) -> datetime:
    """The end of the day after ``day`` (naive local)."""
    return datetime.combine(day + timedelta(days=2), datetime.min.time())


def ending_by(horizon: datetime) -> Callable[[Item], Step | None]:
    """The item's current step if it ends by ``horizon`` (overdue ones too), else None; an item
    whose chain no longer folds (data to check) is not a digest line."""

    def pick(item: Item) -> Step | None:
        try:
            step = state_of(item).step
        except ChainError:
            return None
        return step if step is not None and step.expiry <= horizon else None

    return pick


@dataclass(frozen=True, slots=True)
class RegisterDigest:
    items: dict[int, list[tuple[Item, Step]]]  # per recipient id, nearest expiry first
    now: datetime  # naive local

    @classmethod
    async def load(cls, repos: Repositories, now_local: datetime, recipients: Sequence[User]) -> RegisterDigest:
        """The lines of ``recipients`` for a digest of today or an earlier day."""
        now = now_local.replace(tzinfo=None)
        found = await repos.register.picked_in_scopes(recipients, ending_by(_horizon(now.date())))
        for items in found.values():
            items.sort(key=lambda pair: (pair[1].expiry, pair[0].id))
        return cls(found, now)

    def lines_for(self, user: User, day: date) -> list[str]:
        lines = []
        for item, step in self.items.get(user.id, []):
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
