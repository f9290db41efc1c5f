"""Custody and detention cards from /tinhhan say the dates are for a person aged 18 or over and that
the limits for one under 18 may differ (Luật Tư pháp người chưa thành niên 2024, not verified:
FACTS §14, U) — stating no number of their own; a card where no one is held carries no such line."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.conftest import World
from tests.fakes import buttons, joined

NOW = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)  # 08:00 Monday 02/03/2026 in Hà Nội
WARNING = "Nếu người bị giữ, tạm giữ, tạm giam dưới 18 tuổi: thời hạn có thể khác"


def _press(replies_buttons: list[tuple[str, str]], label_part: str) -> str:
    return next(data for label, data in replies_buttons if label_part in label)


async def test_tinhhan_custody_and_detention_cards_warn_about_minors(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    first = await chat.send("/tinhhan")
    await chat.press(_press(buttons(first), "Tạm giữ"))
    custody = joined(await chat.send("07:00 02/03/2026"))
    assert "07:00 ngày 05/03/2026" in custody and WARNING in custody
    assert "Luật Tư pháp người chưa thành niên 2024" in custody and "trợ lý chưa kiểm chứng" in custody
    first = await chat.send("/tinhhan")
    await chat.press(_press(buttons(first), "Tạm giam (theo"))
    await chat.send("2 tháng")
    await chat.send("02/03/2026")
    detention = joined(await chat.send("0"))
    assert "30/04/2026" in detention and WARNING in detention
    assert "hai phần ba" not in detention and "2/3" not in detention  # no number stated for minors


async def test_a_card_where_no_one_is_held_has_no_minors_line(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    text = await world.chat(world.staff_a).text("khang nghi phuc tham ban an tuyen ngay 1/3/2024")
    assert "18/03/2024" in text and "dưới 18 tuổi" not in text
