"""guard13: a count asked of a thing an entry mentions but never gives a number of is refused ("vks tỉnh có mấy phó
viện trưởng" got the 34 provinces, whose answer says "thành phố"; "nhà tạm giữ có bao nhiêu buồng giam" got what a
record of inspection holds, which names the cells); a classifier counts nothing ("có nhiêu cái dzậy": the regional
procuracies asked before it), nor "cả"; an entry that gives no number at all may list what is counted ("lời Bác dạy
có mấy chữ"), and a rate asked ("bao nhiêu %") is not held to a number."""

from __future__ import annotations

import pytest

from knowledge.kb.counts import counted_nouns, things_counted
from tests.conftest import World

REFUSED = "chưa có thông tin"


@pytest.mark.parametrize(
    "question",
    [
        "vks tỉnh có mấy phó viện trưởng",
        "vks tinh co may pho vien truong",
        "nhà tạm giữ có bao nhiêu buồng giam",
        "trai tam giam co bao nhieu buong",
        "vks khu vực có bao nhiêu kiểm sát viên",
        "cho e hỏi vks tỉnh thường có bao nhiêu phòng nghiệp vụ ạ",
    ],
)
async def test_a_count_of_a_thing_no_entry_counts_is_refused(world: World, question: str) -> None:
    text = await (await world.staff_chat("g13-count")).text(question)
    assert REFUSED in text and "Căn cứ" not in text, text


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("vks khu dực cả nước có nhiêu cái dzậy?", "355"),
        ("cả nước có bao nhiêu vks khu vực", "355"),
        ("sau sap xep ca nuoc con bao nhieu vks khu vuc a", "355"),
        ("cả nước có bao nhiêu tỉnh thành", "34"),
        ("ca nuoc co bao nhieu cai vks tinh", "34"),
        ("chú ơi lời Bác dạy cán bộ kiểm sát có mấy chữ rứa chú", "khiêm tốn"),
        ("dt toi NT max bn ca gh", "8 tháng"),
        ("sau sắp xếp 2025 vks còn mấy cấp || cấp khu vực có nhiêu đơn vị", "355"),
        ("NQ 96/2019 giao chi tieu ty le giai quyet nguon tin cho vks la bao nhieu %", "96/2019"),
    ],
)
async def test_what_is_counted_still_answers(world: World, question: str, figure: str) -> None:
    chat = await world.staff_chat("g13-counted")
    for turn in question.split(" || "):  # a follow-up: its own turn
        text = await chat.text(turn)
    assert figure in text and "Căn cứ" in text, text


@pytest.mark.parametrize(
    ("tokens", "asked"),
    [
        ("co bao nhieu cai vien kiem sat", {"vien"}),
        ("co bao nhieu cai vay", set()),
        ("cap khu vuc co bao nhieu don vi", set()),
        ("vien kiem sat tinh co bao nhieu don vi truc thuoc", {"truc"}),
        ("dt toi nghiem trong max bao nhieu ca gia han", set()),  # "tính cả gia hạn"
    ],
)
def test_a_classifier_or_all_is_no_thing(tokens: str, asked: set[str]) -> None:
    assert counted_nouns(tokens.split(), frozenset({"vay", "co"}), frozenset()) == asked


def test_a_number_with_a_slash_counts() -> None:
    assert "chi" in things_counted(["dat", "127/129", "chi", "tieu"])
