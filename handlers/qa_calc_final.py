"""An appeal or protest asked of a judgment or decision given on appeal: "bản án phúc thẩm tuyên ngày
05/03/2026, hạn kháng cáo đến ngày nào". A judgment on appeal takes effect when pronounced (Đ355 k2), a
decision on appeal when issued (Đ361 k2): no period of kháng cáo or kháng nghị phúc thẩm runs from it,
and the first-instance card (15 days) would be a wrong answer. The reply says so and gives what does
runs from that day: a protest by cassation against the convicted person, within 1 year (Đ379 k1),
counted as the calculator counts it."""

from __future__ import annotations

import re

from bot.chat.context import Context
from bot.chat.messages import Reply
from handlers.deadline_cards import date_in
from knowledge.deadlines.calculator import DeadlineInputError, compute, fmt_date
from knowledge.deadlines.calendar import weekday_vi
from knowledge.deadlines.dateparse import fold_text
from knowledge.deadlines.detention_kinds import has_phrase
from knowledge.deadlines.kind_words import spell_out

_GIVEN_ON_APPEAL = re.compile(
    r"(?<![a-z])(?:(?P<decision>quyet dinh phuc tham)|ban an phuc tham|tuyen an phuc tham|xu phuc tham"
    r"|phuc tham (?:da )?(?:tuyen|xu))(?![a-z])"
)


def final_on_appeal(ctx: Context) -> list[Reply] | None:
    """The answer when an appeal or protest is asked of a judgment or decision on appeal; None otherwise."""
    text = spell_out(fold_text(ctx.text))
    given = _GIVEN_ON_APPEAL.search(text)
    if given is None or not has_phrase(text, "khang cao", "khang nghi", "kn"):
        return None
    if has_phrase(text, "so tham", "giam doc tham", "gdt", "tai tham"):
        return None  # the first instance is named too, or the question is already the cassation's
    found = date_in(ctx)
    if found is None:
        return None
    day = found[0].day
    decision = given["decision"] is not None
    what, clause, when = (
        ("Quyết định", "Điều 361 khoản 2", "ra quyết định")
        if decision
        else (
            "Bản án",
            "Điều 355 khoản 2",
            "tuyên án",
        )
    )
    lines = [
        f"{what} phúc thẩm có hiệu lực pháp luật kể từ ngày {when} ({clause} BLTTHS 2015): không còn thời hạn "
        "kháng cáo, kháng nghị phúc thẩm. Trợ lý không tính thời hạn kháng cáo, kháng nghị phúc thẩm từ ngày này.",
    ]
    try:
        result = compute("giam_doc_tham", day, today=ctx.local_now().date())
    except DeadlineInputError:
        result = None
    if result is not None:
        last = result.base.last_day
        lines.append(
            f"Nếu có hiệu lực từ {fmt_date(day)}: kháng nghị giám đốc thẩm theo hướng bất lợi cho người bị kết án "
            f"chỉ trong 1 năm, đến hết 24:00 {weekday_vi(last)} {fmt_date(last)}; theo hướng có lợi không hạn chế "
            "thời gian."
        )
    lines.append(f"Căn cứ: {clause}, Điều 379 khoản 1 BLTTHS 2015.")
    return [Reply("\n".join(lines))]
