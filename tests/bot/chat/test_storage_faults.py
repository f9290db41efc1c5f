"""The error boundary covers storage: when the database refuses a write or a read (a full or
read-only disk, a missing table, a closed connection), the user gets the polite error reply with
a reference, never silence; a submit whose conversation save failed still says it is stored.

The faults are real SQLite errors on the real database file: triggers that abort the write
(as a full disk would), a table renamed away, a closed connection."""

from __future__ import annotations

import logging
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from bot.chat import texts
from tests.conftest import World
from tests.fakes import buttons, joined
from tests.handlers.test_checkin_support import add_sites, fill_to_summary, send_button
from tests.pg import sqlite_only

# The faults are injected into the SQLite file with sqlite3 (aborting triggers, a renamed table).
pytestmark = sqlite_only

ERROR_HEAD = texts.ERROR.split("(")[0]


@contextmanager
def failing_writes(world: World, table: str) -> Iterator[None]:
    """Every write to ``table`` aborts with SQLite's own 'disk full' message, until the block ends."""
    conn = sqlite3.connect(world.app.db.path, isolation_level=None)
    for event in ("INSERT", "UPDATE", "DELETE"):
        conn.execute(
            f"CREATE TRIGGER fault_{event.lower()} BEFORE {event} ON {table} "
            "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END"
        )
    try:
        yield
    finally:
        for event in ("insert", "update", "delete"):
            conn.execute(f"DROP TRIGGER fault_{event}")
        conn.close()


def _reference(text: str) -> str:
    found = re.search(r"mã lỗi ([0-9A-F]{6})", text)
    assert found is not None, text
    return found.group(1)


async def test_a_failing_update_claim_gets_the_error_reply(world: World, caplog: pytest.LogCaptureFixture) -> None:
    chat = world.chat(world.staff_a)
    with caplog.at_level(logging.ERROR), failing_writes(world, "processed_updates"):
        answer = await chat.text("/help")
    assert answer.startswith(ERROR_HEAD)
    ref = _reference(answer)
    assert any(ref in r.getMessage() and r.exc_info for r in caplog.records)  # the traceback is logged
    assert "/kiemsat" in await chat.text("/help")  # and the next message is served again


async def test_a_failing_conversation_load_gets_the_error_reply(world: World) -> None:
    chat = world.chat(world.staff_a)
    conn = sqlite3.connect(world.app.db.path, isolation_level=None)
    conn.execute("ALTER TABLE conversations RENAME TO conversations_away")
    try:
        answer = await chat.text("/kiemsat")
    finally:
        conn.execute("ALTER TABLE conversations_away RENAME TO conversations")
        conn.close()
    assert answer.startswith(ERROR_HEAD)
    _reference(answer)


async def test_a_closed_connection_gets_the_error_reply(world: World) -> None:
    chat = world.chat(world.staff_a)
    await world.app.db.close()  # every read and write now fails
    answer = await chat.text("/help")
    assert answer.startswith(ERROR_HEAD)


async def test_a_failing_state_save_after_a_step_says_so_and_keeps_nothing_wrong(world: World) -> None:
    sites = await add_sites(world)
    chat = world.chat(world.staff_a)
    with failing_writes(world, "conversations"):
        replies = await chat.send("/kiemsat")
    assert (sites.a1.name, f"ks:f:{sites.a1.id}") in buttons(replies)  # the handler's answer stands
    assert "chưa ghi được bước đang làm" in replies[-1].text
    _reference(replies[-1].text)
    conv = await world.app.repos.conversations.load("test", "staff-a", "staff-a")
    assert conv.state is None  # nothing half-saved


async def test_a_submit_whose_state_save_failed_still_says_stored(world: World) -> None:
    sites = await add_sites(world)
    chat = world.chat(world.staff_a)
    await fill_to_summary(chat, sites.a1)
    send = send_button(chat)
    with failing_writes(world, "conversations"):
        done = joined(await chat.press(send))
    assert "Đã gửi phiếu kiểm sát số" in done
    assert "chưa ghi được bước đang làm" in done
    [stored] = await world.app.repos.checkins.recent(world.staff_a)
    assert stored.content.facility_id == sites.a1.id
    # Pressing "Gửi" again (the old draft is still on screen) does not store a second record.
    await chat.press(send)
    assert len(await world.app.repos.checkins.recent(world.staff_a)) == 1
