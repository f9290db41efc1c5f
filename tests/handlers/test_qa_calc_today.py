"""A question for a date with no procedure ("hôm nay thứ mấy", "mai là ngày bao nhiêu") gets the day in the
user's local time and what the assistant computes, with an example — no menu of entries, no topic list.
Through the real dispatcher; the fake clock: Monday 02/03/2026 08:00 in Hà Nội."""

from __future__ import annotations

from datetime import UTC, datetime

from knowledge.deadlines.date_question import asked_day
from tests.conftest import World
from tests.fakes import buttons

NOW = datetime(2026, 3, 2, 8, 0)


async def test_a_date_question_gets_the_day_and_what_the_assistant_computes(world: World) -> None:
    chat = await world.staff_chat("td1")
    replies = await chat.send("Chị ơi hôm nay là thứ mấy vậy")
    text = "\n".join(r.text for r in replies)
    assert text.startswith("Hôm nay là Thứ Hai 02/03/2026.") and "tính thời hạn tố tụng" in text and "/tinhhan" in text
    assert buttons(replies) == []  # no menu of entries, no topics
    tomorrow = await chat.text("ngày mai là ngày bao nhiêu")
    assert tomorrow.startswith("Ngày mai là Thứ Ba 03/03/2026.") and "Xin lỗi" not in tomorrow
    weekday = await chat.text("20/03/2026 là thứ mấy")
    assert weekday.startswith("Ngày 20/03/2026 là Thứ Sáu.")


async def test_the_day_follows_the_users_local_date(world: World) -> None:
    world.app.services.clock.set(datetime(2026, 3, 2, 18, 30, tzinfo=UTC))  # type: ignore[attr-defined]
    chat = await world.staff_chat("td2")
    # 18:30 UTC on Monday is 01:30 on Tuesday in Hà Nội.
    assert (await chat.text("hôm nay ngày mấy")).startswith("Hôm nay là Thứ Ba 03/03/2026.")


def test_only_a_bare_date_question_is_one() -> None:
    assert asked_day("mai là thứ mấy", NOW) is not None
    assert asked_day("tuyên án hôm nay thì hạn kháng cáo là ngày bao nhiêu", NOW) is None
    assert asked_day("hôm nay ngày bao nhiêu âm lịch", NOW) is None
    assert asked_day("ngày bao nhiêu", NOW) is None  # after a card it may ask the card's end
    assert asked_day("tạm giam từ hôm nay hết ngày nào", NOW) is None
