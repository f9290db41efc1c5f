"""The legal review's findings other than the stage cap (LEGAL_REVIEW A2–A7), each read in the article."""

from __future__ import annotations

from datetime import date

from knowledge.deadlines.calculator import compute
from knowledge.deadlines.card import format_card

D = date


# -- A2: Đ172 k3 for an ĐBNT crime that is also ANQG is an open point ------------------
def test_dieu_tra_dbnt_anqg_says_the_two_sentences_of_k3_are_open() -> None:
    result = compute("dieu_tra", D(2026, 1, 15), category="dac_biet_nghiem_trong", anqg=True)
    assert any("ĐBNT xâm phạm ANQG" in n and "chưa thống nhất — đối chiếu hướng dẫn" in n for n in result.notes)
    assert "ĐBNT xâm phạm ANQG" in format_card(result)
    other = compute("dieu_tra", D(2026, 1, 15), category="rat_nghiem_trong", anqg=True)
    assert not any("ĐBNT xâm phạm ANQG" in n for n in other.notes)
