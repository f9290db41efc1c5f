"""A chatty question that asks a length and mentions today only in its story ("hôm nay em trực, …") is the
knowledge base's: the law's length, not a card counted from today. Today said as the start or beside the
order it dates still goes to the calculator. Through the real dispatcher; the fake clock: Monday 02/03/2026
08:00 in Hà Nội."""

from __future__ import annotations

from datetime import datetime

from knowledge.deadlines.dateparse import fold_text
from knowledge.deadlines.story_day import asks_length_in_a_story
from tests.conftest import World

NOW = datetime(2026, 3, 2, 8, 0)


async def test_a_length_asked_in_a_story_of_today_is_the_laws(world: World) -> None:
    chat = await world.staff_chat("st1")
    answer = await chat.text("sáng nay em trực ban, chị ơi tạm giam để điều tra tội nghiêm trọng tối đa bao lâu ạ")
    # Đ173 k1, k2: 3 months, one extension of at most 2: 5 months; no date counted from today.
    assert "3 tháng" in answer and "5 tháng" in answer and "Điều 173" in answer
    assert "02/03/2026" not in answer and "Ngày cuối cùng" not in answer
    other = await (await world.staff_chat("st2")).text(
        "chiều nay em đi kiểm sát nhà tạm giữ, tạm giữ tối đa được mấy ngày hả anh"
    )
    assert "9 ngày" in other and "Điều 118" in other and "giờ bắt đầu" not in other


async def test_today_as_a_start_stays_the_calculators(world: World) -> None:
    chat = await world.staff_chat("st3")
    card = await chat.text("tạm giam để điều tra tội nghiêm trọng kể từ hôm nay thì tối đa bao lâu")
    assert "Bắt đầu: Thứ Hai 02/03/2026" in card  # a start said: the card
    hour = await chat.text("hôm nay tạm giữ một đối tượng thì giữ tối đa mấy ngày")
    assert "cả giờ bắt đầu" in hour  # beside the order it dates: the calculator asks the hour


def test_what_counts_as_a_story_day() -> None:
    def story(text: str) -> bool:
        return asks_length_in_a_story(fold_text(text), NOW)

    assert story("hôm nay em trực, tạm giam tội nghiêm trọng tối đa bao lâu ạ")
    assert story("sang nay hop giao ban, truy to toi RNT trong mi ngay")
    assert not story("hôm nay em trực, tạm giam 2 tháng từ 01/03/2026 hết ngày nào")  # a date asked
    assert not story("tạm giam từ sáng nay thì tối đa bao lâu")  # today as the start
    assert not story("tuyên án sáng nay thì kháng cáo trong bao nhiêu ngày")  # the day of the judgment
    assert story("hôm qua em trực, tạm giữ tối đa mấy ngày")  # any day said only in the story
    assert story("ngày mai em đi kiểm sát trại, tạm giam tội RNT tối đa bao lâu")
    assert not story("hôm qua bắt tạm giữ, tối đa giữ mấy ngày")  # the day of the order
    assert not story("hôm nay em trực, tạm giam tội NT từ 05/02/2026 còn bao lâu")  # another date, a span
