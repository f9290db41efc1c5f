"""guard13: a holiday named by its date in a question of how many days off it gives is the holiday's name, not a
day a period counts from: "để tính hạn kháng cáo … Tết nghỉ mấy ngày, còn Quốc khánh 2/9 mấy ngày" got an appeal's
card from 02/09 instead of the days off (Bộ luật Lao động 2019 Điều 112: Tết 5 ngày, Quốc khánh 2 ngày)."""

from __future__ import annotations

import pytest

from knowledge.deadlines.day_off_aside import without_day_off_asides
from tests.conftest import World


@pytest.mark.parametrize(
    "question",
    [
        "dạ anh chị ơi, để tính hạn kháng cáo cho đúng em cần biết lịch nghỉ: theo Bộ luật Lao động thì Tết Âm lịch "
        "được nghỉ mấy ngày, còn Quốc khánh 2/9 mấy ngày ạ",
        "Quốc khánh 2/9 được nghỉ mấy ngày",
        "le 30/4 nghi may ngay vay a, con quoc khanh 2/9 thi sao",
    ],
)
async def test_a_holidays_date_is_its_name(world: World, question: str) -> None:
    text = await (await world.staff_chat("g13-holiday")).text(question)
    assert "Điều 112" in text and "Quốc khánh 2/9 (2 ngày" in text and "KHÁNG CÁO" not in text, text


async def test_a_judgment_on_a_holiday_is_still_a_date(world: World) -> None:
    text = await (await world.staff_chat("g13-holiday-date")).text(
        "tuyên án ngày 2/9/2026 thì hạn kháng cáo đến ngày nào"
    )
    assert "17/09/2026" in text, text


@pytest.mark.parametrize(
    ("folded", "kept"),
    [
        ("quoc khanh 2/9 nghi may ngay", False),
        ("le 30/4 nghi bao nhieu ngay", False),
        ("tam giu tu 8h ngay le 30/4 thi het han luc nao", True),  # no days off asked: a day the period counts from
    ],
)
def test_the_date_blanked_only_when_days_off_are_asked(folded: str, kept: bool) -> None:
    assert any(c.isdigit() for c in without_day_off_asides(folded).replace("8h", "")) is kept
