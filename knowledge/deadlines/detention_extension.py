"""How far a plain tạm giam order (no stage named: kind ``tam_giam``) may be extended, by crime category.

Only detention for investigation has extensions of its own (Đ173 k2: ít NT once ≤ 1 month, NT once
≤ 2, RNT once ≤ 3, ĐBNT twice ≤ 4 each; then k5 for ANQG crimes and k6 for ĐBNT crimes that are
not ANQG, FACTS §15); in the later stages detention follows the stage's own period (Đ241, Đ278,
Đ347). So an extension of a plain order is checked against Đ173 for the category the question or
the card names; with no category it is computed when some category may have it (the day is the
same for all of them), said to hold for those categories only, and otherwise the answer lists which
limit applies to which category instead of a date no category may have. Every number comes from the period table (``tam_giam_dieu_tra``). Pure.
"""

from __future__ import annotations

from dataclasses import dataclass

from knowledge.deadlines.crime_category import SHORT
from knowledge.deadlines.extension_limit import CHECK_ORDER, law_steps, steps_basis
from knowledge.deadlines.periods import KindDef, Length, PeriodTable, StepDef

INVESTIGATION = "tam_giam_dieu_tra"
PLAIN = "tam_giam"  # an order with no stage named
_UNITS = {"m": "tháng", "d": "ngày"}
_LATER_STAGES = (
    "Tạm giam trong giai đoạn truy tố, xét xử không gia hạn riêng: không quá thời hạn của giai đoạn "
    "(Điều 241, Điều 278, Điều 347 BLTTHS 2015)."
)


@dataclass(frozen=True, slots=True)
class PlainCheck:
    """The verdict on an extension of a plain order: ``refusal`` lines (nothing computed), or the
    ``notes`` to show under the computed date, and the ``basis`` of the limit checked."""

    refusal: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    basis: str = "Điều 173 khoản 2 BLTTHS 2015"


def _steps(kd: KindDef, category: str, anqg: bool) -> list[StepDef]:
    """Đ173's dated extensions for the category, in order (k2, then k5 or k6)."""
    return law_steps(kd, category, anqg)


def _allows(kd: KindDef, category: str, anqg: bool, nth: int, asked_days: int) -> bool:
    """Whether Đ173 gives the category an extension number ``nth`` of at least ``asked_days`` days."""
    steps = _steps(kd, category, anqg)
    length = steps[nth - 1].length_for(category) if 1 <= nth <= len(steps) else None
    return length is not None and length.custody_days() >= asked_days


def _term_days(kd: KindDef, category: str) -> int:
    term = kd.base.length_for(category)
    return term.custody_days() if term is not None else 0


def _length(length: Length) -> str:
    return f"{length.value} {_UNITS.get(length.unit, length.unit)}"


def limits_by_category(table: PeriodTable) -> str:
    """ "ít NT: 1 lần, không quá 1 tháng; …; ĐBNT: 2 lần, mỗi lần không quá 4 tháng" (Đ173 k2)."""
    kd = table.kinds[INVESTIGATION]
    parts = []
    for category in table.categories:
        plain = [s.length_for(category) for s in kd.extensions if s.applies_to(category) and not s.special]
        lengths = [x for x in plain if x is not None]
        if not lengths:
            continue
        if len(lengths) == 1:
            parts.append(f"{SHORT.get(category, category)}: 1 lần, không quá {_length(lengths[0])}")
        else:
            parts.append(
                f"{SHORT.get(category, category)}: {len(lengths)} lần, mỗi lần không quá {_length(lengths[0])}"
            )
    return "; ".join(parts)


def _later(kd: KindDef) -> str:
    bases = sorted({s.basis for s in (*kd.extensions, *kd.anqg_extensions) if s.special and s.basis})
    return f"Sau các lần đó chỉ còn các trường hợp đặc biệt ({'; '.join(bases)})." if bases else ""


def check_plain(
    table: PeriodTable,
    asked_days: int,
    asked: str,
    nth: int,
    category: str | None,
    anqg: bool,
    order_days: int = 0,
) -> PlainCheck:
    """Whether extension number ``nth`` of ``asked_days`` days of detention («``asked``») is lawful.
    With no category, an order of ``order_days`` leaves only the categories whose term (Đ173 k1) is as
    long: a 3-month order is not an ít NT detention for investigation (2 months at most)."""
    kd = table.kinds[INVESTIGATION]
    limits = f"Gia hạn tạm giam để điều tra (Điều 173 khoản 2 BLTTHS 2015): {limits_by_category(table)}."
    if category is None:
        possible = [c for c in table.categories if _term_days(kd, c) >= order_days] or list(table.categories)
        firsts = [s.length_for(c) for c in possible for s in kd.extensions[:1] if s.applies_to(c)]
        smallest = min((x.custody_days() for x in firsts if x is not None), default=0)
        if nth == 1 and asked_days <= smallest:
            some = len(possible) < len(table.categories)
            which = (
                f"các loại tội có thời hạn tạm giam để điều tra từ {order_days} ngày trở lên"
                if some
                else "loại tội nào"
            )
            return PlainCheck(
                notes=(f"Mức {asked} không vượt mức gia hạn lần thứ nhất của {which}. {limits}", _LATER_STAGES)
            )
        lawful = [c for c in possible if _allows(kd, c, anqg, nth, asked_days)]
        if lawful:  # the day is the same for every category that may have it: counted, for those only
            others = [table.categories.get(c, c) for c in table.categories if c not in lawful]
            names = ", ".join(table.categories.get(c, c) for c in lawful)
            return PlainCheck(
                notes=(
                    f"Chỉ đúng nếu là {names}: {', '.join(others)} không được gia hạn tạm giam {asked} cho lần gia "
                    f"hạn này. {limits}",
                    _LATER_STAGES,
                )
            )
        return PlainCheck(
            refusal=(
                f"Mức gia hạn tạm giam tùy loại tội, nên trợ lý không tính gia hạn {asked} khi chưa biết loại tội. {limits}",
                _later(kd),
                _LATER_STAGES,
                "Anh/chị cho biết loại tội, ví dụ «gia hạn thêm 2 tháng, tội nghiêm trọng thì đến ngày nào».",
            )
        )
    label = table.categories.get(category, category)
    who = f"{label}, xâm phạm an ninh quốc gia" if anqg else label
    steps = _steps(kd, category, anqg)
    if nth > len(steps):
        after = until_the_end(table, category, anqg)
        times = only_times(len(steps), steps_basis(steps, kd.basis), bool(after), anqg)
        return PlainCheck(
            refusal=(f"Tạm giam để điều tra đối với {who} {times}; trợ lý không tính gia hạn lần {nth}.", *after)
        )
    step = steps[nth - 1]
    allowed = step.length_for(category)
    assert allowed is not None
    basis = step.basis or kd.basis
    if asked_days > allowed.custody_days():
        return PlainCheck(
            refusal=(
                f"{step.label} đối với {who} không quá {_length(allowed)} ({basis}); trợ lý không tính gia hạn {asked}."
                + CHECK_ORDER,
            )
        )
    return PlainCheck(
        notes=(
            f"Tính theo tạm giam để điều tra: {_lower(step.label)} đối với {who} không quá {_length(allowed)} "
            f"({basis}).",
        ),
        basis=basis,
    )


def order_refusal(
    table: PeriodTable, asked_days: int, asked: str, nth: int, category: str | None, anqg: bool
) -> tuple[str, ...]:
    """Why a tạm giam extension *order* of ``asked_days`` days («``asked``») may not be counted as an order
    of that length, or () when it may: checked against Đ173 for the category; with none, refused only
    when no category may have it (the order's own card stands otherwise). Free text and /tinhhan both ask
    this one check."""
    if category is not None:
        return tuple(line for line in check_plain(table, asked_days, asked, nth, category, anqg).refusal if line)
    if any(not check_plain(table, asked_days, asked, nth, c, anqg).refusal for c in table.categories):
        return ()
    return (
        f"Không loại tội nào được gia hạn tạm giam để điều tra {asked} cho lần gia hạn này (Điều 173 BLTTHS "
        f"2015: {limits_by_category(table)}); trợ lý không tính. Anh/chị kiểm tra lại lệnh gia hạn.",
    )


def lawful_nth(table: PeriodTable, category: str, anqg: bool, nth: int) -> tuple[StepDef, Length] | None:
    """Extension number ``nth`` Đ173 allows the category, with its longest length (None: none)."""
    steps = _steps(table.kinds[INVESTIGATION], category, anqg)
    if not 1 <= nth <= len(steps):
        return None
    length = steps[nth - 1].length_for(category)
    return (steps[nth - 1], length) if length is not None else None


def _lower(label: str) -> str:
    """The label inside a sentence: its first letter lowered, abbreviations kept ("ANQG")."""
    return label[:1].lower() + label[1:]


def special_head(step: StepDef) -> str:
    """A special extension (Đ173 k5, k6) named by its condition and who decides, not by a rank: "lần gia hạn thêm
    (trường hợp cần thiết, Viện trưởng VKSND tối cao quyết định)"."""
    inside = step.label.rsplit("(", 1)[-1].rstrip(")") if "(" in step.label else ""
    condition = inside.rsplit(",", 1)[-1].strip()
    by = f"{step.approver} quyết định" if step.approver else ""
    said = ", ".join(x for x in (condition, by) if x)
    return f"lần gia hạn thêm ({said})" if said else "lần gia hạn thêm"


def only_times(count: int, basis: str, open_after: bool, anqg: bool | None) -> str:
    """ "chỉ được gia hạn 1 lần (Điều 173 khoản 2 BLTTHS 2015), trừ tội xâm phạm an ninh quốc gia (khoản 5)": how many
    dated extensions the law gives, "có thời hạn" when detention until the investigation ends may follow; the ANQG
    exception (Đ173 k5) for a detention for investigation of another crime (``anqg`` None: not such a detention)."""
    times = f"{count} lần có thời hạn" if open_after else f"{count} lần"
    unless = ", trừ tội xâm phạm an ninh quốc gia (khoản 5)" if anqg is False else ""
    return f"chỉ được gia hạn {times} ({basis}){unless}"


def until_the_end(table: PeriodTable, category: str, anqg: bool) -> list[str]:
    """What Đ173 allows after its last dated extension for the category: detention until the investigation ends,
    in a special case (k6; k5 for ANQG crimes)."""
    kd = table.kinds[INVESTIGATION]
    steps = (*(s for s in kd.extensions if not (anqg and s.unless_anqg)), *(kd.anqg_extensions if anqg else ()))
    return [
        f"Sau lần đó, {_lower(s.label)}: {s.approver} ({s.basis})."
        for s in steps
        if s.open_ended and s.applies_to(category)
    ]


def count_of(table: PeriodTable, category: str, anqg: bool) -> int:
    """How many dated extensions Đ173 allows the category."""
    return len(_steps(table.kinds[INVESTIGATION], category, anqg))


RESUMED = "tam_giam_phuc_hoi_dieu_tra"  # Đ174 k1, k4: the other stage in which detention is extended


def resumed_limit(table: PeriodTable, category: str | None) -> Length | None:
    """The one extension Đ174 k1 allows detention in a resumed investigation (the shortest of all
    categories when the category is not known)."""
    step = table.kinds[RESUMED].extensions[0]
    if category is not None:
        return step.length_for(category)
    lengths = [x for x in (step.length_for(c) for c in table.categories) if x is not None]
    return min(lengths, key=lambda x: x.custody_days(), default=None)


def stage_decides(table: PeriodTable, days: list[int], category: str | None) -> bool:
    """Whether extensions of ``days`` each (in order), lawful under Đ173, may be unlawful in a resumed
    investigation (Đ174 k1: one extension, shorter for RNT and ĐBNT): then the stage must be known."""
    limit = resumed_limit(table, category)
    return len(days) > 1 or limit is None or any(d > limit.custody_days() for d in days)
