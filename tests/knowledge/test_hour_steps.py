"""Steps counted in hours from a stated moment (BLTTHS 2015 Đ117 k4, Đ118 k2, Đ154 k2, Đ179 k3) are read
as their own kinds, never as the tạm giữ's 3 days they share words with; the custody's own end stays the
custody's. Fake "now": Monday 02/03/2026 08:00 (Hà Nội)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from knowledge.deadlines.calculator import compute
from knowledge.deadlines.dateparse import detect_deadline_query, fold_text
from knowledge.deadlines.day_off_aside import without_day_off_asides
from knowledge.deadlines.hour_steps import hour_step_kind
from knowledge.deadlines.kind_words import spell_out
from knowledge.deadlines.new_order import new_order

NOW = datetime(2026, 3, 2, 8, 0)


@pytest.mark.parametrize(
    ("text", "kind", "end"),
    [
        # Đ117 k4: the tạm giữ decision to the VKS within 12 hours of issuing it.
        ("7h sáng nay cqđt ra qđ tạm giữ, hạn chót gửi qđ cho vks là mấy giờ", "gui_quyet_dinh_tam_giu", (2, 19)),
        ("ra qd tam giu luc 22h hom qua, han gui qd cho vien kiem sat la may gio", "gui_quyet_dinh_tam_giu", (2, 10)),
        ("cqđt ra qđ tgiu 7h30 sáng nay thì chậm nhất mấy giờ phải chuyển qđ sang vks", "gui_quyet_dinh_tam_giu", None),
        # Đ118 k2: the VKS approves an extension within 12 hours of receiving its file.
        (
            "vks nhận hồ sơ đề nghị gia hạn tạm giữ lúc 21h tối nay thì phải ra qđ phê chuẩn hay ko trước lúc nào",
            "vks_phe_chuan_gia_han_tam_giu",
            (3, 9),
        ),
        (
            "vks nhan ho so de nghi gia han tam giu luc 21h toi nay thi phai phe chuan truoc luc nao",
            "vks_phe_chuan_gia_han_tam_giu",
            (3, 9),
        ),
        (
            "vks nhận hs gh tgiu lúc 23h ngày 05/03/2026, hạn phê chuẩn đến mấy giờ",
            "vks_phe_chuan_gia_han_tam_giu",
            (6, 11),
        ),
        # Đ154 k2, Đ179 k3: a khởi tố decision within 24 hours.
        ("ra qđ khởi tố vụ án lúc 16h hôm nay thì gửi vks chậm nhất lúc nào", "gui_quyet_dinh_khoi_to_vu_an", (3, 16)),
        ("cqdt khoi to bi can 8h sang nay, phai gui qd cho vks truoc may gio", "gui_quyet_dinh_khoi_to_bi_can", (3, 8)),
    ],
)
def test_an_hour_step_is_its_own_kind_and_ends_at_the_stated_moment_plus_its_hours(
    text: str, kind: str, end: tuple[int, int] | None
) -> None:
    query = detect_deadline_query(text, NOW)
    assert query is not None and query.kind == kind
    assert isinstance(query.start, datetime)  # counted from the moment said, never from a day
    result = compute(query.kind, query.start, today=NOW.date())
    assert not result.steps  # one step: no extension of its own
    if end is not None:
        day, hour = end
        assert (result.base.last_day, result.base.end_time) == (date(2026, 3, day), f"{hour:02d}:00")


@pytest.mark.parametrize(
    "text",
    [
        "tạm giữ từ 9h sáng nay thì hết lúc nào",
        "tạm giữ từ 9h sáng nay gửi VKS rồi, hết hạn tạm giữ lúc nào",  # already sent: the custody's end
        "tạm giữ từ 9h sáng nay, gia hạn tạm giữ được vks phê chuẩn thì hết lúc nào",  # the custody, extended
        "tam giu tu 9h sang nay, da gui qd cho vks, khi nao phai tha",
        "bắt quả tang lúc 22h hôm qua, trước đó đã ra quyết định tạm giữ, tạm giữ hết lúc nào",  # decided: its end
    ],
)
def test_the_custodys_own_end_is_still_the_custody(text: str) -> None:
    assert hour_step_kind(spell_out(fold_text(text))) is None
    query = detect_deadline_query(text, NOW)
    assert query is not None and query.kind == "tam_giu"


def test_sending_to_an_investigator_is_not_sending_to_the_procuracy() -> None:
    assert hour_step_kind(spell_out(fold_text("ra qđ tạm giữ lúc 9h, chuyển cho điều tra viên trước mấy giờ"))) is None
    assert hour_step_kind(spell_out(fold_text("ra qđ tạm giữ lúc 9h thì gửi viện trước mấy giờ"))) == (
        "gui_quyet_dinh_tam_giu"
    )


def test_an_approval_of_a_detention_or_a_charge_is_not_an_hour_step() -> None:
    # Đ119 k5, Đ179 k3: 3 days, counted by the day.
    charge = "cqđt gửi qđ khởi tố bị can cho vks lúc 9h ngày 03/03/2026 thì vks phải phê chuẩn trước ngày nào"
    assert hour_step_kind(spell_out(fold_text(charge))) is None
    query = detect_deadline_query(charge, NOW)
    assert query is not None and query.kind == "phe_chuan_khoi_to_bi_can"


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("tạm giam 2 tháng từ 01/03/2026 hết ngày nào, 30/4 nghỉ lễ có lùi ko", "01/03/2026"),
        ("tam giam 2 thang tu 01/03/2026, neu 30/04/2026 la ngay le thi co lui khong", "01/03/2026"),
        ("tạm giữ từ 16h hôm nay 3 ngày rồi tạm giam 2 tháng, lệnh hết ngày nào, 1/5 là ngày nghỉ thì sao", "hom nay"),
    ],
)
def test_a_date_asked_as_a_day_off_is_blanked_when_another_date_is_the_start(text: str, kept: str) -> None:
    folded = without_day_off_asides(fold_text(text))
    assert kept in folded and "30/4" not in folded and "30/04" not in folded and "1/5" not in folded
    assert len(folded) == len(fold_text(text))  # the other dates keep their places


@pytest.mark.parametrize(
    "text",
    [
        "tạm giam từ 30/4 nghỉ lễ 2 tháng thì hết ngày nào",  # the only date: the start
        "tuyên án 07/03/2026 thứ 7, người vắng mặt nhận bản án 10/03/2026 thì kháng cáo hết ngày nào",  # a day's name
        "tuyên án 20/04/2026, 30/4 nghỉ lễ, kháng cáo hết ngày nào",  # said, not asked about
    ],
)
def test_a_date_not_asked_as_a_day_off_stays(text: str) -> None:
    assert without_day_off_asides(fold_text(text)) == fold_text(text)


@pytest.mark.parametrize(
    ("text", "start", "months", "days"),
    [
        (
            "lệnh tạm giam cũ hết ngày 10/03/2026, giờ ra lệnh tạm giam mới 1 tháng thì đến hết ngày nào",
            (3, 11),
            1,
            None,
        ),
        ("lenh tam giam cu het ngay 31/03/2026, ra lenh tam giam moi 2 thang thi het ngay nao", (4, 1), 2, None),
        ("lệnh tgiam trước hết hạn ngày 31/03/2026, lệnh tiếp theo 45 ngày thì hết ngày nào", (4, 1), None, 45),
    ],
)
def test_a_new_order_starts_the_day_after_the_old_ones_last_day(
    text: str, start: tuple[int, int], months: int | None, days: int | None
) -> None:
    order = new_order(fold_text(text))
    assert order is not None and order.start == date(2026, *start) and (order.months, order.days) == (months, days)


@pytest.mark.parametrize(
    "text",
    [
        "lệnh tạm giam hết ngày 10/03/2026, gia hạn thêm 1 tháng tội ít nghiêm trọng thì đến ngày nào",  # an extension
        "lệnh tạm giam cũ hết ngày 10/03/2026, lệnh mới thì hết ngày nào",  # no length: not guessed
        "tạm giam 2 tháng từ 10/03/2026, lệnh mới 1 tháng thì sao",  # the date is a start, not an end
    ],
)
def test_what_is_not_a_new_order(text: str) -> None:
    assert new_order(fold_text(text)) is None
