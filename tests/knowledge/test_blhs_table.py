"""The reader that writes knowledge/data/blhs_categories.yaml from the consolidated BLHS (``blhs_table``), and
the committed table checked against the text by hand (round 10: 43 clauses of chapters XVI, XX, XXI, XXII, XXIV)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from knowledge.kb.blhs_category import load_articles
from knowledge.kb.blhs_table import LIFE, category_of, heaviest, read_code, to_yaml

EXCERPT = """\
Điều 16.1.LQ.9. Phân loại tội phạm

1. Tội phạm ít nghiêm trọng là tội phạm có tính chất và mức độ nguy hiểm cho xã hội không lớn, thì bị phạt tù đến 03 năm;

Điều 16.1.LQ.391. Tội gây rối trật tự phiên tòa, phiên họp

1. Người nào tại phiên tòa mà thóa mạ Thẩm phán, thì bị phạt tiền, phạt cải tạo không giam giữ đến 03 năm hoặc phạt tù từ 06 tháng đến 02 năm.

a) Đã bị kết án về tội này, chưa được xóa án tích mà còn vi phạm, bị phạt tù 10 năm;

2. Phạm tội thuộc một trong các trường hợp sau đây, thì bị phạt tù từ 01 năm đến 03 năm:

Điều 16.1.LQ.392. Tội mẫu

1. Người nào làm việc mẫu, thì bị phạt tù từ 12 năm đến 20 năm, tù chung thân hoặc tử hình.

2. Phạm tội không thuộc trường hợp quy định tại khoản 1 Điều này, thì bị phạt tù từ 03 tháng đến 01 năm.

3. Người phạm tội còn bị phạt tiền từ 10.000.000 đồng đến 50.000.000 đồng.

4. Người phạm tội còn có thể bị cấm cư trú từ 01 năm đến 05 năm.

5. Pháp nhân thương mại phạm tội quy định tại Điều này, thì bị phạt tiền từ 1.000.000.000 đồng.

6. Người nào chuẩn bị phạm tội này, thì bị phạt cảnh cáo hoặc phạt tiền.

## Danh sách điều khoản

Điều 16.1.LQ.392. Tội mẫu

1. Người nào làm việc mẫu, thì bị phạt tù đến 01 năm.
"""


def test_each_clause_gets_its_heaviest_main_penalty_and_that_penalty_s_category() -> None:
    articles = read_code(unicodedata.normalize("NFD", EXCERPT))  # the source carries combining accents
    assert sorted(articles) == [391, 392]  # Điều 9 is no crime; the index after the text is not read
    title, clauses = articles[391]
    assert title == "Tội gây rối trật tự phiên tòa, phiên họp"
    assert {k: (c.penalty, c.category) for k, c in clauses.items()} == {
        1: (24, "it_nghiem_trong"),  # the point a)'s "phạt tù 10 năm" lists a case, not a penalty
        2: (36, "it_nghiem_trong"),
    }
    _, clauses = articles[392]
    # additional penalties ("còn bị", "còn có thể bị") and legal persons have no category
    assert {k: (c.penalty, c.category) for k, c in clauses.items()} == {
        1: (LIFE, "dac_biet_nghiem_trong"),
        2: (12, "it_nghiem_trong"),
        6: ("phat_tien", "it_nghiem_trong"),
    }


@pytest.mark.parametrize(
    ("penalty", "category"),
    [
        ("cai_tao", "it_nghiem_trong"),
        (36, "it_nghiem_trong"),
        (37, "nghiem_trong"),
        (84, "nghiem_trong"),
        (96, "rat_nghiem_trong"),
        (180, "rat_nghiem_trong"),
        (192, "dac_biet_nghiem_trong"),
        (LIFE, "dac_biet_nghiem_trong"),
    ],
)
def test_the_category_is_dieu_9_s_band_of_the_heaviest_penalty(penalty: int | str, category: str) -> None:
    assert category_of(penalty) == category


def test_a_clause_naming_no_penalty_is_left_out() -> None:
    assert heaviest("Người nào đã nhận làm gián điệp và tự thú, thì được miễn trách nhiệm hình sự.") is None


def test_the_written_table_is_read_back_as_written(tmp_path: Path) -> None:
    path = tmp_path / "blhs_categories.yaml"
    path.write_text(to_yaml(read_code(EXCERPT)), encoding="utf-8")
    read = load_articles(path)
    assert read[391].clauses == {1: "it_nghiem_trong", 2: "it_nghiem_trong"} and read[391].penalty == {1: 24, 2: 36}
    assert read[392].penalty == {1: LIFE, 2: 12, 6: "phat_tien"}


def test_a_category_that_is_not_its_penalty_s_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "blhs_categories.yaml"
    text = to_yaml(read_code(EXCERPT)).replace("2: it_nghiem_trong}", "2: nghiem_trong}", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match="not that of its penalty"):
        load_articles(path)


# Clauses whose words carry combining accents in the source, which the first reader of round 9 did not read
@pytest.mark.parametrize(
    ("article", "clause", "penalty"),
    [
        (157, 2, 84),
        (158, 2, 60),
        (162, 2, 36),
        (165, 2, 24),
        (261, 4, "cai_tao"),
        (372, 3, 120),
        (373, 3, 144),
        (391, 1, 24),
        (391, 2, 36),
        (393, 1, 60),
    ],
)
def test_clauses_written_with_combining_accents_are_in_the_table(article: int, clause: int, penalty: int | str) -> None:
    assert load_articles()[article].penalty[clause] == penalty


# Checked by hand against the consolidated text, round 10 (the heaviest main penalty of the clause's first line)
@pytest.mark.parametrize(
    ("article", "clause", "penalty"),
    [
        (168, 5, 60),  # chuẩn bị: tù từ 01 năm đến 05 năm
        (169, 1, 84),
        (170, 3, 180),
        (171, 4, LIFE),  # tù từ 12 năm đến 20 năm hoặc tù chung thân
        (172, 1, 36),  # cải tạo không giam giữ đến 03 năm hoặc tù từ 06 tháng đến 03 năm
        (174, 3, 180),
        (175, 2, 84),
        (176, 1, 24),  # phạt tiền, cải tạo không giam giữ đến 02 năm hoặc tù từ 03 tháng đến 02 năm
        (177, 3, 84),
        (178, 4, 240),  # tù từ 10 năm đến 20 năm
        (179, 2, 60),
        (180, 1, "cai_tao"),  # cảnh cáo hoặc cải tạo không giam giữ đến 02 năm
        (248, 1, 84),
        (249, 3, 180),
        (250, 2, 180),
        (251, 1, 84),
        (252, 4, LIFE),
        (253, 1, 72),  # tù từ 01 năm đến 06 năm
        (254, 2, 120),
        (255, 3, 240),
        (256, 1, 84),
        (257, 4, LIFE),  # tù 20 năm hoặc tù chung thân
        (258, 2, 120),
        (299, 1, LIFE),  # tù từ 10 năm đến 20 năm, tù chung thân hoặc tử hình
        (300, 2, 60),
        (301, 3, 120),
        (302, 1, 120),
        (303, 2, LIFE),
        (304, 4, LIFE),
        (330, 2, 84),
        (331, 1, 36),
        (337, 2, 120),
        (341, 3, 84),
        (345, 1, 36),
        (348, 3, 180),
        (350, 2, 144),  # tù từ 05 năm đến 12 năm
        (360, 3, 144),
        (389, 2, 84),
        (390, 1, 36),
    ],
)
def test_the_table_agrees_with_the_code(article: int, clause: int, penalty: int | str) -> None:
    row = load_articles()[article]
    assert row.penalty[clause] == penalty and row.clauses[clause] == category_of(penalty)


def test_additional_penalty_clauses_stay_out_of_the_table() -> None:
    assert 3 not in load_articles()[259].clauses  # "Người phạm tội còn có thể bị phạt tiền …"
    assert 4 not in load_articles()[329].clauses  # "Người phạm tội còn bị phạt tiền …"
