"""``knowledge.kb.unread``: a word the knowledge base does not read, one slip from a deciding word, is read as
meant (one likeliest reading) or asked about (two as likely); words of their own are left as typed."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from knowledge.kb.library import Library
from knowledge.kb.unread import UnreadReader, unread_reader

TODAY = date(2026, 3, 2)


@pytest.fixture(scope="module")
def reader(library: Library) -> UnreadReader:
    return unread_reader(library.searcher)


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("tam gam dieu tra toi RNT", "tam giam dieu tra toi RNT"),  # a letter left out of a phrase
        ("tạm iam để điều tra", "tạm giam để điều tra"),  # written as the knowledge base writes it
        ("tam gaim RNT", "tam giam RNT"),  # two letters swapped
        ("ieu tra toi NT bao lau", "dieu tra toi NT bao lau"),
        ("han ruy tố ngày nào", "han truy tố ngày nào"),
        ("tiam dt RNT", "tgiam dt RNT"),  # a shorthand one letter short
        ("tiu toi da bn ngay", "tgiu toi da bn ngay"),  # not "tui" (tôi), a filler
        ("tgi 6 ngay", "tgiu 6 ngay"),
        ("cbxx ĐBT bn tháng", "cbxx dbnt bn tháng"),
        ("chuan bi xet xu BNT", "chuan bi xet xu dbnt"),  # ĐBNT short of its Đ, not RNT
        ("cbx RNT", "cbxx RNT"),
        ("tạm giữ từ 8h áng nay", "tạm giữ từ 8h sáng nay"),  # the morning, not "anqg"
        ("khang coa quyet dinh so tham", "khang cao quyet dinh so tham"),
        ("còn vks cấp trên kháng nghị thì bao niêu", "còn vks cấp trên kháng nghị thì bao nhiêu"),
        ("nếu có trở gại khách quan thì sao", "nếu có trở ngại khách quan thì sao"),  # one near word that pairs
        ("6 tuan ruoc thi han khang cao", "6 tuan truoc thi han khang cao"),
    ],
)
def test_a_slipped_word_is_read_as_meant(reader: UnreadReader, typed: str, read: str) -> None:
    reading = reader.read(typed, TODAY)
    assert not reading.asks and reading.text == read, reading


def test_nfd_text_is_read_like_nfc(reader: UnreadReader) -> None:
    reading = reader.read(unicodedata.normalize("NFD", "tạm iam để điều tra tội rất nghiêm trọng"))
    assert reading.text == "tạm giam để điều tra tội rất nghiêm trọng"


@pytest.mark.parametrize(
    ("typed", "word", "options"),
    [
        # a letter left out of either shorthand, and the entries of both readings fit what the rest asks
        ("tgia dt la bao lau", "tgia", ("tạm giam", "thời gian")),
        ("tam giau toi da bao lau", "giau", ("tạm giam", "tạm giữ")),
    ],
)
def test_two_readings_as_likely_are_asked(
    reader: UnreadReader, typed: str, word: str, options: tuple[str, ...]
) -> None:
    reading = reader.read(typed, TODAY)
    assert reading.asks and reading.typed == word and set(reading.options) == set(options), reading
    assert reading.text == typed and len(reading.alternatives) == len(options)


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        (
            "lenh tgia den het 20/04/2026 vks gia han them 1 thang thi den het ngay nao",
            "lenh tgiam den het 20/04/2026 vks gia han them 1 thang thi den het ngay nao",
        ),
        ("tgia dt it NT bn thang", "tgiam dt it NT bn thang"),  # "thời gian đt …" finds no entry about it
        ("tam giau lan dau dc bao nhiu ngay", "tam giu lan dau dc bao nhiu ngay"),  # days: the custody limit
        (
            "cđt nhận tin báo hôm nay, hạn 20 ngày là đến ngày nào",
            "cqdt nhận tin báo hôm nay, hạn 20 ngày là đến ngày nào",
        ),
    ],
)
def test_the_one_reading_whose_result_agrees_is_taken(reader: UnreadReader, typed: str, read: str) -> None:
    reading = reader.read(typed, TODAY)
    assert not reading.asks and reading.text == read, reading


@pytest.mark.parametrize(
    "typed",
    [
        "neu ang cho ket qua giam dinh thi sao",  # "đang", not ANQG: no entry the rest finds is about ANQG
        "Chị ơi đơn vị em vẫn ang dùng hệ thống chỉ tiêu QĐ 139/2020",
    ],
)
def test_a_shorthand_the_rest_disagrees_with_is_not_read(reader: UnreadReader, typed: str) -> None:
    reading = reader.read(typed, TODAY)
    # left as typed, or read as the "đang" it is once the knowledge base says "đang chờ" (round 14); never ANQG
    meant = (typed, typed.replace(" ang ", " dang "), typed.replace(" ang ", " đang "))
    assert (
        not reading.asks and reading.text in meant and reading.read in ((), (("ang", "dang"),), (("ang", "đang"),))
    ), reading


@pytest.mark.parametrize(
    "typed",
    [
        "thời hạn tạm giam để điều tra tội rất nghiêm trọng",  # nothing slipped
        "lịch thi đấu ngoại hạng anh",  # "đấu" is no slip of "đua" when its marks are typed
        "tạm giữ từ hôm kia",
        "còn vks cấp trên kháng nghị thì tới bữa nào",  # "bữa" is no "qua" of "tối qua"
        "VKS khu vực 1 Cần Thơ năm 2025 đạt bao nhiêu % chỉ tiêu",  # a place, not "theo"
        "lỗi vượt đèn đỏ xe máy phạt bao nhiêu tiền",  # "xe" is no "xét"
        "giữ người trg th khẩn cấp thì trg bao lâu",  # "trg" (trong) is no shorthand one letter off
        "ksv ktra hs tiếp nhận người bị tgiu",
    ],
)
def test_a_word_of_its_own_is_left_as_typed(reader: UnreadReader, typed: str) -> None:
    reading = reader.read(typed, TODAY)
    assert not reading.asks and reading.text == typed and not reading.read, reading
