"""A story told without a question ("vụ … rút gọn, tòa mới tuyên án") keeps what it names for the next
question, for 30 minutes (own phrasings, round 7), through the dispatcher."""

from __future__ import annotations

from tests.conftest import World

STORY = "bên em có vụ đánh bạc ít nghiêm trọng đang giải quyết theo thủ tục rút gọn, tòa mới tuyên án sơ thẩm"


async def test_the_next_question_is_read_under_the_storys_procedure(world: World) -> None:
    chat = await world.staff_chat("sc1")
    await chat.text(STORY)
    text = await chat.text("thế kháng cáo mấy ngày")
    assert "rút gọn" in text.lower() and "Điều 455" in text, text


async def test_what_the_story_named_expires_after_30_minutes(world: World) -> None:
    chat = await world.staff_chat("sc2")
    await chat.text(STORY)
    world.app.services.clock.advance(minutes=31)  # type: ignore[attr-defined]
    text = await chat.text("thế kháng cáo mấy ngày")
    assert "Điều 455" not in text and "15 ngày" in text, text
