"""Vietnamese date/time parsing and free-text deadline questions."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from knowledge.deadlines.calculator import compute
from knowledge.deadlines.dateparse import (
    DateParseError,
    DeadlineQuery,
    ParsedDateTime,
    detect_deadline_query,
    fold_text,
    parse_date_time,
)
from knowledge.deadlines.detention_kinds import UNSAID_RETURN, returned_by

NOW = datetime(2026, 5, 10, 9, 15)  # Sunday, local time


@pytest.mark.parametrize(
    ("text", "day", "moment"),
    [
        ("03/05/2026", date(2026, 5, 3), None),
        ("3/5/2026", date(2026, 5, 3), None),
        ("3/5", date(2026, 5, 3), None),  # current year
        ("03-05-2026", date(2026, 5, 3), None),
        ("03.05.2026", date(2026, 5, 3), None),
        ("4/3/18", date(2018, 3, 4), None),
        ("2026-05-03", date(2026, 5, 3), None),
        ("ngày 3 tháng 5 năm 2026", date(2026, 5, 3), None),
        ("Ngày 03 tháng 05 năm 2026", date(2026, 5, 3), None),
        ("ngay 3 thang 5", date(2026, 5, 3), None),
        ("03/05/2026 14:30", date(2026, 5, 3), time(14, 30)),
        ("2026-05-03 14:00", date(2026, 5, 3), time(14, 0)),
        ("14h 03/05/2026", date(2026, 5, 3), time(14, 0)),
        ("14h30 ngày 3/5/2026", date(2026, 5, 3), time(14, 30)),
        ("3/5/2026 lúc 14 giờ 30", date(2026, 5, 3), time(14, 30)),
        ("3/5/2026 lúc 14 giờ 30 phút", date(2026, 5, 3), time(14, 30)),
        ("8 giờ sáng 3/5/2026", date(2026, 5, 3), time(8, 0)),
        ("hôm nay", date(2026, 5, 10), None),
        ("hom nay", date(2026, 5, 10), None),
        ("hôm qua", date(2026, 5, 9), None),
        ("hom qua 14h", date(2026, 5, 9), time(14, 0)),
        ("bây giờ", date(2026, 5, 10), time(9, 15)),
        ("29/02/2024", date(2024, 2, 29), None),
        ("NGÀY 3 THÁNG 5 NĂM 2026", date(2026, 5, 3), None),
    ],
)
def test_formats(text: str, day: date, moment: time | None) -> None:
    assert parse_date_time(text, NOW) == ParsedDateTime(day, moment)


def test_nfd_input_parses_like_nfc() -> None:
    import unicodedata

    text = unicodedata.normalize("NFD", "ngày 3 tháng 5 năm 2026 lúc 14 giờ")
    assert parse_date_time(text, NOW) == ParsedDateTime(date(2026, 5, 3), time(14, 0))


def test_aware_now_is_converted_to_vietnam_time() -> None:
    # 20:00 UTC on 9 May is 03:00 on 10 May in Vietnam.
    now = datetime(2026, 5, 9, 20, 0, tzinfo=UTC)
    assert parse_date_time("hôm nay", now).day == date(2026, 5, 10)
    assert parse_date_time("bây giờ", now).time == time(3, 0)


def test_value_is_a_datetime_only_with_a_time() -> None:
    assert parse_date_time("3/5/2026", NOW).value() == date(2026, 5, 3)
    assert parse_date_time("3/5/2026 7:05", NOW).value() == datetime(2026, 5, 3, 7, 5)


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("31/02/2026", ["31/02/2026", "28 ngày"]),
        ("29/02/2025", ["29/02/2025", "không phải năm nhuận"]),
        ("31/04/2026", ["30 ngày"]),
        ("15/13/2026", ["Tháng 13", "1 đến 12"]),
        ("ngày 3 tháng 13 năm 2026", ["Tháng 13"]),
        ("0/5/2026", ["không tồn tại"]),
        ("3/5/2026 25:00", ["Giờ 25", "0 đến 23"]),
        ("3/5/2026 25h", ["Giờ 25"]),
        ("3/5/2026 14:75", ["Phút 75"]),
        ("không phải ngày", ["Không nhận ra ngày", "ví dụ 03/05/2026"]),
        ("", ["Không nhận ra ngày"]),
    ],
)
def test_errors_name_the_problem(text: str, parts: list[str]) -> None:
    with pytest.raises(DateParseError) as info:
        parse_date_time(text, NOW)
    for part in parts:
        assert part in info.value.message_vi


def test_fold_keeps_date_punctuation() -> None:
    assert fold_text("  Tạm GIỮ từ 14:30  03.05.2026 Đ117 ") == "tam giu tu 14:30 03.05.2026 d117"


# -- free-text deadline questions -------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tạm giữ từ 14h 03/05/2026 hết hạn khi nào", DeadlineQuery("tam_giu", datetime(2026, 5, 3, 14, 0))),
        (
            "khang nghi phuc tham ban an tuyen ngay 1/3/2024",
            DeadlineQuery(
                "khang_nghi_ban_an_cung_cap", date(2024, 3, 1), related_kinds=("khang_nghi_ban_an_cap_tren",)
            ),
        ),
        (
            "tam giam 2 thang tu 4/3/2018 da tam giu 3 ngay",
            DeadlineQuery("tam_giam", date(2018, 3, 4), months=2, tam_giu_days=3),
        ),
        ("giai quyet nguon tin nhan ngay 4/3/2026", DeadlineQuery("nguon_tin", date(2026, 3, 4))),
        ("tam giam 54 ngay tu 11/4/2018", DeadlineQuery("tam_giam", date(2018, 4, 11), days=54)),
        (
            "kháng nghị của VKS cấp trên với bản án tuyên ngày 1/3/2024",
            DeadlineQuery("khang_nghi_ban_an_cap_tren", date(2024, 3, 1)),
        ),
        ("kháng cáo quyết định nhận ngày 5/5/2026", DeadlineQuery("khang_cao_quyet_dinh", date(2026, 5, 5))),
        ("khang cao ban an tuyen hom qua", DeadlineQuery("khang_cao_ban_an", date(2026, 5, 9))),
        (
            "tạm giam để điều tra tội rất nghiêm trọng từ ngày 3 tháng 5 năm 2026",
            DeadlineQuery("tam_giam_dieu_tra", date(2026, 5, 3), category="rat_nghiem_trong"),
        ),
        (
            "tam giam dieu tra toi dac biet nghiem trong xam pham an ninh quoc gia tu 1/1/2026",
            DeadlineQuery("tam_giam_dieu_tra", date(2026, 1, 1), category="dac_biet_nghiem_trong", anqg=True),
        ),
        (
            "thời hạn điều tra vụ án ít nghiêm trọng khởi tố 15/1/2026",
            DeadlineQuery("dieu_tra", date(2026, 1, 15), category="it_nghiem_trong"),
        ),
        (
            "truy tố tội nghiêm trọng nhận hồ sơ 2/3/2026",
            DeadlineQuery("truy_to", date(2026, 3, 2), category="nghiem_trong"),
        ),
        ("giữ người khẩn cấp lúc 20h30 16/2/2026", DeadlineQuery("giu_khan_cap", datetime(2026, 2, 16, 20, 30))),
        ("giám đốc thẩm bản án có hiệu lực 29/2/2024", DeadlineQuery("giam_doc_tham", date(2024, 2, 29))),
        ("điều tra rút gọn khởi tố 27/2/2026", DeadlineQuery("dieu_tra_rut_gon", date(2026, 2, 27))),
        ("tam giam sau khi tuyen an ngay 4/1/2026", DeadlineQuery("tam_giam_sau_tuyen_an", date(2026, 1, 4))),
        ("TẠM GIỮ TỪ 8 GIỜ 30 HÔM NAY", DeadlineQuery("tam_giu", datetime(2026, 5, 10, 8, 30))),
    ],
)
def test_detects_deadline_questions(text: str, expected: DeadlineQuery) -> None:
    assert detect_deadline_query(text, NOW) == expected


@pytest.mark.parametrize(
    "text",
    [
        "thời hạn tạm giữ là bao lâu",
        "tam giam toi da bao nhieu thang",
        "kháng cáo trong bao nhiêu ngày",
        "phương châm công tác năm 2021",  # a year is not a date
        "hôm nay trời đẹp",  # a date but no period
        "chỉ tiêu 100% vụ án",
        "",
    ],
)
def test_plain_questions_are_not_deadline_queries(text: str) -> None:
    assert detect_deadline_query(text, NOW) is None


def test_an_impossible_date_in_a_deadline_question_is_reported() -> None:
    with pytest.raises(DateParseError, match="31/02/2026"):
        detect_deadline_query("tam giu tu 8h 31/02/2026", NOW)


def test_durations_in_hours_do_not_break_the_time() -> None:
    query = detect_deadline_query("giữ khẩn cấp trong 48 giờ từ 8h ngày 3/5/2026", NOW)
    assert query is not None and query.start == datetime(2026, 5, 3, 8, 0)


def test_detected_queries_compute_the_official_example() -> None:
    query = detect_deadline_query("tam giam 2 thang tu 4/3/2018 da tam giu 3 ngay", NOW)
    assert query is not None
    result = compute(query.kind, query.start, months=query.months, days=query.days, tam_giu_days=query.tam_giu_days)
    assert result.base.last_day == date(2018, 4, 29)


def test_a_supplementary_investigation_without_who_returned_it_is_asked() -> None:
    query = detect_deadline_query("tạm giam điều tra bổ sung từ 01/11/2026 hết hạn khi nào", NOW)
    assert query is not None and query.kind == UNSAID_RETURN and query.start == date(2026, 11, 1)
    assert [returned_by(t) for t in ("vks", "vien kiem sat tra", "toa an", "tand", "ca hai vks toa", "khong ro")] == [
        "vks",
        "vks",
        "toa",
        "toa",
        None,
        None,
    ]
