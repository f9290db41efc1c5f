"""Free text routed to the right limit (prosecutor's review A1, A3): the summary procedure has its
own custody and detention limits (Đ459 k2, k3) and prosecution period (Đ461 k1); detention ordered
at or after a judgment is 45 days from the pronouncement (Đ329 k3 first instance, Đ347 k3 appeal).
Before the fix these texts fell to the general limits (9 days of tạm giữ, months of tạm giam)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from knowledge.deadlines.calculator import compute
from knowledge.deadlines.dateparse import detect_deadline_query, fold_text
from knowledge.deadlines.detention_kinds import after_judgment, detention_kind, in_summary_procedure
from knowledge.deadlines.kind_words import detect_kind

NOW = datetime(2026, 3, 2, 8, 0)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("tạm giam điều tra theo thủ tục rút gọn từ 02/03/2026", "tam_giam_rut_gon_dieu_tra"),
        ("tạm giam truy tố rút gọn từ 02/03/2026", "tam_giam_rut_gon_truy_to"),
        ("tạm giam xét xử sơ thẩm rút gọn từ 02/03/2026", "tam_giam_rut_gon_so_tham"),
        ("tam giam phuc tham vu an rut gon tu 02/03/2026", "tam_giam_rut_gon_phuc_tham"),
        ("truy tố rút gọn, VKS nhận hồ sơ ngày 02/03/2026", "truy_to_rut_gon"),
        ("xét xử phúc thẩm rút gọn thụ lý 02/03/2026", "xet_xu_phuc_tham_rut_gon"),
        ("tạm giữ rút gọn từ 14h 02/03/2026", "tam_giu_rut_gon"),
        ("tgiu vu an rut gon tu 14h 02/03/2026", "tam_giu_rut_gon"),
        # detention straight after custody is detention to investigate (TTLT 04/2018 Đ17 k1)
        ("vụ rút gọn, tạm giữ từ 9h 02/03/2026 rồi tạm giam", "tam_giam_rut_gon_dieu_tra"),
        # unchanged: the summary procedure's investigation and first-instance trial, and no "rút gọn"
        ("điều tra rút gọn khởi tố 27/02/2026", "dieu_tra_rut_gon"),
        ("xét xử rút gọn thụ lý ngày 02/03/2026", "xet_xu_rut_gon"),
        ("tạm giữ từ 14h 02/03/2026", "tam_giu"),
        ("truy tố tội nghiêm trọng nhận hồ sơ 02/03/2026", "truy_to"),
    ],
)
def test_summary_procedure_texts_get_its_own_limits(text: str, kind: str) -> None:
    query = detect_deadline_query(text, NOW)
    assert query is not None and query.kind == kind, text


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("tạm giam sau phiên tòa sơ thẩm từ 02/03/2026", "tam_giam_sau_tuyen_an"),
        ("tạm giam sau khi xử sơ thẩm để thi hành án từ 02/03/2026", "tam_giam_sau_tuyen_an"),
        ("bắt tạm giam bị cáo tại phiên tòa sơ thẩm ngày 02/03/2026", "tam_giam_sau_tuyen_an"),
        ("tạm giam để bảo đảm thi hành án từ 02/03/2026", "tam_giam_sau_tuyen_an"),
        ("tam giam sau khi tuyen an ngay 02/03/2026", "tam_giam_sau_tuyen_an"),
        ("tạm giam sau phiên tòa phúc thẩm từ 02/03/2026", "tam_giam_sau_phuc_tham"),
        ("tạm giam sau khi tuyên án phúc thẩm ngày 02/03/2026", "tam_giam_sau_phuc_tham"),
        ("tạm giam sau khi xét xử phúc thẩm từ 02/03/2026", "tam_giam_sau_phuc_tham"),
        ("tạm giam sau khi kết thúc phiên tòa sơ thẩm từ 02/03/2026", "tam_giam_sau_tuyen_an"),
        ("HĐXX quyết định tạm giam bị cáo ngay tại phiên tòa từ 02/03/2026", "tam_giam_sau_tuyen_an"),
        # a summary case's judgment: Đ329 as well (Đ455 sends what Chương XXVI leaves to the general rules)
        ("tạm giam sau khi tuyên án vụ rút gọn ngày 02/03/2026", "tam_giam_sau_tuyen_an"),
        # the ordinary phrasings keep their stage kinds
        ("tạm giam chuẩn bị xét xử sơ thẩm từ 02/03/2026", "tam_giam_chuan_bi_xet_xu"),
        ("tạm giam phúc thẩm từ 02/03/2026", "tam_giam_phuc_tham"),
        ("tạm giam truy tố từ 02/03/2026", "tam_giam_truy_to"),
    ],
)
def test_detention_after_a_judgment_is_the_45_days(text: str, kind: str) -> None:
    query = detect_deadline_query(text, NOW)
    assert query is not None and query.kind == kind, text


@pytest.mark.parametrize(
    "text",
    [
        "tam giam rut gon tu 02/03/2026 het ngay nao",  # which stage: 20, 5, 17 or 22 days
        "tạm giam 20 ngày vụ rút gọn từ 02/03/2026",
        "tạm giam bị cáo bị tuyên tử hình sau khi tuyên án ngày 02/03/2026",  # Đ329 k4: no 45 days
    ],
)
def test_what_the_text_does_not_settle_is_not_computed(text: str) -> None:
    assert detect_deadline_query(text, NOW) is None


def test_no_judgment_when_the_hearing_is_postponed_or_detention_lasts_until_it_ends() -> None:
    assert after_judgment(fold_text("tạm giam đến khi kết thúc phiên tòa phúc thẩm")) is None
    assert after_judgment(fold_text("tạm giam sau phiên tòa bị hoãn")) is None
    assert after_judgment(fold_text("tạm giam sau khi xử lý tin báo")) is None
    assert after_judgment(fold_text("tạm giam tại cơ quan thi hành án hình sự")) is None
    assert after_judgment(fold_text("tạm giam bị cáo tại phiên tòa để tiếp tục xét xử")) is None
    assert detention_kind(fold_text("tạm giam sau khi tuyên án sơ thẩm, chờ xét xử phúc thẩm")) == (
        "tam_giam_sau_tuyen_an"
    )


def test_a_cancelled_summary_procedure_runs_the_general_limits() -> None:
    # Đ458: cancelled (also on suspension or return of the file): the general procedure's limits.
    assert not in_summary_procedure(fold_text("hủy bỏ quyết định áp dụng thủ tục rút gọn"))
    assert not in_summary_procedure(fold_text("vụ án rút gọn bị trả hồ sơ điều tra bổ sung"))
    assert detect_kind(fold_text("huy bo quyet dinh ap dung thu tuc rut gon, truy to")) == ("truy_to", ())
    # Đ455: appeal periods are the general ones (no own period in Đ463–465).
    assert detect_kind(fold_text("khang cao ban an xet xu rut gon")) == ("khang_cao_ban_an", ())


def test_the_summary_custody_is_three_days_without_extension() -> None:
    result = compute("tam_giu_rut_gon", datetime(2026, 3, 2, 14, 0))
    assert result.base.end_moment == datetime(2026, 3, 5, 14, 0)
    assert result.steps == () and result.open_steps == ()
    assert "Điều 459 khoản 2" in result.basis
    ordinary = compute("tam_giu", datetime(2026, 3, 2, 14, 0))  # Đ118 k2: two extensions of 3 days
    assert [s.end_moment for s in ordinary.steps] == [datetime(2026, 3, 8, 14, 0), datetime(2026, 3, 11, 14, 0)]


@pytest.mark.parametrize(
    ("text", "last_day"),
    [
        ("tạm giam điều tra rút gọn từ 02/03/2026", date(2026, 3, 21)),  # Đ459 k3: 20 days
        ("tạm giam truy tố rút gọn từ 02/03/2026", date(2026, 3, 6)),  # 5
        ("tạm giam sơ thẩm rút gọn từ 02/03/2026", date(2026, 3, 18)),  # 17
        ("tạm giam phúc thẩm rút gọn từ 02/03/2026", date(2026, 3, 23)),  # 22
        ("truy tố rút gọn nhận hồ sơ ngày 02/03/2026", date(2026, 3, 9)),  # Đ461 k1: 5 days, Sat 07/03 → Mon
        ("tạm giam sau phiên tòa sơ thẩm từ 02/03/2026", date(2026, 4, 15)),  # Đ329 k3: 45 days
        ("tạm giam sau phiên tòa phúc thẩm từ 02/03/2026", date(2026, 4, 15)),  # Đ347 k3: 45 days
    ],
)
def test_the_routed_texts_compute_the_law_s_numbers(text: str, last_day: date) -> None:
    query = detect_deadline_query(text, NOW)
    assert query is not None
    result = compute(query.kind, query.start, category=query.category)
    assert result.base.last_day == last_day and result.steps == (), text
