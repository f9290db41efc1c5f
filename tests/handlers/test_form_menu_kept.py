"""A command answered in the middle of a form leaves the form's options where they were (review8
A7, B13): after /help, /homnay or a list the next "1" answers the form's step, never becomes typed
input, and the reply says the form is still open and how to leave it."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from storage.users import Role
from tests.conftest import World
from tests.fakes import FakeChat, joined
from tests.handlers.test_checkin_support import add_sites

NOW = datetime(2026, 12, 6, 4, 0, tzinfo=UTC)  # 11:00 Sunday 06/12/2026 in Hà Nội
SITE = "Nhà tạm giữ Công an khu vực A"


async def _console(world: World) -> FakeChat:
    user = await world.app.repos.users.create("console", "c1", "Cán bộ", world.staff_a.unit_id, Role.STAFF)
    return FakeChat(world.app.dispatcher, user.platform_user_id, platform="console")


async def _to_violations(chat: FakeChat) -> None:
    await chat.send("/kiemsat")
    await chat.tap(SITE)
    await chat.tap("Hằng ngày")
    for value in ("5", "1", "0", "0", "0"):
        await chat.send(value)
    await chat.tap("Có, liệt kê vi phạm")
    await chat.send("Buồng 3 ẩm thấp")


@pytest.mark.parametrize("command", ["/help", "/start", "/lienket"])
async def test_a_number_after_a_command_presses_the_forms_option(world: World, command: str) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    await add_sites(world)
    chat = await _console(world)
    await _to_violations(chat)
    between = joined(await chat.send(command))
    assert "Phiếu kiểm sát vẫn đang mở (đang ở bước «liệt kê vi phạm»)" in between and "/huy" in between, between
    assert [b.text for b in chat.visible()][:2] == ["Xong", "Xóa danh sách, ghi lại"], chat.visible()
    after = joined(await chat.send("1"))
    assert "Kiến nghị, yêu cầu" in after, after  # «Xong» pressed: the next step
    draft = (await world.app.repos.conversations.load("console", chat.user_id, chat.user_id)).data
    assert draft.get("violations") == ["Buồng 3 ẩm thấp"], draft


async def test_a_command_with_its_own_list_keeps_the_form_open(world: World) -> None:
    """/lichsu shows its own options (the check-ins to open): those are what numbers press now,
    as on screen; the form is still open and its step's words still answer it."""
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    await add_sites(world)
    chat = await _console(world)
    await _to_violations(chat)
    between = joined(await chat.send("/lichsu"))
    assert "Phiếu kiểm sát vẫn đang mở" in between, between
    assert "Kiến nghị, yêu cầu" in joined(await chat.send("xong"))


async def test_a_refused_command_leaves_the_options_as_they_were(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    await add_sites(world)
    chat = await _console(world)
    await _to_violations(chat)
    refused = joined(await chat.send("/homnay"))  # heads only
    assert "vẫn đang mở" not in refused
    assert "Kiến nghị, yêu cầu" in joined(await chat.send("1"))


async def test_the_reviewers_steps_record_one_violation(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    await add_sites(world)
    chat = await _console(world)
    await _to_violations(chat)
    await chat.send("/help")
    await chat.send("1")  # Xong
    for _ in range(4):
        await chat.tap("Bỏ qua")
    summary = joined(chat.history[-1][1])
    assert "Buồng 3 ẩm thấp" in summary and "2. 1" not in summary, summary


async def test_a_list_in_the_middle_of_an_event_form_says_the_form_is_open(world: World) -> None:
    """B13: /theodoi while an extension asks its length: the list, then how to go on or leave."""
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = await _console(world)
    card = await chat.send("tạm giữ từ 10h 06/12/2026 hết hạn khi nào")
    await chat.tap(next(b.text for r in card for b in r.flat_buttons if "Theo dõi" in b.text))
    await chat.send("A1")
    await chat.send("bỏ qua")
    await chat.tap(chat.label("Lưu"))
    await chat.tap(chat.label("Gia hạn"))
    between = joined(await chat.send("/theodoi"))
    assert "«A1»" in between and "vẫn đang mở" in between and "/huy" in between, between
    assert "Hết hạn: 10:00" in joined(await chat.send("3 ngày"))
