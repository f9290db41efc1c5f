"""A crime report whose period ran out while an expert opinion or a valuation is awaited: the answer is the
suspension (Đ148 k1 a), not how long a valuation or an expertise takes (round 10, tune10f: a confident wrong
answer). Through the dispatcher."""

from __future__ import annotations

import pytest

from tests.conftest import World


@pytest.mark.parametrize(
    "question",
    [
        "Ad ơi tin báo vụ trộm đang chờ kết luận định giá tài sản mà hết hạn 20 ngày rồi thì bên em xử lý thế nào ạ",
        "tin bao het han 20 ngay ma chua co ket luan dinh gia thi cqdt lam gi",
        "hết hạn giải quyết tin báo mà vẫn chờ kết quả giám định thì xử lý sao",
    ],
)
async def test_waiting_for_an_opinion_past_the_period_is_the_suspension(world: World, question: str) -> None:
    text = await (await world.staff_chat("waiting")).text(question)
    assert "Điều 148 khoản 1" in text and "định giá tài sản" in text, text
