"""``python -m bot calendar YEAR``: the days off of a year and whether its plan is confirmed.

Days off = the ``holidays`` package (VN) + ``knowledge/data/days_off.yaml``; a year is
confirmed only when that file says ``confirmed: true`` (FACTS §15). Weekends are not listed.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from knowledge.deadlines.calendar import CalendarDataError, load_calendar, weekday_vi
from knowledge.deadlines.validate import fmt_date

EXIT_BAD_INPUT = 2


def register(subparsers: Any) -> None:
    """Add the ``calendar`` subcommand to an argparse subparsers object."""
    parser = subparsers.add_parser(
        "calendar",
        help="lịch ngày nghỉ của một năm",
        description="Liệt kê ngày nghỉ lễ, Tết, ngày nghỉ hoán đổi và ngày làm bù của một năm; cho biết lịch đã xác nhận chưa.",
    )
    parser.add_argument("year", metavar="YEAR", help="năm, ví dụ 2027")
    parser.add_argument("--json", action="store_true", help="in một đối tượng JSON")
    parser.set_defaults(func=_main)


def _main(args: argparse.Namespace) -> int:
    try:
        year = int(args.year)
    except ValueError:
        print(f"Lỗi: “{args.year}” không phải năm. Anh/chị nhập năm dạng 4 chữ số, ví dụ 2027.", file=sys.stderr)
        return EXIT_BAD_INPUT
    if not 1950 <= year <= 2150:
        print(f"Lỗi: năm {year} nằm ngoài phạm vi (1950–2150).", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        cal = load_calendar()
    except CalendarDataError as exc:
        print(f"Lỗi dữ liệu ngày nghỉ: {exc}", file=sys.stderr)
        return 1
    confirmed = cal.is_confirmed(year)
    days = cal.holidays_of(year)
    saturdays = cal.working_saturdays_of(year)
    if args.json:
        data = {
            "year": year,
            "confirmed": confirmed,
            "days_off": [
                {"date": d.isoformat(), "name": name, "provisional": cal.is_provisional(d)} for d, name in days.items()
            ],
            "working_saturdays": [d.isoformat() for d in saturdays],
            "unconfirmed": {
                d.isoformat(): cal.unconfirmed_reason(d)
                for d in sorted({*days, *saturdays})
                if cal.unconfirmed_reason(d)
            },
        }
        print(json.dumps(data, ensure_ascii=False))
        return 0
    unsure = any(cal.unconfirmed_reason(d) for d in [*days, *saturdays])
    if confirmed:
        print(f"Lịch nghỉ năm {year}: đã xác nhận (theo kế hoạch nghỉ đã công bố, nhập trong days_off.yaml).")
        if unsure:
            print("Các ngày đánh dấu (dự kiến) chưa có văn bản chính thức để đối chiếu: có thể thay đổi.")
    else:
        print(
            f"Lịch nghỉ năm {year}: CHƯA xác nhận — lịch nghỉ Tết {year} chưa được công bố chính thức; "
            "các ngày đánh dấu (dự kiến) có thể thay đổi."
        )
    print("Ngày nghỉ lễ, Tết, nghỉ bù, nghỉ hoán đổi:")
    for d, name in days.items():
        mark = " (dự kiến)" if cal.is_provisional(d) else ""
        print(f"  {weekday_vi(d)} {fmt_date(d)}: {name}{mark}")
    if saturdays:
        print("Thứ Bảy làm việc (làm bù):")
        for d in saturdays:
            print(f"  {fmt_date(d)}{' (dự kiến)' if cal.is_provisional(d) else ''}")
    return 0
