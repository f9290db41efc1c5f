"""The fake chat's ``tap``: it presses only what is on screen, by label or by number."""

from __future__ import annotations

import pytest

from storage.users import Role
from tests.conftest import World
from tests.fakes import FakeChat, joined


async def test_tap_presses_a_visible_button_by_its_label(world: World) -> None:
    chat = world.chat(world.admin_a)
    await chat.send("/nguoidung")
    card = joined(await chat.tap(next(b.text for b in chat.visible() if b.text.startswith("Cán bộ A"))))
    assert "Chọn vai trò mới" in card
    assert chat.history[-1][0].startswith("[Cán bộ A")


async def test_tap_fails_listing_what_is_shown(world: World) -> None:
    chat = world.chat(world.admin_a)
    await chat.send("/moi")
    with pytest.raises(AssertionError, match=r"no button labelled 'Gửi' on screen; shown: \['Cán bộ, kiểm sát viên'"):
        await chat.tap("Gửi")
    await chat.send("/help")  # no buttons now: what was shown before is gone
    with pytest.raises(AssertionError, match=r"shown: \[\]"):
        await chat.tap("Cán bộ, kiểm sát viên")


async def test_tap_on_a_numbered_platform_sends_the_number(world: World) -> None:
    await world.app.repos.users.create("console", "local", "Quản trị", world.admin_a.unit_id, Role.ADMIN)
    chat = FakeChat(world.app.dispatcher, "local", platform="console")
    await chat.send("/moi")
    invite = joined(await chat.tap("Lãnh đạo đơn vị"))
    assert "Vai trò: Lãnh đạo đơn vị" in invite
    assert chat.history[-1][0] == "2 [Lãnh đạo đơn vị]"  # typed "2", as a person on Zalo would
