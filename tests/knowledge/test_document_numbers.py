"""A document's number typed with its year (pure; round 9)."""

from __future__ import annotations

from knowledge.kb.query import document_numbers


def test_a_number_with_its_year_after_a_document_word_is_the_number_and_the_year() -> None:
    assert document_numbers(["qd", "259/2023", "la", "gi"]) == ["qd", "259", "2023", "la", "gi"]
    assert document_numbers(["quyet", "dinh", "139/2020"]) == ["quyet", "dinh", "139", "2020"]
    assert document_numbers(["thong", "tu", "4/2018"]) == ["thong", "tu", "4", "2018"]


def test_a_month_and_year_is_left_as_typed() -> None:
    assert document_numbers(["thang", "7/2025"]) == ["thang", "7/2025"]
    assert document_numbers(["tu", "1/7/2025"]) == ["tu", "1/7/2025"]
