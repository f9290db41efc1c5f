"""Menu numbers never shift (review8 A8): with a form set aside, a command's own options keep the
numbers they have on its normal menu, and «Làm tiếp …» comes after them; Tạm giữ's number on
/tinhhan is the same whether or not a check-in waits, and "2" on /kiemsat is the second facility."""

from __future__ import annotations

from datetime import UTC, datetime

from storage.users import Role
from tests.conftest import World
from tests.fakes import FakeChat, joined
from tests.handlers.test_checkin_support import add_sites

NOW = datetime(2026, 12, 6, 4, 0, tzinfo=UTC)  # 11:00 Sunday 06/12/2026 in Hà Nội


async def _console(world: World, name: str = "c1") -> FakeChat:
    user = await world.app.repos.users.create("console", name, "Cán bộ", world.staff_a.unit_id, Role.STAFF)
    return FakeChat(world.app.dispatcher, user.platform_user_id, platform="console")


async def _labels(chat: FakeChat, command: str) -> list[str]:
    await chat.send(command)
    return [b.text for b in chat.visible()]


async def test_tinhhan_numbers_are_the_same_with_a_check_in_set_aside(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    await add_sites(world)
    plain = await _labels(await _console(world, "plain"), "/tinhhan")
    chat = await _console(world)
    await chat.send("/kiemsat")
    await chat.send("1")  # the first facility: «Hình thức kiểm sát?»
    aside = await _labels(chat, "/tinhhan")
    assert aside[: len(plain)] == plain and aside[len(plain) :] == ["Làm tiếp phiếu kiểm sát"], aside
    number = plain.index("Tạm giữ") + 1  # its number on the normal menu
    asked = joined(await chat.send(str(number)))
    assert "tạm giữ" in asked.lower() and "phê chuẩn" not in asked.lower(), asked
    assert await _labels(chat, "/tinhhan") == aside  # asked anew: the same numbers
    back = joined(await chat.send(str(len(plain) + 1)))
    assert "Hình thức kiểm sát?" in back, back


async def test_kiemsat_numbers_are_the_same_with_a_register_item_set_aside(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    sites = await add_sites(world)
    plain = await _labels(await _console(world, "plain"), "/kiemsat")
    chat = await _console(world)
    await chat.send("/theodoi_moi")
    await chat.send("1")  # a kind: the form goes on
    aside = await _labels(chat, "/kiemsat")
    assert aside[: len(plain)] == plain and aside[-1] == "Làm tiếp mục theo dõi mới", aside
    assert plain[1] == sites.a2.name
    assert f"Cơ sở: {sites.a2.name}" in joined(await chat.send("2"))
