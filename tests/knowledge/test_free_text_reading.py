"""Telex keys left in folded words (``knowledge.kb.telex``, as the calculator folds), the owner of a date after a
released tạm giữ (``knowledge.deadlines.date_owner``) and weekdays of a named week
(``knowledge.deadlines.weekdays``), dates said with "mùng"."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from knowledge.deadlines.date_owner import detention_owns
from knowledge.deadlines.dateparse import find_date_time, fold_text
from knowledge.deadlines.kind_words import detect_kind, spell_out
from knowledge.deadlines.regional import plain_words
from knowledge.deadlines.weekdays import weekday_dates
from knowledge.kb.telex import plain_text as untelex


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("tam giamf 2 thang den heets ngay nao", "tam giam 2 thang den het ngay nao"),
        ("chij owi, e laf can bo", "chi oi, e la can bo"),
        ("ddeens ngayf naof", "den ngay nao"),
        ("tuwf 8h sangs nay", "tu 8h sang nay"),
    ],
)
def test_telex_keys_are_read_away(typed: str, read: str) -> None:
    assert untelex(typed) == read


@pytest.mark.parametrize(
    "kept",
    ["vks hs ks bltths ttlt cqdt dbnt rnt anqg gdt kc qd", "14h 8h30 05/03/2026", "xoong tgiu tgiam", "ok dzay hong"],
)
def test_abbreviations_digits_and_words_are_kept(kept: str) -> None:
    assert untelex(kept) == kept


def test_fold_text_reads_telex_after_the_diacritics() -> None:
    assert fold_text("Tạm giamf 2 tháng đến heets ngày nào") == "tam giam 2 thang den het ngay nao"


@pytest.mark.parametrize(
    ("marked", "owned"),
    [
        ("tam giu 6 ngay roi da tha, ngay @ bat lai tam giam 3 thang", True),
        ("da tam giu 3 ngay, @ tam giam 2 thang", True),
        ("tam giu 3 ngay tu 9h @ roi tam giam 2 thang", False),  # the custody's start
        ("tam giu tu @ tam giam 2 thang", False),  # nothing closes the custody before the date
        ("tam giu 3 ngay, tu @ gia han them 3 ngay roi tam giam", False),  # the date leads elsewhere
    ],
)
def test_the_date_after_a_closed_custody_leading_into_detention(marked: str, owned: bool) -> None:
    assert detention_owns(marked, marked.index("@")) is owned


@pytest.mark.parametrize(
    ("said", "day"),
    [
        ("tu 10h sang thu 7 tuan truoc", date(2026, 2, 28)),
        ("bat t6 tuan nay", date(2026, 3, 6)),
        ("thu ly thu hai tuan sau", date(2026, 3, 9)),
        ("tuyen an hom thu sau", date(2026, 2, 27)),
        ("tu chu nhat vua roi", date(2026, 3, 1)),
        ("nhan hom thu 2", date(2026, 2, 23)),  # the last Monday before Monday 02/03
    ],
)
def test_a_weekday_with_its_week(said: str, day: date) -> None:
    assert [w.day for w in weekday_dates(said, date(2026, 3, 2))] == [day]


@pytest.mark.parametrize(
    "said",
    ["tuyen an thu 6", "gia han lan thu 2", "t7", "co tinh hom thu 7 khong", "ngay cuoi roi vao thu 7 tuan nay"],
)
def test_a_weekday_without_its_week_is_not_a_date(said: str) -> None:
    assert weekday_dates(said, date(2026, 3, 2)) == []


@pytest.mark.parametrize(
    ("said", "day"),
    [("tu mung 5 thang 3 nam 2026", date(2026, 3, 5)), ("mong 10 thang 3", date(2026, 3, 10))],
)
def test_mung_and_mong_dates(said: str, day: date) -> None:
    found = find_date_time(said, datetime(2026, 3, 2, 8, 0))
    assert found is not None and found[0].day == day


def test_a_length_in_months_and_days_is_not_a_date() -> None:
    assert find_date_time("tam giam 2 thang 3 ngay", datetime(2026, 3, 2, 8, 0)) is None


@pytest.mark.parametrize(
    ("said", "kind"),
    [
        ("bat qua tang thi phai giai ve co quan dieu tra trong bao lau", None),  # the agency is no investigation
        ("co quan dieu tra khoi to vu an, han dieu tra", "dieu_tra"),
        ("vks cung cap khang nghi den ngay may, vks cap tren ngay may", "khang_nghi_ban_an_cung_cap"),
        ("toa nhan ho so phuc tham, han xet xu phuc tham", "chuan_bi_xet_xu_phuc_tham"),
        ("toa cap cao nhan ho so phuc tham, han xet xu phuc tham", None),
        ("nguoi bi tam giu khieu nai, vien phai giai quyet den khi nao", "giai_quyet_khieu_nai_giam_giu"),
        ("vks nhan lenh tam giam de nghi phe chuan, han phe chuan", "phe_chuan_lenh_tam_giam"),
        ("lenh tam giam 2 thang da duoc vks phe chuan, het ngay nao", "tam_giam"),
    ],
)
def test_the_kind_named(said: str, kind: str | None) -> None:
    found = detect_kind(said)
    assert (found[0] if found else None) == kind


def test_both_protest_levels_are_both_asked() -> None:
    found = detect_kind("vks cung cap khang nghi quyet dinh han chot, cap tren han chot")
    assert found == ("khang_nghi_quyet_dinh_cung_cap", ("khang_nghi_quyet_dinh_cap_tren",))


@pytest.mark.parametrize(
    ("said", "kind"),
    [
        ("toa thu ly 10/03 toi it nt, han cbxx", "chuan_bi_xet_xu"),
        ("toa thu ly vu an toi nt han chuan bi xx", "chuan_bi_xet_xu"),
        ("toa pt nhan hs, han xet xu pt", "chuan_bi_xet_xu_phuc_tham"),
        ("qd st ra ngay 10/03, vks cung cap kn", "khang_nghi_quyet_dinh_cung_cap"),
    ],
)
def test_the_trials_shorthand(said: str, kind: str) -> None:
    found = detect_kind(spell_out(said))
    assert found is not None and found[0] == kind


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("kc toi bua nao", "kc toi ngay nao"),
        ("gia han het co thi sao", "gia han toi da thi sao"),
        ("tuyen an bua qua", "tuyen an hom qua"),
        ("nhan bua thu 6 tuan truoc", "nhan hom thu 6 tuan truoc"),
        ("hom bua di hoc", "hom bua di hoc"),
    ],
)
def test_regional_phrases(typed: str, read: str) -> None:
    assert plain_words(typed) == read
