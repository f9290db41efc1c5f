"""The dispatcher's promises: redeliveries ignored, one error boundary, state in the database,
bad input answered politely without changing anything, numbered menus, per-user ordering."""

from __future__ import annotations

import asyncio
import logging
import unicodedata

import pytest

from bot.app import App, build_app
from bot.chat import texts
from bot.chat.context import Context, Services
from bot.chat.dispatcher import Dispatcher
from bot.chat.messages import Button, Incoming, Reply, reply
from bot.chat.routing import Router
from bot.config import Settings
from handlers import common
from storage.users import Role
from tests.conftest import World
from tests.fakes import FakeChat, FakeClock, buttons, joined


def _flow_router(calls: list[str]) -> Router:
    """A small two-step flow plus a failing command, registered like any capability."""
    router = Router()
    common.register(router)

    async def begin(ctx: Context) -> list[Reply]:
        ctx.conversation.state = "ask_name"
        ctx.conversation.data = {"started": True}
        return [reply("Tên đơn vị?", [Button("Hủy", "flow:cancel")])]

    async def ask_name(ctx: Context) -> list[Reply]:
        calls.append(ctx.text)
        ctx.conversation.data["name"] = ctx.text
        ctx.conversation.state = "ask_count"
        return [reply("Bao nhiêu người? (gõ «hủy» để dừng)", [Button("Hủy", "flow:cancel")])]

    async def ask_count(ctx: Context) -> list[Reply]:
        ctx.conversation.data["count"] = ctx.text
        ctx.conversation.state = None
        return [Reply(f"Xong: {ctx.conversation.data['name']} / {ctx.text}")]

    async def boom(ctx: Context) -> list[Reply]:
        ctx.conversation.state = "ask_name"
        raise RuntimeError("database on fire")

    async def slow(ctx: Context) -> list[Reply]:
        calls.append(f"start {ctx.text}")
        await asyncio.sleep(0.01)
        calls.append(f"end {ctx.text}")
        return [Reply(ctx.text)]

    async def pick(ctx: Context) -> list[Reply]:
        return [reply("Chọn:", [Button("Một", "pick:1")], [Button("Hai", "pick:2")])]

    async def picked(ctx: Context) -> list[Reply]:
        return [Reply(f"Đã chọn {ctx.args[0]}")]

    router.command("flow", begin, help="flow")
    router.command("boom", boom, help="boom")
    router.command("pick", pick, help="pick")
    router.callback("pick", picked)
    router.state("ask_name", ask_name)
    router.state("ask_count", ask_count, accepts_numbers=True)
    router.text(slow)
    return router


def _dispatcher(app: App, calls: list[str]) -> Dispatcher:
    router = _flow_router(calls)
    services = Services(app.repos, app.services.settings, app.services.clock, router)
    return Dispatcher(router, services)


async def test_redelivered_update_is_ignored(world: World) -> None:
    calls: list[str] = []
    dispatcher = _dispatcher(world.app, calls)
    incoming = Incoming("test", "staff-a", "staff-a", text="/flow", update_key="777")
    assert await dispatcher.handle(incoming)
    second = Incoming("test", "staff-a", "staff-a", text="Khu vực A", update_key="900")
    assert await dispatcher.handle(second)
    assert await dispatcher.handle(second) == []  # redelivered: no reply, no second step
    assert calls == ["Khu vực A"]
    conv = await world.app.repos.conversations.load("test", "staff-a", "staff-a")
    assert conv.state == "ask_count"
    # The same key on another platform is a different update.
    other = Incoming("other", "x", "x", text="/help", update_key="900")
    assert await dispatcher.handle(other)


async def test_error_boundary_replies_with_reference_and_keeps_state(
    world: World, caplog: pytest.LogCaptureFixture
) -> None:
    dispatcher = _dispatcher(world.app, [])
    chat = FakeChat(dispatcher, "staff-a")
    with caplog.at_level(logging.ERROR, logger="bot.chat.dispatcher"):
        text = await chat.text("/boom")
    assert "mã lỗi" in text
    ref = text.split("mã lỗi ")[1][:6]
    assert any(ref in r.getMessage() and r.exc_info for r in caplog.records)
    conv = await world.app.repos.conversations.load("test", "staff-a", "staff-a")
    assert conv.state is None  # the failing handler's change was not saved
    assert "database on fire" not in text


async def test_conversation_survives_restart(settings: Settings, clock: FakeClock) -> None:
    calls: list[str] = []
    first = await build_app(settings, clock=clock)
    unit = await first.repos.units.add("P", "VKSND tỉnh P", "tinh")
    await first.repos.users.create("test", "u1", "Người thử", unit.id, Role.STAFF)
    chat = FakeChat(_dispatcher(first, calls), "u1")
    await chat.send("/flow")
    await chat.send("Khu vực 7")
    await first.close()

    second = await build_app(settings, clock=clock)
    try:
        chat = FakeChat(_dispatcher(second, calls), "u1")
        assert await chat.text("12") == "Xong: Khu vực 7 / 12"
        conv = await second.repos.conversations.load("test", "u1", "u1")
        assert conv.state is None
    finally:
        await second.close()


async def test_cancel_clears_the_flow(world: World) -> None:
    chat = FakeChat(_dispatcher(world.app, []), "staff-a")
    await chat.send("/flow")
    assert "Đã hủy" in await chat.text("/huy")
    conv = await world.app.repos.conversations.load("test", "staff-a", "staff-a")
    assert conv.state is None and conv.data == {}


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("", texts.EMPTY),
        ("   \n\t ", texts.EMPTY),
        ("\u200b\u200b", texts.EMPTY),
        ("\x00\x01\x02", texts.EMPTY),
        ("x" * 10_001, texts.TOO_LONG.format(limit="4.000")),
    ],
)
async def test_bad_text_gets_a_clear_answer_and_changes_nothing(world: World, message: str, expected: str) -> None:
    chat = world.chat(world.staff_a)
    before = await world.app.repos.conversations.load("test", "staff-a", "staff-a")
    assert await chat.text(message) == expected
    after = await world.app.repos.conversations.load("test", "staff-a", "staff-a")
    assert before.snapshot() == after.snapshot()


async def test_nfd_and_control_characters_are_cleaned_at_the_edge(world: World) -> None:
    calls: list[str] = []
    chat = FakeChat(_dispatcher(world.app, calls), "staff-a")
    nfd = unicodedata.normalize("NFD", "Khu vực Đồng Khởi")
    await chat.send("/flow")
    await chat.send(f"\x07{nfd}\u200b")
    assert calls == ["Khu vực Đồng Khởi"]
    # A command typed in NFD with an @botname suffix still routes.
    assert "Các lệnh" in await chat.text(unicodedata.normalize("NFD", "/help@TroLyVKSBot"))


async def test_unsupported_content_and_group_chats(world: World) -> None:
    chat = world.chat(world.staff_a)
    assert "chỉ đọc được tin nhắn chữ" in joined(await chat.send_incoming(unsupported="sticker"))
    group = FakeChat(world.app.dispatcher, "staff-a", chat_id="-100123")
    assert joined(await group.send_incoming(text="/help", group=True)) == texts.GROUP_CHAT


async def test_forged_and_stale_callbacks(world: World) -> None:
    chat = FakeChat(_dispatcher(world.app, []), "staff-a")
    assert joined(await chat.press("nonexistent:1")) == texts.STALE_BUTTON
    assert joined(await chat.press("")) == texts.STALE_BUTTON
    assert joined(await chat.press("pick:2")) == "Đã chọn 2"


async def test_numbered_menu_presses_buttons_and_survives_restart(settings: Settings, clock: FakeClock) -> None:
    first = await build_app(settings, clock=clock)
    unit = await first.repos.units.add("P", "VKSND tỉnh P", "tinh")
    await first.repos.users.create("console", "local", "Quản trị", unit.id, Role.ADMIN)
    chat = FakeChat(_dispatcher(first, []), "local", platform="console")
    assert buttons(await chat.send("/pick")) == [("Một", "pick:1"), ("Hai", "pick:2")]
    await first.close()
    second = await build_app(settings, clock=clock)
    try:
        chat = FakeChat(_dispatcher(second, []), "local", platform="console")
        assert await chat.text(" 2. ") == "Đã chọn 2"
        # The menu was replaced by a reply without buttons: numbers no longer press anything, and
        # a bare number is no question either (it is not passed on as one).
        stale = await chat.send("2")
        assert "start 2" not in joined(stale) and joined(stale) == texts.NO_MENU.format(number=2)
        await chat.send("/pick")
        stale = await chat.send("5")
        assert "Số 5 không có" in joined(stale)
        assert buttons(stale) == [("Một", "pick:1"), ("Hai", "pick:2")]
        assert await chat.text("1") == "Đã chọn 1"
    finally:
        await second.close()


async def test_numbers_are_input_in_states_that_accept_numbers(world: World) -> None:
    await world.app.repos.users.create("console", "local", "Q", world.staff_a.unit_id, Role.STAFF)
    chat = FakeChat(_dispatcher(world.app, []), "local", platform="console")
    await chat.send("/flow")  # its reply has one numbered button ("1. Hủy")
    count_step = await chat.send("Khu vực A")
    assert buttons(count_step) == []  # numbers are input in the next state: no numbered options
    conv = await world.app.repos.conversations.load("console", "local", "local")
    assert conv.menu == []
    assert await chat.text("1") == "Xong: Khu vực A / 1"
    # Platforms with real buttons keep them.
    other = FakeChat(_dispatcher(world.app, []), "staff-a")
    await other.send("/flow")
    assert buttons(await other.send("Khu vực B")) == [("Hủy", "flow:cancel")]


async def test_one_users_messages_are_handled_in_order(world: World) -> None:
    calls: list[str] = []
    chat = FakeChat(_dispatcher(world.app, calls), "staff-a")
    other = FakeChat(chat.dispatcher, "staff-b")
    await asyncio.gather(chat.send("a"), chat.send("b"), other.send("c"), chat.send("d"))
    mine = [c for c in calls if c.endswith(("a", "b", "d"))]
    assert mine == ["start a", "end a", "start b", "end b", "start d", "end d"]
    assert calls.index("start c") < calls.index("end d")  # another user is not blocked
