"""When must the extension be requested: "phải đề nghị gia hạn trước ngày nào", after a card or in
the same question. Where the law dates the request (Đ172 k2, Đ173 k2, Đ174 k1: at the latest 10 days
before the period ends; ``knowledge.deadlines.request_by``) the day is computed from the card's ends;
for a plain tạm giam order, as detention for investigation, said so; elsewhere the answer says that
the law sets no such day, and no date is made up. "Trước bao nhiêu ngày" (the rule, not a date) is the
Q&A's."""

from __future__ import annotations

import re

from knowledge.deadlines.calculator import fmt_date
from knowledge.deadlines.detention_extension import PLAIN
from knowledge.deadlines.request_by import FOR_INVESTIGATION, request_for, request_text, requests
from knowledge.deadlines.result import DeadlineResult

_REQUEST = re.compile(r"(?<![a-z])(?:de nghi|xin|trinh) (?:gia han|gh)(?![a-z])")
_WHEN = re.compile(
    r"(?<![a-z])(?:ngay nao|hom nao|khi nao|bao gio|luc nao|han chot|ngay may|cham nhat (?:la )?(?:ngay|khi|bao))"
    r"(?![a-z])"
)
_ORDINAL = {1: "thứ nhất", 2: "thứ hai", 3: "thứ ba", 4: "thứ tư"}


# "nếu CQĐT xin gia hạn lần 1 thì đến ngày nào": the extended end, if the request is granted, not the request's day
_IF_GRANTED = re.compile(
    r"(?<![a-z])neu(?![a-z]).*(?:de nghi|xin|trinh) (?:gia han|gh).*(?<![a-z])thi (?:den|toi|het|keo dai den)(?![a-z])"
)


def asks_request(plain: str) -> bool:
    """Whether the (folded) text asks the day by which an extension must be requested."""
    asked = bool(_REQUEST.search(plain) and _WHEN.search(plain)) and "bao nhieu" not in plain
    return asked and not _IF_GRANTED.search(plain)


def request_answer(result: DeadlineResult) -> str:
    """The day(s) by which each extension on the card must be requested, or why none is computed."""
    head = f"{result.label.upper()}: hạn Cơ quan điều tra đề nghị Viện kiểm sát gia hạn"
    found = requests(result)
    if found:
        lines = [head]
        for request in found.values():
            full = " (nếu lần trước được gia hạn đủ)" if request.nth > 1 else ""
            lines.append(f"- Gia hạn lần {_ORDINAL.get(request.nth, str(request.nth))}{full}: {request_text(request)}.")
        if any(step.special for step in result.steps):
            lines.append("Các lần gia hạn trong trường hợp đặc biệt: luật không quy định hạn đề nghị.")
        return "\n".join(lines)
    if result.kind == PLAIN:  # no stage named: only detention for investigation is extended on request
        request = request_for(result.base, 1, FOR_INVESTIGATION)
        return (
            f"{head}\n- Nếu là tạm giam để điều tra: {request_text(request)}.\n"
            "Tạm giam trong giai đoạn truy tố, xét xử không gia hạn riêng: không quá thời hạn của giai đoạn "
            "(Điều 241, Điều 278, Điều 347 BLTTHS 2015)."
        )
    if result.kind == "tam_giu":
        return (
            f"{result.label}: Điều 118 không quy định hạn đề nghị gia hạn tạm giữ; Viện kiểm sát phê chuẩn hoặc "
            "không phê chuẩn trong 12 giờ kể từ khi nhận hồ sơ đề nghị (Điều 118 khoản 2 BLTTHS 2015). Tạm giữ hết "
            f"{result.base.end_time} ngày {fmt_date(result.base.last_day)}; trợ lý không tính ngày đề nghị."
        )
    return (
        f"{result.label}: trợ lý không có quy định về hạn đề nghị gia hạn thời hạn này ({result.basis}), "
        "nên không tính ngày đề nghị."
    )
