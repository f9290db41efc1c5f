"""Extensions asked after a card (knowledge.deadlines.extension_ask): what is read, and the
arithmetic (tạm giữ by the clock, Đ118 k2; tạm giam 30 days a month from the day after the term
it extends, never shifted: FACTS §1)."""

from __future__ import annotations

import re
from datetime import date, datetime

from knowledge.deadlines.calculator import compute, fmt_date
from knowledge.deadlines.extension_ask import LAST, ExtensionAsk, answer_extension, read_extension

TODAY = date(2026, 3, 2)


def test_what_a_followup_asks() -> None:
    assert read_extension("gh lan 2 thi het luc nao") == ExtensionAsk(2)
    assert read_extension("gia han lan thu nhat thi sao") == ExtensionAsk(1)
    assert read_extension("neu gia han them 1 thang 10 ngay thi den ngay nao") == ExtensionAsk(None, 1, 10)
    assert read_extension("the gia han lan hai thi het ngay nao") == ExtensionAsk(2)
    assert read_extension("gia han 2 lan thi den bao gio") == ExtensionAsk(2)
    assert read_extension("gia han toi da thi het ngay nao") == ExtensionAsk(LAST)
    assert read_extension("gia han toi da 3 ngay thi tra tu do luc may gio") == ExtensionAsk(None, 0, 3)
    assert read_extension("gia han tam giu thi ai phe chuan") is None  # who, not when
    assert read_extension("tam giam het ngay nao") is None


def test_custody_extension_runs_by_the_clock_over_the_month_end() -> None:
    result = compute("tam_giu", datetime(2026, 2, 25, 23, 0), today=TODAY)  # ends 23:00 28/02
    text = answer_extension(result, ExtensionAsk(None, 0, 2))
    assert "hết 23:00 Thứ Hai 02/03/2026" in text
    assert "không quá 3 ngày" in answer_extension(result, ExtensionAsk(None, 1, 0))  # months: refused


def test_second_detention_extension_follows_the_first() -> None:
    result = compute("tam_giam_dieu_tra", date(2026, 3, 1), category="dac_biet_nghiem_trong", today=TODAY)
    first_end = result.steps[0].last_day  # 4 + 4 months = 240 days: 26/10/2026
    assert first_end == date(2026, 10, 26)
    text = answer_extension(result, ExtensionAsk(2, 3, 0))  # 26/10 + 90 days, a Sunday: not shifted
    assert "từ 27/10/2026 đến hết ngày Chủ nhật 24/01/2027" in text
    assert "không quá 4 tháng" in answer_extension(result, ExtensionAsk(2, 5, 0))


def test_stage_capped_detention_keeps_its_warning() -> None:
    result = compute("tam_giam_truy_to", date(2026, 3, 1), category="nghiem_trong", today=TODAY)
    assert result.stage_cap_unknown and result.stage_warning
    text = answer_extension(result, ExtensionAsk(None))
    assert result.stage_warning in text


def test_a_later_extension_of_an_order_without_steps_is_not_guessed() -> None:
    result = compute("tam_giam", date(2026, 4, 10), months=2, today=TODAY)
    text = answer_extension(result, ExtensionAsk(2, 1, 0))
    assert "không biết lần gia hạn trước" in text and "/2026" not in text


def test_investigation_extension_by_its_length() -> None:
    result = compute("dieu_tra", date(2026, 1, 15), category="nghiem_trong", today=TODAY)
    same = answer_extension(result, ExtensionAsk(None, 3, 0))  # the first extension is 3 months
    assert "hết 24:00 Thứ Tư 15/07/2026" in same
    assert "không quá 3 tháng" in answer_extension(result, ExtensionAsk(None, 4, 0))
    assert "không quá 2 tháng" in answer_extension(result, ExtensionAsk(2, 3, 0))


def test_beyond_the_dated_steps_the_open_ended_one_is_named() -> None:
    result = compute("tam_giam_dieu_tra", date(2026, 3, 1), category="dac_biet_nghiem_trong", today=TODAY)
    text = answer_extension(result, ExtensionAsk(len(result.steps) + 1))
    assert "cho đến khi kết thúc việc điều tra" in text and "Mốc cần rà soát: khi kết thúc việc điều tra" in text
    # The only date is the last dated extension's end (k6): nothing is computed past it.
    last = result.steps[-1].last_day
    assert set(re.findall(r"\d{2}/\d{2}/\d{4}", text)) - {"01/07/2025"} == {fmt_date(last)}  # not the approver's


def test_a_later_extension_says_it_assumes_the_one_before_was_full() -> None:
    result = compute("tam_giam_dieu_tra", date(2026, 3, 1), category="dac_biet_nghiem_trong", today=TODAY)
    second = answer_extension(result, ExtensionAsk(2, 3, 0))  # lần 2, 3 months: after lần 1 at its longest
    first_end = fmt_date(result.steps[0].last_day)
    assert f"Giả sử lần gia hạn trước đủ mức tối đa (hết ngày {first_end})" in second
    assert "Giả sử" not in answer_extension(result, ExtensionAsk(1, 3, 0))
    custody = compute("tam_giu", datetime(2026, 3, 2, 9, 0), today=TODAY)
    assert "Giả sử lần gia hạn trước đủ mức tối đa" in answer_extension(custody, ExtensionAsk(2, 0, 2))


def test_an_extension_in_hours_is_counted_by_the_clock_not_as_the_step() -> None:
    ask = read_extension("gia han them 24 gio thi het luc nao")
    assert ask is not None and (ask.hours, ask.days, ask.stated) == (24, 0, True)
    custody = compute("tam_giu", datetime(2026, 3, 2, 9, 0), today=TODAY)  # ends 09:00 05/03/2026
    text = answer_extension(custody, ask)
    assert "(24 giờ): hết 09:00 Thứ Sáu 06/03/2026" in text and "08/03/2026" not in text  # not the 3-day step
    assert "không quá 3 ngày" in answer_extension(custody, ExtensionAsk(None, hours=80))
    detention = compute("tam_giam", date(2026, 3, 1), months=2, today=TODAY)
    assert "không theo giờ" in answer_extension(detention, ExtensionAsk(None, hours=48))


def test_a_month_and_a_half_of_extension_is_45_days() -> None:
    ask = read_extension("gia han them 1,5 thang thi den ngay nao")
    assert ask is not None and (ask.months, ask.days) == (1, 15)
    result = compute("tam_giam_dieu_tra", date(2026, 3, 1), category="rat_nghiem_trong", today=TODAY)
    text = answer_extension(result, ask)  # RNT: one extension of up to 3 months; 45 days is within it
    last = result.base.last_day
    assert "(1 tháng 15 ngày = 45 ngày)" in text and fmt_date(last) in text and "5 tháng" not in text
