"""Several extensions said in one question: "gia hạn lần 1 3 ngày, lần 2 3 ngày thì hết lúc nào",
"gia hạn 2 lần, mỗi lần 1 tháng". Each is checked against the law's limit for its rank and the
category (Đ118 k2 for tạm giữ, Đ173 for tạm giam, Đ172 for điều tra, Đ240 for truy tố), then
counted from the end of the one before (tạm giữ by the clock, tạm giam in days of detention, never
shifted); the answer is where the last one ends. A rank past the law's count, a length over the
limit, an earlier one without its length are refused or asked, never guessed. Periods counted by
the calendar (điều tra, truy tố) are only counted at the law's own lengths. Pure.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from knowledge.deadlines.calculator import fmt_date
from knowledge.deadlines.detention_extension import PLAIN, check_plain, lawful_nth
from knowledge.deadlines.extension_ask import (
    ExtensionAsk,
    answer_extension,
    law_chain,
    same_length,
    stated_answer,
)
from knowledge.deadlines.numbered_extensions import Said
from knowledge.deadlines.periods import KindDef, PeriodTable, StepDef, load_periods
from knowledge.deadlines.result import DeadlineResult, StepResult

_ORDINAL = {1: "thứ nhất", 2: "thứ hai", 3: "thứ ba", 4: "thứ tư", 5: "thứ năm"}


def _ordinal(n: int) -> str:
    return _ORDINAL.get(n, str(n))


def answer_asked(result: DeadlineResult, ask: ExtensionAsk, table: PeriodTable | None = None) -> str:
    """The answer to an extension question, with the extensions said before the one asked."""
    t = table or load_periods()
    if not ask.earlier or ask.nth is None:
        return answer_extension(result, ask, t)
    kd = t.kinds[result.kind]
    chain = law_chain(kd, result)
    n = ask.nth
    if [s.nth for s in ask.earlier] != list(range(1, n)):
        return (
            "Anh/chị kể lần lượt từng lần gia hạn, từ lần thứ nhất, mỗi lần kèm thời hạn, ví dụ «gia hạn lần 1 "
            "3 ngày, lần 2 3 ngày thì hết lúc nào»."
        )
    if chain and n > len(chain):
        return answer_extension(result, replace(ask, earlier=()), t)  # past the law's count: refused there
    unsaid = next((s.nth for s in ask.earlier if not s.has_length), None)
    if unsaid is not None:
        return (
            f"Anh/chị cho biết lần gia hạn {_ordinal(unsaid)} bao lâu (theo quyết định gia hạn), ví dụ «gia "
            "hạn lần 1 3 ngày, lần 2 3 ngày thì hết lúc nào»; trợ lý không đoán."
        )
    own = _own(ask, result, chain, t)
    if own is None:
        return (
            f"Anh/chị cho biết lần gia hạn {_ordinal(n)} bao lâu, ví dụ «gia hạn lần 1 1 tháng, lần 2 1 tháng "
            "thì đến ngày nào»."
        )
    if kd.counting not in ("clock", "custody_days"):  # the calendar: only at the law's lengths
        if chain and all(same_length(chain[s.nth - 1], result, _ask(s)) for s in ask.earlier):
            return answer_extension(result, replace(own, earlier=()), t)
        return answer_extension(result, replace(own, earlier=(), nth=1), t) if n == 1 else _law_only(result)
    previous: StepResult = result.base
    done = []
    for said in ask.earlier:
        step = _extended(result, kd, chain, said, previous, own, t)
        if isinstance(step, str):
            return step
        previous = step
        done.append(f"lần {_ordinal(said.nth)} ({_ask(said).length_text()}) hết {_end(step)}")
    head = f"{result.label.upper()}: gia hạn lần {_ordinal(n)}"
    lines = stated_answer(result, kd, chain, replace(own, earlier=()), n, head, t, said=previous)
    if lines and lines[0].startswith(head):  # computed: the earlier ones said, in order
        lines.insert(1, f"Các lần gia hạn trước (theo câu hỏi): {'; '.join(done)}.")
    return "\n".join(lines)


def _ask(said: Said) -> ExtensionAsk:
    return ExtensionAsk(said.nth, said.months, said.days, hours=said.hours)


def _end(step: StepResult) -> str:
    return f"{step.end_time} {fmt_date(step.last_day)}"


def _law_only(result: DeadlineResult) -> str:
    return (
        f"{result.label}: trợ lý chỉ tính các lần gia hạn theo mức luật định (như trên thẻ), không tính theo thời "
        "hạn khác. Anh/chị gõ /tinhhan để tính theo mốc khác."
    )


def _own(ask: ExtensionAsk, result: DeadlineResult, chain: list[StepDef], t: PeriodTable) -> ExtensionAsk | None:
    """The extension asked, with the law's longest length for its rank when none is said."""
    if ask.stated:
        return ask
    n = ask.nth or 1
    length = chain[n - 1].length_for(result.category) if n <= len(chain) else None
    if length is None and result.kind == PLAIN and ask.category:
        found = lawful_nth(t, ask.category, ask.anqg, n)
        length = found[1] if found else None
    if length is None:
        return None
    months, days = (length.value, 0) if length.unit == "m" else (0, length.value)
    return replace(ask, months=months, days=days)


def _extended(
    result: DeadlineResult,
    kd: KindDef,
    chain: list[StepDef],
    said: Said,
    previous: StepResult,
    own: ExtensionAsk,
    t: PeriodTable,
) -> StepResult | str:
    """An earlier extension said in the question, checked and counted from ``previous``; or the refusal."""
    asked = _ask(said)
    text = asked.length_text()
    allowed = chain[said.nth - 1].length_for(result.category) if said.nth <= len(chain) else None
    basis = chain[said.nth - 1].basis if said.nth <= len(chain) else kd.basis
    refusal = (
        f"Gia hạn lần {_ordinal(said.nth)} {result.label.lower()} không quá {allowed.text() if allowed else '—'} "
        f"({basis or kd.basis}); trợ lý không tính gia hạn {text}."
    )
    if kd.counting == "clock":
        if said.months or allowed is None or 24 * said.days + said.hours > allowed.hours():
            return refusal
        assert previous.end_moment is not None
        end = previous.end_moment + timedelta(days=said.days, hours=said.hours)
        return replace(previous, last_day=end.date(), end_time=f"{end:%H:%M}", end_moment=end)
    if said.hours:
        return f"{result.label} tính theo ngày, không theo giờ; trợ lý không tính gia hạn {text}."
    total = 30 * said.months + said.days
    if chain:
        if allowed is None or total > allowed.custody_days():
            return refusal
    elif result.kind == PLAIN:
        verdict = check_plain(t, total, text, said.nth, own.category, own.anqg)
        if verdict.refusal:
            return "\n".join(line for line in verdict.refusal if line)
    else:
        return f"{result.label}: luật không quy định gia hạn thời hạn này ({kd.basis}); trợ lý không tính gia hạn."
    return replace(previous, last_day=previous.last_day + timedelta(days=total))
