"""A sheet imported twice stores nothing twice: each imported row is compared with the unit's
items of the same label (open or closed), by what their events mean — the same events, in order,
with the same data once empty and false values are dropped and moments written alike. A row
whose item is already there is left out (and listed), so is a row that is an earlier part of its
item's history (an older sheet: the register recorded more since); a row whose item is there with an earlier
part of the same history (a register restored from a backup older than the export) gets the
later events appended to that item; a row whose label names an item there with the same first
order but another history refuses the file (with the row, and what to do), as storing it would
make a second copy of one person's or one case's deadlines."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from storage.register_model import Item, NewItem

Meaning = tuple[tuple[str, tuple[tuple[str, Any], ...]], ...]


def _value(key: str, raw: Any) -> Any:
    if key in ("start", "stage_start", "decided_on") and isinstance(raw, str):
        try:
            moment = datetime.fromisoformat(raw) if "T" in raw or " " in raw else date.fromisoformat(raw)
        except ValueError:
            return raw
        return moment.isoformat(timespec="minutes") if isinstance(moment, datetime) else moment.isoformat()
    return raw


def event_meaning(kind: str, data: Mapping[str, Any]) -> tuple[str, tuple[tuple[str, Any], ...]]:
    """An event as it counts: no empty or false values (``anqg: false`` says nothing), a moment
    written one way (``…T10:00`` and ``…T10:00:00`` are the same start)."""
    kept = {k: _value(k, v) for k, v in data.items() if v is not None and v is not False and v != ""}
    return kind, tuple(sorted(kept.items()))


def meaning(chain: Sequence[tuple[str, Mapping[str, Any]]]) -> Meaning:
    return tuple(event_meaning(kind, data) for kind, data in chain)


def new_meaning(new: NewItem) -> Meaning:
    return meaning([("start", new.start), *new.later])


def item_meaning(item: Item) -> Meaning:
    return meaning([(e.type, e.data) for e in item.live_events])


@dataclass(slots=True)
class Matched:
    fresh: list[int] = field(default_factory=list)  # indexes of the rows to store
    known: list[int] = field(default_factory=list)  # already in the register: left out
    clashes: list[tuple[int, Item]] = field(default_factory=list)  # same label and first order, another history
    behind: list[tuple[int, Item]] = field(default_factory=list)  # open, with an earlier part of the row's history
    ahead: list[int] = field(default_factory=list)  # the row is an earlier part of the item's history: left out


def later_events(new: NewItem, item: Item) -> list[tuple[str, dict[str, Any]]]:
    """The row's events after those ``item`` has (``item`` is behind: its history is a prefix)."""
    return [(kind, dict(data)) for kind, data in [("start", new.start), *new.later][len(item.live_events) :]]


def match(news: Sequence[NewItem], existing: Sequence[Item]) -> Matched:
    """Each existing item answers for one row at most (two identical rows are two items)."""
    found = Matched()
    free: dict[tuple[str, int], dict[int, Item]] = {}  # by label and unit: a row looks only at its own
    for item in existing:
        free.setdefault((item.label, item.unit_id), {})[item.id] = item
    meanings = {item.id: item_meaning(item) for item in existing}
    for index, new in enumerate(news):
        wanted = new_meaning(new)
        unused = free.get((new.label, new.unit_id), {})
        same_label = list(unused.values())
        twin = next((i for i in same_label if meanings[i.id] == wanted), None)
        if twin is not None:
            del unused[twin.id]
            found.known.append(index)
            continue
        newer = next((i for i in same_label if meanings[i.id][: len(wanted)] == wanted), None)
        if newer is not None:  # an older sheet: the register has recorded more since
            del unused[newer.id]
            found.ahead.append(index)
            continue
        older = next(
            (i for i in same_label if i.closed_at is None and wanted[: len(meanings[i.id])] == meanings[i.id]), None
        )
        if older is not None:
            del unused[older.id]
            found.behind.append((index, older))
            continue
        rival = next((i for i in same_label if meanings[i.id][:1] == wanted[:1]), None)
        if rival is not None:
            found.clashes.append((index, rival))
            continue
        found.fresh.append(index)
    return found
