"""Days said ahead of today ("ngày mai", "sáng mai", "từ mai", "ngày kia", "thứ 2 tuần sau"), read against
the user's local today like "hôm qua"; words that only look like them are no date; a week without its day
is asked, never guessed."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from knowledge.deadlines.dateparse import DateParseError, detect_deadline_query, find_date_time, parse_date_time

NOW = datetime(2026, 5, 10, 10, 30)  # Sunday 10:30 local


@pytest.mark.parametrize(
    ("text", "day", "moment"),
    [
        ("tạm giữ lúc 7h sáng mai", date(2026, 5, 11), time(7, 0)),
        ("tam giam tu ngay mai", date(2026, 5, 11), None),
        ("bắt đầu từ mai", date(2026, 5, 11), None),
        ("15h30 mai thi hành lệnh tạm giữ", date(2026, 5, 11), time(15, 30)),
        ("Mai bắt tạm giam luôn", date(2026, 5, 11), None),
        ("từ 8 giờ tối mai", date(2026, 5, 11), time(20, 0)),
        ("ngày kia mới thi hành lệnh", date(2026, 5, 12), None),
        ("chiều ngày kia 2h", date(2026, 5, 12), time(14, 0)),
        ("sáng ngày mai lúc 6h", date(2026, 5, 11), time(6, 0)),
    ],
)
def test_days_ahead_are_dates(text: str, day: date, moment: time | None) -> None:
    found = find_date_time(text, NOW)
    assert found is not None
    assert (found[0].day, found[0].time) == (day, moment)


@pytest.mark.parametrize(
    "text",
    [
        "tội vi phạm quy định về kinh doanh thương mại",
        "tội mại dâm thì tạm giam được không",
        "bị can Nguyễn Thị Mai bị tạm giam",
        "mai táng phí",
        "mai kia có sửa luật không",
        "Mai bị bắt quả tang",
    ],
)
def test_words_that_only_look_like_tomorrow_are_no_date(text: str) -> None:
    assert find_date_time(text, NOW) is None


def test_the_words_that_end_tomorrow_do_not_end_the_other_days() -> None:
    # "mai sau", "mại dâm", "mai phục" are no "mai"; "sáng nay sau đó", "chiều nay phúc thẩm" are still today.
    found = find_date_time("tạm giữ từ 8h sáng nay sau đó chuyển tạm giam", NOW)
    assert found is not None and found[0].value() == datetime(2026, 5, 10, 8, 0)
    found = find_date_time("chiều nay phúc thẩm xét xử", NOW)
    assert found is not None and found[0].day == date(2026, 5, 10)
    assert find_date_time("từ mai sau mới thi hành", NOW) is None


def test_a_name_before_the_written_date_does_not_take_its_place() -> None:
    found = find_date_time("bị can Trần Thị Mai bị tạm giam từ 05/03/2026", NOW)
    assert found is not None and found[0].day == date(2026, 3, 5)


def test_tomorrow_follows_the_users_local_date() -> None:
    # 18:00 UTC on Saturday 9 May is 01:00 on Sunday 10 May in Hà Nội: "ngày mai" is Monday 11 May.
    found = find_date_time("tạm giam 2 tháng từ ngày mai", datetime(2026, 5, 9, 18, 0, tzinfo=UTC))
    assert found is not None and found[0].day == date(2026, 5, 11)


def test_a_weekday_of_next_week_answers_a_date_question() -> None:
    # A step that asks for a date: the weekday alone is the answer (in a story it needs an event word).
    assert parse_date_time("thứ 2 tuần sau", NOW).day == date(2026, 5, 11)
    assert parse_date_time("t4 tuần tới 9h", NOW).value() == datetime(2026, 5, 13, 9, 0)
    assert find_date_time("thứ 2 tuần sau", NOW) is None  # free text: which event it dates is not said


def test_a_week_without_its_day_is_asked() -> None:
    with pytest.raises(DateParseError, match="chưa phải một ngày cụ thể"):
        parse_date_time("tuần sau", NOW)
    with pytest.raises(DateParseError, match="«tuần tới» chưa phải một ngày cụ thể"):
        detect_deadline_query("tạm giam 2 tháng bắt đầu tuần tới thì hết ngày nào", NOW)
    # No period named, or no date asked (a length: the Q&A's): nothing raised.
    assert detect_deadline_query("tuần sau có họp giao ban không", NOW) is None
    assert detect_deadline_query("tuần sau xét xử, tạm giam chuẩn bị xét xử tối đa bao lâu", NOW) is None
    # "1 tuần sau" is a length, not the week.
    assert detect_deadline_query("tạm giữ 1 tuần sau thì sao", NOW) is None
