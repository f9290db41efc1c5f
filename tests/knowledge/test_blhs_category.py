"""The category of a cited BLHS clause (Điều 9: the clause's heaviest main penalty), pure; round 9."""

from __future__ import annotations

import pytest

from knowledge.kb.blhs_category import category_cited, load_articles, why, with_category


@pytest.mark.parametrize(
    ("article", "clause", "category"),
    [
        (260, 1, "nghiem_trong"),  # phạt tù từ 01 năm đến 05 năm
        (260, 4, "it_nghiem_trong"),  # cải tạo không giam giữ đến 01 năm hoặc tù từ 03 tháng đến 01 năm
        (173, 1, "it_nghiem_trong"),  # tù từ 06 tháng đến 03 năm
        (173, 2, "nghiem_trong"),  # tù từ 02 năm đến 07 năm
        (168, 1, "rat_nghiem_trong"),  # tù từ 03 năm đến 10 năm
        (123, 1, "dac_biet_nghiem_trong"),  # tù 12-20 năm, chung thân hoặc tử hình
        (249, 4, "dac_biet_nghiem_trong"),  # tù 15-20 năm hoặc chung thân
    ],
)
def test_a_clause_s_category_is_that_of_its_heaviest_penalty(article: int, clause: int, category: str) -> None:
    assert load_articles()[article].clauses[clause] == category


def test_additional_penalties_have_no_category() -> None:
    assert 5 not in load_articles()[249].clauses  # "Người phạm tội còn có thể bị phạt tiền …"


def test_the_citation_and_the_crime_give_way_to_the_category() -> None:
    assert (
        with_category("vi pham quy dinh tham gia giao thong khoan 1 dieu 260 thi thoi han dieu tra bao lau")
        == "tội nghiêm trọng thi thoi han dieu tra bao lau"
    )
    assert with_category("k3 d123 blhs dieu tra may thang") == "tội nghiêm trọng dieu tra may thang"


@pytest.mark.parametrize(
    "text",
    [
        "khoản 1 điều 173 blttths quy định gì",  # the Code of procedure
        "tội giết người khoản 1 điều 123 rnt thì sao",  # a category named
        "khoản 1 điều 260 là gì",  # the BLHS not said, no crime named
        "khoản 9 điều 260 blhs",  # no such clause
    ],
)
def test_no_category_unless_the_blhs_is_meant(text: str) -> None:
    assert category_cited(text) is None and with_category(text) == text


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "tội trộm cắp khoản 2 Điều 173 điều tra bao lâu",
            "Khoản 2 Điều 173 BLHS (tội trộm cắp tài sản): mức cao nhất của khung hình phạt là 07 năm tù"
            " → tội nghiêm trọng (Điều 9 BLHS).",
        ),
        ("k1 d123 blhs tam giam bao lau", "khung hình phạt có tù chung thân → tội đặc biệt nghiêm trọng"),
        ("khoan 1 dieu 176 blhs dieu tra bao lau", "là 02 năm tù → tội ít nghiêm trọng"),
        ("khoản 1 điều 180 blhs điều tra mấy tháng", "là cải tạo không giam giữ → tội ít nghiêm trọng"),
        (
            "tội gián điệp khoản 2 điều 110 blhs tạm giam bao lâu",
            "là 15 năm tù → tội rất nghiêm trọng (Điều 9 BLHS; Chương XIII: xâm phạm an ninh quốc gia).",
        ),
    ],
)
def test_why_a_clause_is_of_its_category(text: str, said: str) -> None:
    assert said in (why(text) or "")


def test_no_reason_without_a_category_read() -> None:
    assert why("tội giết người khoản 1 điều 123 rnt thì sao") is None  # a category named
    assert why("khoản 1 điều 173 blttths quy định gì") is None
