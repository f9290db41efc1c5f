"""/theodoi_moi typed again in the middle of a new item: what was entered is kept and asked on;
starting anew is a button away."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.chat.messages import Reply
from storage.users import Role
from tests.conftest import World
from tests.fakes import FakeChat, buttons, joined

NOW = datetime(2026, 12, 6, 4, 0, tzinfo=UTC)  # 11:00 Sunday 06/12/2026 in Hà Nội


def _press(replies: list[Reply], label: str) -> str:
    return next(data for text, data in buttons(replies) if label in text)


@pytest.mark.parametrize("platform", ["telegram", "console"])
async def test_the_command_again_keeps_the_draft_and_asks_on(world: World, platform: str) -> None:
    await world.app.repos.users.create(platform, "p1", "Q", world.staff_a.unit_id, Role.STAFF)
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = FakeChat(world.app.dispatcher, "p1", platform=platform)
    first = await chat.send("/theodoi_moi")
    cats = await chat.press(_press(first, "Tạm giam (theo lệnh)"))
    anqg = await chat.press(_press(cats, "Nghiêm trọng"))
    await chat.press(_press(anqg, "Không"))
    assert "Thời hạn ghi trong lệnh" in await chat.text("04/12/2026")
    again = await chat.send("/theodoi_moi")
    # Before: «Theo dõi thời hạn gì?» from scratch, the category and start gone.
    assert "đang nhập dở một mục theo dõi mới" in joined(again), joined(again)
    assert "Theo dõi thời hạn gì" not in joined(again), joined(again)
    assert "Thời hạn ghi trong lệnh" in joined(again), joined(again)  # the step it was on, asked again
    asked = await chat.text("2 tháng")
    assert "bị tạm giữ bao nhiêu ngày" in asked, asked  # the draft went on where it was
    if platform == "telegram":  # buttons there: starting anew is one press
        fresh = await chat.press(_press(again, "Làm mục mới"))
        assert "Theo dõi thời hạn gì" in joined(fresh), joined(fresh)
    else:  # numbered options: a number is the length here, so /huy then the command
        await chat.send("/huy")
        assert "Theo dõi thời hạn gì" in joined(await chat.send("/theodoi_moi"))


async def test_a_draft_not_yet_filled_starts_anew(world: World) -> None:
    chat = world.chat(world.staff_a)
    await chat.send("/theodoi_moi")
    again = joined(await chat.send("/theodoi_moi"))
    assert "đang nhập dở" not in again and "Theo dõi thời hạn gì" in again, again
