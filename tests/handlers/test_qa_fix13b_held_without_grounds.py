"""fix13b, finding 2: held in custody without grounds to charge. BLTTHS Điều 118 khoản 3: during custody, without
grounds to prosecute the suspect, the investigating body releases at once, and the procuracy does when custody was
extended; there is no waiting for the term's end. The question was answered with the run-out rule ("Hết thời hạn mà
không có lệnh … trả tự do"); it now has its own entry, and ``release.py`` picks it when no end is told."""

from __future__ import annotations

import pytest

from tests.conftest import World


async def reply(world: World, question: str) -> str:
    return await (await world.staff_chat("fix13b-grounds")).text(question)


@pytest.mark.parametrize(
    "question",
    [
        "đang tạm giữ mà không đủ căn cứ khởi tố bị can thì phải làm gì",
        "tgiu ma ko du cc kt bi can thi sao",
        "người bị tạm giữ mà chưa đủ căn cứ khởi tố bị can thì cqđt xử lý thế nào",
        "trong lúc tạm giữ xét thấy không đủ căn cứ khởi tố thì giải quyết sao",
        "đã gia hạn tạm giữ lần 1 mà không đủ căn cứ khởi tố bị can thì làm gì",
        "anh ơi đối tượng đang bị tạm giữ mà ko đủ căn cứ khởi tố thì tính sao ạ",
    ],
)
async def test_held_without_grounds_is_released_at_once(world: World, question: str) -> None:
    text = await reply(world, question)
    first = text.split("\n")[0]
    assert first.startswith("Phải trả tự do ngay, không chờ hết thời hạn tạm giữ"), text
    assert "Viện kiểm sát (VKS) phải trả tự do ngay" in first and "Điều 118 khoản 3" in text, text


@pytest.mark.parametrize(
    "question",
    ["het han tgiu ma ko du cc kt bi can thi sao", "hết thời hạn tạm giữ mà không khởi tố bị can thì giải quyết sao"],
)
async def test_a_term_told_run_out_is_still_the_run_out_rule(world: World, question: str) -> None:
    text = await reply(world, question)
    assert text.startswith("Hết thời hạn mà không có lệnh"), text
