"""The tests that kill the five mutants which survived the last mutation round (issue 16):
each asserts the behaviour at the place where the suite was thin."""

from __future__ import annotations

import argparse
import asyncio
import json
import unicodedata
from datetime import date

import pytest

from bot.chat.keyed_locks import KeyedLocks
from bot.chat.messages import Reply
from bot.cli.ask import register as register_ask
from bot.delivery.outbox_worker import OutboxWorker
from bot.delivery.pace import RateLimiter
from storage.facilities import FacilityInput
from storage.users import Role
from tests.conftest import World
from tests.fakes import buttons, joined
from tests.handlers.test_checkin_support import add_sites


# 1. The outbox worker records the attempt *before* the platform call: during ``deliver`` the
#    row is "sending" (a crash there leaves an uncertain row, never a second send).
class StatusReadingSender:
    platforms = ("test",)

    def __init__(self, world: World) -> None:
        self.world = world
        self.seen: list[str] = []

    async def deliver(self, chat_id: str, replies: list[Reply]) -> None:
        message = await self.world.app.repos.outbox.for_key("order-1")
        assert message is not None
        self.seen.append(message.status)


async def test_the_worker_marks_sending_before_the_platform_call_and_sent_after(world: World) -> None:
    outbox, clock = world.app.repos.outbox, world.app.services.clock
    assert await outbox.enqueue(key="order-1", user=world.head_a, text="Nhắc", now=clock.now())
    sender = StatusReadingSender(world)
    worker = OutboxWorker(world.app.repos, sender, clock, limiter=RateLimiter(1000, 0))
    assert await worker.run_once() == 1
    assert sender.seen == ["sending"]
    message = await outbox.for_key("order-1")
    assert message is not None and message.status == "sent" and message.attempts == 1


# 2. The per-key lock table keeps an entry while anyone holds or waits for it: A holds, B waits,
#    A releases, C arrives while B holds: C must wait for B.
async def test_a_lock_entry_survives_while_a_later_holder_still_holds_it() -> None:
    locks: KeyedLocks[str] = KeyedLocks()
    inside: list[str] = []
    overlaps: list[tuple[str, ...]] = []
    a_in, b_in, b_release = asyncio.Event(), asyncio.Event(), asyncio.Event()

    async def worker(name: str, entered: asyncio.Event | None, release: asyncio.Event | None) -> None:
        async with locks.hold("user"):
            inside.append(name)
            if len(inside) > 1:
                overlaps.append(tuple(inside))
            if entered is not None:
                entered.set()
            if release is not None:
                await release.wait()
            await asyncio.sleep(0)
            inside.remove(name)

    a_release = asyncio.Event()
    a = asyncio.create_task(worker("A", a_in, a_release))
    await a_in.wait()
    b = asyncio.create_task(worker("B", b_in, b_release))
    await asyncio.sleep(0)  # B is waiting
    a_release.set()
    await a
    await b_in.wait()  # B holds now
    c = asyncio.create_task(worker("C", None, None))
    for _ in range(5):
        await asyncio.sleep(0)
    assert inside == ["B"]  # C has not run beside B
    b_release.set()
    await asyncio.gather(b, c)
    assert overlaps == [] and len(locks) == 0


# 3. Staff may use only their own unit's facilities, also a staff member at province level:
#    a facility of a unit below is neither offered nor accepted.
async def test_province_staff_cannot_check_in_at_a_facility_of_a_unit_below(world: World) -> None:
    sites = await add_sites(world)
    province = world.province_admin.unit_id
    staff_p = await world.app.repos.users.create("test", "staff-p", "Cán bộ tỉnh", province, Role.STAFF)
    facilities = world.app.repos.facilities
    own = await facilities.add(world.province_admin, FacilityInput("Trại tạm giam tỉnh P", "trai_tam_giam", "P"))
    assert own.unit_id == province
    assert await facilities.get_in_scope(staff_p, sites.a1.id) is None
    assert all(f.unit_id == province for f in await facilities.list_in_scope(staff_p))
    assert all(f.unit_id == province for f in await facilities.for_checkin(staff_p))
    chat = world.chat(staff_p)
    offered = [data for _, data in buttons(await chat.send("/kiemsat"))]
    assert f"ks:f:{own.id}" in offered and f"ks:f:{sites.a1.id}" not in offered
    refused = joined(await chat.press(f"ks:f:{sites.a1.id}"))  # a forged or stale button
    assert "không thuộc đơn vị" in refused
    conv = await world.app.repos.conversations.load("test", "staff-p", "staff-p")
    assert "facility_id" not in conv.data


# 4. Decomposed (NFD) input answers the same through every entry point, also ``python -m bot
#    ask`` which passes raw text to search (chat input is normalised earlier).
def _ask(capsys: pytest.CaptureFixture[str], text: str) -> dict[str, object]:
    parser = argparse.ArgumentParser(prog="bot")
    register_ask(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["ask", "--json", "--today", "2026-03-01", text])
    assert int(args.func(args)) == 0
    result: dict[str, object] = json.loads(capsys.readouterr().out)
    return result


@pytest.mark.parametrize("question", ["thời hạn tạm giữ là bao lâu", "gia hạn tạm giam lần thứ hai"])
def test_nfd_text_answers_like_nfc_in_the_ask_command(capsys: pytest.CaptureFixture[str], question: str) -> None:
    nfd = unicodedata.normalize("NFD", question)
    assert nfd != question
    assert _ask(capsys, nfd) == _ask(capsys, question)


async def test_nfd_text_answers_like_nfc_in_chat(world: World) -> None:
    chat = world.chat(world.staff_a)
    question = "thời hạn tạm giữ là bao lâu"
    assert await chat.text(unicodedata.normalize("NFD", question)) == await chat.text(question)


# 5. Every repository read that takes a scope has its own scope test: for_period_in_scope
#    returns only submissions of units in the actor's subtree.
async def test_report_submissions_in_scope_are_scoped_by_the_repository(world: World) -> None:
    reports, now = world.app.repos.reports, world.app.services.clock.now()
    due = date(2026, 2, 5)
    await reports.mark_sent(world.head_a, "ct_thang", "2026-01", world.head_a.unit_id, due, now)
    await reports.mark_sent(world.admin_b, "ct_thang", "2026-01", world.admin_b.unit_id, due, now)
    assert set(await reports.for_period_in_scope(world.head_a, "ct_thang", "2026-01")) == {world.head_a.unit_id}
    assert set(await reports.for_period_in_scope(world.staff_b, "ct_thang", "2026-01")) == {world.staff_b.unit_id}
    both = await reports.for_period_in_scope(world.province_admin, "ct_thang", "2026-01")
    assert set(both) == {world.head_a.unit_id, world.admin_b.unit_id}
    assert await reports.for_period_in_scope(world.head_a, "ct_thang", "2026-02") == {}
