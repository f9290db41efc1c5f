"""Questions in a real chat, through the dispatcher: follow-ups read against the last answer
(for 30 minutes), two-part questions, shorthand, stage words, confidence, unknown units and
years, and the figure for the case asked shown first."""

from __future__ import annotations

from storage.users import Role
from tests.conftest import World
from tests.fakes import FakeChat


async def _chat(world: World, name: str) -> FakeChat:
    unit = await world.app.repos.units.by_code("A")
    assert unit is not None
    user = await world.app.repos.users.create("test", name, "Cán bộ", unit.id, Role.STAFF)
    return world.chat(user)


# --- 1. conversation context ---------------------------------------------------------------


async def test_followup_without_subject_reads_against_the_last_answer(world: World) -> None:
    chat = await _chat(world, "f1")
    first = await chat.text("tạm giữ bao lâu")
    assert "3 ngày" in first and "Điều 118" in first
    follow = await chat.text("còn gia hạn thì sao")
    assert "Về: Gia hạn tạm giữ" in follow
    assert "9 ngày" in follow and "Điều 118 khoản 2" in follow


async def test_followup_replaces_the_crime_category(world: World) -> None:
    chat = await _chat(world, "f2")
    assert "3 tháng" in await chat.text("tam giam dieu tra toi nghiem trong bao lau")
    follow = await chat.text("thế còn tội rất nghiêm trọng")
    assert "Về: Tạm giam để điều tra tội rất nghiêm trọng" in follow
    assert "4 tháng" in follow


async def test_followup_context_expires_after_30_minutes(world: World) -> None:
    chat = await _chat(world, "f3")
    await chat.text("tạm giữ bao lâu")
    world.app.services.clock.advance(minutes=31)  # type: ignore[attr-defined]
    follow = await chat.text("còn gia hạn thì sao")
    assert "Gia hạn tạm giữ" not in follow.split("\n")[0]
    assert "Về: Gia hạn tạm giữ" not in follow


async def test_question_with_its_own_subject_ignores_the_context(world: World) -> None:
    chat = await _chat(world, "f4")
    await chat.text("tạm giữ bao lâu")
    text = await chat.text("kháng cáo bản án sơ thẩm trong bao nhiêu ngày")
    assert "15 ngày" in text and "Về:" not in text


async def test_pressing_an_entry_button_sets_the_context(world: World) -> None:
    chat = await _chat(world, "f5")
    await chat.press("kb:truy_to_thoi_han")
    follow = await chat.text("còn gia hạn thì sao")
    assert "Về: Gia hạn thời hạn quyết định việc truy tố" in follow


# --- 7. relative times in the free-text calculator -----------------------------------------


async def test_free_text_calculator_reads_relative_times(world: World) -> None:
    chat = await _chat(world, "t1")  # the fake clock: Monday 02/03/2026 08:00 in Hà Nội
    text = await chat.text("tạm giữ từ 9h tối qua thì hết hạn khi nào")
    assert "01/03/2026" in text and "21:00" in text
    assert "04/03/2026" in text  # 3 days of 24 hours, custody is never shifted
    morning = await chat.text("tam giu tu 8h sang nay")
    assert "02/03/2026" in morning and "08:00" in morning and "05/03/2026" in morning
