"""Round-12 tuning (tune11c/d): a unit named with an abbreviation's full stop ("TP.HCM") is a unit the knowledge
base lacks, never answered with another's figure; "cấp huyện" names the level itself, no unit of it."""

from __future__ import annotations

import pytest

from tests.conftest import World

_LACKS = "Trợ lý chưa có thông tin về"


@pytest.mark.parametrize(
    ("question", "unit"),
    [
        ("VKSND TP.HCM năm 2024 đặt chỉ tiêu kiểm sát UBND xã nhiêu %", "TP.HCM"),
        ("vks tp.hcm năm 2023 phương châm là gì", "tp.hcm"),
        ("chỉ tiêu của VKSND TP.Cần Thơ năm 2024 bao nhiêu", "TP.Cần Thơ"),
        ("VKS Q.1 TP.HCM năm 2024 chỉ tiêu giải quyết tin báo bao nhiêu", "TP.HCM"),
        ("vks huyện Bình Chánh năm 2024 chỉ tiêu kiểm sát UBND xã bao nhiêu", "huyện Bình Chánh"),
    ],
)
async def test_a_unit_with_an_abbreviation_is_unknown(world: World, question: str, unit: str) -> None:
    text = await (await world.staff_chat("t11-unit")).text(question)
    assert text.startswith(_LACKS) and unit in text.splitlines()[0], text


async def test_a_known_unit_with_an_abbreviation_still_answers(world: World) -> None:
    text = await (await world.staff_chat("t11-unit2")).text(
        "VKSND TP. Phổ Yên năm 2024 chỉ tiêu kiểm sát UBND xã bao nhiêu"
    )
    assert text.startswith("Ít nhất 50%") and "Phổ Yên" in text, text


@pytest.mark.parametrize(
    "question",
    [
        "cấp huyện bỏ từ ngày nào",
        "cap huyen bo tu ngay nao",
        "dạ cho em hỏi chính quyền cấp huyện chấm dứt hồi nào",
        "bỏ cấp huyện từ khi nào vậy chị",
    ],
)
async def test_the_district_level_is_no_unit(world: World, question: str) -> None:
    text = await (await world.staff_chat("t11-level")).text(question)
    assert "01/7/2025" in text and "Căn cứ" in text and _LACKS not in text, text


async def test_the_district_level_in_a_follow_up(world: World) -> None:
    chat = await world.staff_chat("t11-level2")
    await chat.text("tinh thanh gio con nhieu")
    text = await chat.text("cap huyen bo tu ngay nao")
    assert "01/7/2025" in text and _LACKS not in text, text


async def test_a_named_unit_after_the_level_is_still_a_unit(world: World) -> None:
    text = await (await world.staff_chat("t11-level3")).text("vks cấp huyện Châu Thành năm 2024 chỉ tiêu bao nhiêu")
    assert text.startswith(_LACKS) and "Châu Thành" in text.splitlines()[0], text
