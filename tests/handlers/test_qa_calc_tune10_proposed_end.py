"""Round 10 (tune10b): an end the question proposes for confirmation ("… thì hết ngày chủ nhật 03/05 phải
không, hay được lùi sang thứ hai 04/05?") is what is asked, not an input: the card counts from the start
said before it and answers (custody never moves off a day off, BLTTHS 2015 Đ134 k1; other periods do).
Through the real dispatcher; fake clock Monday 02/03/2026 08:00 (Hà Nội). Before, the proposed dates
made "many dates" and the start was asked again; "45 ngày kể từ ngày tuyên án" is the detention after a
judgment (Đ329 k3).
"""

from __future__ import annotations

import pytest

from tests.conftest import World


@pytest.mark.parametrize(
    ("question", "start", "end"),
    [
        (
            "Neu HDXX so tham tuyen an ngay 20/03/2026 va ra qd tam giam bi cao 45 ngay ke tu ngay tuyen an thi tinh "
            "ra het ngay chu nhat 03/05 phai ko, hay duoc lui sang thu hai 04/05 vi dinh nghi le?",
            "20/03/2026",
            "Chủ nhật 03/05/2026",
        ),
        (
            "tuyen an 20/03/2026, hdxx tam giam bi cao 45 ngay ke tu ngay tuyen an, het ngay 03/05 dung khong",
            "20/03/2026",
            "Chủ nhật 03/05/2026",
        ),
        ("tạm giam 2 tháng từ 01/03/2026 thì hết ngày 29/04 phải không", "01/03/2026", "Thứ Tư 29/04/2026"),
        (
            "tam giam 2 thang tu 05/03/2026 het ngay thu 2 04/05 phai ko hay lui sang 05/05",
            "05/03/2026",
            "Chủ nhật 03/05/2026",
        ),
        (
            "kháng cáo bản án tuyên 13/03/2026 là hết ngày 28/03 phải không hay lùi sang thứ hai 30/03",
            "13/03/2026",
            "Thứ Hai 30/03/2026",
        ),
        ("tạm giữ từ 8h 02/03/2026 thì hết 8h 05/03 đúng không", "02/03/2026", "08:00 ngày 05/03/2026"),
        (
            "khởi tố vụ án 10/02/2026 tội nghiêm trọng, hạn điều tra hết ngày 10/05 phải không hay lùi sang 11/05",
            "10/02/2026",
            "Thứ Hai 11/05/2026",
        ),
        (
            "Tạm giam 45 ngày từ 20/03/2026, hết chủ nhật 03/05 hay được lùi sang 04/05 ạ?",
            "20/03/2026",
            "Chủ nhật 03/05/2026",
        ),
    ],
)
async def test_a_proposed_end_is_answered_not_read_as_a_start(
    world: World, question: str, start: str, end: str
) -> None:
    chat = await world.staff_chat("proposed")
    text = await chat.text(question)
    assert "Bắt đầu:" in text and start in text.split("Bắt đầu:")[1].splitlines()[0], text
    assert end in text, text


@pytest.mark.parametrize(
    ("question", "release"),
    [
        (
            "Lệnh tạm giam ghi đến hết ngày 15/03/2026 (Chủ nhật) thì chậm nhất lúc nào phải trả tự do nếu không gia "
            "hạn? Có được lùi sang thứ Hai không?",
            "Trả tự do chậm nhất 24:00 ngày 15/03/2026",
        ),
        ("lệnh tạm giam hết ngày 03/05/2026 chủ nhật có lùi không", "Trả tự do chậm nhất 24:00 ngày 03/05/2026"),
        (
            "tam giu het 8h ngay 08/03/2026 chu nhat co lui sang thu 2 khong",
            "Trả tự do chậm nhất 08:00 ngày 08/03/2026",
        ),
    ],
)
async def test_a_stated_end_on_a_day_off_says_the_release(world: World, question: str, release: str) -> None:
    chat = await world.staff_chat("statedend")
    text = await chat.text(question)
    assert text.startswith("Không lùi.") and release in text, text
