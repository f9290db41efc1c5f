"""The count rule of round 13 (``Guard._counting``: of a menu, the one option that gives a number of the thing asked)
never settles a question of the sector with one unit's own figure: "chỉ tiêu giải quyết án đạt bao nhiêu phần trăm"
was answered with the plan of Phổ Yên's commune people's committees (a menu before the rule)."""

from __future__ import annotations

import pytest

from tests.conftest import World


@pytest.mark.parametrize(
    "question",
    [
        "chỉ tiêu giải quyết án đạt bao nhiêu phần trăm",
        "chi tieu giai quyet an dat bao nhieu phan tram",
        "chỉ tiêu phát hiện vi phạm trong tạm giữ tạm giam phải đạt bao nhiêu phần trăm",
    ],
)
async def test_a_units_figure_never_answers_the_sectors_count(world: World, question: str) -> None:
    chat = await world.staff_chat("merge12")
    text = await chat.text(question)
    assert "Phổ Yên" not in text.split("\n")[0], text
    assert not text.startswith("Phạm vi") and "Phạm vi: kế hoạch/kết quả của" not in text, text
