"""An accused's age under 18 said as a number ("bị can 16 tuổi") names the minors' regime: the adults'
limits are not given as the answer (Luật Tư pháp người chưa thành niên is unverified in FACTS)."""

from __future__ import annotations

import pytest

from tests.conftest import World


@pytest.mark.parametrize(
    "question",
    [
        "bị can 16 tuổi phạm tội nghiêm trọng thì tạm giam để điều tra tối đa bao lâu",
        "bi can 17 tuoi tam giu may ngay",
        "người bị buộc tội 15 tuổi thì thời hạn truy tố bao lâu",
    ],
)
async def test_an_age_under_18_gets_no_adults_limit(world: World, question: str) -> None:
    text = await (await world.staff_chat("m1")).text(question)
    # Before: "3 tháng; có thể gia hạn 1 lần không quá 2 tháng …" — the adults' limit, with its source.
    assert "Chưa kiểm chứng" in text or "chưa có thông tin" in text, text
    assert not text.startswith("3 tháng"), text


async def test_an_adults_question_keeps_its_answer(world: World) -> None:
    text = await (await world.staff_chat("m2")).text("tạm giam để điều tra tội nghiêm trọng tối đa bao lâu")
    assert text.startswith("3 tháng") and "Điều 173" in text, text
