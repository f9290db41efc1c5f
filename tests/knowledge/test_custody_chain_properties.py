"""A tạm giữ (with 0, 1 or 2 extensions, Đ118 k2) chained into a tạm giam, asked in free text with random
dates, lengths and phrasings: the detention starts on the day the custody ends, every custody day is
deducted once, and its last day is the hand count (TTLT 04/2018 Điều 17, FACTS §1):
detention start + (30 × months + days − custody days) − 1 = custody's first day + term − 1."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from knowledge.deadlines.calculator import compute
from knowledge.deadlines.dateparse import DeadlineQuery, detect_deadline_query

NOW = datetime(2026, 3, 2, 8, 0)
days = st.dates(min_value=date(2018, 1, 1), max_value=date(2030, 12, 31))
moments = st.builds(datetime.combine, days, st.integers(1, 23).map(lambda h: time(h, 0)))


def _extensions_said(extensions: list[int], style: int) -> str:
    if not extensions:
        return ("", "không gia hạn", "chưa được gia hạn")[style % 3]
    if len(extensions) == 1:
        return ("gia hạn thêm {} ngày", "gh {} ngay", "được gia hạn tạm giữ {} ngày")[style % 3].format(*extensions)
    a, b = extensions
    if a == b and style % 2:
        return f"gia hạn 2 lần, mỗi lần {a} ngày"
    return (f"gia hạn lần 1 {a} ngày, lần 2 {b} ngày", f"gia hạn thêm {a} ngày, gia hạn lần thứ hai {b} ngày")[
        style % 2
    ]


def _detention_said(months: int, extra: int) -> str:
    return f"{months} tháng" + (f" {extra} ngày" if extra else "")


def _question(start: datetime, term: int, extensions: list[int], months: int, extra: int, style: int) -> str:
    when = f"{start.hour}h {start:%d/%m/%Y}" if style % 2 else f"{start.hour} giờ ngày {start:%d/%m/%Y}"
    ext = _extensions_said(extensions, style)
    length = _detention_said(months, extra)
    templates = (
        f"tạm giữ {term} ngày từ {when}, {ext} rồi tạm giam {length} hết ngày nào",
        f"tgiu {term} ngay tu {when} {ext} sau do tgiam {length}",
        f"bị tạm giữ lúc {when}, tạm giữ {term} ngày, {ext}, khi hết hạn tạm giữ thì tạm giam {length}",
        f"tam giu {term} ngay tu {when}, {ext}, het tam giu thi chuyen tam giam {length} den ngay nao",
        f"tạm giữ {'+'.join(str(d) for d in (term, *extensions))} ngày từ {when} rồi tạm giam {length}",
    )
    custody = term + sum(extensions)
    if custody > 3 and extensions and style % 7 == 0:  # the total, with a remark that it was extended
        return f"tạm giữ {custody} ngày (đã gia hạn) từ {when}, sau đó tạm giam {length} hết ngày nào"
    return templates[style % len(templates)]


def _query(text: str) -> DeadlineQuery:
    query = detect_deadline_query(text, NOW)
    assert query is not None, text
    return query


@settings(max_examples=300, deadline=None)
@given(
    moments,
    st.integers(1, 3),
    st.lists(st.integers(1, 3), max_size=2),
    st.integers(1, 6),
    st.integers(0, 29),
    st.integers(0, 20),
)
def test_detention_after_custody_is_the_hand_count(
    start: datetime, term: int, extensions: list[int], months: int, extra: int, style: int
) -> None:
    text = _question(start, term, extensions, months, extra, style)
    custody = term + sum(extensions)
    query = _query(text)
    assert (query.kind, query.tam_giu_days, query.months, query.days) == ("tam_giam", custody, months, extra or None)
    assert query.start == start.date() + timedelta(days=custody), text  # the day the custody ends
    result = compute(query.kind, query.start, months=query.months, days=query.days, tam_giu_days=query.tam_giu_days)
    detention_start = start.date() + timedelta(days=custody)
    hand = detention_start + timedelta(days=30 * months + extra - custody - 1)
    assert result.base.last_day == hand == start.date() + timedelta(days=30 * months + extra - 1), text
    assert result.base_days == 30 * months + extra - custody


@settings(max_examples=150, deadline=None)
@given(days, st.integers(1, 3), st.lists(st.integers(1, 3), max_size=2), st.integers(1, 6), st.integers(0, 1))
def test_detention_with_its_own_date_deducts_every_custody_day(
    start: date, term: int, extensions: list[int], months: int, style: int
) -> None:
    ext = _extensions_said(extensions, style)
    text = f"tạm giam {months} tháng từ {start:%d/%m/%Y}, trước đó tạm giữ {term} ngày" + (f" và {ext}" if ext else "")
    custody = term + sum(extensions)
    query = _query(text)
    assert (query.start, query.tam_giu_days, query.months, query.days) == (start, custody, months, None), text
    result = compute(query.kind, query.start, months=months, tam_giu_days=custody)
    assert result.base.last_day == start + timedelta(days=30 * months - custody - 1)


@settings(max_examples=150, deadline=None)
@given(moments, st.integers(1, 9), st.integers(1, 6), st.booleans())
def test_custody_given_by_its_two_ends(start: datetime, custody: int, months: int, extended: bool) -> None:
    end = start + timedelta(days=custody)
    said = ", có gia hạn" if extended else ""
    text = f"tạm giữ từ {start.hour}h {start:%d/%m/%Y} đến {end.hour}h {end:%d/%m/%Y}{said}, sau đó tạm giam {months} tháng"
    query = _query(text)
    assert (query.start, query.tam_giu_days) == (end.date(), custody), text
    result = compute(query.kind, query.start, months=months, tam_giu_days=custody)
    assert result.base.last_day == start.date() + timedelta(days=30 * months - 1), text


CATEGORY_WORDS = {
    "it_nghiem_trong": ("ít nghiêm trọng", 60),
    "nghiem_trong": ("nghiêm trọng", 90),
    "rat_nghiem_trong": ("rất nghiêm trọng", 120),
    "dac_biet_nghiem_trong": ("đặc biệt nghiêm trọng", 120),
}


@settings(max_examples=150, deadline=None)
@given(moments, st.integers(1, 3), st.lists(st.integers(1, 3), max_size=2), st.sampled_from(sorted(CATEGORY_WORDS)))
def test_detention_for_investigation_after_custody_is_the_hand_count(
    start: datetime, term: int, extensions: list[int], category: str
) -> None:
    words, term_days = CATEGORY_WORDS[category]  # Đ173 k1 in days of detention
    ext = _extensions_said(extensions, term)
    text = f"tạm giữ {term} ngày từ {start.hour}h {start:%d/%m/%Y}, {ext} rồi tạm giam để điều tra tội {words}"
    custody = term + sum(extensions)
    query = _query(text)
    assert (query.kind, query.category, query.tam_giu_days) == ("tam_giam_dieu_tra", category, custody), text
    result = compute(query.kind, query.start, category=category, tam_giu_days=custody)
    assert result.start == start.date() + timedelta(days=custody)
    assert result.base.last_day == start.date() + timedelta(days=term_days - 1), text
