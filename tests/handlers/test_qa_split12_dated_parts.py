"""Two dated periods asked in one message ("tuyên án 2/3/2026: hạn kc của bị cáo và hạn kn của vks cấp trên là
ngày nào"): each member keeps its own words ("cấp trên" is the VKS's, not the bị cáo's), and each part is computed,
the date said once at the front serving both (BLTTHS Đ333 k1: 15 days; Đ337 k1: 30 days for the superior VKS)."""

from __future__ import annotations

import pytest

from tests.conftest import World

PARTS = "Câu hỏi của anh/chị có 2 phần"


@pytest.mark.parametrize(
    "question",
    [
        "tuyen an 2/3/2026: han kc cua bi cao va han kn cua vks cap tren la ngay nao",
        "tuyên án 2/3/2026: hạn kháng cáo của bị cáo đến ngày nào, hạn kháng nghị của VKS cấp trên đến ngày nào",
        "tuyên án ngày 2/3/2026 hạn kc của bị cáo và hạn kn của viện kiểm sát cấp trên là ngày nào",
        "ban an tuyen 02/03/2026, han khang cao cua bi cao va han khang nghi cua vks cap tren truc tiep het ngay nao",
        "toà tuyên án hôm 2/3/2026, bị cáo kháng cáo hạn cuối ngày nào và viện cấp trên kháng nghị đến ngày nào ạ",
    ],
)
async def test_each_dated_part_is_computed(world: World, question: str) -> None:
    text = await (await world.staff_chat("s12-dated")).text(question)
    assert "17/03/2026" in text and "01/04/2026" in text, text
    assert "/tinhhan" not in text, text


async def test_the_same_level_keeps_its_fifteen_days(world: World) -> None:
    text = await (await world.staff_chat("s12-dated2")).text(
        "tuyen an 2/3/2026: han kc cua bi cao va han kn cua vks cung cap la ngay nao"
    )
    assert "17/03/2026" in text and "01/04/2026" not in text, text


@pytest.mark.parametrize(
    "question",
    [
        "han kc cua bi cao va han kn cua vks cap tren la bao nhieu ngay",
        "hạn kháng cáo của bị cáo và hạn kháng nghị của VKS cấp trên là mấy ngày",
    ],
)
async def test_the_level_stays_with_its_own_member(world: World, question: str) -> None:
    text = await (await world.staff_chat("s12-own")).text(question)
    assert text.startswith(PARTS), text
    first = text.split("2. «")[0]
    assert "cấp trên" not in first.split("»")[0] and "cap tren" not in first.split("»")[0], text
    assert "15 ngày" in text and "30 ngày" in text, text


@pytest.mark.parametrize(
    ("question", "rule"),
    [
        ("tuyên án 2/3/2026: hạn kháng cáo đến ngày nào, còn kháng cáo quá hạn thì ai xét", "Điều 335"),
        ("tuyên án 2/3/2026: hạn kháng cáo của bị cáo đến ngày nào, bản án có hiệu lực khi nào", "Điều 343"),
    ],
)
async def test_a_part_the_calculator_cannot_answer_is_the_rules(world: World, question: str, rule: str) -> None:
    text = await (await world.staff_chat("s12-mixed")).text(question)
    assert text.startswith(PARTS), text
    first, second = text.split("2. «", 1)
    assert "17/03/2026" in first, text
    assert rule in second and "KHÁNG CÁO BẢN ÁN SƠ THẨM" not in second, text  # the rule, no second card
