"""guard13: a penalty asked that the knowledge base does not hold is refused — a crime's own penalty bracket
("cướp tài sản khoản 2 khung hình phạt bn năm" found when detention is allowed, by its "2 năm tù"), and a minor's
penalty ("người dưới 18 phạm tội bị phạt tù tối đa bn năm" found the adults' 20 years: BLHS Điều 101 is not in the
base, and "người dưới 18" without "tuổi" was not read as a minor). The general penalty rules still answer, and a
penalty told as the case is no penalty asked."""

from __future__ import annotations

import pytest

from knowledge.kb.penalty import penalty_asked
from tests.conftest import World

REFUSED = "chưa có thông tin"


def _stated(text: str) -> bool:
    return "Căn cứ" in text and "chưa kiểm chứng" not in text.lower()


@pytest.mark.parametrize(
    "question",
    [
        "cuop tai san khoan 2 khung hinh phat bn nam",
        "tội trộm cắp tài sản khoản 1 bị phạt tù bao nhiêu năm",
        "giết người thì ngồi tù tối đa mấy năm vậy a",
        "lừa đảo chiếm đoạt tài sản khung hình phạt cao nhất là bao nhiêu",
        "a ơi cho e hỏi tội cố ý gây thương tích mức phạt cao nhất mấy năm ạ",
    ],
)
async def test_a_crimes_own_penalty_is_refused(world: World, question: str) -> None:
    text = await (await world.staff_chat("g13-crime")).text(question)
    assert REFUSED in text and not _stated(text), text


@pytest.mark.parametrize(
    "question",
    [
        "nguoi duoi 18 pham toi bi phat tu toi da bn nam",
        "người chưa đủ 18 tuổi phạm tội thì mức phạt tù cao nhất là bao nhiêu",
        "nguoi chua thanh nien pham toi rat nghiem trong bi phat tu toi da bao nhieu nam",
        "bị cáo 16 tuổi thì bị phạt tù tối đa mấy năm",
    ],
)
async def test_a_minors_penalty_never_gets_the_adults(world: World, question: str) -> None:
    text = await (await world.staff_chat("g13-minor")).text(question)
    assert "20 năm" not in text and not _stated(text), text


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("phạt tù có thời hạn tối đa bao nhiêu năm", "20 năm"),
        ("cải tạo không giam giữ tối đa mấy năm", "3 năm"),
        ("an treo thoi gian thu thach toi da bn nam", "5 năm"),  # BLHS Điều 65 khoản 1: from 1 to 5 years
        ("tội trộm cắp tài sản khoản 1 điều 173 thì thời hạn điều tra bao lâu", "2 tháng"),
        # "bao lâu" of a time limit, "ra quyết định" no crime of its own (Tội ra quyết định trái pháp luật)
        ("thoi han ra quyet dinh thi hanh an phat tu la bao lau ke tu ban an co hieu luc", "7 ngày"),
    ],
)
async def test_the_general_rules_still_answer(world: World, question: str, figure: str) -> None:
    text = await (await world.staff_chat("g13-general")).text(question)
    assert figure in text and _stated(text), text


@pytest.mark.parametrize(
    "question", ["tạm giam người dưới 18 tuổi tối đa bao lâu", "nguoi duoi 18 thi tam giu bao lau"]
)
async def test_a_minors_time_limit_is_still_the_flagged_minors_entry(world: World, question: str) -> None:
    text = await (await world.staff_chat("g13-minor-limit")).text(question)
    assert "chưa thành niên" in text and "chưa kiểm chứng" in text.lower(), text


@pytest.mark.parametrize(
    ("tokens", "asked"),
    [
        ("cuop tai san khoan 2 khung hinh phat bao nhieu nam", True),
        ("toi co khung hinh phat den 15 nam thi tam giam dieu tra bao lau", False),  # told, not asked
        ("muc phat tu tren 2 nam thi co duoc tam giam khong", False),
        ("lanh dao vks co may nguoi", False),  # "lãnh đạo" is no sentence
    ],
)
def test_a_penalty_told_is_not_asked(tokens: str, asked: bool) -> None:
    assert penalty_asked(tokens.split()) is asked
