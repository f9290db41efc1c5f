"""The day the custody facility must give notice before a custody or detention ends, from the end told: "lệnh tgiam
hết ngày 25/3/2026 thì ttg phải thông báo cho cơ quan thụ lý chậm nhất ngày nào", "tgiu hết hạn lúc 8h30 ngày
5/3/2026, ntg phải báo trước cho cqđt ngày nào". Luật Thi hành tạm giữ, tạm giam 94/2015/QH13 Đ13 k1 điểm h (the
entry ``thong_bao_truoc_het_han_giam_giu``): 1 day before a custody (or its extension) ends, 5 days before a
detention ends, 10 days before an extended detention ends. That law was replaced on 01/07/2026 by Luật 128/2025/QH15,
whose article is not verified (FACTS §15): for an end from that day the day is not computed, the rule is said as the
old law's. Counted back from the end as written (the hour kept for a custody); recomputed, never stored."""

from __future__ import annotations

import re
from datetime import date, timedelta

from bot.chat.context import Context
from bot.chat.messages import Reply
from knowledge.deadlines.calculator import fmt_date
from knowledge.deadlines.date_choice import closes_the_order
from knowledge.deadlines.dateparse import DateParseError, find_date_time, fold_text
from knowledge.deadlines.kind_words import spell_out
from knowledge.kb.render import WARNING_SECONDARY  # the rule is sourced, not read in the law's text (FACTS §3: S)

_NOTICE = re.compile(
    r"(?<![a-z])(?:thong bao|bao truoc|bao cho|bao)(?![a-z]).*(?<![a-z])(?:ngay nao|hom nao|khi nao|bao gio|luc nao)"
    r"(?![a-z])"
)
_FACILITY = re.compile(
    r"(?<![a-z])(?:ttg|ntg|trai tam giam|nha tam giu|co so giam giu|trai|giam thi|thu truong co so)(?![a-z])"
)
_EXTENDED = re.compile(r"(?<![a-z])(?:gia han|gh)(?![a-z])")
_REPLACED = date(2026, 7, 1)
_BASIS = "Căn cứ: Luật Thi hành tạm giữ, tạm giam 94/2015/QH13, Điều 13 khoản 1 điểm h"
_LATER = (
    "; từ 01/7/2026 luật này được thay bằng Luật 128/2025/QH15 (Thi hành tạm giữ, tạm giam và cấm đi khỏi nơi cư "
    "trú), điều tương ứng của luật mới chưa kiểm chứng."
)


def notice_before_end(ctx: Context) -> list[Reply] | None:
    """The notice's last day counted back from the end the message tells; None: not such a question."""
    folded = spell_out(fold_text(ctx.text))
    if not _NOTICE.search(folded) or not _FACILITY.search(folded):
        return None
    try:
        found = find_date_time(folded, ctx.local_now().replace(tzinfo=None))
    except DateParseError:
        return None
    if found is None:
        return None
    at = found[1][0][0]
    custody = closes_the_order(folded, at, ("tam giu",))
    if not custody and not closes_the_order(folded, at):
        return None
    end, hour = found[0].day, found[0].time
    if custody:
        what, before = "tạm giữ", 1
    elif _EXTENDED.search(folded[:at]):
        what, before = "gia hạn tạm giam", 10
    else:
        what, before = "tạm giam", 5
    rule = f"{before} ngày trước khi hết hạn {what}"
    if end >= _REPLACED:
        return [
            Reply(
                f"Theo Luật 94/2015/QH13, nhà tạm giữ, trại tạm giam thông báo cho cơ quan đang thụ lý vụ án {rule}. "
                f"Hạn ngày {fmt_date(end)} từ 01/7/2026 trở đi, khi luật này đã được thay bằng Luật 128/2025/QH15 mà "
                "điều tương ứng chưa kiểm chứng, nên trợ lý không tính ngày thông báo; anh/chị đối chiếu luật mới.\n"
                + _BASIS
                + ".\n"
                + WARNING_SECONDARY
            )
        ]
    day = end - timedelta(days=before)
    moment = f"{hour:%H:%M} ngày {fmt_date(day)}" if custody and hour is not None else f"ngày {fmt_date(day)}"
    ends = f"{hour:%H:%M} ngày {fmt_date(end)}" if hour is not None else f"ngày {fmt_date(end)}"
    return [
        Reply(
            f"Chậm nhất {moment}: nhà tạm giữ, trại tạm giam thông báo bằng văn bản cho cơ quan đang thụ lý vụ án "
            f"({rule}, hết {ends}); hết hạn mà cơ quan thụ lý không giải quyết thì kiến nghị ngay VKS có thẩm quyền.\n"
            + _BASIS
            + _LATER
            + "\n"
            + WARNING_SECONDARY
        )
    ]
