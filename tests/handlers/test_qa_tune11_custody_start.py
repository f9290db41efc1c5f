"""Round 11 (tune11a, tune11b): a tạm giữ's start said in shorthand or beside a tạm giam that did not happen is
computed (Đ118 k1: from the decision for a surrender, from the receipt otherwise; 72 hours to the same clock time,
FACTS §1), through the real dispatcher. Fake clock: Monday 02/03/2026 08:00 (Hà Nội).

Before, "đầu thú, qđ tgiu ra lúc 15h hôm qua" asked for the decision's moment (the shorthand "qđ tgiu" was not read
as the decision), and "tạm giữ từ 15h 27/2 …, nếu ko có lệnh tgiam thì mấy giờ phải thả" was read as a tạm giam
(the only measure it negates) and asked for the order's length."""

from __future__ import annotations

import pytest

from tests.conftest import World


@pytest.mark.parametrize(
    ("question", "release"),
    [
        ("dau thu qd tgiu ra luc 15h hom qua thi het han tgiu luc nao", "15:00 ngày 04/03/2026"),
        ("nguoi dau thu, qđ tgiu luc 9h sang nay, het han luc nao", "09:00 ngày 05/03/2026"),
        ("đối tượng tự thú, QĐ t.giữ lúc 20h ngày 28/02/2026, tạm giữ hết lúc nào", "20:00 ngày 03/03/2026"),
        (
            "tam giu tu 15h ngay 27/2/2026 thi het han hom nay hay ngay mai? neu ko co lenh tgiam thi may gio phai tha",
            "15:00 ngày 02/03/2026",
        ),
        ("tam giu tu 9h 1/3/2026, chua co lenh tam giam, het han luc nao", "09:00 ngày 04/03/2026"),
        (
            "tạm giữ lúc 22h ngày 28/02/2026, nếu không kịp ra lệnh tạm giam thì hết lúc nào phải thả",
            "22:00 ngày 03/03/2026",
        ),
    ],
)
async def test_the_custodys_start_is_counted(world: World, question: str, release: str) -> None:
    chat = await world.staff_chat("custodystart")
    text = await chat.text(question)
    assert "TẠM GIỮ" in text and f"Trả tự do chậm nhất: {release} nếu không gia hạn" in text, text


async def test_a_surrender_without_the_decision_is_still_asked(world: World) -> None:
    """Neighbour: the surrender's own moment is not the start (Đ118 k1): the decision's moment is asked."""
    chat = await world.staff_chat("custodystart2")
    text = await chat.text("tu thu luc 8h 1/3/2026 thi tam giu het luc nao")
    assert "ra quyết định tạm giữ" in text and "Bắt đầu:" not in text, text


async def test_a_detention_after_custody_is_still_a_detention(world: World) -> None:
    """Neighbour: a tạm giam that is ordered stays the tạm giam's card."""
    chat = await world.staff_chat("custodystart3")
    text = await chat.text("tam giu 3 ngay tu 10h 1/3/2026 roi tam giam 2 thang thi het ngay nao")
    assert "TẠM GIAM" in text, text
