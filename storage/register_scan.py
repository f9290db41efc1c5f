"""Reading the open items of many people's scopes at once, keeping only what a caller picks.

The heads' morning digest shows each head the items of their unit subtree that expire soon.
Expiries are computed from law, never stored, so SQL cannot select by them: the open items of
the recipients' subtrees (and only of those) are read in pages, each handed to ``pick`` (the
caller's law: an item's current step, say, or None), and only the picked ones are kept, then
given to every recipient whose subtree holds their unit. The scope is SQL's (the units tree
from each recipient's unit); memory holds one page and what was picked.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from storage.database import Database
from storage.register_model import EVENT_SELECT, ITEM_SELECT, Item, StoredEvent, event_from_row, item_from_row
from storage.users import User

T = TypeVar("T")

PAGE = 500

# (root, unit): every unit under each recipient's unit, the root's own included.
_TREES = (
    "WITH RECURSIVE tree(root, id) AS (SELECT id, id FROM units WHERE id IN ({roots}) "
    "UNION ALL SELECT t.root, u.id FROM tree t JOIN units u ON u.parent_id = t.id) SELECT DISTINCT root, id FROM tree"
)


async def picked_in_scopes(
    db: Database, recipients: Sequence[User], pick: Callable[[Item], T | None]
) -> dict[int, list[tuple[Item, T]]]:
    """Per recipient id: the open items of their unit subtree for which ``pick`` returned something,
    with it, in item id order. An item carries its live events only. Inactive people get nothing;
    a person named twice gets each item once."""
    active = list({user.id: user for user in recipients if user.active}.values())  # each person once
    found: dict[int, list[tuple[Item, T]]] = {user.id: [] for user in active}
    roots = sorted({user.unit_id for user in active})
    if not roots:
        return found
    under: dict[int, set[int]] = {}  # unit -> the recipients' units whose subtree holds it
    for root, unit in await db.fetchall(_TREES.format(roots=",".join("?" * len(roots))), roots):
        under.setdefault(unit, set()).add(root)
    units = sorted(under)
    picked: list[tuple[Item, T]] = []
    last = 0
    while True:
        rows = await db.fetchall(
            ITEM_SELECT + f"WHERE i.closed_at IS NULL AND i.unit_id IN ({','.join('?' * len(units))}) AND i.id > ? "
            "ORDER BY i.id LIMIT ?",
            (*units, last, PAGE),
        )
        if not rows:
            break
        last = rows[-1]["id"]
        events: dict[int, list[StoredEvent]] = {}
        ids = [r["id"] for r in rows]
        for e in await db.fetchall(
            EVENT_SELECT + f"WHERE e.item_id IN ({','.join('?' * len(ids))}) AND e.deleted_at IS NULL", ids
        ):
            events.setdefault(e["item_id"], []).append(event_from_row(e))
        for row in rows:
            item = item_from_row(row, events.get(row["id"], []))
            value = pick(item)
            if value is not None:
                picked.append((item, value))
    people: dict[int, list[User]] = {}
    for user in active:
        people.setdefault(user.unit_id, []).append(user)
    for item, value in picked:
        for root in under[item.unit_id]:
            for user in people[root]:
                found[user.id].append((item, value))
    return found
