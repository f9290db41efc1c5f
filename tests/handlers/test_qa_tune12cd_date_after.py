"""Round-12 tuning (tune12d): a follow-up that asks the day a period ends ("hết ngày nào", "tới bữa nào") after a
question whose start the conversation gave ("vks nhận hồ sơ hôm nay") is computed — the calculator reads the two
messages as one: Đ240 ĐBNT 30 days from 02/03/2026 end 01/04/2026, 30 more end Fri 01/05/2026, a holiday, shifted
to Mon 04/05/2026 (FACTS §1) — or the law is shown under the note that no date was computed; never the rule as
if it answered the date. Fake clock: Monday 02/03/2026."""

from __future__ import annotations

import pytest

from knowledge.kb.reply import DATE_NOTE
from tests.conftest import World


@pytest.mark.parametrize(
    ("first", "then"),
    [
        ("vụ ĐBNT vks nhận hồ sơ hôm nay, truy tố mấy ngày", "nếu VT gia hạn tối đa thì hết ngày nào"),
        (
            "vks mới nhận hồ sơ vụ giết người ĐBNT sáng nay, hạn truy tố là bao lâu vậy anh",
            "rồi gia hạn max thì tới bữa nào",
        ),
        ("vu DBNT vks nhan ho so hom nay thi truy to bao lau", "gia han toi da thi het ngay nao"),
    ],
)
async def test_the_date_is_computed_from_the_start_given_before(world: World, first: str, then: str) -> None:
    chat = await world.staff_chat("t12cd-date")
    await chat.text(first)
    text = await chat.text(then)
    assert "04/05/2026" in text and "01/04/2026" in text and "Điều 240" in text, text


async def test_a_bare_when_after_the_law_is_computed(world: World) -> None:
    chat = await world.staff_chat("t12cd-date2")
    await chat.text("vks nhận hồ sơ vụ RNT hôm nay thì truy tố bao lâu")
    text = await chat.text("hết ngày nào vậy anh")
    assert "01/04/2026" in text and "16/04/2026" in text, text


@pytest.mark.parametrize(
    ("first", "then"),
    [
        ("a ơi vks nhận hs vụ trộm NT hôm qua, thời hạn truy tố bn ngày", "vậy nếu gh thì tới ngày mấy"),
        ("tin báo cqđt nhận hôm qua thì giải quyết trong bao lâu", "thế hạn chót là ngày nào"),
    ],
)
async def test_a_date_not_computed_is_said_so(world: World, first: str, then: str) -> None:
    chat = await world.staff_chat("t12cd-date3")
    await chat.text(first)
    text = await chat.text(then)
    assert text.startswith(DATE_NOTE) or "hết 24:00" in text, text
    assert "Tối đa 10 ngày với tội ít nghiêm trọng" not in text.split("\n")[0], text


@pytest.mark.parametrize("said", ["chiều qua", "chieu qua", "tối hôm qua"])
async def test_a_day_said_any_way_the_calculator_reads_it_is_a_start(world: World, said: str) -> None:
    """The day is read by the calculator's own date reader (review): "chiều qua" was not a day given."""
    chat = await world.staff_chat("t12cd-date4")
    await chat.text(f"vụ ĐBNT vks nhận hồ sơ {said}, truy tố mấy ngày")
    text = await chat.text("nếu VT gia hạn tối đa thì hết ngày nào")
    assert "31/03/2026" in text and "04/05/2026" in text and "Điều 240" in text, text
