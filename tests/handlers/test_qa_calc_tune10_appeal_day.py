"""Round 10 (tune10b): the day an appeal was lodged, said beside the appeal's card, against its last day
(BLTTHS 2015 Đ333 k3: through the detention camp, the day the warden receives the letter, not the day it was
written; by post, the postmark; at the court, the court's receipt). Through the real dispatcher; fake clock
Monday 02/03/2026 08:00 (Hà Nội). Before, "bị cáo đang bị tạm giam" made the question a detention's and
the start was asked again.
"""

from __future__ import annotations

import pytest

from tests.conftest import World


@pytest.mark.parametrize(
    ("question", "lodged", "verdict"),
    [
        (
            "bi cao dang bi tam giam, an tuyen ngay 12/02/2025. bi cao viet don khang cao ngay 26/02 nhung giam thi "
            "trai tam giam ky nhan don ngay 28/02. vay ngay khang cao la ngay nao, con trong han ko",
            "28/02/2025",
            "quá hạn",
        ),
        (
            "Bị cáo đang bị tạm giam, án tuyên ngày 12/02/2025. Bị cáo viết đơn kháng cáo ngày 26/02 nhưng giám thị "
            "trại tạm giam ký nhận đơn ngày 28/02. Vậy ngày kháng cáo là ngày nào, còn trong hạn không?",
            "28/02/2025",
            "quá hạn",
        ),
        (
            "tuyên án 13/03/2026, bị cáo gửi đơn kháng cáo qua giám thị trại tạm giam, giám thị nhận đơn ngày "
            "27/03/2026, còn trong hạn không",
            "27/03/2026",
            "trong hạn",
        ),
        (
            "tuyen an 13/03/2026, don khang cao gui buu dien, dau buu dien ngay 31/03/2026, con han khong",
            "31/03/2026",
            "quá hạn",
        ),
        ("tuyên án 13/3/2026, tòa nhận đơn kháng cáo ngày 30/03/2026 có trong hạn không", "30/03/2026", "trong hạn"),
        (
            "an tuyen 12/02/2025, truong nha tam giu nhan don khang cao ngay 20/02 thi con han khong",
            "20/02/2025",
            "trong hạn",
        ),
        (
            "Tòa tuyên án ngày 02/03/2026; bị cáo bị tạm giam nộp đơn kháng cáo qua trại tạm giam, giám thị ký nhận "
            "ngày 18/03/2026. Kháng cáo có trong hạn không?",
            "18/03/2026",
            "quá hạn",
        ),
        (
            "bi cao dang tam giam, tuyen an 02/03/2026, giam thi nhan don khang cao 17/03/2026, con han ko",
            "17/03/2026",
            "trong hạn",
        ),
    ],
)
async def test_the_day_lodged_is_checked_against_the_last_day(
    world: World, question: str, lodged: str, verdict: str
) -> None:
    chat = await world.staff_chat("lodged")
    text = await chat.text(question)
    assert "KHÁNG CÁO BẢN ÁN SƠ THẨM" in text and "Ngày kháng cáo là" in text, text
    line = text.split("Ngày kháng cáo là")[1].splitlines()[0]
    assert lodged in line and f"nên kháng cáo {verdict}" in line, text
    if verdict == "quá hạn":  # Đ335 k2, k3: forwarded in 3 days, decided by the appeal court's panel of three
        assert "Hội đồng 3 Thẩm phán cấp phúc thẩm xét trong 10 ngày" in line and "03 ngày" in line, line


async def test_no_day_lodged_no_line(world: World) -> None:
    chat = await world.staff_chat("lodged2")
    text = await chat.text("tuyên án 13/03/2026 hạn kháng cáo ngày nào")
    assert "KHÁNG CÁO" in text and "Ngày kháng cáo là" not in text, text
