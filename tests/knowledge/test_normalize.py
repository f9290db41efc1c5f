"""Vietnamese folding and the synonym table."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from knowledge.kb.normalize import (
    fold,
    has_diacritics,
    load_synonyms,
    parse_synonyms,
    syllables,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thời hạn TẠM GIỮ", "thoi han tam giu"),
        ("Đặc biệt nghiêm trọng", "dac biet nghiem trong"),
        ("đ Đ", "d d"),
        ("Tạm giữ 03 ngày (Đ117)!", "tam giu 3 ngay d117"),
        ("ngày 1/12 đến 30/11", "ngay 1/12 den 30/11"),
        ("26/07/1960", "26/7/1960"),
        ("QĐ 259/QĐ-VKSTC", "qd 259 qd vkstc"),
        ("a / b and 5/ x /6", "a b and 5 x 6"),
        ("100% chỉ tiêu", "100 phan tram chi tieu"),
        ("  nhiều \t\n  khoảng   trắng ", "nhieu khoang trang"),
        ("tạm\u200bgiữ", "tamgiu"),
        ("tạm\x00 giữ\x07", "tam giu"),
        ("**Thời hạn** `tạm giam`; DROP TABLE x;--", "thoi han tam giam drop table x"),
        ("👍🙏 tạm giữ 😀", "tam giu"),
        ("«Công minh, chính trực» — “khách quan”…", "cong minh chinh truc khach quan"),
        ("０３ ngày", "3 ngay"),
        ("10:00 và 0 và 00", "10 0 va 0 va 0"),
        ("", ""),
        ("!!! ??? ...", ""),
    ],
)
def test_fold(text: str, expected: str) -> None:
    assert fold(text) == expected


def test_nfd_and_nfc_fold_alike() -> None:
    text = "Kiểm sát viên phê chuẩn gia hạn tạm giữ, tạm giam; Đ173 BLTTHS"
    nfd = unicodedata.normalize("NFD", text)
    assert nfd != text
    assert fold(nfd) == fold(text) == "kiem sat vien phe chuan gia han tam giu tam giam d173 bltths"
    words = text.split(" ")
    mixed = " ".join(unicodedata.normalize("NFD" if i % 2 else "NFC", w) for i, w in enumerate(words))
    assert fold(mixed) == fold(text)


def test_syllables() -> None:
    assert syllables("Thời hạn tạm giữ là bao lâu?") == ["thoi", "han", "tam", "giu", "la", "bao", "lau"]
    assert syllables("   ") == []


def test_has_diacritics() -> None:
    assert has_diacritics("tạm giữ")
    assert has_diacritics(unicodedata.normalize("NFD", "tạm"))
    assert has_diacritics("đi")
    assert not has_diacritics("tam giu 3 ngay")
    assert not has_diacritics("😀 ???")


@given(st.text(max_size=200))
def test_fold_output_alphabet_and_idempotence(text: str) -> None:
    out = fold(text)
    assert set(out) <= set("abcdefghijklmnopqrstuvwxyz0123456789/ ")
    assert "  " not in out
    assert out == out.strip()
    assert fold(out) == out


def test_synonym_table_loads_and_expands() -> None:
    syn = load_synonyms()
    assert syn.expand(["vks", "phe", "chuan"]) == [["vien", "kiem", "sat", "phe", "chuan"]]
    assert syn.expand_first(["cqdt", "ksv"]) == ["co", "quan", "dieu", "tra", "kiem", "sat", "vien"]
    # cqđt is folded to cqdt, so both spellings work.
    assert syn.expand(syllables("CQĐT"))[0] == ["co", "quan", "dieu", "tra"]
    for key, reading in [
        ("blttths", "bo luat to tung hinh su"),
        ("bltths", "bo luat to tung hinh su"),
        ("tths", "to tung hinh su"),
        ("blhs", "bo luat hinh su"),
        ("ntg", "nha tam giu"),
        ("ttg", "trai tam giam"),
        ("tand", "toa an nhan dan"),
        ("ko", "khong"),
        ("k", "khong"),
        ("bn", "bao nhieu"),
        ("j", "gi"),
        ("qd", "quyet dinh"),
    ]:
        assert syn.expand([key]) == [reading.split()], key


def test_ambiguous_tg_gives_every_reading() -> None:
    syn = load_synonyms()
    assert syn.is_ambiguous("tg")
    variants = syn.expand(["thoi", "han", "tg"])
    assert ["thoi", "han", "tam", "giu"] in variants
    assert ["thoi", "han", "tam", "giam"] in variants
    # expand_first leaves an ambiguous abbreviation alone
    assert syn.expand_first(["tg"]) == ["tg"]
    # the number of variants is capped
    assert len(syn.expand(["tg", "tg", "tg"], max_variants=4)) == 4


def test_stopwords_are_folded() -> None:
    syn = load_synonyms()
    assert {"la", "gi", "bao", "nhieu", "cua"} <= syn.stopwords
    assert "giu" not in syn.stopwords and "giam" not in syn.stopwords


@pytest.mark.parametrize(
    "raw",
    [
        [],
        {"abbreviations": ["vks"]},
        {"abbreviations": {"two words": "x"}},
        {"abbreviations": {"vks": ""}},
        {"abbreviations": {"vks": "x"}, "stopwords": "la"},
    ],
)
def test_parse_synonyms_rejects_bad_data(raw: object) -> None:
    with pytest.raises(ValueError):
        parse_synonyms(raw)
