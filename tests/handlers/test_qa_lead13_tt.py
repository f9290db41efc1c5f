""" "tt" beside an extension, a limit or a crime's category is truy tố ("gh tt 10 ngày", "thời hạn tt tội ít NT"),
elsewhere a thông tư: "vụ NT vks nhận hs ng 10/2, gh tt 10 ng thì hết ng nào" (a robustness variant of tune_12d:35)
was answered with the investigation's limits (Đ172-174) as if "tt" were nothing."""

from __future__ import annotations

import pytest

from tests.conftest import World


@pytest.mark.parametrize(
    "question",
    [
        "vụ NT vks nhận hs ng 10/2, gh tt 10 ng thì hết ng nào",
        "vu NT vks nhan ho so ngay 10/2/2026, gh tt 10 ngay thi het ngay nao",
    ],
)
async def test_a_dated_extension_of_the_prosecution(world: World, question: str) -> None:
    text = await (await world.staff_chat("l13-tt")).text(question)
    # Đ240 k1: 20 days from the file's receipt 10/02/2026 (to 02/03/2026), then 10 more: 12/03/2026
    assert "12/03/2026" in text and "Điều 172" not in text, text


@pytest.mark.parametrize(
    ("question", "figure"),
    [("thoi han tt toi it nghiem trong bao lau", "20 ngày"), ("gh tt vu RNT duoc bao lau", "15 ngày")],
)
async def test_tt_beside_a_limit_is_truy_to(world: World, question: str, figure: str) -> None:
    text = await (await world.staff_chat("l13-tt2")).text(question)
    assert figure in text and "Điều 240" in text, text
