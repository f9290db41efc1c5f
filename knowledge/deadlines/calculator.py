"""Procedural deadline calculator (pure functions over ``knowledge/data/periods.yaml``).

Counting conventions (FACTS §1; BLTTHS 2015 Đ134 k1, TTLT 04/2018 Đ17):

* ``clock`` (hours, giữ khẩn cấp, tạm giữ): from the exact start moment; 3 days = 72 hours;
  ends at the same clock time; never shifted. A period ending exactly at 00:00 is shown as
  24:00 of the day before.
* ``custody_days`` (tạm giam): the start day is day 1; 1 month = 30 days;
  last day = start + (30 × months + days − tạm giữ days) − 1, at 24:00; never shifted.
  An extension starts the day after the previous last day: last = previous last + length.
* ``calendar`` (everything else): days: last day = trigger + N (the day after the trigger is
  day 1), at 24:00; months/years: the same-numbered day n months later, clamped to the end
  of the month. A last day that is a day off moves to the next working day.

Open point (FACTS §1, U): how an extension chains after a month-end clamp or a day-off
shift. Rule chosen, the most conservative one: an extension is counted from the
*unshifted, clamped* last day of the period it extends (e.g. 31/12 + 2 months = 28/02;
the next 2 months end 28/04, not 30/04; a base moved from Saturday to Monday is extended
from the Saturday). It never ends later than the alternatives. The caller may override
the anchor of the first chained extension with ``extension_anchor`` (the end of the
extended period as written in the decision); later extensions chain from it.

Pure: no clock reads (``today`` is a parameter); I/O only to read the data file.
"""

from __future__ import annotations

import calendar as _cal
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

from knowledge.deadlines.calendar import WorkCalendar, load_calendar
from knowledge.deadlines.periods import UNIT_TEXT, KindDef, Length, PeriodTable, StepDef, load_periods
from knowledge.deadlines.result import DeadlineResult, StepResult

VN_TZ = timezone(timedelta(hours=7))  # Asia/Ho_Chi_Minh, no DST since 1975
# One order: the longest single period in BLTTHS is 4 months (Đ173); 12 leaves room for a user
# entering a combined span, anything longer is a typo (the example: 40 months).
MAX_TAM_GIAM_MONTHS = 12
MAX_TAM_GIAM_DAYS = 30 * MAX_TAM_GIAM_MONTHS
MAX_TAM_GIU_DAYS = 9
MAX_YEARS_FROM_TODAY = 50
BLTTHS_2015_FROM = date(2018, 1, 1)


class DeadlineInputError(ValueError):
    """Bad input; ``message_vi`` says what is wrong and what is expected."""

    def __init__(self, message_vi: str) -> None:
        super().__init__(message_vi)
        self.message_vi = message_vi


def fmt_date(d: date) -> str:
    return d.strftime("%d/%m/%Y")


@dataclass(frozen=True, slots=True)
class KindInfo:
    kind: str
    label: str
    needs_category: bool
    needs_length: bool  # months/days of the order (tạm giam)
    needs_time: bool  # counted by the clock: the start needs an hour
    accepts_tam_giu_days: bool
    supports_anqg: bool
    status: str


def list_kinds(table: PeriodTable | None = None) -> list[KindInfo]:
    """Computable kinds in menu order, with what the user must supply."""
    t = table or load_periods()
    return [
        KindInfo(
            k.kind,
            k.label,
            k.needs_category,
            k.length_from_input,
            k.counting == "clock",
            k.deduct_tam_giu,
            bool(k.anqg_extensions),
            k.status,
        )
        for k in t.kinds.values()
    ]


# -- arithmetic ---------------------------------------------------------------------------
def add_months(d: date, months: int) -> date:
    """Same-numbered day ``months`` later, clamped to the last day of that month (Đ134 k1)."""
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return date(year, month, min(d.day, _cal.monthrange(year, month)[1]))


def _calendar_end(anchor: date, length: Length) -> date:
    if length.unit == "d":
        return anchor + timedelta(days=length.value)
    return add_months(anchor, length.value * (12 if length.unit == "y" else 1))


def _split_moment(moment: datetime) -> tuple[date, str]:
    if moment.time() == time(0, 0):
        return moment.date() - timedelta(days=1), "24:00"
    return moment.date(), moment.strftime("%H:%M")


def _total_text(parts: dict[str, int], counting: str, deduct: int) -> str:
    order = [u for u in ("y", "m", "d", "h") if parts.get(u)]
    text = " + ".join(f"{parts[u]} {UNIT_TEXT[u]}" for u in order)
    if counting == "custody_days":
        days = 30 * parts.get("m", 0) + parts.get("d", 0) - deduct
        if deduct:
            return f"{text}, trừ {deduct} ngày tạm giữ = {days} ngày"
        if parts.get("m"):
            return f"{text} = {days} ngày"
    return text


# -- validation -----------------------------------------------------------------------------
def _kind_def(kind: str, table: PeriodTable) -> KindDef:
    if kind in table.kinds:
        return table.kinds[kind]
    if kind in table.not_computed:
        raise DeadlineInputError(
            f"Trợ lý không tính thời hạn “{kind}”: {table.not_computed[kind]} Anh/chị vui lòng đối chiếu văn bản gốc."
        )
    raise DeadlineInputError(f"Không có loại thời hạn “{kind}”. Các loại hợp lệ: {', '.join(table.kinds)}.")


def _category_list(table: PeriodTable) -> str:
    return ", ".join(f"{k} ({v})" for k, v in table.categories.items())


def _normalise_start(start: date | datetime, kd: KindDef) -> date | datetime:
    if isinstance(start, datetime):
        if start.tzinfo is not None:
            start = start.astimezone(VN_TZ).replace(tzinfo=None)
        start = start.replace(second=0, microsecond=0)
        return start if kd.counting == "clock" else start.date()
    if isinstance(start, date):
        if kd.counting == "clock":
            raise DeadlineInputError(
                f"“{kd.label}” tính theo giờ. Anh/chị cho biết cả giờ bắt đầu, ví dụ 2026-05-03 14:00."
            )
        return start
    raise DeadlineInputError("Ngày bắt đầu không hợp lệ. Anh/chị nhập theo dạng YYYY-MM-DD hoặc YYYY-MM-DD HH:MM.")


def _check_count(name: str, value: int | None, upper: int) -> int:
    if value is None:
        return 0
    if isinstance(value, bool) or not isinstance(value, int):
        raise DeadlineInputError(f"{name} phải là số nguyên (anh/chị nhập “{value}”).")
    if value < 0:
        raise DeadlineInputError(f"{name} không được âm (anh/chị nhập {value}).")
    if value > upper:
        raise DeadlineInputError(f"{name} = {value} là bất thường (tối đa {upper}). Anh/chị kiểm tra lại.")
    return value


def _order_days(kd: KindDef, months: int | None, days: int | None) -> int | None:
    if not kd.length_from_input:
        if months is not None or days is not None:
            raise DeadlineInputError(
                f"“{kd.label}” dùng thời hạn luật định; số tháng/số ngày chỉ nhập cho tạm giam theo lệnh (tam_giam)."
            )
        return None
    if months is None and days is None:
        raise DeadlineInputError(
            "Anh/chị cho biết thời hạn tạm giam ghi trong lệnh (số tháng và/hoặc số ngày), ví dụ --months 2."
        )
    m = _check_count("Số tháng tạm giam", months, MAX_TAM_GIAM_MONTHS)
    d = _check_count("Số ngày tạm giam", days, MAX_TAM_GIAM_DAYS)
    total = 30 * m + d
    if total == 0:
        raise DeadlineInputError("Thời hạn tạm giam phải lớn hơn 0 ngày.")
    if total > MAX_TAM_GIAM_DAYS:
        raise DeadlineInputError(
            f"Thời hạn tạm giam {total} ngày là bất thường (tối đa {MAX_TAM_GIAM_MONTHS} tháng). Anh/chị kiểm tra lại."
        )
    return total


# -- the calculator -----------------------------------------------------------------------------
def compute(
    kind: str,
    start: datetime | date,
    *,
    category: str | None = None,
    months: int | None = None,
    days: int | None = None,
    tam_giu_days: int | None = None,
    anqg: bool = False,
    calendar: WorkCalendar | None = None,
    extension_anchor: date | None = None,
    today: date | None = None,
    table: PeriodTable | None = None,
) -> DeadlineResult:
    """Compute a period and all its extensions; see the module docstring for the rules.

    ``start`` is local Vietnamese time (naive, or aware and converted to UTC+7); a date for
    day-based kinds, a datetime for kinds counted by the clock. ``today`` (optional) enables
    the "more than 50 years away" check. Raises :class:`DeadlineInputError`.
    """
    t = table or load_periods()
    kd = _kind_def(kind, t)
    begin = _normalise_start(start, kd)
    begin_day = begin.date() if isinstance(begin, datetime) else begin
    if today is not None and abs((begin_day - today).days) > MAX_YEARS_FROM_TODAY * 365.25:
        raise DeadlineInputError(
            f"Ngày bắt đầu {fmt_date(begin_day)} cách hôm nay hơn {MAX_YEARS_FROM_TODAY} năm. Anh/chị kiểm tra lại năm."
        )
    if not 1950 <= begin_day.year <= 2150:
        raise DeadlineInputError(f"Năm {begin_day.year} nằm ngoài phạm vi tính (1950–2150). Anh/chị kiểm tra lại.")
    if kd.needs_category:
        if not category:
            raise DeadlineInputError(
                f"Thời hạn “{kd.label}” phụ thuộc loại tội phạm. Anh/chị cho biết loại tội: {_category_list(t)}."
            )
        if category not in t.categories:
            raise DeadlineInputError(f"Loại tội “{category}” không hợp lệ. Chọn một trong: {_category_list(t)}.")
    else:
        category = None
    if anqg and not kd.anqg_extensions:
        anqg_kinds = ", ".join(k for k, v in t.kinds.items() if v.anqg_extensions)
        raise DeadlineInputError(f"Tùy chọn ANQG chỉ áp dụng cho: {anqg_kinds}.")
    order_days = _order_days(kd, months, days)
    if tam_giu_days is not None and not kd.deduct_tam_giu:
        allowed = ", ".join(k for k, v in t.kinds.items() if v.deduct_tam_giu)
        raise DeadlineInputError(f"Khấu trừ ngày tạm giữ chỉ áp dụng cho: {allowed}.")
    deduct = _check_count("Số ngày tạm giữ được trừ", tam_giu_days, MAX_TAM_GIU_DAYS)

    base_len = kd.base.length_for(category)
    if order_days is not None:
        base_len = Length(order_days, "d")
    assert base_len is not None  # guaranteed by the table validation and the category check
    parts: dict[str, int] = {}
    if months:
        parts["m"] = months
    if days:
        parts["d"] = days
    if not parts:
        parts = {base_len.unit: base_len.value}
    base_days = 30 * (months or 0) + (days or 0) if order_days is not None else None
    if kd.counting == "custody_days":
        base_days = (base_days if base_days is not None else base_len.custody_days()) - deduct
        if base_days <= 0:
            raise DeadlineInputError(
                f"Số ngày tạm giữ được trừ ({deduct}) phải nhỏ hơn thời hạn tạm giam ({base_days + deduct} ngày)."
            )

    cal = calendar or load_calendar()
    notes: list[str] = list(kd.notes)
    chain = [s for s in (*kd.extensions, *(kd.anqg_extensions if anqg else ())) if s.length_for(category)]
    if extension_anchor is not None:
        if kd.counting == "clock" or not any(s.anchor == "previous" for s in chain):
            raise DeadlineInputError(f"“{kd.label}” không có lần gia hạn tính theo mốc ngày để thay đổi.")
        if extension_anchor < begin_day:
            raise DeadlineInputError(
                f"Mốc gia hạn {fmt_date(extension_anchor)} sớm hơn ngày bắt đầu {fmt_date(begin_day)}."
            )

    def approver_text(step: StepDef, anchor_day: date) -> str | None:
        if not step.approver:
            return None
        if anchor_day >= t.approver_uncertain_from:
            return f"{t.approver_uncertain_text}; trước 01/07/2025: {step.approver}"
        return step.approver

    shifted_any = False
    # Calendar steps whose end is not a "natural" anchor for the next one: (index, raw end, why).
    flags: list[tuple[int, date, list[str]]] = []

    def calendar_step(
        index: int, label: str, length: Length, anchor_day: date, total: str, basis: str, approver: str | None
    ) -> tuple[StepResult, date]:
        nonlocal shifted_any
        raw_end = _calendar_end(anchor_day, length)
        last = cal.roll_forward(raw_end)
        reason = cal.day_off_reason(raw_end)
        why = [f"{reason}, chưa lùi ngày"] if last != raw_end else []
        if length.unit in "my" and raw_end.day != anchor_day.day:
            why.append(f"tháng không có ngày {anchor_day.day} nên lấy ngày cuối tháng")
        flags.append((index, raw_end, why))
        shifted_any |= last != raw_end
        shifted_from = raw_end if last != raw_end else None
        return StepResult(
            label,
            length.text(),
            last,
            "24:00",
            shifted_from,
            reason if shifted_from else None,
            total,
            basis,
            approver,
            anchor_day,
        ), raw_end

    # Base period.
    if kd.counting == "clock":
        assert isinstance(begin, datetime)
        moment = begin + timedelta(hours=base_len.hours())
        last, end_time = _split_moment(moment)
        base = StepResult(
            kd.base.label,
            base_len.text(),
            last,
            end_time,
            None,
            None,
            _total_text(parts, kd.counting, 0),
            kd.basis,
            None,
            begin,
            moment,
        )
        prev: date | datetime = moment
    elif kd.counting == "custody_days":
        assert base_days is not None
        last = begin_day + timedelta(days=base_days - 1)
        length_text = f"{base_days} ngày" if deduct or order_days else base_len.text()
        base = StepResult(
            kd.base.label,
            length_text,
            last,
            "24:00",
            None,
            None,
            _total_text(parts, kd.counting, deduct),
            kd.basis,
            None,
            begin_day,
        )
        prev = last
    else:
        base, prev = calendar_step(
            0, kd.base.label, base_len, begin_day, _total_text(parts, kd.counting, 0), kd.basis, None
        )

    # Extensions, in order.
    steps: list[StepResult] = []
    override = extension_anchor
    for index, step in enumerate(chain, start=1):
        length = step.length_for(category)
        assert length is not None
        if step.anchor == "start":
            anchor: date | datetime = begin
            parts = {length.unit: length.value}
        else:
            anchor = prev
            if override is not None:
                anchor, override = override, None
                flags.clear()  # the user's anchor replaces everything before it
            parts[length.unit] = parts.get(length.unit, 0) + length.value
        total = _total_text(parts, kd.counting, deduct)
        anchor_day = anchor.date() if isinstance(anchor, datetime) else anchor
        approver = approver_text(step, anchor_day)
        basis = step.basis or kd.basis
        if kd.counting == "clock":
            assert isinstance(anchor, datetime)
            moment = anchor + timedelta(hours=length.hours())
            last, end_time = _split_moment(moment)
            steps.append(
                StepResult(
                    step.label, length.text(), last, end_time, None, None, total, basis, approver, anchor, moment
                )
            )
            prev = moment
        elif kd.counting == "custody_days":
            last = anchor_day + timedelta(days=length.custody_days())
            steps.append(
                StepResult(step.label, length.text(), last, "24:00", None, None, total, basis, approver, anchor_day)
            )
            prev = last
        else:
            result_step, prev = calendar_step(index, step.label, length, anchor_day, total, basis, approver)
            steps.append(result_step)

    chained = [i for i, s in enumerate(chain, start=1) if s.anchor == "previous"]
    odd = [(d, why) for i, d, why in flags if why and any(c == i + 1 for c in chained)]
    if odd:
        detail = "; ".join(f"{fmt_date(d)}: {', '.join(why)}" for d, why in odd)
        notes.append(
            f"Lần gia hạn được tính nối tiếp từ ngày cuối của lần trước theo cách tính gốc, không theo ngày đã lùi ({detail}). "
            "Đây là cách tính thận trọng nhất, chưa có hướng dẫn chính thức; anh/chị có thể nhập mốc gia hạn khác."
        )
    if anqg:
        notes.extend(kd.anqg_notes.get(category or "", ()))
    if deduct:
        notes.append(
            f"Đã trừ {deduct} ngày tạm giữ (1 ngày tạm giữ = 1 ngày tạm giam). Nếu tạm giữ bị rút ngắn, "
            "số ngày được trừ chưa có hướng dẫn thống nhất: anh/chị kiểm tra lại."
        )
    if extension_anchor is not None:
        notes.append(f"Lần gia hạn tính từ mốc {fmt_date(extension_anchor)} do anh/chị nhập.")
    if shifted_any and kd.authority_limit:
        notes.append(
            "Lùi sang ngày làm việc theo Điều 134 khoản 1; với thời hạn của cơ quan tiến hành tố tụng, "
            "cách áp dụng này theo nguồn thứ cấp."
        )
    if begin_day < BLTTHS_2015_FROM:
        notes.append("BLTTHS 2015 áp dụng từ 01/01/2018; với sự việc trước đó anh/chị đối chiếu BLTTHS 2003.")
    if kd.counting == "custody_days" and steps:
        notes.append("Tổng thời hạn là mức tối đa khi được gia hạn đủ các lần.")

    return DeadlineResult(
        kind=kd.kind,
        label=kd.label,
        basis=kd.basis,
        status=kd.status,
        counting=kd.counting,
        custody=kd.custody,
        trigger=kd.trigger,
        start=begin,
        base=base,
        steps=tuple(steps),
        notes=tuple(notes),
        category=category,
        category_label=t.categories.get(category) if category else None,
        anqg=anqg,
        tam_giu_days=deduct,
        base_days=base_days if kd.counting == "custody_days" else None,
    )
