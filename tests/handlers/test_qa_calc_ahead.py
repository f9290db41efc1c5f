"""An order given ahead: a start said as "ngày mai", "sáng mai", "ngày kia" or "thứ 2 tuần sau", in free text
and in /tinhhan, is counted like any start (a start in the future is legal); "tuần sau" alone is asked.
Through the real dispatcher; the fake clock: Monday 02/03/2026 08:00 in Hà Nội."""

from __future__ import annotations

from tests.conftest import World


async def test_free_text_start_tomorrow_is_counted(world: World) -> None:
    chat = await world.staff_chat("ahead1")
    card = await chat.text("lệnh tạm giam 2 tháng, thi hành từ ngày mai thì hết ngày nào")
    # Tuesday 03/03/2026 is day 1; 60 days: 03/03 + 59 = 01/05/2026.
    assert "Bắt đầu: Thứ Ba 03/03/2026" in card and "Ngày cuối cùng: Thứ Sáu 01/05/2026" in card
    custody = await (await world.staff_chat("ahead2")).text("tam giu luc 7h sang mai thi het luc nao")
    assert "Bắt đầu: 07:00 Thứ Ba 03/03/2026" in custody and "07:00 ngày 06/03/2026" in custody
    later = await (await world.staff_chat("ahead3")).text("ngày kia bắt tạm giam 1 tháng thì đến hết ngày nào")
    assert "Bắt đầu: Thứ Tư 04/03/2026" in later and "Ngày cuối cùng: Thứ Năm 02/04/2026" in later


async def test_free_text_week_without_its_day_is_asked(world: World) -> None:
    chat = await world.staff_chat("ahead4")
    asked = await chat.text("tạm giam 3 tháng từ tuần sau thì hết hạn ngày nào")
    assert "chưa phải một ngày cụ thể" in asked and "Ngày cuối cùng" not in asked
    card = await chat.text("tạm giam 3 tháng từ thứ 2 tuần sau thì hết hạn ngày nào")
    # Monday 09/03/2026; 90 days: 09/03 + 89 = 06/06/2026.
    assert "Bắt đầu: Thứ Hai 09/03/2026" in card and "Ngày cuối cùng: Thứ Bảy 06/06/2026" in card


async def test_tinhhan_takes_days_ahead(world: World) -> None:
    chat = await world.staff_chat("ahead5")
    await chat.send("/tinhhan")
    await chat.tap("Tạm giam (theo thời hạn ghi trong lệnh)")
    await chat.text("2 tháng")
    asked = await chat.text("tuần sau")
    assert "chưa phải một ngày cụ thể" in asked
    await chat.text("thứ 2 tuần sau")
    card = await chat.text("0")
    assert "Bắt đầu: Thứ Hai 09/03/2026" in card and "Ngày cuối cùng: Thứ Năm 07/05/2026" in card
    other = await world.staff_chat("ahead6")
    await other.send("/tinhhan")
    await other.tap("Tạm giữ")
    card = await other.text("8h sáng mai")
    assert "Bắt đầu: 08:00 Thứ Ba 03/03/2026" in card
