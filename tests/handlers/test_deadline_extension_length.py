"""/tinhhan checks an extension order's length against Đ173 with the free text's own check: the same lengths
refused with the same reason, the lawful ones counted as the order's length. Through the real dispatcher;
the fake clock: Monday 02/03/2026 08:00 in Hà Nội."""

from __future__ import annotations

from tests.conftest import World
from tests.fakes import FakeChat


async def _length_step(chat: FakeChat) -> None:
    await chat.send("/tinhhan")
    await chat.tap("Tạm giam (theo thời hạn ghi trong lệnh)")


async def test_tinhhan_refuses_an_extension_no_category_may_have(world: World) -> None:
    chat = await world.staff_chat("len1")
    await _length_step(chat)
    refused = await chat.text("gia hạn 6 tháng")
    # Đ173 k2: at most 4 months (ĐBNT) for any first extension: refused, the length asked again.
    assert "Không loại tội nào được gia hạn tạm giam để điều tra 6 tháng" in refused and "Điều 173" in refused
    assert "Thời hạn ghi trong lệnh tạm giam là bao lâu?" in refused
    # The free text refuses the same order with the same words.
    said = await (await world.staff_chat("len2")).text("gia hạn tạm giam 6 tháng từ 15/11/2026")
    assert "Không loại tội nào được gia hạn tạm giam để điều tra 6 tháng" in said and "/2027" not in said


async def test_tinhhan_counts_a_lawful_extension_order(world: World) -> None:
    chat = await world.staff_chat("len3")
    await _length_step(chat)
    await chat.text("gia hạn 1 tháng")  # lawful for every category's first extension
    await chat.text("15/11/2026")
    card = await chat.text("0")
    # 30 days from 15/11/2026: 14/12/2026.
    assert "Thời hạn tạm giam (30 ngày)" in card and "Ngày cuối cùng: Thứ Hai 14/12/2026" in card
