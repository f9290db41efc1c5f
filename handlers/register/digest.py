"""The register's part of the heads' 07:30 digest: the items of their unit subtree that expire
today or tomorrow, and those overdue without an update. Folded once per digest run."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from handlers.register.views import Shown, folded
from knowledge.deadlines.reminders import expiry_text, time_left
from storage.repositories import Repositories
from storage.units import Unit
from storage.users import User


def subtrees(units: list[Unit]) -> dict[int, set[int]]:
    """Each unit's id with the ids of every unit below it."""
    children: dict[int, list[int]] = {}
    for unit in units:
        if unit.parent_id is not None:
            children.setdefault(unit.parent_id, []).append(unit.id)
    found: dict[int, set[int]] = {}
    for unit in units:
        seen, todo = {unit.id}, [unit.id]
        while todo:
            for child in children.get(todo.pop(), []):
                if child not in seen:
                    seen.add(child)
                    todo.append(child)
        found[unit.id] = seen
    return found


@dataclass(frozen=True, slots=True)
class RegisterDigest:
    items: list[Shown]
    trees: dict[int, set[int]]
    now: datetime  # naive local

    @classmethod
    async def load(cls, repos: Repositories, now_local: datetime) -> RegisterDigest:
        items = folded(await repos.register.all_open())
        return cls(items, subtrees(await repos.units.all()), now_local.replace(tzinfo=None))

    def lines_for(self, user: User, day: date) -> list[str]:
        scope = self.trees.get(user.unit_id, {user.unit_id})
        lines = []
        tomorrow_end = datetime.combine(day + timedelta(days=2), datetime.min.time())
        for shown in self.items:
            step = shown.state.step if shown.state else None
            if step is None or shown.item.unit_id not in scope or step.expiry > tomorrow_end:
                continue
            # An end at 24:00 of a day belongs to that day.
            last = (step.expiry - timedelta(minutes=1)).date()
            when = "quá hạn chưa cập nhật" if step.expiry <= self.now else ("hôm nay" if last == day else "ngày mai")
            lines.append(
                f"«{shown.item.label}» ({shown.item.assignee_name}): {step.label.lower()} hết {expiry_text(step)}"
                f" — {when}, {time_left(step.expiry, self.now)}"
            )
        return lines


def section(lines: list[str]) -> str:
    return f"Sổ theo dõi thời hạn ({len(lines)}):\n" + "\n".join(f"• {line}" for line in lines) + "\nXem: /theodoi"
