"""/tinhhan: a start in a year far off (more than 50 years from today) is asked again on its step, like
an impossible date, and the form is kept: before, the card's refusal ended the form (review8 B16)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.conftest import World
from tests.fakes import joined

NOW = datetime(2026, 12, 7, 3, 0, tzinfo=UTC)  # Monday 07/12/2026 in Hà Nội


@pytest.mark.parametrize(("kind", "typed"), [("Tạm giữ", "31/12/2099 8h"), ("Tạm giữ", "8h 01/01/2080")])
async def test_a_far_year_is_asked_again_and_the_form_goes_on(world: World, kind: str, typed: str) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    await chat.send("/tinhhan")
    await chat.tap(kind)
    again = joined(await chat.send(typed))
    assert "cách hôm nay hơn 50 năm" in again and "kiểm tra lại năm" in again, again
    assert "Gõ /tinhhan để nhập lại" not in again and "Gõ /huy để dừng" in again, again
    state = await world.app.repos.conversations.load("test", chat.user_id, chat.user_id)
    assert state.state == "dl.start" and state.data.get("kind") == "tam_giu", state
    card = joined(await chat.send("8h 01/12/2026"))
    assert "TẠM GIỮ" in card and "08:00 ngày 04/12/2026" in card, card


async def test_a_far_year_for_a_date_only_kind(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    await chat.send("/tinhhan")
    await chat.tap("Điều tra vụ án")
    await chat.tap("Nghiêm trọng")
    again = joined(await chat.send("01/12/2099"))
    assert "cách hôm nay hơn 50 năm" in again, again
    card = joined(await chat.send("01/12/2026"))
    assert "ĐIỀU TRA VỤ ÁN" in card and "hết 24:00 Thứ Hai 01/03/2027" in card, card
