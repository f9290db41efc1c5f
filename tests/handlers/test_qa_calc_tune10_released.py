"""Round 10 (tune10a): a tạm giữ that ended in release ("cho về", "thả"), then a tạm giam ordered on a
later day by a named agency ("sáng nay CQĐT bắt tạm giam 2 tháng"), through the real dispatcher. Fake
clock: Monday 02/03/2026 08:00 (Hà Nội).

The tạm giam starts on its own day and the tạm giữ's days are deducted (TTLT 04/2018 Đ17; FACTS §1).
Before, "cho về" was not read as a release and "CQĐT bắt tạm giam" not as the date leading into the
detention, so the tạm giam was counted on from the tạm giữ's end (09/04/2026 instead of 27/04/2026, a
confident wrong date).
"""

from __future__ import annotations

import pytest

from tests.conftest import World


@pytest.mark.parametrize(
    ("question", "start", "end"),
    [
        (
            "doi tuong bi tam giu 3 ngay tu 9h ngay 9/2 den 9h ngay 12/2 roi cho ve, ap dung cam di khoi noi cu tru. "
            "sang nay cqdt bat tam giam 2 thang. tru tam giu xong thi lenh ghi den het ngay nao",
            "02/03/2026",
            "27/04/2026",
        ),
        (
            "bị tạm giữ 3 ngày từ 9h ngày 9/2 đến 9h ngày 12/2 rồi cho về, cấm đi khỏi nơi cư trú. Sáng nay CQĐT "
            "bắt tạm giam 2 tháng, trừ tạm giữ thì lệnh ghi đến hết ngày nào",
            "02/03/2026",
            "27/04/2026",
        ),
        (  # the agency misspelt ("qdt"): still the one who orders (robustness harness, round 10)
            "cho em hỏi với doi tuong bi tam giu 3 ngay tu 9h ngay 9/2 den 9h ngay 12/2 roi cho ve, ap dung cam di "
            "khoi noi cu tru. sang nay qdt bat tam giam 2 thang. tru tam giu xong thi lenh ghi den het ngay nao thế",
            "02/03/2026",
            "27/04/2026",
        ),
        (
            "tam giu 6 ngay tu 10h ngay 01/02/2026 roi tha, ngay 10/03/2026 cong an bat tam giam 2 thang, "
            "tru ngay tam giu thi het ngay nao",
            "10/03/2026",
            "02/05/2026",
        ),
        (
            "tạm giữ 3 ngày từ 20/02/2026, sau đó cho về; ngày 05/03/2026 cqđt ra lệnh tạm giam 3 tháng thì hết ngày nào",
            "05/03/2026",
            "30/05/2026",
        ),
        ("tgiu 3 ngay tu 8h 10/02 roi cho ve, hom nay cqdt bat tgiam 2 thang het ngay nao", "02/03/2026", "27/04/2026"),
        (
            "Đối tượng tạm giữ 3 ngày từ 14h 15/02/2026 thì được thả, ngày 10/03/2026 cơ quan điều tra bắt tạm giam "
            "2 tháng, hết ngày nào",
            "10/03/2026",
            "05/05/2026",
        ),
        (
            "vu trom: tam giu 3 ngay tu 9h 9/2, cho ve tai ngoai, sang nay CQDT bat lai tam giam 2 thang thi lenh het ngay nao",
            "02/03/2026",
            "27/04/2026",
        ),
        (
            "tạm giữ 3 ngày (từ 7h 01/02 đến 7h 04/02) rồi cho về, hôm nay vks phê chuẩn lệnh tạm giam 2 tháng, hết ngày nào",
            "02/03/2026",
            "27/04/2026",
        ),
        (
            "tam giu 3 ngay tu 9h ngay 9/2 roi cho ve. 03/03/2026 cqdt tam giam 1 thang, tru tam giu het ngay nao",
            "03/03/2026",
            "29/03/2026",
        ),
    ],
)
async def test_a_detention_after_a_release_starts_on_its_own_day(
    world: World, question: str, start: str, end: str
) -> None:
    chat = await world.staff_chat("released")
    text = await chat.text(question)
    assert "TẠM GIAM" in text and "Bắt đầu: " in text, text
    begins = text.split("Bắt đầu:")[1].splitlines()[0]
    assert start in begins, text
    assert "Ngày cuối cùng: " in text and end in text.split("Ngày cuối cùng:")[1].splitlines()[0], text
