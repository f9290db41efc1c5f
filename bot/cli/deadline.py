"""``python -m bot deadline``: compute a procedural deadline from the command line.

    python -m bot deadline tam_giu "01/03/2018 10:00"
    python -m bot deadline tam_giam 04/03/2018 --months 2 --tam-giu-days 3
    python -m bot deadline --json truy_to 2026-03-04 --category rat_nghiem_trong
    python -m bot deadline tam_giam_phuc_tham 2026-12-20 --stage-start 2026-12-01
    python -m bot deadline list

START is local Vietnamese time, written as in the chat: ``dd/mm/yyyy`` or ``dd/mm/yyyy hh:mm``
(``YYYY-MM-DD`` and ``YYYY-MM-DD HH:MM`` are accepted too); so are ``--today`` and
``--extension-anchor``. ``--json`` prints one object (see
``DeadlineResult.to_json``); otherwise the card a user would see. Bad input: a Vietnamese
message on stderr and exit code 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from datetime import date, datetime
from typing import Any, NoReturn

from bot.clock import SystemClock, local
from knowledge.deadlines.calculator import DeadlineInputError, compute, list_kinds
from knowledge.deadlines.card import format_card
from knowledge.deadlines.dateparse import DateParseError, parse_date_time

EXIT_BAD_INPUT = 2

_ARGPARSE_VI = (
    ("the following arguments are required:", "Thiếu tham số bắt buộc:"),
    ("unrecognized arguments:", "Tham số không nhận ra:"),
    ("expected one argument", "cần một giá trị"),
    ("argument ", "Tham số "),
)


def _vi_error(parser: argparse.ArgumentParser, message: str) -> NoReturn:
    for english, vietnamese in _ARGPARSE_VI:
        message = message.replace(english, vietnamese)
    parser.print_usage(sys.stderr)
    print(f"Lỗi: {message}. Gõ --help để xem cách dùng.", file=sys.stderr)
    raise SystemExit(EXIT_BAD_INPUT)


def _count(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}” không phải số nguyên") from None


def _day(text: str) -> date:
    """A day typed as dd/mm/yyyy (as the chat writes it) or YYYY-MM-DD."""
    for form in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text.strip(), form).date()
        except ValueError:
            continue
    raise argparse.ArgumentTypeError(f"“{text}” không phải ngày dạng dd/mm/yyyy (hoặc YYYY-MM-DD)")


def _day_of(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


def register(subparsers: Any) -> None:
    """Add the ``deadline`` subcommand to an argparse subparsers object."""
    parser = subparsers.add_parser(
        "deadline",
        help="tính thời hạn tố tụng",
        description="Tính thời hạn tố tụng hình sự (BLTTHS 2015). KIND = list để xem các loại.",
    )
    parser.error = lambda message: _vi_error(parser, message)
    parser.add_argument(
        "kind", metavar="KIND", help="loại thời hạn, ví dụ tam_giu, tam_giam, truy_to; list = danh sách"
    )
    parser.add_argument(
        "start",
        metavar="START",
        nargs="*",
        help="dd/mm/yyyy hoặc 'dd/mm/yyyy hh:mm' (giờ Việt Nam; YYYY-MM-DD cũng được)",
    )
    parser.add_argument("--json", action="store_true", help="in một đối tượng JSON")
    parser.add_argument(
        "--category", default=None, help="it_nghiem_trong | nghiem_trong | rat_nghiem_trong | dac_biet_nghiem_trong"
    )
    parser.add_argument("--months", type=_count, default=None, help="số tháng ghi trong lệnh tạm giam")
    parser.add_argument("--days", type=_count, default=None, help="số ngày ghi trong lệnh tạm giam")
    parser.add_argument("--tam-giu-days", type=_count, default=None, help="số ngày tạm giữ được trừ")
    parser.add_argument(
        "--anqg", action="store_true", help="tội xâm phạm an ninh quốc gia (Điều 172 khoản 3, Điều 173 khoản 5)"
    )
    parser.add_argument("--extension-anchor", type=_day, default=None, help="mốc tính lần gia hạn (dd/mm/yyyy)")
    parser.add_argument(
        "--decided-on",
        type=_day,
        default=None,
        help="ngày quyết định đưa vụ án ra xét xử (thủ tục rút gọn, dd/mm/yyyy)",
    )
    parser.add_argument(
        "--stage-start",
        default=None,
        help="ngày bắt đầu giai đoạn (nhận hồ sơ, thụ lý, nhận lại hồ sơ, phục hồi điều tra) để tính mức trần tạm giam",
    )
    parser.add_argument("--today", type=_day, default=None, help="ngày hôm nay (dd/mm/yyyy), để thử")
    parser.set_defaults(func=_main)


def _print_kinds(as_json: bool) -> None:
    kinds = list_kinds()
    if as_json:
        print(json.dumps([asdict(k) for k in kinds], ensure_ascii=False))
        return
    for k in kinds:
        needs = [
            w
            for w, flag in (
                ("loại tội", k.needs_category),
                ("số tháng/ngày", k.needs_length),
                ("giờ bắt đầu", k.needs_time),
            )
            if flag
        ]
        if k.stage_start_label:
            needs.append(f"--stage-start: {k.stage_start_label}")
        print(f"{k.kind}: {k.label}" + (f" (cần {', '.join(needs)})" if needs else ""))


def _main(args: argparse.Namespace) -> int:
    now = local(SystemClock().now()).replace(tzinfo=None)
    if args.today:
        now = datetime.combine(args.today, now.time())
    today = now.date()
    if args.kind == "list":
        _print_kinds(args.json)
        return 0
    text = " ".join(args.start).strip()
    if not text:
        print("Lỗi: thiếu ngày bắt đầu (START), ví dụ 03/05/2026 hoặc '03/05/2026 14:00'.", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        start = parse_date_time(text, now).value()
        stage_start = _day_of(parse_date_time(args.stage_start, now).value()) if args.stage_start else None
        result = compute(
            args.kind,
            start,
            category=args.category,
            months=args.months,
            days=args.days,
            tam_giu_days=args.tam_giu_days,
            anqg=args.anqg,
            extension_anchor=args.extension_anchor,
            stage_start=stage_start,
            today=today,
            decided_on=args.decided_on,
        )
    except (DeadlineInputError, DateParseError) as exc:
        hint = ""
        if "loại tội" in exc.message_vi.lower():  # the chat asks with buttons; here it is a flag
            hint = " Trên dòng lệnh: --category MÃ, ví dụ --category nghiem_trong."
        print(f"Lỗi: {exc.message_vi}{hint}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False))
    else:
        print(format_card(result, now=now))
    return 0
