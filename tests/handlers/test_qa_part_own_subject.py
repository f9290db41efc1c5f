"""A second part naming a subject of its own gets its own entry, even when read under the first
part it would find the first part's entry again (then it was dropped as "one entry answers both")."""

from __future__ import annotations

import pytest

from tests.conftest import World


@pytest.mark.parametrize(
    "question",
    [
        "tạm giam điều tra tội nghiêm trọng tối đa mấy tháng, còn thời hạn điều tra tội nghiêm trọng tối đa mấy tháng",
        "tgiam de dt toi NT bao lau, con thoi han dieu tra NT bao lau",
    ],
)
async def test_the_second_subject_is_answered_too(world: World, question: str) -> None:
    text = await (await world.staff_chat("s1")).text(question)
    # Before: only the detention's 5 months, as if it answered both parts (a confident wrong answer).
    assert "5 tháng" in text and "Điều 173" in text, text
    assert "8 tháng" in text and "Điều 172" in text, text


async def test_a_part_without_a_subject_still_shares_the_entry(world: World) -> None:
    text = await (await world.staff_chat("s2")).text("tạm giữ tối đa bao lâu và tính từ khi nào")
    assert "Điều 118" in text and text.count("Căn cứ:") == 1, text
