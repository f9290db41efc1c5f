"""Round-12 tuning (tune11c/d), two questions in one message: "… nói sao" / "… tính sao" asks like "thì sao"; two
periods joined with the question's head word said again ("kỳ tk 6 tháng với kỳ 12 tháng kết thúc ngày nào") are
each asked the shared question."""

from __future__ import annotations

import pytest

from tests.conftest import World

_TWO = "Câu hỏi của anh/chị có 2 phần"


@pytest.mark.parametrize(
    ("question", "first", "second"),
    [
        (
            "phương châm ngành năm 2020 là gì, còn cuộc vận động theo HD 15/2020 nói sao",
            "Thực chất, hiệu quả",
            "tinh thông về pháp luật, công tâm",
        ),
        ("lời Bác dạy cán bộ kiểm sát là gì, còn cuộc vận động HD 15 nói sao", "Công minh", "tinh thông"),
        ("chủ đề thi đua 2023 là gì, còn phương châm 2023 tính sao", "gương mẫu", "Kỷ cương, liêm chính"),
    ],
)
async def test_noi_sao_asks_a_part_of_its_own(world: World, question: str, first: str, second: str) -> None:
    text = await (await world.staff_chat("t11-noisao")).text(question)
    assert text.startswith(_TWO) and first in text and second in text, text


@pytest.mark.parametrize(
    "question",
    [
        "kỳ tk 6 tháng với kỳ 12 tháng kết thúc ngày nào",
        "ky bc 6 thang voi ky 12 thang chot so ngay nao",
        "kỳ thống kê 6 tháng và kỳ 12 tháng bắt đầu từ bữa nào",
        "kì thống kê 6 tháng với kì 12 tháng tính tới ngày nào",
    ],
)
async def test_two_periods_with_the_head_word_again(world: World, question: str) -> None:
    text = await (await world.staff_chat("t11-periods")).text(question)
    assert text.startswith(_TWO) and "31/5" in text and "30/11" in text, text


async def test_a_comparison_is_still_one_question(world: World) -> None:
    text = await (await world.staff_chat("t11-periods2")).text("tạm giữ 3 ngày với tạm giam 2 tháng khác nhau thế nào")
    assert not text.startswith(_TWO), text
