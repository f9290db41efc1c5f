"""The guided creation of a tracked item, as a declarative table: one record per step (state
name, the draft field it fills, its prompt, its parser, whether it applies, whether it may be
skipped, whether a bare number is input). The engine asks the first step that applies and is
not filled yet; a parser returns None when it filled its field, or the message to show.

kind → category (when needed) → the order's start → length in the order → tạm giữ days to
deduct → label → case number (optional) → confirm. The draft lives in the conversation (it
survives a restart); nothing is stored until "Lưu".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.chat.context import Context
from bot.chat.messages import Button, Reply, reply
from handlers.register.buttons import Choose
from knowledge.deadlines.dateparse import DateParseError, parse_date_time
from knowledge.deadlines.periods import load_periods

DRAFT = "td"
KINDS = {
    "tam_giu": "Tạm giữ",
    "giu_khan_cap": "Giữ người khẩn cấp",
    "tam_giam": "Tạm giam (theo lệnh)",
    "tam_giam_dieu_tra": "Tạm giam để điều tra",
    "nguon_tin": "Giải quyết nguồn tin",
    "dieu_tra": "Điều tra vụ án",
    "truy_to": "Truy tố",
    "chuan_bi_xet_xu": "Chuẩn bị xét xử sơ thẩm",
    "khang_cao_ban_an": "Kháng cáo bản án",
    "khang_nghi_ban_an_cung_cap": "Kháng nghị bản án (cùng cấp)",
}
CATEGORIES = {
    "it_nghiem_trong": "Ít nghiêm trọng",
    "nghiem_trong": "Nghiêm trọng",
    "rat_nghiem_trong": "Rất nghiêm trọng",
    "dac_biet_nghiem_trong": "Đặc biệt nghiêm trọng",
}
NEW_BUTTON = Button("➕ Theo dõi mới", Choose("new", "1").pack())
CANCEL = Button("Hủy", Choose("cancel", "1").pack())
SKIP_WORDS = ("bo qua", "bỏ qua", "khong", "không", "-")
LENGTH = re.compile(r"^\s*(?:(\d{1,2})\s*(?:thang|tháng|th|t))?\s*(?:(\d{1,3})\s*(?:ngay|ngày|n|d))?\s*$", re.I)
NUMBER = re.compile(r"^\s*(\d{1,3})\s*(?:ngay|ngày)?\s*$", re.I)
HOURS = re.compile(r"^\s*(\d{1,3})\s*(?:giờ|gio|h)\s*$", re.I)
Parser = Callable[[Context, str, dict[str, Any]], str | None]


@dataclass(frozen=True, slots=True)
class FlowStep:
    state: str
    field: str
    prompt: Callable[[dict[str, Any]], Reply]
    parse: Parser
    applies: Callable[[dict[str, Any]], bool] = lambda draft: True
    optional: bool = False
    accepts_numbers: bool = False


def _kind(draft: dict[str, Any]) -> Any:
    return load_periods().kinds[draft["kind"]]


def _needs_category(draft: dict[str, Any]) -> bool:
    return bool(_kind(draft).needs_category) or draft["kind"] == "tam_giam"


def _clock(draft: dict[str, Any]) -> bool:
    return bool(_kind(draft).counting == "clock")


def _choices(text: str, options: dict[str, str], field: str) -> Reply:
    rows = [[Button(label, Choose(field, code).pack())] for code, label in options.items()]
    return reply(text, *rows, [CANCEL])


def _press_a_button(ctx: Context, text: str, draft: dict[str, Any]) -> str | None:
    return "Anh/chị bấm một nút ở trên (hoặc gõ số thứ tự của lựa chọn). Gõ /huy để dừng."


def _start_prompt(draft: dict[str, Any]) -> Reply:
    kd = _kind(draft)
    example = "ngày và giờ, ví dụ 06/12/2026 10:00 hoặc «bây giờ»" if _clock(draft) else "ngày, ví dụ 06/12/2026"
    now = Button("Bây giờ" if _clock(draft) else "Hôm nay", Choose("start", "now").pack())
    return reply(f"Mốc bắt đầu ghi trong lệnh ({kd.trigger}).\nAnh/chị nhập {example}.", [now], [CANCEL])


def _parse_start(ctx: Context, text: str, draft: dict[str, Any]) -> str | None:
    now = ctx.local_now().replace(tzinfo=None)
    try:
        value = parse_date_time(text, now).value()
    except DateParseError as exc:
        return f"{exc.message_vi} Gõ /huy để dừng."
    if _clock(draft) and not isinstance(value, datetime):
        return "Thời hạn này tính theo giờ: anh/chị nhập cả giờ, ví dụ 06/12/2026 10:00 hoặc 10h 06/12/2026."
    if isinstance(value, datetime):
        draft["start"] = value.isoformat(timespec="minutes") if _clock(draft) else value.date().isoformat()
    else:
        draft["start"] = value.isoformat()
    return None


def _parse_length(ctx: Context, text: str, draft: dict[str, Any]) -> str | None:
    match = LENGTH.match(text)
    if not match or not (match.group(1) or match.group(2)):
        return "Anh/chị nhập thời hạn theo tháng và/hoặc ngày, ví dụ «2 tháng» hoặc «57 ngày». Gõ /huy để dừng."
    draft["months"], draft["days"] = int(match.group(1) or 0), int(match.group(2) or 0)
    return None


def _parse_deduct(ctx: Context, text: str, draft: dict[str, Any]) -> str | None:
    match = NUMBER.match(text)
    if not match or int(match.group(1)) > 9:
        return "Anh/chị nhập số ngày tạm giữ từ 0 đến 9, ví dụ «3». Gõ /huy để dừng."
    draft["tam_giu_days"] = int(match.group(1))
    return None


def _parse_label(ctx: Context, text: str, draft: dict[str, Any]) -> str | None:
    label = " ".join(text.split())
    if not label or len(label) > 80:
        return f"Nhãn tối đa 80 ký tự (anh/chị nhập {len(label)}). Ví dụ «12/2026 NVA». Gõ /huy để dừng."
    draft["label"] = label
    return None


def _parse_case(ctx: Context, text: str, draft: dict[str, Any]) -> str | None:
    value = " ".join(text.split())
    if len(value) > 40:
        return "Số vụ tối đa 40 ký tự, hoặc bấm «Bỏ qua». Gõ /huy để dừng."
    draft["case_number"] = "" if value.lower() in SKIP_WORDS else value
    return None


def parse_length(text: str) -> dict[str, int] | None:
    """``48 giờ`` → hours; ``2 tháng 15 ngày`` → months and days; None when it is neither."""
    hours = HOURS.match(text)
    if hours:
        return {"hours": int(hours.group(1))}
    match = LENGTH.match(text)
    if not match or not (match.group(1) or match.group(2)):
        return None
    found = {"months": int(match.group(1) or 0), "days": int(match.group(2) or 0)}
    return {k: v for k, v in found.items() if v}


def _skip(field: str) -> list[Button]:
    return [Button("Bỏ qua", Choose(field, "-").pack()), CANCEL]


STEPS: tuple[FlowStep, ...] = (
    FlowStep("td_kind", "kind", lambda d: _choices("Theo dõi thời hạn gì?", KINDS, "kind"), _press_a_button),
    FlowStep(
        "td_category",
        "category",
        lambda d: _choices("Tội phạm thuộc loại nào (để tính và kiểm tra gia hạn)?", CATEGORIES, "category"),
        _press_a_button,
        applies=_needs_category,
    ),
    FlowStep("td_start", "start", _start_prompt, _parse_start, accepts_numbers=True),
    FlowStep(
        "td_length",
        "months",
        lambda d: reply("Thời hạn ghi trong lệnh là bao lâu? Ví dụ «2 tháng», «57 ngày».", [CANCEL]),
        _parse_length,
        applies=lambda d: bool(_kind(d).length_from_input),
        accepts_numbers=True,
    ),
    FlowStep(
        "td_deduct",
        "tam_giu_days",
        lambda d: reply(
            "Người này đã bị tạm giữ bao nhiêu ngày (được trừ vào tạm giam)? Nhập số, 0 nếu không bị tạm giữ.",
            [Button("Không bị tạm giữ", Choose("tam_giu_days", "0").pack())],
            [CANCEL],
        ),
        _parse_deduct,
        applies=lambda d: bool(_kind(d).deduct_tam_giu),
        accepts_numbers=True,
    ),
    FlowStep(
        "td_label",
        "label",
        lambda d: reply(
            "Nhãn ngắn để nhận ra mục này, ví dụ «12/2026 NVA» (số vụ + tên viết tắt). "
            "Không cần họ tên đầy đủ hay số CCCD.",
            [CANCEL],
        ),
        _parse_label,
        accepts_numbers=True,
    ),
    FlowStep(
        "td_case",
        "case_number",
        lambda d: reply("Số vụ / số thụ lý (nếu có), hoặc bấm «Bỏ qua».", _skip("case_number")),
        _parse_case,
        optional=True,
        accepts_numbers=True,
    ),
)
BY_STATE = {s.state: s for s in STEPS}


def next_step(draft: dict[str, Any]) -> FlowStep | None:
    for step in STEPS:
        if step.field not in draft and step.applies(draft):
            return step
    return None
