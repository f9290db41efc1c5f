"""Detention during a supplementary investigation, typed without saying who returned the file:
the caps differ (Điều 174 khoản 2, 4: 2 months when the VKS returns it, 1 month when the court
does), so the assistant asks, with two buttons or the words staff type, then computes. Before,
the question fell to the Q&A («Xin lỗi, tôi chưa có thông tin…»)."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.conftest import World
from tests.fakes import joined

NOW = datetime(2026, 11, 10, 4, 0, tzinfo=UTC)  # 11:00 10/11/2026 in Hà Nội
ASKED = "hồ sơ do Viện kiểm sát hay Tòa án trả?"
QUESTION = "tạm giam điều tra bổ sung từ 01/11/2026 hết hạn khi nào"
# The file came back to the investigators on 20/10/2026; detention from 01/11/2026.
# Court: the stage ends 20/11/2026 (1 month, Đ331: the same date of the next month), before the
# 30 days of detention (30/11/2026). VKS: 20/12/2026 (2 months), before the 60 days (30/12/2026).


async def test_the_court_typed_gives_the_one_month_cap(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    asked = await chat.send(QUESTION)
    assert ASKED in joined(asked), joined(asked)
    assert [b.text for b in chat.visible()][:2] == ["Viện kiểm sát trả hồ sơ", "Tòa án trả hồ sơ"]
    stage = joined(await chat.send("toà án"))
    assert "ngày CQĐT nhận lại hồ sơ" in stage, stage
    card = joined(await chat.send("20/10/2026"))
    assert "DO TÒA ÁN TRẢ HỒ SƠ" in card and "20/11/2026" in card, card
    assert "Xin lỗi" not in card


async def test_the_vks_pressed_gives_the_two_month_cap(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    await chat.send(QUESTION)
    await chat.tap("Viện kiểm sát trả hồ sơ")
    card = joined(await chat.send("20/10/2026"))
    assert "DO VKS TRẢ HỒ SƠ" in card and "20/12/2026" in card, card


async def test_an_unclear_answer_is_asked_again_and_changes_nothing(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    await chat.send(QUESTION)
    again = joined(await chat.send("không rõ"))
    assert "«VKS» hay «Tòa án»" in again and ASKED in again, again
    state = await world.app.repos.conversations.load("test", chat.user_id, chat.user_id)
    assert state.state == "dl.returned" and "kind" not in state.data
    assert "Đã dừng tính thời hạn" in joined(await chat.tap("Hủy"))
