"""After the detention to prepare a trial, "gia hạn thêm thì bao lâu" is the Chánh án's extension that the
answer itself states (Đ277 k1: 15 days for ít NT / NT, 30 for RNT / ĐBNT), not who extends an investigation's
detention (round 10, tune10f: a confident wrong answer). Through the dispatcher, as two turns."""

from __future__ import annotations

import pytest

from tests.conftest import World


@pytest.mark.parametrize(
    ("first", "then", "days"),
    [
        ("tgiam chuẩn bị xx vụ RNT tối đa bn", "gh thêm thì bn", "30 ngày"),
        ("tạm giam chuẩn bị xét xử tội rất nghiêm trọng tối đa bao lâu", "gia hạn thêm thì bao lâu", "30 ngày"),
        ("tam giam cbxx toi nghiem trong bao lau", "gia han them duoc bao lau", "15 ngày"),
        (
            "tạm giam để chuẩn bị xét xử tội đặc biệt nghiêm trọng là bao lâu",
            "còn gia hạn thêm được mấy ngày",
            "30 ngày",
        ),
    ],
)
async def test_the_trial_preparations_extension_follows(world: World, first: str, then: str, days: str) -> None:
    chat = await world.staff_chat("cbxx-follow")
    await chat.text(first)
    text = await chat.text(then)
    assert "Chánh án" in text and days in text.split("\n", 2)[1] and "Điều 173 khoản 3" not in text, text
