"""Adding a facility (review8 B11, B12): the choice steps read typed words and numbers and re-ask
with every option, never leaving only «Hủy»; /coso in the middle says a facility is half added
and offers to go on, and the draft is kept."""

from __future__ import annotations

import pytest

from storage.users import Role
from tests.conftest import World
from tests.fakes import FakeChat, joined


async def _to_frequency(chat: FakeChat, name: str) -> None:
    await chat.send("/coso")
    await chat.tap("Thêm cơ sở")
    if any(b.text.startswith("A —") for b in chat.visible()):
        await chat.tap(chat.label("A —"))
    await chat.send(name)
    await chat.tap("Nhà tạm giữ")
    await chat.tap("Bỏ qua")


async def _console_head(world: World) -> FakeChat:
    user = await world.app.repos.users.create("console", "h1", "Lãnh đạo", world.head_a.unit_id, Role.HEAD)
    return FakeChat(world.app.dispatcher, user.platform_user_id, platform="console")


@pytest.mark.parametrize(("typed", "frequency"), [("hằng tuần", "weekly"), ("mỗi tuần", "weekly"), ("2", "weekly")])
async def test_typed_frequency_on_a_button_platform(world: World, typed: str, frequency: str) -> None:
    chat = world.chat(world.head_a)  # buttons; typed numbers are text here
    await _to_frequency(chat, "Nhà tạm giữ X")
    done = joined(await chat.send(typed))
    assert "Đã thêm cơ sở" in done, done
    [site] = [f for f in await world.app.repos.facilities.list_in_scope(world.head_a) if f.name == "Nhà tạm giữ X"]
    assert site.frequency == frequency


async def test_unclear_text_re_asks_with_every_option_then_a_number_works(world: World) -> None:
    chat = await _console_head(world)
    await _to_frequency(chat, "Nhà tạm giữ Y")
    again = joined(await chat.send("khi nào rảnh"))
    assert "Tần suất kiểm sát trực tiếp?" in again
    assert [b.text for b in chat.visible()] == ["Hằng ngày (mặc định)", "Hằng tuần", "Hủy"]
    assert "Đã thêm cơ sở" in joined(await chat.send("2"))
    [site] = [f for f in await world.app.repos.facilities.list_in_scope(world.head_a) if f.name == "Nhà tạm giữ Y"]
    assert site.frequency == "weekly"


async def test_a_typed_kind(world: World) -> None:
    chat = world.chat(world.head_a)
    await chat.send("/coso")
    await chat.tap("Thêm cơ sở")
    await chat.send("Trại Z")
    assert "Địa chỉ cơ sở?" in joined(await chat.send("trai tam giam"))
    await chat.tap("Bỏ qua")
    await chat.tap("Hằng tuần (mặc định)")
    [site] = [f for f in await world.app.repos.facilities.list_in_scope(world.head_a) if f.name == "Trại Z"]
    assert site.kind == "trai_tam_giam"


async def test_coso_in_the_middle_keeps_the_facility_being_added(world: World) -> None:
    chat = await _console_head(world)
    await _to_frequency(chat, "Nhà tạm giữ W")
    listing = joined(await chat.send("/coso"))
    assert "Anh/chị đang thêm cơ sở «Nhà tạm giữ W» (đến bước «tần suất»)" in listing, listing
    assert "Tần suất kiểm sát trực tiếp?" in joined(await chat.tap("Tiếp tục thêm cơ sở"))
    assert "Đã thêm cơ sở" in joined(await chat.tap("Hằng ngày (mặc định)"))
    names = [f.name for f in await world.app.repos.facilities.list_in_scope(world.head_a)]
    assert "Nhà tạm giữ W" in names
