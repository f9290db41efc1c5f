"""Register events on the platforms whose options are numbered (console, Zalo): a choice asked
with buttons only keeps its options there, so a typed number or the option's words press it."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.chat.messages import Reply
from storage.users import Role
from tests.conftest import World
from tests.fakes import FakeChat, buttons, joined

NOW = datetime(2026, 12, 6, 4, 0, tzinfo=UTC)  # 11:00 Sunday 06/12/2026 in Hà Nội


async def _converting(world: World, platform: str) -> tuple[FakeChat, list[Reply]]:
    """A tạm giữ item (no category) being converted: the order's length typed, the category asked."""
    await world.app.repos.users.create(platform, "p1", "Q", world.staff_a.unit_id, Role.STAFF)
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = FakeChat(world.app.dispatcher, "p1", platform=platform)
    card = await chat.send("tạm giữ từ 10h 03/12/2026")  # ended 10:00 06/12/2026, an hour ago
    await chat.send(str(_number(card, "Theo dõi")))
    await chat.send("B2")
    saved = await chat.send(str(_number(await chat.send("bỏ qua"), "Lưu")))
    assert "Đã lưu" in joined(saved)
    await chat.send(str(_number(saved, "Chuyển tạm giam")))
    return chat, await chat.send("2 tháng")


def _number(replies: list[Reply], label: str) -> int:
    return next(i for i, (text, _) in enumerate(buttons(replies), start=1) if label in text)


@pytest.mark.parametrize("platform", ["console", "zalo"])
@pytest.mark.parametrize("answer", ["nghiêm trọng", "nghiem trong", "2"])
async def test_the_category_after_a_conversion_is_chosen_by_number_or_words(
    world: World, platform: str, answer: str
) -> None:
    chat, asked = await _converting(world, platform)
    # Before: the options were dropped (the length step takes numbers), and every answer but /huy was
    # told to type a length again: tạm giữ could not become tạm giam on the console or Zalo.
    assert "loại nào" in joined(asked) and _number(asked, "Nghiêm trọng") == 2, buttons(asked)
    converted = joined(await chat.send(answer))
    # Day 1 = 06/12/2026, the day tạm giữ ended; 60 − 3 days held = 57 days → 31/01/2027.
    assert "Hết hạn: 24:00 Chủ nhật 31/01/2027" in converted, converted
    assert "Chuyển tạm giam (từ 06/12/2026, 2 tháng, trừ 3 ngày tạm giữ, nghiêm trọng)" in converted, converted


@pytest.mark.parametrize("platform", ["console", "zalo"])
async def test_the_category_step_cancels_and_refuses_other_words(world: World, platform: str) -> None:
    chat, _ = await _converting(world, platform)
    again = await chat.send("ba tháng")
    assert "loại nào" in joined(again) and _number(again, "Nghiêm trọng") == 2, joined(again)  # asked again
    assert "Đã hủy" in joined(await chat.send("hủy"))
    listing = await chat.text("/theodoi")
    assert "«B2» — Tạm giữ: hết 10:00 Chủ nhật 06/12/2026" in listing, listing  # nothing recorded
