"""A question citing a BLHS clause is answered for that clause's category, and the answer says why first: the
clause's heaviest penalty and the category it gives (Điều 9 BLHS), then the limit. Through the dispatcher."""

from __future__ import annotations

import pytest

from tests.conftest import World


async def ask(world: World, question: str) -> str:
    return await (await world.staff_chat("blhs-why")).text(question)


@pytest.mark.parametrize(
    ("question", "reason", "limit"),
    [
        (
            "tội trộm cắp khoản 2 Điều 173 điều tra bao lâu",
            "Khoản 2 Điều 173 BLHS (tội trộm cắp tài sản): mức cao nhất của khung hình phạt là 07 năm tù"
            " → tội nghiêm trọng (Điều 9 BLHS).",
            "3 tháng",
        ),
        (
            "vi pham quy dinh tham gia giao thong khoan 1 dieu 260 thi thoi han dieu tra bao lau",
            "Khoản 1 Điều 260 BLHS (tội vi phạm quy định về tham gia giao thông đường bộ): mức cao nhất của"
            " khung hình phạt là 05 năm tù → tội nghiêm trọng (Điều 9 BLHS).",
            "3 tháng",
        ),
        (
            "cướp tài sản khoản 1 điều 168 blhs tạm giam bao lâu",
            "Khoản 1 Điều 168 BLHS (tội cướp tài sản): mức cao nhất của khung hình phạt là 10 năm tù"
            " → tội rất nghiêm trọng (Điều 9 BLHS).",
            "4 tháng",
        ),
    ],
)
async def test_the_answer_says_the_clause_s_category_and_why_then_the_limit(
    world: World, question: str, reason: str, limit: str
) -> None:
    text = await ask(world, question)
    first, second = text.split("\n")[:2]
    assert first == reason and second.startswith(limit), text


async def test_a_question_naming_its_category_gets_no_reason(world: World) -> None:
    text = await ask(world, "tội nghiêm trọng điều tra bao lâu")
    assert "BLHS)" not in text and text.startswith("3 tháng"), text
