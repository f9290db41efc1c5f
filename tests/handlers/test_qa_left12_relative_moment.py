"""Round 12's leftovers (left12): what to do when a custody ends without an order, told with a moment relative
to today ("8h30 sáng nay", "chiều nay", "hôm qua"): the moment is the scene, as a date is, and the release rule
answers (BLTTHS Đ118 k3, Đ173 k7: released at the expiry)."""

from __future__ import annotations

import pytest

from knowledge.kb.what_to_do import without_moments
from tests.conftest import World


async def reply(world: World, question: str) -> str:
    chat = await world.staff_chat("left12-moment")
    return await chat.text(question)


@pytest.mark.parametrize(
    "question",
    [
        "tgiu het han 8h30 sang nay ma cqdt chua co lenh tgiam thi sao",
        "tgiu het han sang nay ma cqdt chua co lenh tgiam thi sao",
        "tạm giữ hết hạn lúc 8h30 sáng nay mà cơ quan điều tra chưa có lệnh tạm giam thì sao",
        "tạm giữ hết hạn 14h chiều nay mà chưa có lệnh tạm giam thì xử lý sao",
        "tgiu hết hạn hôm qua mà cqđt chưa có lệnh tgiam thì sao",
        "a ơi, tgiu hết hạn 21h tối nay mà cqdt chưa có lệnh tgiam thì sao ạ",
    ],
)
async def test_custody_ending_today_without_an_order_is_release(world: World, question: str) -> None:
    text = await reply(world, question)
    assert "trả tự do" in text and "Căn cứ" in text and "Có phải anh/chị muốn hỏi" not in text, text
    # a tạm giữ ends at its clock hour (TTLT 04/2018 Đ17 Ví dụ 1): that leads, not the tạm giam's 24 giờ (fix12b)
    first = text.splitlines()[0]
    assert "tạm giữ là ngay lúc hết giờ ghi trong quyết định tạm giữ" in first, text
    assert not first.startswith(("24 giờ", "▶ Tạm giam")), text


async def test_a_period_from_today_is_still_computed(world: World) -> None:
    text = await reply(world, "tạm giam 2 tháng từ hôm nay thì hết ngày nào")
    assert text.startswith("TẠM GIAM") and "Thời hạn tạm giam (60 ngày)" in text, text


def test_only_moments_are_dropped() -> None:
    assert without_moments("tgiu het han 8h30 sang nay ma chua co lenh") == "tgiu het han ma chua co lenh"
    assert without_moments("hết hạn chiều mai mà chưa có lệnh") == "hết hạn mà chưa có lệnh"
    assert without_moments("chuyển sang nay là giai đoạn truy tố") == "chuyển sang nay là giai đoạn truy tố"
