"""Round 11 (tune_s): a second extension of a tạm giam for investigation asked with its length after the first was
counted from the order's end ("còn gia hạn lần 2 thêm 4 tháng nữa thì sao"): only ĐBNT has a second extension
(Đ173 k2 d), so it is counted for ĐBNT from the day after the first one's last day (30 days a month, never shifted;
FACTS §1) and the condition is said — as the first extension's answer already does ("chỉ đúng nếu là …"). Through
the real dispatcher.

Before, the rule table was shown and the category asked, though the length said could only be ĐBNT's."""

from __future__ import annotations

import pytest

from tests.conftest import World


@pytest.mark.parametrize(
    ("first", "then", "counted"),
    [
        (
            "Vụ giết người bên anh, lệnh tạm giam để điều tra hết hạn ngày 10/04/2026, cqđt đề nghi gia hạn tạm giam "
            "lần 1 4 tháng. Gia hạn tới hết ngày nào?",
            "còn gia hạn lần 2 thêm 4 tháng nữa thì sao em",
            "từ 09/08/2026 đến hết ngày Chủ nhật 06/12/2026",
        ),
        (
            "lệnh tạm giam để điều tra hết ngày 10/04/2026, gia hạn lần 1 4 tháng thì đến ngày nào",
            "gia hạn lần 2 3 tháng thì sao",
            "từ 09/08/2026 đến hết ngày Thứ Sáu 06/11/2026",
        ),
        (
            "tam giam dieu tra het ngay 31/03/2026, gh lan 1 them 4 thang thi den ngay nao",
            "gh lan 2 them 4 thang nua thi toi ngay nao",
            "từ 30/07/2026 đến hết ngày Thứ Năm 26/11/2026",
        ),
    ],
)
async def test_a_second_extension_with_its_length_is_counted_for_the_one_category(
    world: World, first: str, then: str, counted: str
) -> None:
    chat = await world.staff_chat("second")
    await chat.text(first)
    text = await chat.text(then)
    assert "Chỉ tội phạm đặc biệt nghiêm trọng được gia hạn tạm giam để điều tra lần thứ 2" in text, text
    assert counted in text, text


async def test_a_second_extension_without_its_length_still_asks_the_category(world: World) -> None:
    """Neighbour: "còn lần 2 thì sao" says no length: the category is asked (its length is the category's)."""
    chat = await world.staff_chat("second2")
    await chat.text("lệnh tạm giam để điều tra hết ngày 10/04/2026, gia hạn lần 1 4 tháng thì đến ngày nào")
    text = await chat.text("còn lần 2 thì sao")
    assert "Anh/chị cho biết loại tội" in text and "06/12/2026" not in text, text


async def test_a_category_said_with_one_extension_is_still_refused_a_second(world: World) -> None:
    """Neighbour: RNT has one extension only (Đ173 k2 c): a second is refused, never counted."""
    chat = await world.staff_chat("second3")
    await chat.text("lệnh tạm giam đến hết 20/04/2026, tội rất nghiêm trọng, gia hạn thêm 1 tháng thì đến hết ngày nào")
    text = await chat.text("còn gia hạn lần 2 thêm 2 tháng thì sao")
    assert "trợ lý không tính gia hạn lần 2" in text, text
