"""/theodoi (review8 C24, C25): a province's list names each item's unit; a word /theodoi does not
know is said, not silently taken as the whole list; its own words work with or without accents; a
label or a unit name of emoji only is refused."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.conftest import World
from tests.fakes import FakeChat, joined

NOW = datetime(2026, 12, 7, 4, 0, tzinfo=UTC)  # 11:00 Monday 07/12/2026 in Hà Nội


async def _item(chat: FakeChat, label: str) -> None:
    await chat.send("/theodoi_moi")
    await chat.tap("Tạm giữ")
    await chat.tap("Không")
    await chat.send("10h 06/12/2026")
    await chat.send(label)
    await chat.send("bỏ qua")
    await chat.tap(chat.label("Lưu"))


async def test_a_province_list_names_each_items_unit(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    await _item(world.chat(world.staff_a), "NVA")
    await _item(world.chat(world.staff_b), "LTB")
    listing = joined(await world.chat(world.province_admin).send("/theodoi"))
    lines = listing.splitlines()
    assert any("«NVA»" in line and "VKSND khu vực A" in line for line in lines), listing
    assert any("«LTB»" in line and "VKSND khu vực B" in line for line in lines), listing
    own = joined(await world.chat(world.head_a).send("/theodoi"))  # one unit: no unit on each line
    assert "«NVA»" in own and "VKSND khu vực A" not in own.split("«NVA»")[1].splitlines()[0]


async def test_an_unknown_word_is_said(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    await _item(world.chat(world.staff_a), "NVA")
    head = world.chat(world.head_a)
    answer = joined(await head.send("/theodoi abc"))
    assert "/theodoi không hiểu «abc»" in answer and "«NVA»" in answer, answer
    for typed in ("/theodoi quá hạn", "/theodoi qua han", "/theodoi Quá Hạn"):
        overdue = joined(await head.send(typed))
        assert "không hiểu" not in overdue and "quá hạn" in overdue.lower(), typed


async def test_a_label_or_a_unit_name_of_emoji_only_is_refused(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    await chat.send("/theodoi_moi")
    await chat.tap("Tạm giữ")
    await chat.tap("Không")
    await chat.send("10h 06/12/2026")
    refused = joined(await chat.send("🙂🙂"))
    assert "Nhãn cần có chữ hoặc số" in refused, refused
    assert "Số vụ" in joined(await chat.send("🙂 NVA"))  # an emoji beside words is fine
    admin = world.chat(world.province_admin)
    answer = joined(await admin.send("/donvi them KV9 🏛🏛🏛"))
    assert "ít nhất 3 chữ cái" in answer and await world.app.repos.units.by_code("KV9") is None, answer
    renamed = joined(await admin.send("/donvi doiten A 😀😀😀"))
    assert "ít nhất 3 chữ cái" in renamed, renamed
    unit = await world.app.repos.units.by_code("A")
    assert unit is not None and unit.name == "VKSND khu vực A"
