"""A dated question about one act of the appeal or the crime-report procedure gets that act's own limit, not the
neighbouring period's card: the court's notice of an appeal (Đ338 k1: 7 days from the appeal period's end), the
VKS sending its protest (Đ338 k2: 2 days from the protest), the VKS studying the appeal file (Đ341 k1: 15 days from
its receipt), the crime report's suspension sent to the VKS (Đ148 k2: 24 hours, "gq" for giải quyết). Each was
computed as the appeal's 15 days, the protest's 7/15 days, the appeal trial's preparation or the report's 20 days."""

from __future__ import annotations

import pytest

from tests.conftest import World


@pytest.mark.parametrize(
    ("question", "day", "wrong"),
    [
        # Đ338 k1: the appeal period ended 10/03/2026; + 7 days = 17/03/2026 (a Tuesday)
        (
            "het han khang cao ngay 10/3/2026 thi toa phai thong bao viec khang cao cho vks truoc ngay nao",
            "17/03/2026",
            "KHÁNG CÁO BẢN ÁN",
        ),
        (
            "toa so tham thong bao khang cao trong may ngay, neu het han kc 10/3/2026 thi han cuoi",
            "17/03/2026",
            "KHÁNG CÁO BẢN ÁN",
        ),
        # Đ338 k2: the protest issued 10/03/2026; + 2 days = 12/03/2026
        (
            "vks ra qd khang nghi phuc tham ngay 10/3/2026 thi phai gui qd khang nghi cho toa truoc ngay nao",
            "12/03/2026",
            "KHÁNG NGHỊ PHÚC THẨM QUYẾT ĐỊNH",
        ),
        (
            "Viện ra quyết định kháng nghị hôm 10/3/2026, gửi quyết định kháng nghị cho bị cáo hạn chót ngày nào",
            "12/03/2026",
            "Thời hạn kháng nghị",
        ),
        # Đ341 k1: the file received 10/03/2026; + 15 days = 25/03/2026
        (
            "vks tinh nhan ho so phuc tham ngay 10/3/2026 thi nghien cuu ho so den ngay nao phai tra",
            "25/03/2026",
            "CHUẨN BỊ XÉT XỬ PHÚC THẨM",
        ),
        (
            "nhan hs phuc tham tu toa 10/3/2026, vks nghien cuu trong bao lau, han tra ho so",
            "25/03/2026",
            "CHUẨN BỊ XÉT XỬ PHÚC THẨM",
        ),
        # Đ148 k2: decided at 09:00 10/03/2026; + 24 hours = 09:00 11/03/2026
        (
            "cqdt ra qd tam dinh chi gq tin bao luc 9h ngay 10/3/2026 thi han gui vks la khi nao",
            "09:00 Thứ Tư 11/03/2026",
            "GIẢI QUYẾT NGUỒN TIN VỀ TỘI PHẠM",
        ),
    ],
)
async def test_the_act_gets_its_own_limit(world: World, question: str, day: str, wrong: str) -> None:
    text = await (await world.staff_chat("l13-act")).text(question)
    assert day in text and wrong not in text, text


@pytest.mark.parametrize(
    ("question", "rule"),
    [
        # dated by the judgment, not by the period's end or the protest: the rule, no date counted from it
        ("tuyen an ngay 10/3/2026 thi toa phai thong bao viec khang cao cho vks trong may ngay", "7 ngày"),
        ("tuyên án 10/3/2026, vks kháng nghị thì gửi qđ kháng nghị cho tòa trước ngày nào", "Điều 338"),
    ],
)
async def test_a_date_of_another_event_is_not_counted_from(world: World, question: str, rule: str) -> None:
    text = await (await world.staff_chat("l13-act2")).text(question)
    assert rule in text, text
    assert "17/03/2026" not in text and "12/03/2026" not in text and "25/03/2026" not in text, text


@pytest.mark.parametrize(
    "question",
    [
        "CQĐT ra qđ tạm đình chỉ giải quyết nguồn tin ngày 10/3/2026, gửi quyết định cho viện kiểm sát hạn chót khi nào",
        "gui quyet dinh tam dinh chi giai quyet nguon tin cho vien kiem sat tu 10/3/2026 het ngay nao",
    ],
)
async def test_sending_a_suspension_is_not_the_reports_twenty_days(world: World, question: str) -> None:
    text = await (await world.staff_chat("l13-act3")).text(question)
    # Đ148 k2: 24 hours from the decision; the report's own 20 days from its receipt are another limit
    assert "24 giờ" in text and "30/03/2026" not in text and "GIẢI QUYẾT NGUỒN TIN VỀ TỘI PHẠM" not in text, text


@pytest.mark.parametrize(
    "question",
    [
        "vks toi cao nhan ho so phuc tham 10/3/2026 thi nghien cuu ho so den ngay nao",
        "vksndtc nhận hồ sơ phúc thẩm ngày 10/3/2026, nghiên cứu hồ sơ trong bao lâu, hạn trả",
        "vks khu vuc nhan ho so phuc tham ngay 10/3/2026 thi nghien cuu ho so den ngay nao",
    ],
)
async def test_the_provincial_fifteen_days_are_not_another_levels(world: World, question: str) -> None:
    # Đ341 k1: 15 days for the VKSND cấp tỉnh (20 for the cấp cao in the 2015 text; after 2025 not verified)
    text = await (await world.staff_chat("l13-act4")).text(question)
    assert "25/03/2026" not in text and "VKS CẤP TỈNH NGHIÊN CỨU" not in text, text
