"""Round 14 (source13): dated questions on a crime report's decisions and the summary investigation, computed
through the real dispatcher (they were answered with the rule and "gõ /tinhhan"). Fake clock: Monday 02/03/2026
08:00 (Hà Nội).

* the resumption of a crime report's handling goes to the VKS within 3 days of being issued (BLTTHS Đ149 k2),
  counted in days from the day after (FACTS §1): 10/03 → 24:00 Friday 13/03/2026; never the 1 month to finish;
* the VKS's annulment of a suspension goes to the CQĐT within 24 hours of being issued (Đ148 k2), counted by the
  clock: 14:00 05/03 → 14:00 06/03/2026; never the 1 month, which runs from the CQĐT's receipt;
* a suspension's day starts none of the report's periods (no 20 days counted from it);
* the summary investigation lasts 20 days from the decision to prosecute the case (Đ460 k1), "dt phải xong" is
  the investigation: 26/02 → 24:00 18/03/2026.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.conftest import World

NOW = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)  # Monday 02/03/2026 08:00 in Hà Nội


async def card_for(world: World, question: str) -> str:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    return await (await world.staff_chat("source13-calc")).text(question)


@pytest.mark.parametrize(
    "question",
    [
        "ra qđ phuc hoi gq tin bao ngay 10/3 thi cham nhat ngay nao phai gui vks",
        "cqđt ra quyết định phục hồi giải quyết tố giác ngày 10/03/2026, hạn gửi quyết định cho viện là ngày nào",
        "phuc hoi giai quyet nguon tin 10/3, qd phuc hoi gui vks truoc ngay nao",
        "nguồn tin phục hồi hôm 10/3 thì gửi qđ cho vks chậm nhất khi nào",
    ],
)
async def test_a_resumption_is_sent_within_3_days(world: World, question: str) -> None:
    text = await card_for(world, question)
    assert "GỬI QUYẾT ĐỊNH PHỤC HỒI GIẢI QUYẾT NGUỒN TIN" in text and "Điều 149 khoản 2" in text, text
    assert "hết 24:00 Thứ Sáu 13/03/2026" in text, text
    assert "10/04/2026" not in text, text  # not the month to finish


@pytest.mark.parametrize(
    "question",
    [
        "vks ra qđ huy qđ tam dinh chi gq tin bao luc 14h ngay 5/3 thi han gui cho cqđt",
        "viện hủy bỏ quyết định tạm đình chỉ giải quyết tố giác lúc 14 giờ ngày 05/03/2026, phải gửi cqđt trước mấy giờ",
        "14h ngay 5/3 vks huy qd tam dinh chi nguon tin, han chot gui qd huy cho co quan dieu tra luc nao",
        "vks hủy qđ tđc giải quyết tố giác 14h chiều 5/3 thì mấy giờ phải giao qđ cho cqđt",
    ],
)
async def test_an_annulment_is_sent_within_24_hours(world: World, question: str) -> None:
    text = await card_for(world, question)
    assert "VKS GỬI QUYẾT ĐỊNH HỦY BỎ QUYẾT ĐỊNH TẠM ĐÌNH CHỈ" in text and "Điều 148 khoản 2" in text, text
    assert "hết 14:00 Thứ Sáu 06/03/2026" in text, text


@pytest.mark.parametrize(
    "question",
    [
        "tin báo tạm đình chỉ từ 5/3 thì khi nào hết hạn",
        "vks nhận qđ tạm đình chỉ giải quyết tin báo ngày 5/3, vks phải xem xét trong bao lâu",
        "nguon tin bi tam dinh chi ngay 05/03/2026 thi den ngay nao",
    ],
)
async def test_a_suspensions_day_starts_no_20_days(world: World, question: str) -> None:
    """A suspension lasts until its reason ends (Đ148, Đ149): its day is not the report's receipt (5/3 + 20 days)."""
    text = await card_for(world, question)
    assert "GIẢI QUYẾT NGUỒN TIN VỀ TỘI PHẠM" not in text and "25/03/2026" not in text, text


@pytest.mark.parametrize(
    "question",
    [
        "VKS hủy quyết định tạm đình chỉ giải quyết tin báo, CQĐT nhận ngày 05/03/2026, hạn giải quyết tiếp",
        "tin báo bị tạm đình chỉ, cqđt nhận qđ hủy của vks ngày 5/3 thì hạn giải quyết tiếp là ngày nào",
    ],
)
async def test_the_month_after_the_annulment_stays_its_own(world: World, question: str) -> None:
    text = await card_for(world, question)
    assert "GIẢI QUYẾT TIẾP NGUỒN TIN SAU KHI VKS HỦY" in text and "hết 24:00 Thứ Hai 06/04/2026" in text, text
    assert "VKS GỬI QUYẾT ĐỊNH HỦY BỎ" not in text, text


@pytest.mark.parametrize(
    "question",
    [
        "vu rut gon khoi to vu an ngay 26/2 thi dt phai xong truoc ngay nao",
        "vụ rút gọn khởi tố vụ án 26/02/2026, đt phải kết thúc ngày nào",
        "ap dung rut gon, kt vu an ngay 26/2, dtra can xong khi nao",
    ],
)
async def test_the_summary_investigation_is_20_days(world: World, question: str) -> None:
    text = await card_for(world, question)
    assert "ĐIỀU TRA THEO THỦ TỤC RÚT GỌN" in text and "hết 24:00 Thứ Tư 18/03/2026" in text, text
