"""A crime report's suspension annulled by the VKS, said in either order: the further handling is
1 month from the CQĐT's receipt of the annulment (Điều 148 khoản 2), not the report's 20 days (review8 A2)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.conftest import World
from tests.fakes import joined

NOW = datetime(2026, 12, 7, 3, 0, tzinfo=UTC)  # Monday 07/12/2026 in Hà Nội
HEAD = "GIẢI QUYẾT TIẾP NGUỒN TIN SAU KHI VKS HỦY QUYẾT ĐỊNH TẠM ĐÌNH CHỈ"


@pytest.mark.parametrize(
    "question",
    [
        "tam dinh chi giai quyet nguon tin, vks huy quyet dinh ngay 01/12/2026 thi con bao lau",
        "vks huy quyet dinh tam dinh chi giai quyet nguon tin ngay 01/12/2026",
        "tin báo bị tạm đình chỉ giải quyết, ngày 01/12/2026 VKS hủy bỏ quyết định đó, hạn giải quyết tiếp đến ngày nào",
        "nhận tin báo 01/11/2026, tạm đình chỉ giải quyết, VKS hủy QĐ ngày 01/12/2026 thì hạn đến ngày nào",
    ],
)
async def test_annulment_said_after_the_suspension_is_one_month(world: World, question: str) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    card = joined(await world.chat(world.staff_a).send(question))
    assert HEAD in card and "Điều 148 khoản 2" in card, card
    assert "hết 24:00 Thứ Hai 04/01/2027" in card and "Tết Dương lịch" in card, card  # 01/01/2027 off
    assert "21/12/2026" not in card and "01/12/2026 là" not in card, card
