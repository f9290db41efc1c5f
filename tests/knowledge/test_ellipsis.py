"""A second question said as only what changes (pure; own phrasings, round 9)."""

from __future__ import annotations

import pytest

from knowledge.kb.ellipsis import member_replaced
from knowledge.kb.normalize import load_synonyms
from knowledge.kb.twopart import split_question
from knowledge.kb.vocabulary import load_vocabulary

VOCAB = load_vocabulary()
SYN = load_synonyms()


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        (
            "kỳ thống kê 6 tháng tính từ ngày nào đến ngày nào, còn 12 tháng",
            ["kỳ thống kê 6 tháng tính từ ngày nào đến ngày nào", "kỳ thống kê 12 tháng tính từ ngày nào đến ngày nào"],
        ),
        (
            "tạm giam ít NT tối đa bao lâu, NT thì bao lâu",
            ["tạm giam ít NT tối đa bao lâu", "tạm giam NT tối đa bao lâu"],
        ),
        ("tam giu toi da may ngay, con tam giam thi sao", ["tam giu toi da may ngay", "tam giam toi da may ngay"]),
        (
            "điều tra tội RNT tối đa bao lâu, còn ĐBNT?",
            ["điều tra tội RNT tối đa bao lâu", "điều tra tội ĐBNT tối đa bao lâu"],
        ),
        ("truy tố tội NT mấy ngày, còn cbxx", ["truy tố tội NT mấy ngày", "cbxx tội NT mấy ngày"]),
        # a unit said alone after the subject ("kỳ thống kê tháng")
        (
            "kỳ thống kê tháng tính từ ngày nào, còn 6 tháng",
            ["kỳ thống kê tháng tính từ ngày nào", "kỳ thống kê 6 tháng tính từ ngày nào"],
        ),
        # one year each, the same year
        (
            "phuong cham nganh nam 2021 voi chu de thi dua 2021 la j",
            ["phuong cham nganh nam 2021", "chu de thi dua 2021 la j"],
        ),
    ],
)
def test_the_first_question_is_asked_again_of_what_changes(text: str, parts: list[str]) -> None:
    assert split_question(text, VOCAB, SYN) == parts


@pytest.mark.parametrize(
    "text",
    [
        "tạm giam ít NT tối đa bao lâu, NT thì gia hạn mấy lần",  # more changes than the member
        "tam giam dieu tra toi NT bao lau, truy to bao lau",  # the stage of a measure: maybe the stage's own limit
        "tạm giữ và tạm giam khác nhau thế nào",
        "kỳ thống kê 6 tháng, 12 tháng",  # no question before
        "tạm giữ tối đa mấy ngày, còn tạm giữ thì sao",  # nothing changes
        "tạm giam mấy tháng, còn 6 tháng",  # "mấy tháng" is asked, no length said
    ],
)
def test_not_a_member_replaced(text: str) -> None:
    assert member_replaced(text, VOCAB, SYN) is None
