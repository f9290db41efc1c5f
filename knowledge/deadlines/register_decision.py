"""A stage's extension decision, recorded on a detention tied to that stage (``stage_extend``).

Detention during a stage may not outlast the stage (Đ174 k4, Đ241, Đ278 k2, Đ347 k2), and the
stage's own limit moves only when its extension is decided: the time to decide on prosecution by
the Viện trưởng VKS (Đ240 k1: ≤ 10 days for ít NT and NT, 15 for RNT, 30 for ĐBNT), the trial
preparation by the Chánh án (Đ277 k1: ≤ 15 days for ít NT and NT, 30 for RNT and ĐBNT), the
resumed investigation by the VKS (Đ174 k1 with Đ172 k5). Appeal preparation (Đ346) and
supplementary investigation (Đ174 k2) have no extension. The decision is checked here (is there
one left, its length against the category's longest, its date within the stage's running limit)
and the detention's cap then follows the decided length instead of the longest lawful one. Pure.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from knowledge.deadlines.arithmetic import calendar_end
from knowledge.deadlines.calendar import load_calendar
from knowledge.deadlines.periods import Length, StepDef, load_periods
from knowledge.deadlines.register_approvers import approver
from knowledge.deadlines.register_caps import cap_step, stage_raw_ends, stage_steps
from knowledge.deadlines.register_rules import ChainError, day_field, length_text, requested
from knowledge.deadlines.register_step import Event, Step
from knowledge.deadlines.validate import fmt_date


@dataclass(frozen=True, slots=True)
class NextDecision:
    """The stage extension a detention's stage may still get: what the prompt and the card say."""

    number: int  # the stage's n-th extension
    stage_kind: str  # "truy_to"
    category: str | None
    stage_label: str  # "Quyết định việc truy tố"
    rule: StepDef
    longest: Length
    basis: str
    stage_end: date  # the stage's running limit (shifted off a day off): the decision comes by then

    def approver(self, decided_on: date | None = None) -> str:
        """Who decides, as the text in force before 01/07/2025 says; after it, to be checked (FACTS)."""
        return approver(self.stage_kind, self.category, self.number, self.rule, decided_on)


def _decisions(step: Step) -> list[StepDef]:
    return [s for s in stage_steps(step.kind, step.category) if s.anchor != "start"]


def next_decision(step: Step) -> NextDecision | None:
    """The next stage extension decision of ``step``'s stage, or None (not tied to a stage, no
    extension in the law, all used, or the category is unknown)."""
    if step.stage_start is None:
        return None
    table = load_periods()
    cap = table.kinds[step.kind].stage
    assert cap is not None
    stage_kd = table.kinds[cap.kind]
    category = step.category if stage_kd.needs_category else None
    if stage_kd.needs_category and category is None:
        return None
    decisions = _decisions(step)
    n = len(step.stage_ext) + 1
    if n > len(decisions):
        return None
    rule = decisions[n - 1]
    longest = rule.length_for(category)
    assert longest is not None
    raw = stage_raw_ends(step.kind, category, step.stage_start, step.stage_ext)
    end = load_calendar().roll_forward(raw[n - 1])
    return NextDecision(n, cap.kind, category, stage_kd.label, rule, longest, rule.basis or stage_kd.basis, end)


def refusal(step: Step) -> ChainError:
    table = load_periods()
    if step.stage_start is None:
        return ChainError(
            "Quyết định gia hạn giai đoạn chỉ ghi cho tạm giam gắn với thời hạn của giai đoạn (Điều 174 khoản 4, "
            "Điều 241, Điều 278 khoản 2, Điều 347 khoản 2). Gia hạn của chính mục này: anh/chị ghi «Gia hạn»."
        )
    cap = table.kinds[step.kind].stage
    assert cap is not None
    stage_kd = table.kinds[cap.kind]
    if stage_kd.needs_category and step.category is None:
        return ChainError(
            f"Để kiểm tra mức gia hạn của giai đoạn «{stage_kd.label}» ({stage_kd.basis}), anh/chị cần ghi "
            "loại tội của mục này trước."
        )
    decisions = _decisions(step)
    if not decisions:
        return ChainError(
            f"Thời hạn «{stage_kd.label}» không có gia hạn ({stage_kd.basis}): mức trần của tạm giam giữ nguyên. "
            "Không có gì được lưu."
        )
    return ChainError(
        f"Thời hạn «{stage_kd.label}» chỉ được gia hạn {len(decisions)} lần ({decisions[-1].basis or stage_kd.basis}) "
        "và quyết định đó đã được ghi. Không có gì được lưu."
    )


def decide(step: Step, event: Event) -> Step:
    """``step`` after the stage's next extension decision in ``event`` (``days`` or ``months``,
    ``decided_on``); raises :class:`ChainError` naming the article when the law does not allow it."""
    found = next_decision(step)
    if found is None:
        raise refusal(step)
    assert step.stage_start is not None
    if any(event.data.get(name) == 0 for name in ("days", "months")):
        raise ChainError("Thời hạn gia hạn phải lớn hơn 0 ngày. Anh/chị kiểm tra lại quyết định gia hạn.")
    length = requested(event.data, "calendar", found.longest)
    raw = stage_raw_ends(step.kind, step.category, step.stage_start, step.stage_ext)[found.number - 1]
    if length.value <= 0 or calendar_end(raw, length) > calendar_end(raw, found.longest):
        raise ChainError(
            f"Gia hạn thời hạn «{found.stage_label}» tối đa {found.longest.text()} ({found.basis}); anh/chị ghi "
            f"{length_text(length)}. Anh/chị kiểm tra lại quyết định gia hạn."
        )
    decided_on = day_field(event.data, "decided_on")
    if decided_on is None:
        raise ChainError("Anh/chị nhập ngày ra quyết định gia hạn (ví dụ 06/12/2026).")
    if decided_on < step.stage_start:
        raise ChainError(
            f"Ngày quyết định {fmt_date(decided_on)} trước ngày bắt đầu giai đoạn ({fmt_date(step.stage_start)}). "
            "Anh/chị kiểm tra lại ngày ghi trong quyết định."
        )
    if decided_on > found.stage_end:
        raise ChainError(
            f"Ngày quyết định {fmt_date(decided_on)} sau khi thời hạn «{found.stage_label}» đã hết "
            f"({fmt_date(found.stage_end)}): việc gia hạn phải quyết định trong thời hạn ({found.basis}). "
            "Anh/chị kiểm tra lại ngày ghi trong quyết định."
        )
    decided = replace(step, stage_ext=(*step.stage_ext, length))
    return cap_step(decided, step.index)


def check_decided_on(step: Step, data: Mapping[str, Any]) -> None:
    """An extension's decision day, when recorded (``decided_on``): from the step's start to its
    last day — an extension decided after the period ran out extends nothing."""
    decided_on = day_field(data, "decided_on")
    if decided_on is None:
        return
    begun = step.start.date() if isinstance(step.start, datetime) else step.start
    if decided_on < begun:
        raise ChainError(
            f"Ngày quyết định gia hạn {fmt_date(decided_on)} trước ngày bắt đầu ({fmt_date(begun)}). "
            "Anh/chị kiểm tra lại ngày ghi trong quyết định."
        )
    if decided_on > step.last_day:
        raise ChainError(
            f"Ngày quyết định gia hạn {fmt_date(decided_on)} sau khi thời hạn «{step.label}» đã hết "
            f"({fmt_date(step.last_day)}): việc gia hạn phải quyết định trong thời hạn ({step.basis}). "
            "Anh/chị kiểm tra lại ngày ghi trong quyết định."
        )
