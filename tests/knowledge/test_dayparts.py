"""Relative days and parts of the day in free text, relative to the user's local time."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from knowledge.deadlines.dateparse import DeadlineQuery, detect_deadline_query, find_date_time
from knowledge.deadlines.dayparts import in_period

NOW = datetime(2026, 5, 10, 10, 30)  # Sunday 10:30 local


@pytest.mark.parametrize(
    ("text", "day", "moment"),
    [
        ("tạm giữ từ 8h sáng nay", date(2026, 5, 10), time(8, 0)),
        ("từ 9h tối qua", date(2026, 5, 9), time(21, 0)),
        ("14h hôm qua", date(2026, 5, 9), time(14, 0)),
        ("lúc 2 giờ chiều hôm qua", date(2026, 5, 9), time(14, 0)),
        ("tối qua lúc 9 giờ", date(2026, 5, 9), time(21, 0)),
        ("chiều nay", date(2026, 5, 10), None),
        ("sáng hôm kia 7h30", date(2026, 5, 8), time(7, 30)),
        ("hôm kia", date(2026, 5, 8), None),
        ("2h đêm qua", date(2026, 5, 10), time(2, 0)),  # the night ran past midnight
        ("11h đêm qua", date(2026, 5, 9), time(23, 0)),
        ("1 giờ trưa nay", date(2026, 5, 10), time(13, 0)),
        ("9 giờ tối 05/03/2026", date(2026, 3, 5), time(21, 0)),
    ],
)
def test_relative_days_and_parts_of_the_day(text: str, day: date, moment: time | None) -> None:
    found = find_date_time(text, NOW)
    assert found is not None
    assert (found[0].day, found[0].time) == (day, moment)


def test_relative_days_follow_the_users_local_date() -> None:
    # 20:00 UTC on 9 May is 03:00 on 10 May in Hà Nội: "hôm qua" is 9 May there.
    found = find_date_time("tam giu tu 8h sang hom qua", datetime(2026, 5, 9, 20, 0, tzinfo=UTC))
    assert found is not None and found[0].day == date(2026, 5, 9) and found[0].time == time(8, 0)


def test_toi_qua_tang_is_a_crime_word_not_last_night() -> None:
    assert find_date_time("bắt người phạm tội quả tang thì tạm giữ bao lâu", NOW) is None


def test_free_text_question_with_relative_time() -> None:
    assert detect_deadline_query("tạm giữ từ 9h tối qua hết hạn khi nào", NOW) == DeadlineQuery(
        "tam_giu", datetime(2026, 5, 9, 21, 0)
    )


def test_twelve_hour_clock() -> None:
    assert in_period(9, "toi") == (21, 0)
    assert in_period(21, "toi") == (21, 0)
    assert in_period(8, "sang") == (8, 0)
    assert in_period(12, "trua") == (12, 0)
    assert in_period(3, "dem") == (3, 1)


def test_number_words_in_the_calculators_free_text() -> None:
    query = detect_deadline_query("tạm giam hai tháng từ 04/03/2026 hết hạn khi nào", NOW)
    assert query is not None and query.kind == "tam_giam" and query.months == 2
    days = detect_deadline_query("tam giam muoi lam ngay tu 04/03/2026", NOW)
    assert days is not None and days.days == 15
