"""The register's event types on both stores (migration 0010): a stage's extension decision
(``stage_extend``) is stored and read back like any event, a type outside the list is refused by
the table itself, and recording it goes through the same conditional update as every event."""

from __future__ import annotations

import pytest

from storage.outbox import NewMessage
from storage.register_model import NewItem
from storage.repositories import Repositories
from tests.storage.contract.conftest import NOW, person

START = {"kind": "tam_giam_truy_to", "start": "2026-11-01", "stage_start": "2026-11-01", "category": "nghiem_trong"}
DECISION = {"days": 7, "decided_on": "2026-11-18"}


def _none(item_id: int, version: int) -> list[NewMessage]:
    return []


class TestRegisterEventTypes:
    async def test_a_stage_decision_is_stored_and_read_back(self, repos: Repositories) -> None:
        user = await person(repos)
        [item_id] = await repos.register.create(user, [NewItem(user.unit_id, "1/2026 NVA", user.id, START)], NOW, _none)
        item = await repos.register.get(user, item_id)
        assert item is not None
        seq = await repos.register.append(user, item, "stage_extend", DECISION, NOW, _none, closes=False)
        again = await repos.register.get(user, item_id)
        assert again is not None and seq == 2 and again.version == 2
        assert [(e.seq, e.type, e.data) for e in again.events] == [(1, "start", START), (2, "stage_extend", DECISION)]
        [audit] = [a for a in await repos.audit.for_target("register_item", item_id) if a.action != "register.create"]
        assert audit.action == "register.stage_extend" and audit.after == {
            "seq": 2,
            "type": "stage_extend",
            "data": DECISION,
        }

    async def test_a_type_outside_the_list_is_refused_and_nothing_changes(self, repos: Repositories) -> None:
        user = await person(repos)
        [item_id] = await repos.register.create(user, [NewItem(user.unit_id, "2/2026", user.id, START)], NOW, _none)
        item = await repos.register.get(user, item_id)
        assert item is not None
        with pytest.raises(repos.db.integrity_errors):
            await repos.register.append(user, item, "stage_extension", DECISION, NOW, _none, closes=False)
        again = await repos.register.get(user, item_id)
        assert again is not None and again.version == 1 and [e.type for e in again.events] == ["start"]
