"""Session 13 (fix13a), legal review finding 4: why a 4-month ĐBNT order asked to be extended is a detention for
investigation said the resumed investigation's term as "tối đa 90 ngày với loại tội này (Điều 174 khoản 1, khoản 4)";
Đ174 k1 c lets an ĐBNT resumed investigation be extended once, by up to 3 months: 90 days is its first term only.
Through the real dispatcher."""

from __future__ import annotations

import pytest

from tests.conftest import World


@pytest.mark.parametrize(
    "question",
    [
        "lệnh tạm giam 4 tháng từ 02/03/2026 tội đặc biệt nghiêm trọng, gia hạn lần 1 thêm 4 tháng thì đến ngày nào",
        "tam giam 4 thang tu 2/3/2026 toi dac biet nghiem trong, gia han lan 3 thi het ngay nao",
        "tam giam dbnt 4 thang tu 2/3/2026, gia han lan 1 them 4 thang het ngay nao",
    ],
)
async def test_the_resumed_term_is_its_first_one(world: World, question: str) -> None:
    chat = await world.staff_chat("resumed13a")
    text = await chat.text(question)
    assert "thời hạn điều tra tiếp ban đầu không quá 90 ngày (chưa kể 1 lần gia hạn theo Điều 174 khoản 1)" in text, (
        text
    )
    assert "tối đa 90 ngày với loại tội này" not in text, text
