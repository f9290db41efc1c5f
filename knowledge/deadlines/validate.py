"""Checking what a caller asks the deadline calculator for: the kind, the start, the counts.

Every refusal is a :class:`DeadlineInputError` whose ``message_vi`` tells the user what is
wrong and what to type instead. Pure.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from knowledge.deadlines.periods import KindDef, PeriodTable

VN_TZ = timezone(timedelta(hours=7))  # Asia/Ho_Chi_Minh, no DST since 1975
# One order: the longest single period in BLTTHS is 4 months (Đ173); 12 leaves room for a user
# entering a combined span, anything longer is a typo (the example: 40 months).
MAX_TAM_GIAM_MONTHS = 12
MAX_TAM_GIAM_DAYS = 30 * MAX_TAM_GIAM_MONTHS
MAX_TAM_GIU_DAYS = 9
MAX_YEARS_FROM_TODAY = 50


class DeadlineInputError(ValueError):
    """Bad input; ``message_vi`` says what is wrong and what is expected."""

    def __init__(self, message_vi: str) -> None:
        super().__init__(message_vi)
        self.message_vi = message_vi


def fmt_date(d: date) -> str:
    return d.strftime("%d/%m/%Y")


def kind_def(kind: str, table: PeriodTable) -> KindDef:
    if kind in table.kinds:
        return table.kinds[kind]
    if kind in table.not_computed:
        raise DeadlineInputError(
            f"Trợ lý không tính thời hạn này: {table.not_computed[kind]} Anh/chị vui lòng đối chiếu văn bản gốc."
        )
    raise DeadlineInputError(f"Không có loại thời hạn “{kind}”. Các loại hợp lệ: {', '.join(table.kinds)}.")


def category_list(table: PeriodTable) -> str:
    return ", ".join(f"{k} ({v})" for k, v in table.categories.items())


def normalise_start(start: date | datetime, kd: KindDef) -> date | datetime:
    if isinstance(start, datetime):
        if start.tzinfo is not None:
            start = start.astimezone(VN_TZ).replace(tzinfo=None)
        start = start.replace(second=0, microsecond=0)
        return start if kd.counting == "clock" else start.date()
    if isinstance(start, date):
        if kd.counting == "clock":
            raise DeadlineInputError(
                f"“{kd.label}” tính theo giờ. Anh/chị cho biết cả giờ bắt đầu, ví dụ «14h 03/05/2026» hoặc «21h tối qua»."
            )
        return start
    raise DeadlineInputError("Ngày bắt đầu không hợp lệ. Anh/chị nhập theo dạng YYYY-MM-DD hoặc YYYY-MM-DD HH:MM.")


def check_start_day(begin_day: date, today: date | None) -> None:
    if today is not None and abs((begin_day - today).days) > MAX_YEARS_FROM_TODAY * 365.25:
        raise DeadlineInputError(
            f"Ngày bắt đầu {fmt_date(begin_day)} cách hôm nay hơn {MAX_YEARS_FROM_TODAY} năm. Anh/chị kiểm tra lại năm."
        )
    if not 1950 <= begin_day.year <= 2150:
        raise DeadlineInputError(f"Năm {begin_day.year} nằm ngoài phạm vi tính (1950–2150). Anh/chị kiểm tra lại.")


def check_category(kd: KindDef, category: str | None, table: PeriodTable) -> str | None:
    """The category the kind needs (checked), or ``None`` when the kind does not depend on it."""
    if not kd.needs_category:
        return None
    if not category:
        raise DeadlineInputError(
            f"Thời hạn “{kd.label}” phụ thuộc loại tội phạm. Anh/chị cho biết loại tội: {category_list(table)}."
        )
    if category not in table.categories:
        raise DeadlineInputError(f"Loại tội “{category}” không hợp lệ. Chọn một trong: {category_list(table)}.")
    return category


def check_options(kd: KindDef, anqg: bool, tam_giu_days: int | None, table: PeriodTable) -> int:
    """Refuse options the kind does not take; the number of tạm giữ days to deduct."""
    if anqg and not kd.anqg_extensions:
        anqg_kinds = "; ".join(v.label for v in table.kinds.values() if v.anqg_extensions)  # names, not ids
        raise DeadlineInputError(f"Tùy chọn ANQG chỉ áp dụng cho: {anqg_kinds}.")
    if tam_giu_days is not None and not kd.deduct_tam_giu:
        allowed = "; ".join(v.label for v in table.kinds.values() if v.deduct_tam_giu)
        raise DeadlineInputError(f"Khấu trừ ngày tạm giữ chỉ áp dụng cho: {allowed}.")
    return check_count("Số ngày tạm giữ được trừ", tam_giu_days, MAX_TAM_GIU_DAYS)


def check_count(name: str, value: int | None, upper: int) -> int:
    if value is None:
        return 0
    if isinstance(value, bool) or not isinstance(value, int):
        raise DeadlineInputError(f"{name} phải là số nguyên (anh/chị nhập “{value}”).")
    if value < 0:
        raise DeadlineInputError(f"{name} không được âm (anh/chị nhập {value}).")
    if value > upper:
        raise DeadlineInputError(f"{name} = {value} là bất thường (tối đa {upper}). Anh/chị kiểm tra lại.")
    return value


def order_days(kd: KindDef, months: int | None, days: int | None) -> int | None:
    """Days of a detention order typed by the user (``None`` for kinds with a legal length)."""
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
    m = check_count("Số tháng tạm giam", months, MAX_TAM_GIAM_MONTHS)
    d = check_count("Số ngày tạm giam", days, MAX_TAM_GIAM_DAYS)
    total = 30 * m + d
    if total == 0:
        raise DeadlineInputError("Thời hạn tạm giam phải lớn hơn 0 ngày.")
    if total > MAX_TAM_GIAM_DAYS:
        raise DeadlineInputError(
            f"Thời hạn tạm giam {total} ngày là bất thường (tối đa {MAX_TAM_GIAM_MONTHS} tháng). Anh/chị kiểm tra lại."
        )
    return total
