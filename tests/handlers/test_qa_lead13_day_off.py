"""Whether one day is a day off, asked on its own ("30/4 có được nghỉ không", "thứ 7 này có phải đi làm không"), is
answered from the work calendar the calculator counts with — the day, its weekday, why it is off, what is not
confirmed — not with an entry about another day ("thứ 7 này …" got the 2026 New Year swap of 02/01 and 10/01).
The assistant's "now" in these tests is Monday 02/03/2026 (tests/conftest)."""

from __future__ import annotations

import pytest

from tests.conftest import World


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("thu 7 nay co phai di lam khong", ["Thứ Bảy 07/03/2026 là ngày nghỉ"]),
        ("chủ nhật tuần sau có phải làm không", ["Chủ nhật 15/03/2026 là ngày nghỉ"]),
        ("ngay 30/4/2026 co duoc nghi khong", ["30/04/2026 là ngày nghỉ"]),
        ("mai co duoc nghi khong a", ["Ngày mai (Thứ Ba 03/03/2026) là ngày làm việc"]),
        # the date reader's own "ngày mai", "hôm nay" are named as said too (not only a bare "mai")
        ("ngày mai có được nghỉ không", ["Ngày mai (Thứ Ba 03/03/2026) là ngày làm việc"]),
        ("hom nay co phai di lam khong", ["Hôm nay (Thứ Hai 02/03/2026) là ngày làm việc"]),
        # the New Year swap of 2026: Friday 02/01 off, Saturday 10/01 worked (VPCP 12729/VPCP-KGVX)
        (
            "02/01/2026 co nghi khong",
            ["Thứ Sáu 02/01/2026 là ngày nghỉ", "làm bù thứ Bảy 10/01/2026", "Công văn 12729/VPCP-KGVX"],
        ),
        ("ngày 10/1/2026 là ngày nghỉ hay ngày làm việc", ["Thứ Bảy 10/01/2026 là ngày làm việc", "02/01/2026"]),
        # a swap no official text confirms, a year whose Tết plan is not announced: said to be open
        ("22/8/2026 la ngay nghi hay ngay lam viec", ["22/08/2026", "chưa có văn bản chính thức", "có thể thay đổi"]),
        ("05/02/2027 có được nghỉ không", ["05/02/2027", "chưa được công bố chính thức"]),
    ],
)
async def test_a_day_is_read_from_the_calendar(world: World, question: str, words: list[str]) -> None:
    text = await (await world.staff_chat("l13-dayoff")).text(question)
    for word in words:
        assert word in text, text
    assert "Căn cứ" in text and "Có phải anh/chị muốn hỏi" not in text, text


async def test_saturdays_in_general_list_the_years_working_saturdays(world: World) -> None:
    text = await (await world.staff_chat("l13-dayoff2")).text("thứ 7 có phải đi làm không")
    assert "Thứ Bảy, Chủ nhật là ngày nghỉ" in text and "10/01/2026" in text, text
    # the Quốc khánh swap of 2026 (22/08 worked for 31/08) has no official text here: said so (FACTS §13, §15)
    assert "22/08/2026 (chưa có văn bản chính thức)" in text, text


async def test_an_unconfirmed_working_saturday_is_not_said_to_be_announced(world: World) -> None:
    text = await (await world.staff_chat("l13-dayoff5")).text("22/8/2026 co phai di lam khong")
    assert "Chính phủ công bố)." not in text.split("\n")[0] and "chưa có văn bản chính thức" in text, text


async def test_an_open_day_is_left_to_its_entry(world: World) -> None:
    # 24/11 (Ngày Văn hóa Việt Nam) is U (FACTS §13): not stated as a working day nor as a day off
    text = await (await world.staff_chat("l13-dayoff3")).text("24/11/2026 co duoc nghi khong")
    assert "là ngày làm việc" not in text and "Chưa kiểm chứng" in text, text


@pytest.mark.parametrize(
    "question",
    ["tam giu tu 8h 29/4/2026, 30/4 co duoc nghi khong", "han khang cao het 30/4/2026 nghi le co lui khong"],
)
async def test_a_deadline_question_is_not_a_day_question(world: World, question: str) -> None:
    text = await (await world.staff_chat("l13-dayoff4")).text(question)
    assert "là ngày nghỉ" not in text.split("\n")[0] or "Căn cứ: lịch ngày nghỉ" not in text, text
