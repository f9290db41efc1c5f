"""Extensions listed by rank, read and counted (brief calc3 item 2): each is checked against its own
limit and counted from the end of the one before — tạm giữ by the clock (Đ118 k2), tạm giam for
investigation in days of detention (Đ173 k2) — and a rank's number is never a length."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from knowledge.deadlines.calculator import compute, fmt_date
from knowledge.deadlines.dateparse import fold_text
from knowledge.deadlines.extension_ask import read_extension
from knowledge.deadlines.extension_list import answer_asked
from knowledge.deadlines.numbered_extensions import blank_ranks, highest_rank, numbered

moments = st.builds(
    datetime.combine,
    st.dates(min_value=date(2018, 1, 1), max_value=date(2030, 12, 31)),
    st.integers(0, 23).map(lambda h: time(h, 0)),
)


def test_ranks_are_not_lengths() -> None:
    assert blank_ranks("gia han lan 1 ngay nao").split() == ["gia", "han", "ngay", "nao"]
    said = numbered("gia han lan 1 3 ngay, lan thu hai 2 ngay thi het luc nao")
    assert [(s.nth, s.days) for s in said] == [(1, 3), (2, 2)]
    assert highest_rank("ket thuc gia han lan 2") == 2 and highest_rank("gia han 2 lan, moi lan 3 ngay") == 2
    ask = read_extension("ket thuc gia han lan 1 ngay nao")
    assert ask is not None and ask.nth == 1 and not ask.stated


@settings(max_examples=150, deadline=None)
@given(moments, st.integers(1, 3), st.integers(1, 3), st.booleans())
def test_custody_extensions_listed_end_by_the_clock(start: datetime, first: int, second: int, words: bool) -> None:
    result = compute("tam_giu", start)
    rank = "lần thứ hai" if words else "lần 2"
    ask = read_extension(fold_text(f"gia hạn lần 1 {first} ngày, {rank} {second} ngày thì hết lúc nào"))
    assert ask is not None and ask.nth == 2
    end = start + timedelta(days=3 + first + second)
    assert f"hết {end:%H:%M} " in answer_asked(result, ask) and fmt_date(end.date()) in answer_asked(result, ask)


@settings(max_examples=100, deadline=None)
@given(st.dates(min_value=date(2018, 1, 1), max_value=date(2030, 12, 31)), st.integers(1, 4), st.integers(1, 4))
def test_detention_extensions_listed_are_days_of_detention(start: date, first: int, second: int) -> None:
    result = compute("tam_giam_dieu_tra", start, category="dac_biet_nghiem_trong")  # Đ173 k2 d: 2 × ≤ 4 months
    ask = read_extension(fold_text(f"gia hạn lần 1 {first} tháng, lần 2 {second} tháng thì hết ngày nào"))
    assert ask is not None
    last = start + timedelta(days=120 + 30 * (first + second) - 1)  # day one is the start; never shifted
    assert "đến hết ngày" in answer_asked(result, ask) and fmt_date(last) in answer_asked(result, ask)


def test_a_second_extension_the_law_does_not_give_is_refused() -> None:
    result = compute("tam_giam_dieu_tra", date(2026, 3, 1), category="nghiem_trong")  # Đ173 k2 b: once
    ask = read_extension(fold_text("gia hạn lần 1 1 tháng, lần 2 1 tháng thì hết ngày nào"))
    assert ask is not None
    text = answer_asked(result, ask)
    assert "chỉ được gia hạn 1 lần" in text and "28/06/2026" not in text
    unsaid = read_extension(fold_text("gia hạn lần 1, lần 2 3 ngày thì hết lúc nào"))
    assert unsaid is not None
    asked = answer_asked(compute("tam_giu", datetime(2026, 3, 2, 9)), unsaid)
    assert "lần gia hạn thứ thứ nhất" not in asked and "bao lâu" in asked and "/2026" not in asked
