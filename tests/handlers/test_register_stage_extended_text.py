"""Right after a stage's extension is recorded, the detention's card says which end is which (review8
C21): the stage's end before the extension binds the detention until the detention itself is
extended, and the stage's extended end is said as such, not as «(đã gia hạn … theo quyết định) hết
ngày <the unextended end>»."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.conftest import World
from tests.fakes import FakeChat, joined

NOW = datetime(2026, 12, 6, 4, 0, tzinfo=UTC)  # 11:00 Sunday 06/12/2026 in Hà Nội


async def _prosecution_item(world: World) -> FakeChat:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    await chat.send("/theodoi_moi")
    await chat.tap("Tạm giam trong giai đoạn truy tố")
    await chat.tap("Nghiêm trọng")
    await chat.send("01/12/2026")  # the detention from 01/12/2026
    await chat.send("25/11/2026")  # the VKS received the file: Đ240 k1, 20 days → 15/12/2026
    await chat.tap("Bỏ qua")
    await chat.send("T2 NVB")
    await chat.tap("Bỏ qua")
    await chat.tap("Lưu")
    return chat


async def test_the_stage_extended_and_the_detention_not_yet(world: World) -> None:
    chat = await _prosecution_item(world)
    await chat.tap("Gia hạn giai đoạn")
    await chat.send("10 ngày")
    card = joined(await chat.send("hôm nay"))
    assert "Đã ghi quyết định gia hạn giai đoạn (10 ngày, ngày 06/12/2026)" in card, card
    assert "Hết hạn: 24:00 Thứ Ba 15/12/2026" in card, card  # the detention not extended yet
    assert "(đã gia hạn 10 ngày theo quyết định) hết ngày 15/12/2026" not in card, card
    assert "25/11/2026 (trước khi gia hạn) hết ngày 15/12/2026" in card, card
    assert "Giai đoạn đã gia hạn 10 ngày theo quyết định: hết ngày 25/12/2026" in card, card


async def test_once_the_detention_is_extended_the_stage_end_is_the_extended_one(world: World) -> None:
    chat = await _prosecution_item(world)
    await chat.tap("Gia hạn giai đoạn")
    await chat.send("10 ngày")
    await chat.send("hôm nay")
    await chat.tap("Gia hạn")
    card = joined(await chat.tap(chat.label("Tối đa")) and await chat.tap("Hôm nay"))
    assert "(đã gia hạn 10 ngày theo quyết định) hết ngày 25/12/2026" in card, card
    assert "trước khi gia hạn" not in card, card
