"""A message on a calculator step that is a question of its own leaves the step (review8 A9): a
complete calculator question of another kind, or a question naming another period, is answered as
free text, the step's draft is dropped with a word, and its date is never taken as the step's answer.
The step's own answers (a date, even said in a sentence; the same kind asked again) stay with it."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.conftest import World
from tests.fakes import FakeChat, joined

NOW = datetime(2026, 12, 7, 3, 0, tzinfo=UTC)  # Monday 07/12/2026 in Hà Nội
STAGE_ASKED = "Anh/chị nhập ngày ra quyết định phục hồi điều tra"
LEFT = "Đã dừng phần tính thời hạn đang hỏi dở"


async def _on_the_stage_step(world: World) -> FakeChat:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    await chat.send("tam giam phuc hoi dieu tra toi nghiem trong tu 01/12/2026")
    asked = joined(await chat.send("0"))  # no tạm giữ days
    assert STAGE_ASKED in asked, asked
    return chat


async def test_a_complete_question_of_another_kind_leaves_the_step(world: World) -> None:
    chat = await _on_the_stage_step(world)
    card = joined(await chat.send("tam giam de dieu tra toi rnt tu 10/10/2026 gia han lan 1 het ngay nao"))
    assert LEFT in card, card
    assert "TẠM GIAM ĐỂ ĐIỀU TRA" in card and "Ngày cuối cùng: Thứ Bảy 06/02/2027" in card, card
    assert "PHỤC HỒI" not in card and "mức trần của giai đoạn tính từ 10/10/2026" not in card, card
    state = await world.app.repos.conversations.load("test", chat.user_id, chat.user_id)
    assert state.state is None, state


async def test_a_question_about_another_period_leaves_the_step(world: World) -> None:
    chat = await _on_the_stage_step(world)
    answer = joined(await chat.send("cho hỏi thời hạn tạm giữ là bao lâu vậy"))
    assert LEFT in answer and "3 ngày" in answer, answer
    assert STAGE_ASKED not in answer, answer


async def test_the_steps_own_date_in_a_sentence_stays(world: World) -> None:
    chat = await _on_the_stage_step(world)
    card = joined(await chat.send("ngày phục hồi điều tra là 20/11/2026 anh ạ"))
    assert LEFT not in card, card
    assert "TẠM GIAM KHI PHỤC HỒI ĐIỀU TRA" in card and "tính từ 20/11/2026" in card, card


async def test_the_category_step_keeps_its_answer(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    asked = joined(await chat.send("phục hồi điều tra từ 01/12/2026 thì hạn điều tra tiếp là ngày nào"))
    assert "tội phạm thuộc loại nào" in asked, asked
    card = joined(await chat.send("tội rất nghiêm trọng"))
    assert LEFT not in card and "hết 24:00 Thứ Hai 01/03/2027" in card, card
