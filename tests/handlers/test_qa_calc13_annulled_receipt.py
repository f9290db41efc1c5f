"""Session 13 (calc13): the continued handling of a crime report after the VKS annuls its suspension, dated by the
CQĐT's receipt of the annulment typed "nhận (được) qđ hủy", through the real dispatcher. Fake clock: Monday
02/03/2026. Đ148 k2 (FACTS §5 S): 1 month from the receipt; a month ends on the same-numbered day, moved off a day
off (Đ134 k1). Before, "qđ hủy" (shorthand) was not read as the annulment, and the day was asked back.
Also the month-end rule in the investigation's entry: a month without the same-numbered day ends on its last day
(Đ134 k1, FACTS §1 V).
"""

from __future__ import annotations

import pytest

from tests.conftest import World


@pytest.mark.parametrize(
    ("question", "end"),
    [
        # 02/03/2026 + 1 month = 02/04/2026 (Thursday)
        (
            "dạ vks hủy qđ tạm đình chỉ giải quyết tin báo, cqđt nhận được qđ hủy sáng nay. Thời hạn giải quyết tiếp "
            "đến ngày nào ạ",
            "Thứ Năm 02/04/2026",
        ),
        (
            "vks huy qd tam dinh chi giai quyet nguon tin, hom nay cqdt nhan dc qd huy, han giai quyet tiep la ngay nao",
            "Thứ Năm 02/04/2026",
        ),
        # 05/03/2026 + 1 month = 05/04/2026, a Sunday → Monday 06/04/2026
        (
            "VKS đã hủy quyết định tạm đình chỉ việc giải quyết tố giác; ngày 5/3/2026 CQĐT nhận qđ hủy bỏ. Hạn giải "
            "quyết tiếp?",
            "Thứ Hai 06/04/2026",
        ),
    ],
)
async def test_the_receipt_of_the_annulment_in_shorthand(world: World, question: str, end: str) -> None:
    chat = await world.staff_chat("annulled13")
    text = await chat.text(question)
    assert "Điều 148 khoản 2" in text and "Mốc tính: Ngày CQĐT nhận được quyết định hủy bỏ" in text, text
    assert f"hết 24:00 {end}" in text, text


@pytest.mark.parametrize(
    "question",
    [
        "dạ em chào anh chị, em đang tính hạn điều tra mà bị rối: khởi tố ngày 31 mà tháng kết thúc lại không có ngày "
        "31 thì hạn hết vào ngày nào ạ",
        "thời hạn điều tra tính từ khi nào, nếu khởi tố ngày 31 thì hết ngày nào",
        "han dieu tra tinh theo thang ma thang cuoi ko co ngay do thi sao",
    ],
)
async def test_a_month_without_the_day_ends_on_its_last_day(world: World, question: str) -> None:
    chat = await world.staff_chat("monthend13")
    text = await chat.text(question)
    assert "ngày cuối cùng của tháng đó" in text, text
