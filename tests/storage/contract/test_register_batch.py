"""Creating many register items at once (an imported sheet) and queueing many outbox messages:
multi-row statements on both stores, with the same promises as one row at a time — each new id
bound to its own item, events, audit entry and messages, all or nothing, every key once."""

from __future__ import annotations

import asyncio
import json
from datetime import timedelta

import pytest

from storage.outbox import NewMessage
from storage.register_model import NewItem
from storage.repositories import Repositories
from storage.users import User
from tests.storage.contract.conftest import NOW, Opened, person

# Several statements' worth of rows (storage.multirow: 512 + 512 + 128 + 32 + 16 + 1).
MANY = 1_201


def _items(user: User, count: int) -> list[NewItem]:
    """Items that differ in every stored field, so that any mix-up shows."""
    found = []
    for n in range(count):
        start = {"kind": "tam_giam", "start": f"2026-{1 + n % 12:02d}-{1 + n % 28:02d}", "months": 1 + n % 4}
        later = [("extend", {"n": n})] * (n % 3)
        found.append(
            NewItem(
                user.unit_id, f"{n}/2026 NVA", user.id, start, case_number=f"VA{n}", note=f"ghi chú {n}", later=later
            )
        )
    return found


class TestRegisterCreateInBatches:
    async def test_each_new_id_gets_its_own_item_events_audit_and_messages(self, repos: Repositories) -> None:
        user = await person(repos)
        news = _items(user, MANY)
        planned: list[tuple[int, int]] = []

        def plan(item_id: int, version: int) -> list[NewMessage]:
            planned.append((item_id, version))
            label = news[len(planned) - 1].label
            return [NewMessage(f"reg:{item_id}:{version}:x:{user.id}", user, f"Nhắc «{label}»", topic=f"reg:{item_id}")]

        ids = await repos.register.create(user, news, NOW, plan)
        assert len(ids) == MANY and ids == sorted(ids) and len(set(ids)) == MANY
        # plan() is called once per item, in order, with the item's id and version (its event count).
        assert planned == [(i, 1 + n % 3) for n, i in enumerate(ids)]
        for n in (0, 1, 2, 511, 512, 1023, 1024, 1199, MANY - 1):  # across the statement boundaries
            item = await repos.register.get(user, ids[n])
            assert item is not None
            assert (item.label, item.case_number, item.note) == (f"{n}/2026 NVA", f"VA{n}", f"ghi chú {n}")
            assert item.version == 1 + n % 3 and item.closed_at is None
            assert [(e.seq, e.type) for e in item.events] == [(1, "start")] + [
                (s, "extend") for s in range(2, 2 + n % 3)
            ]
            assert item.events[0].data == news[n].start
            assert [e.data for e in item.events[1:]] == [{"n": n}] * (n % 3)
            [audit] = await repos.audit.for_target("register_item", ids[n])
            assert audit.action == "register.create" and audit.unit_id == user.unit_id
            assert audit.after == {
                "label": f"{n}/2026 NVA",
                "events": ["start", *["extend"] * (n % 3)],
                "assignee_id": user.id,
            }
            message = await repos.outbox.for_key(f"reg:{ids[n]}:{1 + n % 3}:x:{user.id}")
            assert message is not None and message.text == f"Nhắc «{n}/2026 NVA»"
        counts = [await repos.db.fetchval(f"SELECT COUNT(*) FROM {t}") for t in ("register_items", "outbox")]
        assert counts == [MANY, MANY]
        events = await repos.db.fetchval("SELECT COUNT(*) FROM register_events")
        assert events == sum(1 + n % 3 for n in range(MANY))

    async def test_two_processes_creating_at_once_each_get_their_own_ids(self, store: Opened) -> None:
        user = await person(store.repos)
        other, _ = await store.another_process()

        def plan(item_id: int, version: int) -> list[NewMessage]:
            return []

        def sheet(tag: str) -> list[NewItem]:
            return [NewItem(user.unit_id, f"{tag}{n}", user.id, {"n": n}) for n in range(700)]

        first, second = await asyncio.gather(
            store.repos.register.create(user, sheet("a"), NOW, plan), other.register.create(user, sheet("b"), NOW, plan)
        )
        assert not set(first) & set(second)
        labels = {r["id"]: r["label"] for r in await store.repos.db.fetchall("SELECT id, label FROM register_items")}
        assert [labels[i] for i in first] == [f"a{n}" for n in range(700)]
        assert [labels[i] for i in second] == [f"b{n}" for n in range(700)]
        events = await store.repos.db.fetchall("SELECT item_id, data_json FROM register_events")
        assert (
            all(json.loads(e["data_json"])["n"] == int(labels[e["item_id"]][1:]) for e in events)
            and len(events) == 1400
        )

    async def test_one_bad_row_stores_nothing_at_all(self, repos: Repositories) -> None:
        user = await person(repos)
        news = _items(user, MANY)
        news[1100] = NewItem(user.unit_id, "x" * 81, user.id, {"kind": "tam_giu"})  # breaks the label's CHECK

        def plan(item_id: int, version: int) -> list[NewMessage]:
            return [NewMessage(f"reg:{item_id}:{version}", user, "Nhắc")]

        with pytest.raises(repos.db.integrity_errors):
            await repos.register.create(user, news, NOW, plan)
        for table in ("register_items", "register_events", "outbox"):
            assert await repos.db.fetchval(f"SELECT COUNT(*) FROM {table}") == 0, table
        assert await repos.db.fetchval("SELECT COUNT(*) FROM audit WHERE action = 'register.create'") == 0

    async def test_a_closed_item_is_created_closed_with_no_messages(self, repos: Repositories) -> None:
        user = await person(repos)
        news = [NewItem(user.unit_id, "1/2026", user.id, {"kind": "tam_giu"}, later=[("close", {})], closed=True)]
        news.append(NewItem(user.unit_id, "2/2026", user.id, {"kind": "tam_giu"}))

        def plan(item_id: int, version: int) -> list[NewMessage]:
            return [] if version == 2 else [NewMessage(f"reg:{item_id}:{version}", user, "Nhắc")]

        closed, running = await repos.register.create(user, news, NOW, plan)
        first = await repos.register.get(user, closed)
        second = await repos.register.get(user, running)
        assert first is not None and first.closed_at is not None and first.version == 2
        assert second is not None and second.closed_at is None
        assert [m.key for m in await repos.outbox.due(("test",), NOW)] == [f"reg:{running}:1"]


class TestOutboxInBatches:
    async def test_many_messages_are_queued_once_per_key_in_their_order(self, repos: Repositories) -> None:
        user = await person(repos)
        await repos.outbox.enqueue(key="k7", user=user, text="đã có", now=NOW)
        messages = [NewMessage(f"k{n}", user, f"Tin {n}", buttons=[[("Mở", f"o:{n}")]]) for n in range(MANY)]
        messages.insert(1100, NewMessage("k5", user, "trùng khóa"))  # a key twice in one batch
        messages.append(NewMessage("late", user, "Sau", not_before=NOW + timedelta(hours=1), topic="t"))
        assert await repos.outbox.queue(messages, NOW) == MANY  # k7 was there; k5 twice is once
        assert (await repos.outbox.for_key("k7")).text == "đã có"  # type: ignore[union-attr]
        assert (await repos.outbox.for_key("k5")).text == "Tin 5"  # type: ignore[union-attr]
        due = await repos.outbox.due(("test",), NOW, limit=5000)
        assert [m.key for m in due] == ["k7", *(f"k{n}" for n in range(MANY) if n != 7)]  # in the order given
        assert due[1200].buttons == [[("Mở", "o:1200")]] and due[1200].chat_id == user.platform_user_id
        late = await repos.outbox.for_key("late")
        assert late is not None and late.next_attempt_at == NOW + timedelta(hours=1)
        assert await repos.db.fetchval("SELECT topic FROM outbox WHERE key = 'late'") == "t"

    async def test_a_skipped_message_is_recorded_with_its_reason(self, repos: Repositories) -> None:
        user = await person(repos)
        stale = NewMessage("old", user, "Cũ", skip_reason="quá giờ nhắc")
        assert await repos.outbox.queue([stale, NewMessage("new", user, "Mới")], NOW) == 2
        old = await repos.outbox.for_key("old")
        assert old is not None and (old.status, old.last_error) == ("skipped", "quá giờ nhắc")
        assert await repos.outbox.count_by_status() == {"pending": 1, "skipped": 1}


class TestLongStatements:
    async def test_many_parameters_with_quoted_marks_and_percent_signs(self, repos: Repositories) -> None:
        """Over 50 parameters (PostgreSQL: $n through a raw cursor) and a few (psycopg's %s): a ``?``
        or ``%`` inside quotes is text, not a placeholder, either way."""
        for count in (3, 120):
            values = list(range(count))
            row = await repos.db.fetchone(
                f"SELECT 'a?b%c' AS quoted, ({' + '.join('?' * count)}) AS total, 'x' LIKE '%' AS matched", values
            )
            assert (row["quoted"], row["total"], bool(row["matched"])) == ("a?b%c", sum(values), True)
        async with repos.db.transaction() as conn:
            rows = await conn.execute_fetchall(
                f"SELECT 'it''s ?' AS quoted, {', '.join('?' * 60)}", [f"v{n}%" for n in range(60)]
            )
        assert list(rows[0]) == ["it's ?", *(f"v{n}%" for n in range(60))]
