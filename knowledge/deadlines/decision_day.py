"""Which date of a question is the day of the decision a step counts from (BLTTHS 2015 Đ462 k2, Đ464
k3: the summary hearing opens within 7 days of the decision to bring the case to trial), not the
period's trigger (the court's acceptance of the case, Đ462 k1, Đ464 k2).

"xét xử rút gọn thụ lý 02/03/2026, quyết định đưa vụ án ra xét xử ngày 05/03/2026": 02/03 is the
start, 05/03 the decision. A question that dates only the decision gives no start: never counted from
the decision as if it were the acceptance (the 10 days would end days late); the hearing, which counts
from the decision alone, is its own card (``HEARING``: "rút gọn, qđ đưa ra xét xử ngày 05/03/2026 thì
phải mở phiên tòa chậm nhất ngày nào" → 12/03/2026). Pure; the text is folded (``dateparse.fold_text``)
and the dates' spans come from the parser.
"""

from __future__ import annotations

import re
from datetime import date

from knowledge.deadlines.datevalues import DateParseError
from knowledge.deadlines.periods import StepDef, load_periods
from knowledge.deadlines.validate import fmt_date

# The hearing counted from the decision alone, for a question that dates only the decision.
HEARING = {"xet_xu_rut_gon": "mo_phien_toa_rut_gon", "xet_xu_phuc_tham_rut_gon": "mo_phien_toa_phuc_tham_rut_gon"}
_TRIAL = r"(?:dua|mo)(?: vu an)? ra (?:xet xu|xx)(?: phuc tham| pt)?"
_TAIL = r"(?: (?:theo )?(?:thu tuc )?rut gon)?(?: (?:la|vao|duoc|ban hanh|ra|cua toa(?: an)?))*[\s,]*(?:ngay\s*)?$"
_BEFORE = re.compile(rf"(?<![a-z])(?:(?:ra )?(?:quyet dinh|qd)(?: {_TRIAL})?|{_TRIAL}){_TAIL}")
_AFTER = re.compile(
    r"^\s*(?:(?:toa(?: an)?|tham phan|thi|da)\s+)*(?:ra |co )?(?:quyet dinh|qd)(?: " + _TRIAL + r")?(?![a-z])"
)


def decision_step(kind: str) -> StepDef | None:
    """The step of ``kind`` counted from a decision's day, if it has one."""
    kd = load_periods().kinds.get(kind)
    return next((s for s in kd.extensions if s.anchor == "decision"), None) if kd else None


def decision_index(folded: str, kind: str, dates: list[tuple[int, int]]) -> int | None:
    """The index in ``dates`` of the decision's date, for a kind with such a step; None otherwise."""
    if decision_step(kind) is None:
        return None
    for i, (a, b) in enumerate(dates):
        if _BEFORE.search(folded[:a]) or _AFTER.search(folded[b:]):
            return i
    return None


def start_unsaid(kind: str, decided: str) -> str:
    """What to say when the only date of the question is the decision's."""
    step = decision_step(kind)
    length = step.length_for(None) if step else None
    assert step is not None and length is not None
    trigger = load_periods().kinds[kind].trigger.lower()
    return (
        f"Ngày {decided} là ngày quyết định {step.decision}: phiên tòa phải mở trong {length.text()} "
        f"kể từ ngày đó ({step.basis}). Để tính, anh/chị cho biết cả {trigger}: «thụ lý ngày …, quyết định "
        f"{step.decision} ngày {decided}, hạn mở phiên tòa»."
    )


def hearing_alone(kind: str, decided: date) -> str:
    """The hearing's own kind when the decision is the question's only date; else the start is asked."""
    if kind not in HEARING:
        raise DateParseError(start_unsaid(kind, fmt_date(decided)))
    return HEARING[kind]
