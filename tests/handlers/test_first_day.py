"""The first day of a real unit, through the real dispatcher: a unit created today from chat
(/donvi them) tracks its reports from today, so its head sees nothing late, nobody is reminded
of periods due before, and the province's overview does not show it red; an administrator can
move the "tracked from" day (/donvi theodoi) and rename units (/donvi doiten), scoped and audited.

The clock stands at 08:00 on Sunday 06/12/2026 (Hà Nội). Units P, A, B of the shared world
exist since 2020: A and B are late with November's monthly report (due 04/12).
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.chat import texts
from bot.chat.routing import Router
from handlers import build_router
from storage.users import Role
from tests.bot.delivery.test_report_schedule import process, run_until
from tests.conftest import World
from tests.fakes import FakeChat, FakeClock, joined

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
CT = "cong_tac_thang"
CODE = re.compile(r"/start ([A-Z0-9]{4}-[A-Z0-9]{4})")


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 12, 6, 8, 0, tzinfo=TZ))


async def new_unit_with_head(world: World) -> tuple[FakeChat, FakeChat, int]:
    """The province admin adds KV9 today and invites its head; (admin chat, head chat, unit id)."""
    admin = world.chat(world.province_admin)
    added = await admin.text("/donvi them KV9 VKSND khu vực 9")
    assert added.startswith("Đã thêm VKSND khu vực 9 (mã KV9, VKSND khu vực) trực thuộc VKSND tỉnh P.")
    assert "theo dõi từ hôm nay, Chủ nhật 06/12/2026" in added
    code = CODE.search(await admin.text("/moi lanhdao KV9"))
    assert code is not None
    head = FakeChat(world.app.dispatcher, "head-kv9", display_name="Lãnh đạo KV9")
    assert "Đăng ký thành công" in await head.text(f"/start {code.group(1)}")
    unit = await world.app.repos.units.by_code("KV9")
    assert unit is not None
    return admin, head, unit.id


async def test_a_head_of_a_unit_created_today_sees_no_report_as_late(world: World, clock: FakeClock) -> None:
    admin, head, _ = await new_unit_with_head(world)
    report = await head.text("/baocao")
    assert "trễ" not in report and "⏳" not in report, report
    assert "Chưa có kỳ báo cáo nào đang được nhắc." in report
    assert "Trợ lý theo dõi báo cáo của đơn vị từ Chủ nhật 06/12/2026" in report
    assert "chưa có kỳ nào đến lúc nhắc" in await head.text(f"/danop {CT}")

    # The head's own overview: nothing red; the province's: A and B late, KV9 not listed.
    own = await head.send(f"/tinhhinh {CT} 11/2026")
    assert "không đơn vị nào bị tính trễ" in joined(own) and "❌" not in joined(own)
    [summary, _chart] = await admin.send(f"/tinhhinh {CT} 11/2026")
    assert "❌ VKSND khu vực A: chưa gửi, quá hạn, trễ 2 ngày" in summary.text
    # Every unit is listed (review item 9): KV9 as not counted, never red.
    assert "⚪ VKSND khu vực 9: không tính (hạn trước ngày bắt đầu theo dõi 06/12/2026)" in summary.text
    assert "Tổng: 3 đơn vị." in summary.text

    # The state of A's head, for contrast: the same /baocao is late there.
    assert "đã trễ 2 ngày" in await world.chat(world.head_a).text("/baocao")


async def test_nobody_is_reminded_of_periods_due_before_the_unit_was_tracked(world: World, clock: FakeClock) -> None:
    """Reminders of November's report go to A's head; KV9 (created on 06/12, after its due day)
    gets none of them, nor of any earlier period, and is reminded of December's report."""
    clock.set(datetime(2026, 11, 27, 8, 0, tzinfo=TZ))
    scheduler, platform = process(world.app, clock, "one")
    await scheduler.step()  # the planner starts planning from here
    await run_until(scheduler, clock, datetime(2026, 12, 6, 8, 0, tzinfo=TZ), step=timedelta(hours=1))
    assert platform.to("head-a", "tháng 11/2026")
    await new_unit_with_head(world)
    await run_until(scheduler, clock, datetime(2027, 1, 6, 9, 0, tzinfo=TZ), step=timedelta(hours=1))
    got = platform.to("head-kv9", "Nhắc gửi báo cáo")
    assert got and all("tháng 12/2026" in s.text for s in got), [s.text for s in got]


async def test_admin_sets_tracked_from_and_renames_audited_and_scoped(world: World, clock: FakeClock) -> None:
    admin, head, kv9 = await new_unit_with_head(world)
    answer = await admin.text("/donvi theodoi KV9 01/11/2026")
    assert answer.startswith("Đã đặt: Trợ lý theo dõi báo cáo của VKSND khu vực 9 từ Chủ nhật 01/11/2026.")
    assert "⏳ Báo cáo công tác tháng, kỳ tháng 11/2026: chưa gửi" in await head.text("/baocao")
    assert "đã trễ 2 ngày" in await head.text("/baocao")

    renamed = await admin.text("/donvi doiten KV9 VKSND khu vực 9 - Demo")
    assert renamed == "Đã đổi tên đơn vị KV9: «VKSND khu vực 9» → «VKSND khu vực 9 - Demo»."
    listing = await admin.text("/donvi")
    assert "KV9 — VKSND khu vực 9 - Demo — 01/11/2026" in listing and "A — VKSND khu vực A — 01/01/2020" in listing

    audit = [(e.action, e.actor_id, e.before, e.after) for e in await world.app.repos.audit.for_target("unit", kv9)]
    admin_id = world.province_admin.id
    assert [a[:2] for a in audit] == [(x, admin_id) for x in ("unit.create", "unit.reports_from", "unit.rename")]
    assert audit[1][2:] == ({"reports_from": None}, {"reports_from": "2026-11-01"})
    assert audit[2][3] == {"name": "VKSND khu vực 9 - Demo"}

    # Out of scope, bad input: polite answers, nothing changes.
    other = world.chat(world.admin_b)
    assert "Không có đơn vị mã KV9 trong phạm vi" in await other.text("/donvi doiten KV9 Tên khác")
    assert "không có đơn vị cấp dưới" in await other.text("/donvi them KV10 VKSND khu vực 10")
    assert "Ngày 31/02/2026 không tồn tại" in await admin.text("/donvi theodoi KV9 31/02/2026")
    assert "Ngày phải ghi dạng dd/mm/yyyy" in await admin.text("/donvi theodoi KV9 sáng mai")
    assert "Năm 0 không hợp lệ" in await admin.text("/donvi theodoi KV9 01/01/0000")  # was an exception
    assert "đã tồn tại" in await admin.text("/donvi them A VKSND khu vực A bis")
    assert "Tên đơn vị dài từ 3" in await admin.text("/donvi doiten KV9 X")
    assert "Không rõ thao tác" in await admin.text("/donvi xoa KV9")
    assert await world.chat(world.head_a).text("/donvi them KV11 VKSND khu vực 11") == texts.NO_PERMISSION
    assert len(await world.app.repos.audit.for_target("unit", kv9)) == 3
    # Typed with diacritics, as people write it.
    assert (await admin.text("/donvi thêm KV12 VKSND khu vực 12")).startswith("Đã thêm VKSND khu vực 12 (mã KV12")
    assert await world.app.repos.units.by_code("KV10") is None and await world.app.repos.units.by_code("KV11") is None


def test_help_usage_never_repeats_the_command() -> None:
    """/help prints "/name usage": a usage that starts with a command would print it twice."""
    router: Router = build_router()
    for role in (None, Role.STAFF, Role.HEAD, Role.ADMIN):
        for route in router.visible_commands(role):
            assert not route.usage.startswith("/"), route.name


async def test_help_lines_read_once(world: World) -> None:
    lines = (await world.chat(world.head_a).text("/help")).splitlines()
    assert "/danop <mã báo cáo> [kỳ] — Báo đã gửi một báo cáo" in lines
    assert "/xuat [tháng] [csv] — Xuất phiếu kiểm sát của tháng" in lines
    assert not [line for line in lines if re.match(r"^(/\w+) \1\b", line)]


async def test_moi_asks_for_the_unit_when_the_admin_has_several(world: World) -> None:
    p_id, b_id = world.province_admin.unit_id, world.admin_b.unit_id
    province = world.chat(world.province_admin)
    [menu] = await province.send("/moi")
    assert menu.text == "Mã mời cho người của đơn vị nào?"
    assert [(b.text, b.data) for b in menu.flat_buttons][:2] == [
        ("P — VKSND tỉnh P", f"inu:{p_id}"),
        ("A — VKSND khu vực A", f"inu:{world.head_a.unit_id}"),
    ]
    [roles] = await province.press(f"inu:{b_id}")
    assert roles.text == "Mã mời cho VKSND khu vực B, vai trò nào?"
    assert [b.data for b in roles.flat_buttons] == [f"inv:{b_id}:{r.value}" for r in Role]
    made = joined(await province.press(f"inv:{b_id}:head"))
    assert "Đơn vị: VKSND khu vực B" in made and "Vai trò: Lãnh đạo đơn vị" in made
    # An admin of one unit goes straight to the role; a forged unit button is refused.
    only_b = world.chat(world.admin_b)
    assert (await only_b.send("/moi"))[0].text == "Mã mời dành cho vai trò nào?"
    assert "không thuộc phạm vi" in joined(await only_b.press(f"inu:{p_id}"))
    assert joined(await only_b.press("inu:x")) == texts.STALE_BUTTON
