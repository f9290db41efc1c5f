"""Round 10 (tune10c: a young prosecutor's fragments): a dated event first ("tuyên án t6 13/3"), then the
period asked with no date ("bị cáo kc hạn chót hôm nào"), through the real dispatcher, as one question:
the card. Fake clock: Monday 02/03/2026 08:00 (Hà Nội).

Before, the second line went to the Q&A, which said "15 ngày kể từ ngày tuyên án" and no day — the date
asked was never given (a confident wrong answer by the eval's rules). A line that asks no "when" ("kháng
cáo bao nhiêu ngày") is the rule's, as before.
"""

from __future__ import annotations

import pytest

from tests.conftest import World


@pytest.mark.parametrize(
    ("first", "second", "card", "end"),
    [
        ("tuyên án t6 13/3", "bị cáo kc hạn chót hôm nào", "KHÁNG CÁO BẢN ÁN", "30/03/2026"),
        ("tuyen an ngay 13/3/2026", "kc han chot ngay nao", "KHÁNG CÁO BẢN ÁN", "30/03/2026"),
        ("tòa tuyên án hôm 20/3", "vks cùng cấp kháng nghị chậm nhất ngày nào", "VKS CÙNG CẤP", "06/04/2026"),
        ("toa tuyen an hom 20/3", "vks cap tren khang nghi den ngay nao", "VKS CẤP TRÊN", "20/04/2026"),
        ("tuyên án sơ thẩm ngày 20/03/2026 ạ", "bị cáo kháng cáo hạn chót là hôm nào em", "KHÁNG CÁO", "06/04/2026"),
        (
            "khởi tố vụ án ngày 10/02/2026, tội nghiêm trọng",
            "hạn điều tra tới ngày nào",
            "ĐIỀU TRA VỤ ÁN",
            "11/05/2026",
        ),
        ("khoi to vu an 10/2/2026 toi nghiem trong", "han dieu tra den ngay nao", "ĐIỀU TRA VỤ ÁN", "11/05/2026"),
        ("tuyen an 1/3/2024", "han khang cao het ngay nao", "KHÁNG CÁO", "18/03/2024"),
    ],
)
async def test_a_dated_event_then_the_period_asked(world: World, first: str, second: str, card: str, end: str) -> None:
    chat = await world.staff_chat("datedfirst")
    await chat.text(first)
    text = await chat.text(second)
    assert card in text and end in text, text


async def test_a_second_line_that_asks_no_when_is_the_rules(world: World) -> None:
    chat = await world.staff_chat("datedfirst2")
    await chat.text("tuyên án t6 13/3")
    text = await chat.text("kháng cáo bao nhiêu ngày")
    assert "Bắt đầu:" not in text, text


async def test_the_dated_event_is_used_once(world: World) -> None:
    chat = await world.staff_chat("datedfirst3")
    await chat.text("tuyên án t6 13/3")
    assert "30/03/2026" in await chat.text("bị cáo kc hạn chót hôm nào")
    text = await chat.text("tạm giam hết ngày nào")
    assert "13/03/2026" not in text, text
