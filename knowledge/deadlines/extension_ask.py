"""A question about extending the period of a card just shown: "gia hạn lần 1 thì sao",
"gh lần 2 thì hết lúc nào", "gia hạn thêm 1 tháng thì đến ngày nào".

Without a length the answer is the card's own extension step (lengths from the period table).
With a length it is that extension, counted as FACTS §1 says: tạm giữ by the clock from the end of
the term it extends (Đ118 k2, each extension up to 3 days); tạm giam in days of detention
(a month = 30 days) from the day after the previous term ends, never shifted. A length the law
does not allow for the kind and category is refused, not computed. Reading the question is
``extension_read``. Pure.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from knowledge.deadlines.calculator import fmt_date
from knowledge.deadlines.calendar import weekday_vi
from knowledge.deadlines.detention_extension import (
    INVESTIGATION,
    PLAIN,
    check_plain,
    count_of,
    lawful_nth,
    limits_by_category,
    only_times,
    special_head,
    until_the_end,
)
from knowledge.deadlines.extension_limit import CHECK_ORDER, law_steps, over_the_step, steps_basis
from knowledge.deadlines.extension_read import ASKS_WHEN, LAST, ExtensionAsk, read_extension
from knowledge.deadlines.periods import KindDef, PeriodTable, StepDef, load_periods
from knowledge.deadlines.result import DeadlineResult, StepResult

__all__ = ["ASKS_WHEN", "CHAINED", "LAST", "ExtensionAsk", "answer_extension", "read_extension"]

_ORDINAL = {1: "thứ nhất", 2: "thứ hai", 3: "thứ ba", 4: "thứ tư", 5: "thứ năm", 6: "thứ sáu"}
# FACTS §1: consecutive tạm giam orders start the day after the previous order's last day — NQ 04/2004 (old), status
# S. (TTLT 01/2017 Đ11 k2, cited here before, is about extending the verification of a crime report.)
CHAINED = "cách nối tiếp theo NQ 04/2004, văn bản cũ, nguồn thứ cấp"


def law_chain(kd: KindDef, result: DeadlineResult) -> list[StepDef]:
    """The dated extension steps the calculator counted for this card, in order."""
    return law_steps(kd, result.category, result.anqg)


def _ends(step: StepResult, custody: bool) -> str:
    line = f"hết {step.end_time} {weekday_vi(step.last_day)} {fmt_date(step.last_day)}"
    return line + (f"; trả tự do chậm nhất {step.end_time} ngày {fmt_date(step.last_day)}" if custody else "")


def answer_extension(result: DeadlineResult, ask: ExtensionAsk, table: PeriodTable | None = None) -> str:
    """The answer in Vietnamese: the extended end, or why it is not computed."""
    t = table or load_periods()
    kd = t.kinds[result.kind]
    chain = law_chain(kd, result)
    n = (len(chain) or _plain_count(t, kd, ask)) if ask.nth == LAST else ask.nth or 1
    head = f"{result.label.upper()}: gia hạn lần {_ORDINAL.get(n, str(n))}"
    who = who_of(result)
    extensions = [s for s in result.steps if s.decided_on is None]  # a decision's steps come after them
    assert len(chain) == len(extensions), "the steps must be the calculator's"
    if chain and n > len(chain):
        return "\n".join(beyond_the_last(result, kd, n))
    if ask.stated and kd.counting == "calendar" and chain and same_length(chain[n - 1], result, ask):
        ask = ExtensionAsk(ask.nth)  # "gia hạn thêm 3 tháng" of a 3-month step: that step
    if not ask.stated:
        if not chain:
            if kd.kind == PLAIN:
                found = lawful_nth(t, ask.category, ask.anqg, n) if ask.category else None
                most = found[1] if found else None
                beyond = check_plain(t, 0, "", n, ask.category, ask.anqg).refusal if ask.category and not found else ()
                if beyond:  # "tội NT …, gia hạn lần 2": Đ173 gives NT one
                    return "\n".join(line for line in beyond if line)
                if most is None:
                    return (
                        f"{result.label}: anh/chị cho biết gia hạn thêm bao lâu, ví dụ «gia hạn thêm 1 tháng thì "
                        f"đến ngày nào». Gia hạn tạm giam để điều tra (Điều 173 khoản 2 BLTTHS 2015): "
                        f"{limits_by_category(t)}."
                    )
                months, days = (most.value, 0) if most.unit == "m" else (0, most.value)
                widest = ExtensionAsk(ask.nth, months, days, ask.category, ask.anqg)
                before = _earlier_at_their_longest(result, t, ask, n)  # "gia hạn lần 2": lần 1 at its longest
                law_step = found[0] if found else None
                if law_step is not None and law_step.special:  # Đ173 k5, k6: its condition and who decides
                    head = f"{result.label.upper()}: {special_head(law_step)}"
                lines = stated_answer(result, kd, chain, widest, n, head, t, said=before)
                if ask.category and n == count_of(t, ask.category, ask.anqg):  # the last dated one: what may follow
                    at = len(lines) - 1 if lines and lines[-1].startswith("Căn cứ") else len(lines)
                    lines[at:at] = until_the_end(t, ask.category, ask.anqg)
                return (
                    "\n".join(lines[:1] + _assumed(n, before) + lines[1:] + _caveats(result))
                    if before
                    else ("\n".join(lines + _caveats(result)))
                )
            return (
                f"{result.label}{who}: trợ lý không có lần gia hạn nào cho thời hạn này (căn cứ: {kd.basis}), "
                "nên không tính ngày gia hạn. Anh/chị đối chiếu điều luật."
            )
        step = result.steps[n - 1]
        if any(c.anchor == "start" for c in chain):  # a longer term the law allows (Đ147 k2 "vụ việc phức tạp")
            return _prolonged(result, chain, ask)
        lines = [f"{head} ({step.length}): {_ends(step, result.custody)}.", f"Tổng tối đa: {step.running_total}."]
        lines += [f"Thẩm quyền: {step.approver}."] if step.approver else []
        if step.special:  # its own condition in the law's words ("trường hợp cần thiết" is not "đặc biệt")
            lines.append(
                "Đây là trường hợp đặc biệt." if "trường hợp đặc biệt" in step.label else f"Lần này: {step.label}."
            )
        if ask.nth is None and len(result.steps) > 1:  # "còn gia hạn thì sao": the most it can reach too
            top = result.steps[-1]
            lines.append(
                f"Gia hạn đủ {len(result.steps)} lần: {_ends(top, result.custody)} (tổng {top.running_total})."
            )
        lines.append(f"Căn cứ: {step.basis}.")
        return "\n".join(lines + _caveats(result))
    return "\n".join(stated_answer(result, kd, chain, ask, n, head, t) + _caveats(result))


def _plain_count(t: PeriodTable, kd: KindDef, ask: ExtensionAsk) -> int:
    """The last extension of a plain order ("gia hạn tối đa"): Đ173's count for the category said, else the first."""
    return (count_of(t, ask.category, ask.anqg) or 1) if kd.kind == PLAIN and ask.category else 1


def _earlier_at_their_longest(result: DeadlineResult, t: PeriodTable, ask: ExtensionAsk, n: int) -> StepResult | None:
    """Where the extensions before ``n`` of a plain order end, each at the longest Đ173 allows the category (the
    order's own steps are not on its card); None for the first one."""
    if n < 2 or ask.category is None:
        return None
    lengths = [lawful_nth(t, ask.category, ask.anqg, k) for k in range(1, n)]
    if any(x is None for x in lengths):
        return None
    days = sum(x[1].custody_days() for x in lengths if x is not None)
    return replace(result.base, last_day=result.base.last_day + timedelta(days=days))


def _prolonged(result: DeadlineResult, chain: list[StepDef], ask: ExtensionAsk) -> str:
    """A kind whose first step is a longer term counted from the start (a complex case, not an extension):
    each step by its own name, the longer term said to be no extension, and a rank past the law's
    extensions said so (Đ147 k2: one)."""
    first = next(i for i, c in enumerate(chain) if c.anchor == "start")
    real = sum(1 for c in chain if c.anchor != "start")
    lines = [f"{result.label.upper()}:"]
    for i, step in enumerate(result.steps[first:], start=first):
        kind = " (thời hạn kéo dài theo luật, không phải gia hạn)" if chain[i].anchor == "start" else ""
        lines.append(f"- {step.label}{kind} ({step.length}): {_ends(step, result.custody)}; tổng {step.running_total}.")
        lines += [f"  Thẩm quyền: {step.approver}."] if step.approver else []
    if ask.nth is not None and ask.nth > real:
        lines.append(f"Luật chỉ cho gia hạn {real} lần; không có lần gia hạn thứ {ask.nth}.")
    lines.append(f"Căn cứ: {result.steps[first].basis}.")
    return "\n".join(lines + _caveats(result))


def same_length(step: StepDef, result: DeadlineResult, ask: ExtensionAsk) -> bool:
    length = step.length_for(result.category)
    if length is None:
        return False
    return (ask.months, ask.days) == ((length.value, 0) if length.unit == "m" else (0, length.value))


def _caveats(result: DeadlineResult) -> list[str]:
    return [result.stage_warning] if result.stage_cap_unknown and result.stage_warning else []


def stated_answer(
    result: DeadlineResult,
    kd: KindDef,
    chain: list[StepDef],
    ask: ExtensionAsk,
    n: int,
    head: str,
    t: PeriodTable,
    said: StepResult | None = None,
) -> list[str]:
    """Extension ``n`` of the length asked, from the end of the one before: the card's (at its
    longest), or ``said``, where the earlier ones said in the question end."""
    asked = ask.length_text()
    if n > 1 and not chain and said is None:  # the earlier extensions' lengths are not on the card
        return [
            f"Trợ lý không biết lần gia hạn trước hết ngày nào. Anh/chị hỏi theo ngày hết lần gia hạn trước, "
            f"ví dụ «tạm giam {asked} từ <ngày sau ngày hết lần gia hạn trước> thì hết ngày nào»."
        ]
    previous = said or (result.steps[n - 2] if n > 1 else result.base)
    assumed = [] if said is not None else _assumed(n, previous)
    if kd.counting == "clock":
        allowed = chain[n - 1].length_for(result.category) if chain else None
        if ask.months or allowed is None or 24 * ask.days + ask.hours > allowed.hours():
            limit = f"không quá {allowed.value} ngày" if allowed else "không được gia hạn"
            return [
                f"Mỗi lần gia hạn {result.label.lower()} {limit} ({chain[n - 1].basis if chain else kd.basis}); "
                f"trợ lý không tính gia hạn {asked}.{CHECK_ORDER}"
            ]
        assert previous.end_moment is not None
        end = previous.end_moment + timedelta(days=ask.days, hours=ask.hours)
        return [
            f"{head} ({asked}): hết {end:%H:%M} {weekday_vi(end.date())} {fmt_date(end.date())}; "
            f"trả tự do chậm nhất {end:%H:%M} ngày {fmt_date(end.date())}.",
            f"Tính liên tục từ {previous.end_time} ngày {fmt_date(previous.last_day)} (hết thời hạn trước), không lùi ngày nghỉ.",
            *assumed,
            f"Căn cứ: {chain[n - 1].basis or kd.basis}.",
        ]
    if ask.hours:  # days and months are not counted by the clock
        return [f"{result.label} tính theo ngày, không theo giờ; trợ lý không tính gia hạn {asked}."]
    total = 30 * ask.months + ask.days
    over = over_the_step(kd, chain, result.category, n, total, asked, who_of(result))
    if over is not None:  # Đ172 k2 for an investigation, Đ173 for a detention's own steps
        return [over]
    if kd.counting != "custody_days":
        step = result.steps[n - 1] if chain else None
        shown = f" Lần gia hạn này tối đa {step.length}: {_ends(step, False)}." if step else ""
        return [f"Trợ lý chỉ tính lần gia hạn theo mức luật định.{shown} Anh/chị gõ /tinhhan để tính theo mốc khác."]
    if chain:
        note = []
        basis = chain[n - 1].basis or kd.basis
    elif kd.kind == PLAIN:  # no stage named: Đ173's limit for the category, or which limit is whose
        verdict = check_plain(t, total, asked, n, ask.category, ask.anqg, (result.base_days or 0) + result.tam_giu_days)
        if verdict.refusal:
            return [line for line in verdict.refusal if line]
        note = list(verdict.notes)
        basis = verdict.basis
    else:  # a detention the law gives no extension (Đ329 k3, Đ459, Đ174 k4)
        return [
            f"{result.label}: luật không quy định gia hạn thời hạn này ({kd.basis}); trợ lý không tính gia hạn {asked}."
        ]
    first = previous.last_day + timedelta(days=1)
    last = previous.last_day + timedelta(days=total)
    return [
        f"{head} ({asked} = {total} ngày): từ {fmt_date(first)} đến hết ngày {weekday_vi(last)} {fmt_date(last)}; "
        f"trả tự do chậm nhất 24:00 ngày {fmt_date(last)}.",
        f"Tính nối tiếp từ ngày sau ngày cuối của thời hạn trước ({fmt_date(previous.last_day)}; {CHAINED}); "
        "một tháng tạm giam tính 30 ngày, không lùi ngày nghỉ (Điều 17 TTLT 04/2018).",
        *assumed,
        *note,
        f"Căn cứ: {basis}; Điều 17 TTLT 04/2018.",
    ]


def beyond_the_last(result: DeadlineResult, kd: KindDef, n: int) -> list[str]:
    """Extension number ``n`` past the last one the law dates: the last dated end, then what the law
    leaves open (no date: the point to review is what ends it) or that it allows nothing more."""
    last = result.steps[-1]
    basis = steps_basis(law_chain(kd, result), kd.basis)
    anqg = result.anqg if kd.kind == INVESTIGATION else None  # Đ173 k5: ANQG crimes have further extensions
    lines = [
        f"{result.label}{who_of(result)} {only_times(len(result.steps), basis, bool(result.open_steps), anqg)}; "
        f"trợ lý không tính gia hạn lần {_ORDINAL.get(n, str(n))}.",
        f"Lần gia hạn cuối cùng có thời hạn ({_lower(last.label)}): {_ends(last, result.custody)} ({last.basis}).",
    ]
    for o in result.open_steps:
        by = f"; {o.approver}" if o.approver else ""
        lines.append(
            f"Sau đó: {_lower(o.label)} — luật không định ngày cụ thể ({o.basis}{by}). Mốc cần rà soát: khi {o.until}."
        )
    unsettled = list(kd.anqg_notes.get(result.category or "", ())) if result.anqg else []
    if not result.open_steps:
        lines += unsettled or ["Sau lần đó luật không quy định lần gia hạn nào khác."]
    return lines


def _lower(label: str) -> str:
    return label[:1].lower() + label[1:]


def _assumed(n: int, previous: StepResult) -> list[str]:
    """An extension after the first is counted from where the one before ends at its longest: said."""
    if n < 2:
        return []
    return [
        f"Giả sử lần gia hạn trước đủ mức tối đa (hết ngày {fmt_date(previous.last_day)}); nếu lần trước ngắn hơn, "
        "ngày trên phải tính lại: anh/chị hỏi theo ngày hết lần gia hạn trước."
    ]


def who_of(result: DeadlineResult) -> str:
    security = ", xâm phạm an ninh quốc gia" if result.anqg else ""
    return f" đối với {result.category_label}{security}" if result.category_label else ""
