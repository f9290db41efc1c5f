"""Classes found by round 15's second pair of blind tuning sets (tune14c: a regional deputy head on crime reports;
tune14d: a provincial prosecutor of trials and appeals), scored blind, then read:

- "vks cc", "vks ct" are the same-level and the superior procuracy; "ba st", "kn ba" a bản án (the protest of a
  decision's 7 days was answered to "vks ct kn ba st mấy ngày": a confident wrong answer);
- a weekday with its week said first ("thứ 6 tuần trước tòa tuyên án, …") dates the event for the calculator;
- a prosecutor's grade ("ksv trung cấp lên cao cấp") is personnel work, refused (was a Chỉ thị entry)."""

from __future__ import annotations

import pytest

from tests.conftest import World


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("vks ct kn ba st mấy ngày", "30 ngày, kể từ ngày tuyên án, đối với Viện kiểm sát cấp trên"),
        ("vks cc kn ba st may ngay", "15 ngày, kể từ ngày tuyên án, đối với Viện kiểm sát cùng cấp"),
    ],
)
async def test_vks_cc_ct_and_ba_are_read(world: World, question: str, lead: str) -> None:
    text = await (await world.staff_chat("r15-cc-ct")).text(question)
    assert text.startswith(lead) and "Điều 337 khoản 1" in text, text


async def test_ct_alone_is_still_a_chi_thi(world: World) -> None:
    text = await (await world.staff_chat("r15-ct")).text("ct 01 nam 2022 la gi")
    assert "Chỉ thị" in text and "cấp trên" not in text.split("\n")[0], text


@pytest.mark.parametrize(
    ("question", "title"),
    [
        (
            "thu 6 tuan truoc tand kv tuyen an, vks cc kn phuc tham den het ngay nao",
            "KHÁNG NGHỊ PHÚC THẨM BẢN ÁN – VKS CÙNG CẤP",
        ),
        ("thu 6 tuan truoc tuyen an thi han khang cao het ngay nao", "KHÁNG CÁO BẢN ÁN SƠ THẨM"),
    ],
)
async def test_a_weekday_said_first_with_its_week_dates_the_event(world: World, question: str, title: str) -> None:
    text = await (await world.staff_chat("r15-weekday")).text(question)
    assert text.startswith(title) and "Bắt đầu: Thứ Sáu 27/02/2026" in text and "16/03/2026" in text, text


async def test_a_weekday_asked_of_is_still_no_date(world: World) -> None:
    text = await (await world.staff_chat("r15-weekday-rule")).text(
        "thứ 7 tuần trước có tính vào thời hạn tạm giam không"
    )
    assert "Bắt đầu:" not in text, text


async def test_a_prosecutors_grade_is_refused(world: World) -> None:
    text = await (await world.staff_chat("r15-grade")).text("ksv trung cap len ksv cao cap can may nam cong tac")
    assert text.startswith("Xin lỗi") and "Căn cứ:" not in text, text


async def test_the_decisions_due_within_the_reports_twenty_days_are_the_reports(world: World) -> None:
    text = await (await world.staff_chat("r15-report-decisions")).text(
        "trong han 20 ngay cqdt phai ra mot trong may loai qd, la qd gi"
    )
    assert "không khởi tố vụ án" in text and "Điều 147" in text and "Điều 240" not in text, text
