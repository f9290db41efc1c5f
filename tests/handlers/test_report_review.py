"""Report views after the new-user review, through the real dispatcher: a period due before a
unit's "tracked from" day is never late, even when marked; /tinhhinh lists every unit in scope
and names those where nobody uses the assistant; /thu_nhac says who will not be reminded;
/baocao shows a period marked early with its undo button; a quarter typed for a monthly report
is a period, not a unit code.

The clock stands at 08:00 on Sunday 06/12/2026 (Hà Nội); units P, A, B exist since 2020.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.app import App
from tests.bot.delivery.test_report_schedule import at, process, run_until, seed
from tests.conftest import ESTABLISHED, World
from tests.fakes import FakeClock, buttons, joined
from tests.handlers.test_first_day import new_unit_with_head

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
CT = "cong_tac_thang"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 12, 6, 8, 0, tzinfo=TZ))


async def test_a_period_due_before_tracking_is_recorded_but_never_late(world: World, clock: FakeClock) -> None:
    admin, head, _ = await new_unit_with_head(world)  # KV9, created today
    marked = await head.text(f"/danop {CT} 11/2026")
    assert marked.startswith("Đã ghi nhận: Báo cáo công tác tháng kỳ tháng 11/2026 đã gửi (không tính trễ:")
    assert "trễ 2 ngày" not in marked
    # Also when the province marks an old period for it.
    old = await admin.text("/danop so_ket_6_thang 6 tháng đầu năm 2026 KV9")
    assert "không tính trễ" in old and "trễ 184 ngày" not in old
    [summary, _chart] = await admin.send(f"/tinhhinh {CT} 11/2026")
    kv9 = next(line for line in summary.text.splitlines() if "VKSND khu vực 9" in line)
    assert kv9.startswith("⚪ VKSND khu vực 9: không tính") and "🟡" not in kv9 and "trễ" not in kv9


async def test_tinhhinh_lists_every_unit_and_names_those_without_a_head(world: World, clock: FakeClock) -> None:
    await world.app.repos.units.add("C", "VKSND khu vực C", "khu_vuc", "P", now=ESTABLISHED)
    await new_unit_with_head(world)
    [summary, _chart] = await world.chat(world.province_admin).send(f"/tinhhinh {CT} 11/2026")
    lines = summary.text.splitlines()
    for name in ("VKSND khu vực A", "VKSND khu vực B", "VKSND khu vực C", "VKSND khu vực 9"):
        assert sum(name + ":" in line for line in lines) == 1, (name, lines)
    assert "Tổng: 4 đơn vị." in lines
    assert "❌ VKSND khu vực C: chưa gửi, quá hạn, trễ 2 ngày — chưa có lãnh đạo dùng Trợ lý" in lines
    assert not any("VKSND khu vực A" in line and "chưa có lãnh đạo" in line for line in lines)
    assert any(line.startswith("1 đơn vị chưa có lãnh đạo dùng Trợ lý (C)") for line in lines)


async def test_thu_nhac_names_the_units_nobody_will_be_reminded_in(world: World, clock: FakeClock) -> None:
    await world.app.repos.units.add("C", "VKSND khu vực C", "khu_vuc", "P", now=ESTABLISHED)
    text = await world.chat(world.province_admin).text("/thu_nhac")
    assert text.startswith("Đã gửi ngay lần nhắc Báo cáo")
    assert "/2026)" in text or "/2027)" in text  # the schedule's day with its year
    assert "⚠️ 1 đơn vị chưa có lãnh đạo dùng Trợ lý (C): không ai ở đó được nhắc. Mời bằng /moi lanhdao C." in text


async def test_baocao_shows_a_period_marked_early_with_its_undo_button(world: World, clock: FakeClock) -> None:
    head = world.chat(world.head_a)
    asked = await head.send(f"/danop {CT} 12/2026")
    early = next(data for label, data in buttons(asked) if label == "Đúng, đã gửi sớm")
    assert "Đã ghi nhận" in joined(await head.press(early))
    replies = await head.send("/baocao")
    text = joined(replies)
    assert "✅ Báo cáo công tác tháng, kỳ tháng 12/2026: đã gửi 06/12/2026 (Lãnh đạo A), sớm — hạn" in text
    assert any(label.startswith("Hoàn tác «đã gửi»: Báo cáo công tác tháng") for label, _ in buttons(replies))


async def test_a_quarter_typed_for_a_monthly_report_is_a_period(world: World, clock: FakeClock) -> None:
    text = await world.chat(world.head_a).text(f"/danop {CT} quý 4/2026")
    assert text.startswith("Kỳ «quý 4/2026» không hợp lệ với Báo cáo công tác tháng.")
    assert "đơn vị" not in text.split(".")[0]


async def test_the_reminder_is_labelled_as_an_example_like_baocao(world: World, clock: FakeClock) -> None:
    await world.chat(world.province_admin).text("/thu_nhac")
    queued = await world.app.repos.outbox.due(("test",), clock.now())
    reminder = next(m for m in queued if m.user_id == world.head_a.id)
    baocao = await world.chat(world.head_a).text("/baocao")
    note = "(Hạn gửi theo cấu hình ví dụ; hạn thực tế do VKSND tỉnh quy định, không phải quy định của luật.)"
    assert note in reminder.text and note in baocao


async def test_the_escalation_names_the_late_units_nobody_was_reminded_in(app: App, clock: FakeClock) -> None:
    clock.set(at("25/11 00:00"))
    province = await seed(app, clock)
    await app.repos.units.add("KV4", "VKSND khu vực 4", "khu_vuc", "T", now=ESTABLISHED)  # nobody registered
    scheduler, platform = process(app, clock, "one")
    await scheduler.step()
    await run_until(scheduler, clock, at("07/12 10:00"), step=timedelta(hours=1))
    [summary] = platform.to("pa", "Báo cáo công tác tháng, kỳ tháng 11/2026")
    assert "• VKSND khu vực 4: trễ 3 ngày — chưa có lãnh đạo dùng Trợ lý" in summary.text
    assert "• VKSND khu vực 1: trễ 3 ngày\n" in summary.text  # a unit with a head: no such note
    assert province.heads["KV1"] is not None
