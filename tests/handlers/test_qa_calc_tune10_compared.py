"""Round 10 (tune10): a period named only as a comparison, through the real dispatcher. Fake clock:
Monday 02/03/2026 08:00 (Hà Nội).

* "thời hạn kháng cáo … có được lùi không, hay tính cũng như thời hạn tạm giam? … tuyên án 01/03/2024 thì
  hạn kháng cáo là ngày nào" asks the appeal's last day (Đ333 k1, moved off the weekend); before, the
  compared tạm giam was computed as a 15-day detention from the judgment — a confident wrong date;
* "tạm giam hết đúng vào ngày lễ 30/4 thì có được lùi không" asks the rule (Đ134 k1), the date is the end
  asked about, never a start: the Q&A answers, the calculator does not ask for the order's length.
"""

from __future__ import annotations

import pytest

from tests.conftest import World


@pytest.mark.parametrize(
    ("question", "end"),
    [
        (
            "thoi han khang cao 15 ngay ma ngay cuoi roi vao thu 7 thi co duoc lui sang thu hai khong, hay tinh "
            "cung nhu thoi han tam giam? Vi du toa tuyen an thu 6 ngay 01/03/2024 thi han khang cao la ngay nao?",
            "18/03/2024",
        ),
        ("hạn kháng cáo có tính giống tạm giam không, tuyên án 13/03/2026 thì kháng cáo hết ngày nào", "30/03/2026"),
        ("kc có lùi ngày nghỉ như tạm giam ko? tuyên án ngày 20/3/2026 hạn kc ngày nào", "06/04/2026"),
        ("kháng cáo có khác với tạm giữ không, án tuyên 13/3/2026 thì kc đến hết ngày nào", "30/03/2026"),
        ("han kc ban an so voi thoi han tam giam thi sao, tuyen an 13/3/2026 het ngay nao", "30/03/2026"),
        (
            "Chị ơi hạn kháng cáo tính như tạm giam hay khác ạ, tòa tuyên án hôm 13/03/2026 thì bị cáo kháng cáo "
            "chậm nhất ngày nào ạ",
            "30/03/2026",
        ),
        ("kháng cáo bản án tuyên 20/3/2026, cách tính có giống như thời hạn tạm giữ không, hết ngày nào", "06/04/2026"),
        ("kc ban an tuyen 1/3/2024 thi ngay cuoi la ngay nao, co lui nhu tam giam khong", "18/03/2024"),
    ],
)
async def test_a_compared_custody_is_not_the_period_asked(world: World, question: str, end: str) -> None:
    chat = await world.staff_chat("compared")
    text = await chat.text(question)
    assert "KHÁNG CÁO" in text and end in text, text
    assert "TẠM GIAM" not in text and "TẠM GIỮ" not in text, text


@pytest.mark.parametrize(
    "question",
    [
        "thoi han tam giam het dung vao ngay le 30/4 thi co duoc lui sang ngay lam viec tiep theo khong",
        "tạm giữ hết đúng vào ngày lễ 30/4 có được lùi không em",
        "tam giam het vao chu nhat 03/05/2026 thi co duoc lui sang thu hai khong",
        "lệnh tạm giam hết vào ngày nghỉ tết 17/02 thì có lùi hạn không",
        "tgiam roi vao ngay le 2/9 co duoc lui ko",
        "thời hạn tạm giam kết thúc đúng ngày lễ 1/5 thì có được lùi sang ngày làm việc không ạ",
        "tam giu het dung ngay chu nhat 8/3 co lui sang thu 2 khong",
        "Anh hỏi chút, tạm giam hết đúng ngày nghỉ lễ 30/4 thì có lùi không?",
    ],
)
async def test_a_day_off_end_asked_about_is_the_rule_not_a_start(world: World, question: str) -> None:
    chat = await world.staff_chat("dayoffend")
    text = await chat.text(question)
    assert "Điều 134" in text and ("không bao giờ được lùi" in text or "không lùi" in text), text
    assert "cho biết thời hạn trong lệnh" not in text and "Bắt đầu:" not in text, text
