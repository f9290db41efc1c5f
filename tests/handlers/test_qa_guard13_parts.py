"""guard13: a day held converted into a sentence, asked with what it is converted into before the amount ("1 ngày
tạm giam đổi ra tù bao nhiêu", "quy ra cải tạo không giam giữ mấy ngày"), is the rate of BLHS Điều 38, 36 (it was
refused, or answered with custody's 3 days); and a two-part question whose parts each answer as the guard reads
them is cut ("đang tgiu mà ko đủ căn cứ khởi tố bị can thì xử lý sao, và 1 ngày tgiu tính bằng mấy ngày tgiam"
lost its second part to the release entry's words)."""

from __future__ import annotations

import pytest

from knowledge.kb.ratio import rate_asked
from tests.conftest import World


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("1 ngày tạm giam đổi ra tù bao nhiêu", "1 ngày tù"),
        ("1 ngay tam giu doi ra tu may ngay", "1 ngày tù"),
        ("cho e hỏi 1 ngày tạm giữ đổi sang tù là bao nhiêu ngày ạ", "1 ngày tù"),
        ("1 ngay tam giu quy ra cai tao khong giam giu may ngay", "3 ngày cải tạo"),
        ("1 ngày tạm giam đổi ra tù bao nhiêu, còn đổi ra cải tạo không giam giữ thì sao", "3 ngày cải tạo"),
    ],
)
async def test_a_day_held_converted_is_the_rate(world: World, question: str, figure: str) -> None:
    text = await (await world.staff_chat("g13-rate")).text(question)
    assert figure in text and "Điều 38" in text, text


@pytest.mark.parametrize(
    "question",
    [
        "đang tgiu mà ko đủ căn cứ khởi tố bị can thì xử lý sao, và 1 ngày tgiu tính bằng mấy ngày tgiam",
        "tạm giữ mà không đủ căn cứ khởi tố bị can thì làm sao, còn 1 ngày tạm giữ bằng mấy ngày tạm giam",
    ],
)
async def test_both_parts_are_answered(world: World, question: str) -> None:
    text = await (await world.staff_chat("g13-parts")).text(question)
    assert "2 phần" in text and "trả tự do" in text and "1 ngày tạm giữ = 1 ngày tạm giam" in text, text


@pytest.mark.parametrize(
    ("tokens", "rate"),
    [
        ("1 ngay tam giam doi ra tu bao nhieu", (("tam", "giam"), ("tu",))),
        (
            "1 ngay tam giu quy ra cai tao khong giam giu may ngay",
            (("tam", "giu"), ("cai", "tao", "khong", "giam", "giu")),
        ),
        ("1 ngay tam giu tinh bang may ngay tam giam", (("tam", "giu"), ("tam", "giam"))),
        ("tam giam doi ra tu", None),
    ],
)
def test_the_rate_asked(tokens: str, rate: object) -> None:
    assert rate_asked(tokens.split()) == rate
