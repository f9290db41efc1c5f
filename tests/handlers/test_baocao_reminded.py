"""/baocao lists the period a head was just reminded of (review8 B20): a reminder sent ahead of its
schedule by /thu_nhac says "send this report"; /baocao then shows that period with its «Đã gửi»
button, not «Chưa có kỳ báo cáo nào đang được nhắc»."""

from __future__ import annotations

from datetime import UTC, datetime

from storage.users import Role
from tests.conftest import World
from tests.fakes import buttons, joined

NOW = datetime(2026, 12, 7, 1, 0, tzinfo=UTC)  # 08:00 Monday 07/12/2026 in Hà Nội


async def test_a_period_reminded_by_thu_nhac_is_on_baocao(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    unit = await world.app.repos.units.add("C", "VKSND khu vực C", "khu_vuc", "P", now=NOW)  # tracked from today
    head = world.chat(await world.app.repos.users.create("test", "head-c", "Lãnh đạo C", unit.id, Role.HEAD))
    before = joined(await head.send("/baocao"))
    assert "Chưa có kỳ báo cáo nào đang được nhắc" in before, before
    sent = joined(await world.chat(world.province_admin).send("/thu_nhac"))
    assert "kỳ tháng 12/2026" in sent, sent
    after = await head.send("/baocao")
    text = joined(after)
    assert "⏳ Báo cáo công tác tháng, kỳ tháng 12/2026: chưa gửi — hạn" in text, text
    assert "Chưa có kỳ báo cáo nào" not in text
    assert "Đã gửi: Báo cáo công tác tháng, tháng 12/2026" in [label for label, _ in buttons(after)]
