"""Report reminders in chat, through the real dispatcher: /baocao, /danop, the reminder
buttons (sent, undo, snooze, details), forged callback data, /tinhhinh (text and PNG chart),
/tinhhinh_xuat (XLSX), /thu_nhac, /baocao_nap, and a reminder answered with "1" in the console.

The world: province P (level tinh) with regional units A and B (level khu_vuc); the shipped
example reports apply to khu_vuc only. The clock starts at 08:00 on Monday 02/03/2026 (Hà Nội).
Báo cáo công tác tháng of February 2026 is then due Thursday 05/03, reminded at 08:00 on
02/03 (3 working days before), 04/03 and 05/03, escalated at 09:00 on 06/03; January's
(due 05/02) is 25 days late.
"""

from __future__ import annotations

import copy
import io
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import yaml
from openpyxl import load_workbook
from PIL import Image

from bot.adapters.console import ConsoleAdapter
from bot.app import remember_menus
from bot.chat import texts
from bot.delivery.outbox_worker import OutboxWorker, RateLimiter
from bot.delivery.planner import Planner
from handlers.reports.chart import COLOURS
from handlers.reports.export import HEADERS
from handlers.reports.status import State
from handlers.reports.texts import EXAMPLE_NOTE, reminder_message
from knowledge.reports.config import REPORTS_FILE, ReportBook, period_by_key
from storage.reports import Submission, report_topic
from storage.users import Role, User
from tests.conftest import ESTABLISHED, World
from tests.fakes import FakeChat, FakeClock, buttons, joined

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
CT = "cong_tac_thang"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def local(day: int, month: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=TZ)


def ids(world: World) -> tuple[int, int, int]:
    """Unit ids of P, A, B."""
    return world.province_admin.unit_id, world.head_a.unit_id, world.staff_b.unit_id


def data(action: str, unit_id: int, period: str = "2026-02", report: str = CT) -> str:
    return f"rp:{action}:{report}:{period}:{unit_id}"


async def submissions(world: World, unit_id: int, period: str = "2026-02") -> Submission | None:
    return await world.app.repos.reports.get(CT, period, unit_id)


async def nothing_recorded(world: World) -> None:
    """No submission for any unit or period we use, no outbox row, no report audit."""
    p, a, b = ids(world)
    for unit in (p, a, b):
        for period in ("2026-01", "2026-02", "2026-03", "2026-12"):
            assert await world.app.repos.reports.get(CT, period, unit) is None
    assert await world.app.repos.outbox.count_by_status() == {}
    assert [e for e in await world.app.repos.audit.all() if e.target_type == "report"] == []


# -- /baocao -------------------------------------------------------------------------------------
async def test_baocao_lists_open_and_sent_reports_with_undo_for_a_day(world: World, clock: FakeClock) -> None:
    _, a, _ = ids(world)
    head = world.chat(world.head_a)
    replies = await head.send("/baocao")
    lines = joined(replies).splitlines()
    assert lines[0] == "Báo cáo định kỳ của VKSND khu vực A:"
    assert lines[1] == "⏳ Báo cáo công tác tháng, kỳ tháng 02/2026: chưa gửi — hạn Thứ Năm 05/03/2026 (còn 3 ngày)"
    assert lines[2] == "⏳ Báo cáo công tác tháng, kỳ tháng 01/2026: chưa gửi — hạn Thứ Năm 05/02/2026 (đã trễ 25 ngày)"
    assert "⏳ Báo cáo thống kê tháng, kỳ tháng 02/2026: chưa gửi — hạn Thứ Tư 04/03/2026 (còn 2 ngày)" in lines
    # The 6-month period running now (to 31/05/2026) is not reminded yet: only last year's shows.
    assert any("6 tháng đầu năm 2025" in line for line in lines) and not any(
        "6 tháng đầu năm 2026" in line for line in lines
    )
    assert lines[-1] == EXAMPLE_NOTE  # the same note as the reminder's
    assert "khu vực B" not in joined(replies)
    assert ("Đã gửi: Báo cáo công tác tháng, tháng 02/2026", data("s", a)) in buttons(replies)

    [marked] = await head.press(data("s", a))
    assert marked.text.startswith("Đã ghi nhận: Báo cáo công tác tháng kỳ tháng 02/2026 đã gửi (đúng hạn).")
    replies = await head.send("/baocao")
    assert "✅ Báo cáo công tác tháng, kỳ tháng 02/2026: đã gửi 02/03/2026 (Lãnh đạo A)" in joined(replies)
    assert ("Hoàn tác «đã gửi»: Báo cáo công tác tháng, tháng 02/2026", data("uc", a)) in buttons(replies)
    assert data("s", a) not in [d for _, d in buttons(replies)]

    clock.advance(hours=25)
    replies = await head.send("/baocao")
    assert "✅ Báo cáo công tác tháng, kỳ tháng 02/2026: đã gửi 02/03/2026 (Lãnh đạo A)" in joined(replies)
    assert data("uc", a) not in [d for _, d in buttons(replies)]  # too late to undo: no button


async def test_baocao_for_a_unit_without_reports_points_to_tinhhinh(world: World) -> None:
    text = await world.chat(world.province_admin).text("/baocao")
    assert text.startswith("Đơn vị của anh/chị không phải gửi báo cáo định kỳ nào") and "/tinhhinh" in text


# -- /danop -------------------------------------------------------------------------------------
async def test_danop_marks_the_only_open_period_or_an_explicit_one(world: World) -> None:
    _, a, _ = ids(world)
    head = world.chat(world.head_a)
    late = await head.text(f"/danop {CT} 01/2026")
    assert late.startswith("Đã ghi nhận: Báo cáo công tác tháng kỳ tháng 01/2026 đã gửi (trễ 25 ngày).")
    # Only February is still open: the default period.
    current = await head.send(f"/danop {CT}")
    assert joined(current).startswith("Đã ghi nhận: Báo cáo công tác tháng kỳ tháng 02/2026 đã gửi (đúng hạn).")
    assert buttons(current) == [("Hoàn tác (trong 24 giờ)", data("uc", a))]
    again = await head.text(f"/danop {CT}")
    assert again == (
        "Báo cáo công tác tháng kỳ tháng 02/2026 đã được báo gửi lúc 08:00 02/03/2026 bởi Lãnh đạo A. "
        "Trợ lý không nhắc kỳ này nữa."
    )
    # The name can be typed instead of the code.
    stats = await head.text("/danop thong_ke 2026-02")
    assert stats.startswith("Đã ghi nhận: Báo cáo thống kê tháng kỳ tháng 02/2026")


async def test_days_late_count_local_days(world: World, clock: FakeClock) -> None:
    """A mark at 00:30 in Hà Nội the day after the due day is one day late, though in UTC it
    is still the due day (17:30)."""
    _, a, _ = ids(world)
    head = world.chat(world.head_a)
    await head.send(f"/danop {CT} 01/2026")
    clock.set(local(6, 3, 0, 30))
    assert "kỳ tháng 02/2026 đã gửi (trễ 1 ngày)" in await head.text(f"/danop {CT} 02/2026")
    [summary, _] = await head.send(f"/tinhhinh {CT} 02/2026")
    assert "🟡 VKSND khu vực A: đã gửi, trễ hạn (06/03/2026 bởi Lãnh đạo A), trễ 1 ngày" in summary.text
    sub = await submissions(world, a)
    assert sub is not None and sub.sent_at == datetime(2026, 3, 5, 17, 30, tzinfo=UTC)


async def test_danop_with_two_open_periods_asks_which(world: World) -> None:
    _, a, _ = ids(world)
    head = world.chat(world.head_a)
    replies = await head.send(f"/danop {CT}")
    assert joined(replies).startswith("VKSND khu vực A còn 2 kỳ Báo cáo công tác tháng chưa báo đã gửi.")
    assert buttons(replies) == [("Kỳ tháng 02/2026", data("s", a)), ("Kỳ tháng 01/2026", data("s", a, "2026-01"))]
    assert await submissions(world, a) is None and await submissions(world, a, "2026-01") is None
    [marked] = await head.press(data("s", a, "2026-01"))
    assert "kỳ tháng 01/2026 đã gửi (trễ 25 ngày)" in marked.text
    assert await submissions(world, a) is None


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("/danop", ["Anh/chị gõ /danop <mã báo cáo> [kỳ]", "cong_tac_thang (Báo cáo công tác tháng)"]),
        ("/danop ngansach", ["Không có báo cáo «ngansach»", "ví dụ «/danop cong_tac_thang»", "tong_ket_nam ("]),
        ("/danop thang", ["«thang» khớp nhiều báo cáo", "cong_tac_thang", "thong_ke_thang", "gõ mã báo cáo"]),
        (f"/danop {CT} 12/2026", ["Kỳ tháng 12/2026 chưa bắt đầu", "gõ /baocao"]),
        (f"/danop {CT} 03/2026", ["Kỳ tháng 03/2026 chưa kết thúc (đến hết Thứ Ba 31/03/2026)", "đã gửi", "sớm"]),
        ("/danop so_ket_6_thang 2026", ["Kỳ 6 tháng đầu năm 2026 (01/12/2025 – 31/05/2026) chưa kết thúc"]),
        (f"/danop {CT} 13/2026", ["Kỳ «13/2026» không hợp lệ với Báo cáo công tác tháng", "như 10/2026"]),
        (
            "/danop so_ket_6_thang 11/2026",
            ["Kỳ «11/2026» không hợp lệ", "như «6 tháng 2026» (6 tháng đầu năm 2026, từ 01/12/2025"],
        ),
        (f"/danop {CT} 02/2026 B", ["Không tìm thấy đơn vị «B» trong phạm vi của anh/chị", "kiểm tra lại mã"]),
        (f"/danop {CT} tháng 02/2026 P", ["Không tìm thấy đơn vị «P» trong phạm vi"]),
    ],
)
async def test_danop_bad_input_is_explained_and_changes_nothing(
    world: World, command: str, expected: list[str]
) -> None:
    text = await world.chat(world.head_a).text(command)
    for part in expected:
        assert part in text
    await nothing_recorded(world)


async def test_danop_for_a_report_that_does_not_apply_hints_at_the_unit_code(world: World) -> None:
    _, _, b = ids(world)
    admin = world.chat(world.province_admin)
    text = await admin.text(f"/danop {CT}")
    assert text == (
        "Báo cáo công tác tháng không áp dụng cho VKSND tỉnh P. Lãnh đạo cấp trên ghi thêm mã đơn vị, "
        "ví dụ «/danop cong_tac_thang 10/2026 MÃ-ĐƠN-VỊ»."
    )
    await nothing_recorded(world)
    assert "Không tìm thấy đơn vị «ZZ»" in await admin.text(f"/danop {CT} 02/2026 ZZ")
    marked = await admin.text(f"/danop {CT} tháng 02/2026 b")  # the province marks for unit B
    assert marked.startswith("Đã ghi nhận: Báo cáo công tác tháng kỳ tháng 02/2026 đã gửi")
    sub = await world.app.repos.reports.get(CT, "2026-02", b)
    assert sub is not None and sub.sent_by == world.province_admin.id


# -- the reminder's buttons -----------------------------------------------------------------------
async def test_reminder_buttons_sent_stops_the_rest_and_undo_is_audited(world: World, clock: FakeClock) -> None:
    _, a, b = ids(world)
    repos = world.app.repos
    await world.chat(world.province_admin).send("/thu_nhac")
    reminder = await repos.outbox.for_key(f"rem:{CT}:2026-02:{a}:{world.head_a.id}:d1@08:00")
    assert reminder is not None and reminder.status == "pending"
    assert reminder.buttons == [
        [("Đã gửi báo cáo", data("s", a))],
        [("Nhắc lại sau", data("z", a)), ("Chi tiết", data("i", a))],
    ]
    head = world.chat(world.head_a)
    [marked] = await head.press(reminder.buttons[0][0][1])
    assert marked.text == (
        "Đã ghi nhận: Báo cáo công tác tháng kỳ tháng 02/2026 đã gửi (đúng hạn). Trợ lý dừng nhắc kỳ này."
    )
    # Every pending reminder of that report period for unit A stops; unit B's does not.
    for user in (world.head_a, world.admin_a):
        row = await repos.outbox.for_key(f"rem:{CT}:2026-02:{a}:{user.id}:d1@08:00")
        assert row is not None and (row.status, row.last_error) == ("skipped", "đơn vị đã gửi báo cáo")
    row_b = await repos.outbox.for_key(f"rem:{CT}:2026-02:{b}:{world.admin_b.id}:d1@08:00")
    assert row_b is not None and row_b.status == "pending"
    # And no later reminder can be queued for A (the planner's guard), while B's can.
    book = world.app.services.reports
    assert book is not None
    period = period_by_key("month", "2026-02")
    assert period is not None
    schedule = book.config.schedule(book.config.reports[CT], period, book.calendar, TZ)
    a_unit, b_unit = await repos.units.get(a), await repos.units.get(b)
    assert a_unit is not None and b_unit is not None
    due_day = schedule.reminders[-1]
    later = [
        reminder_message(schedule, a_unit, world.head_a, due_day, date(2026, 3, 5), example=True),
        reminder_message(schedule, b_unit, world.admin_b, due_day, date(2026, 3, 5), example=True),
    ]
    assert await repos.reports.queue_reminders(later, clock.now()) == 1
    assert await repos.outbox.for_key(later[0].message.key) is None

    # A second press says so and changes nothing.
    [again] = await head.press(data("s", a))
    assert again.text.startswith("Báo cáo công tác tháng kỳ tháng 02/2026 đã được báo gửi lúc 08:00 02/03/2026")
    topic = report_topic(CT, "2026-02", a)
    assert [e.action for e in await repos.audit.for_target("report", topic)] == ["report.sent"]

    # Undo within the day, after a confirmation (its first option keeps the mark: a "1" typed
    # twice on a numbered platform must not withdraw it): back to "not sent", audited.
    clock.advance(hours=3)
    [confirm] = await head.press(marked.flat_buttons[0].data)
    assert confirm.text == (
        "Anh/chị muốn hoàn tác việc báo đã gửi Báo cáo công tác tháng kỳ tháng 02/2026? Trợ lý sẽ nhắc lại theo lịch."
    )
    assert [(b.text, b.data) for b in confirm.flat_buttons] == [
        ("Giữ nguyên «đã gửi»", data("k", a)),
        ("Hoàn tác", data("u", a)),
    ]
    [kept] = await head.press(data("k", a))
    assert kept.text == "Không thay đổi gì: Báo cáo công tác tháng kỳ tháng 02/2026 vẫn là «đã gửi»."
    assert await submissions(world, a) is not None
    [undone] = await head.press(data("u", a))
    assert undone.text.startswith("Đã hoàn tác: Báo cáo công tác tháng kỳ tháng 02/2026 trở lại «chưa gửi»")
    assert [(b.text, b.data) for b in undone.flat_buttons] == [("Đã gửi báo cáo", data("s", a))]
    assert await submissions(world, a) is None
    _, undo_entry = await repos.audit.for_target("report", topic)
    assert (undo_entry.action, undo_entry.actor_id, undo_entry.unit_id) == ("report.undo", world.head_a.id, a)
    assert undo_entry.before == {"sent_at": "2026-03-02T01:00:00+00:00", "sent_by": world.head_a.id}
    assert undo_entry.after == {"undone_at": "2026-03-02T04:00:00+00:00"}
    for action in ("u", "uc"):
        [nothing] = await head.press(data(action, a))
        assert nothing.text == "Báo cáo kỳ này chưa được báo đã gửi, không có gì để hoàn tác."

    # Marked again, then 25 hours later an undo is refused and the mark stays.
    await head.press(data("s", a))
    clock.advance(hours=25)
    for action in ("uc", "u"):
        [refused] = await head.press(data(action, a))
        assert refused.text.startswith("Đã quá 24 giờ kể từ khi báo đã gửi, không hoàn tác được.")
    assert await submissions(world, a) is not None
    assert [e.action for e in await repos.audit.for_target("report", topic)] == [
        "report.sent",
        "report.undo",
        "report.sent",
    ]


async def test_snooze_two_hours_or_tomorrow_then_sent_skips_it(world: World, clock: FakeClock) -> None:
    _, a, _ = ids(world)
    outbox = world.app.repos.outbox
    head = world.chat(world.head_a)
    [menu] = await head.press(data("z", a))
    assert menu.text == "Anh/chị muốn được nhắc lại khi nào?"
    assert [(b.text, b.data) for b in menu.flat_buttons] == [
        ("Sau 2 giờ", data("z2", a)),
        ("8:00 sáng mai", data("zm", a)),
    ]

    [two_hours] = await head.press(data("z2", a))
    assert two_hours.text == "Trợ lý sẽ nhắc lại lúc 10:00 ngày 02/03/2026."
    [tomorrow] = await head.press(data("zm", a))
    assert tomorrow.text == "Trợ lý sẽ nhắc lại lúc 08:00 ngày 03/03/2026."
    await head.press(data("zm", a))  # pressed twice: still one reminder
    assert await outbox.count_by_status() == {"pending": 2}
    prefix = f"snz:{CT}:2026-02:{a}:{world.head_a.id}"
    soon = await outbox.for_key(f"{prefix}:202603021000")
    morning = await outbox.for_key(f"{prefix}:202603030800")
    assert soon is not None and morning is not None
    assert soon.next_attempt_at == datetime(2026, 3, 2, 3, 0, tzinfo=UTC)
    assert morning.next_attempt_at == datetime(2026, 3, 3, 1, 0, tzinfo=UTC)
    assert morning.text.startswith("🔔 Nhắc lại báo cáo: Báo cáo công tác tháng, kỳ tháng 02/2026.")
    assert "Hạn gửi: Thứ Năm 05/03/2026 (còn 2 ngày)" in morning.text  # counted from the snooze day
    assert morning.buttons[0] == [("Đã gửi báo cáo", data("s", a))]
    assert [m.key for m in await outbox.due(("test",), datetime(2026, 3, 3, 1, 0, tzinfo=UTC))] == [
        soon.key,
        morning.key,
    ]

    # Marked as sent: both snoozes are skipped (same report topic) and nothing is due.
    await head.press(data("s", a))
    for key in (soon.key, morning.key):
        row = await outbox.for_key(key)
        assert row is not None and row.status == "skipped"
    assert await outbox.due(("test",), datetime(2026, 3, 3, 2, 0, tzinfo=UTC)) == []
    [no_need] = await head.press(data("zm", a))
    assert no_need.text == "Báo cáo công tác tháng kỳ tháng 02/2026 đã được báo gửi, không cần nhắc lại."

    # After an undo, the same snooze can be set again (the skipped row does not swallow it).
    clock.advance(minutes=5)
    await head.press(data("u", a))
    [again] = await head.press(data("zm", a))
    assert again.text == "Trợ lý sẽ nhắc lại lúc 08:00 ngày 03/03/2026."
    [due] = await outbox.due(("test",), datetime(2026, 3, 3, 1, 0, tzinfo=UTC))
    assert due.key.startswith(f"{prefix}:202603030800:") and due.text == morning.text


async def test_details(world: World) -> None:
    _, a, _ = ids(world)
    head = world.chat(world.head_a)
    [details] = await head.press(data("i", a))
    assert details.text.splitlines() == [
        "Báo cáo công tác tháng — VKSND khu vực A",
        "Kỳ: tháng 02/2026 (01/02/2026 – 28/02/2026).",
        "Hạn gửi: Thứ Năm 05/03/2026 (ngày 5 tháng sau kỳ báo cáo; ngày nghỉ thì lùi về ngày làm việc trước).",
        "Lịch nhắc: 08:00 02/03/2026; 08:00 04/03/2026; 08:00 05/03/2026.",
        "Báo cáo tỉnh nếu chưa gửi: 09:00 06/03/2026.",
        "Tình trạng: chưa báo đã gửi.",
        "(Cấu hình ví dụ: hạn thực tế do VKSND tỉnh quy định, không phải quy định của luật.)",
    ]
    await head.press(data("s", a))
    [after] = await head.press(data("i", a))
    assert "Tình trạng: đã gửi 02/03/2026." in after.text
    # The 6-month label carries its dates already: they are not repeated.
    [half] = await head.press(f"rp:i:so_ket_6_thang:2026-6T:{a}")
    assert "Kỳ: 6 tháng đầu năm 2026 (01/12/2025 – 31/05/2026).\n" in half.text
    assert "Hạn gửi: Thứ Sáu 05/06/2026" in half.text


def forged(world: World) -> list[tuple[User, str, str]]:
    """(who presses, callback data, part of the answer) for buttons nobody was given."""
    p, a, b = ids(world)
    stale = "Nút này không còn hiệu lực. Anh/chị gõ /baocao để xem các báo cáo."
    scope = "Anh/chị chỉ thao tác được với báo cáo của đơn vị mình và các đơn vị cấp dưới."
    gone = "Báo cáo hoặc kỳ báo cáo này không còn trong cấu hình."
    head, admin = world.head_a, world.province_admin
    return [
        (head, data("s", b), scope),  # another unit
        (head, data("u", b), scope),
        (head, data("uc", b), scope),
        (head, data("k", b), scope),
        (head, data("z2", b), scope),
        (head, data("zm", b), scope),
        (head, data("i", b), scope),
        (head, data("s", p), scope),  # the unit above
        (head, data("s", 999), scope),  # no such unit
        (head, data("s", 0), scope),
        (head, f"rp:s:{CT}:2026-02:x", stale),
        (head, f"rp:s:{CT}:2026-02:-{a}", stale),
        (head, f"rp:s:{CT}:2026-02:²", stale),  # a digit to str.isdigit, not to int()
        (head, f"rp:s:{CT}:2026-02:{'9' * 25}", stale),
        (head, f"rp:s:{CT}:2026-02:", stale),
        (head, f"rp:s:{CT}:2026-02", stale),
        (head, f"rp:s:{CT}:2026-02:{a}:1", stale),
        (head, "rp", stale),
        (head, "rp:", stale),
        (head, data("x", a), stale),  # unknown action
        (head, data("s", a, report="ngansach"), gone),
        (head, data("s", a, period="2026-13"), gone),
        (head, data("s", a, period="2026-6T"), gone),  # a period key of another rule
        (head, data("s", a, period="2026-12"), "Kỳ tháng 12/2026 chưa bắt đầu."),
        (head, data("z2", a, period="2026-12"), "Kỳ tháng 12/2026 chưa bắt đầu."),
        (admin, data("s", p), "Báo cáo công tác tháng không áp dụng cho VKSND tỉnh P."),
        (admin, data("z2", p), "không áp dụng cho VKSND tỉnh P."),
        (world.staff_a, data("s", a), texts.NO_PERMISSION),
        (world.staff_a, data("z2", a), texts.NO_PERMISSION),
        (world.staff_b, data("u", b), texts.NO_PERMISSION),
    ]


@pytest.mark.parametrize("case", range(30))
async def test_forged_callback_data_is_refused_and_changes_nothing(world: World, case: int) -> None:
    cases = forged(world)
    assert len(cases) == 30
    user, callback, expected = cases[case]
    replies = await world.chat(user).press(callback)
    assert expected in joined(replies)
    await nothing_recorded(world)


async def test_a_period_not_yet_ended_is_marked_only_when_confirmed_sent_early(world: World) -> None:
    """/thu_nhac can send a reminder before the period ends. Neither its «Đã gửi báo cáo» nor a
    typed /danop marks March 2026 on 02/03: the head is asked whether it was sent early; «Chưa gửi»
    changes nothing, «Đúng, đã gửi sớm» records it."""
    a = world.head_a.unit_id
    head = world.chat(world.head_a)
    question = (
        "Kỳ tháng 03/2026 chưa kết thúc (đến hết Thứ Ba 31/03/2026). Anh/chị đã gửi Báo cáo công tác tháng kỳ này sớm"
    )
    for replies in (await head.send(f"/danop {CT} 03/2026"), await head.press(data("s", a, period="2026-03"))):
        assert joined(replies).startswith(question)
        assert buttons(replies) == [
            ("Đúng, đã gửi sớm", data("se", a, period="2026-03")),
            ("Chưa gửi, để sau", data("k", a, period="2026-03")),
        ]
    kept = await head.press(data("k", a, period="2026-03"))
    assert joined(kept) == "Không thay đổi gì: Báo cáo công tác tháng kỳ tháng 03/2026 vẫn là «chưa gửi»."
    assert await submissions(world, a, "2026-03") is None
    [pressed] = await head.press(data("se", a, period="2026-03"))
    assert pressed.text.startswith("Đã ghi nhận: Báo cáo công tác tháng kỳ tháng 03/2026 đã gửi (đúng hạn)")
    assert await submissions(world, a, "2026-03") is not None
    # A period that has ended (February, due 05/03) is marked at once, as before.
    [february] = await head.press(data("s", a))
    assert february.text.startswith("Đã ghi nhận: Báo cáo công tác tháng kỳ tháng 02/2026 đã gửi")


# -- /tinhhinh and /tinhhinh_xuat ------------------------------------------------------------------
def png_size(data: bytes) -> tuple[int, int]:
    assert data.startswith(PNG_SIGNATURE) and data[12:16] == b"IHDR"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def colour_pixels(data: bytes, colour: str) -> int:
    rgb = tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
    with Image.open(io.BytesIO(data)) as image:
        return dict((c, n) for n, c in image.convert("RGB").getcolors(maxcolors=1_000_000) or []).get(rgb, 0)


async def test_tinhhinh_shows_only_units_in_scope_with_a_chart(world: World) -> None:
    head = world.chat(world.head_a)
    await head.send(f"/danop {CT} 01/2026")  # A sends January's report 25 days late; B never does
    summary, chart = await head.send(f"/tinhhinh {CT} 01/2026")
    assert summary.text.splitlines() == [
        "Báo cáo công tác tháng, kỳ tháng 01/2026 (hạn 05/02/2026):",
        "🟡 VKSND khu vực A: đã gửi, trễ hạn (02/03/2026 bởi Lãnh đạo A), trễ 25 ngày",
        "Tổng: 1 đơn vị.",
        "Xuất Excel: /tinhhinh_xuat cong_tac_thang 01/2026",
    ]
    assert chart.photo is not None and chart.photo.mime == "image/png" and chart.photo.filename == "tinhhinh.png"
    assert chart.text == "Báo cáo công tác tháng, kỳ tháng 01/2026 (hạn 05/02/2026)"
    head_png = chart.photo.data
    assert png_size(head_png) == (800, 300)  # one unit's row

    summary, chart = await world.chat(world.province_admin).send(f"/tinhhinh {CT} 01/2026")
    assert summary.text.splitlines()[1:3] == [
        "❌ VKSND khu vực B: chưa gửi, quá hạn, trễ 25 ngày",  # worst first
        "🟡 VKSND khu vực A: đã gửi, trễ hạn (02/03/2026 bởi Lãnh đạo A), trễ 25 ngày",
    ]
    assert chart.photo is not None
    province_png = chart.photo.data
    assert png_size(province_png) == (800, 310)  # two rows
    # Real drawings: many colours, bars in the status colours. B's long "missing" bar is red
    # on the province's chart only (the head's has red in the legend alone).
    with Image.open(io.BytesIO(province_png)) as image:
        assert len(image.convert("RGB").getcolors(maxcolors=100_000) or []) > 50
    assert colour_pixels(head_png, COLOURS[State.LATE]) > 5_000
    assert colour_pixels(province_png, COLOURS[State.MISSING]) > 20 * colour_pixels(head_png, COLOURS[State.MISSING])


async def test_tinhhinh_default_period_and_bad_input(world: World) -> None:
    head = world.chat(world.head_a)
    # Without a period: the latest period whose due day has passed (January: February's is 05/03).
    [summary, _] = await head.send("/tinhhinh")
    assert summary.text.startswith("Báo cáo công tác tháng, kỳ tháng 01/2026 (hạn 05/02/2026):")
    [typed, _] = await head.send(f"/tinhhinh {CT} tháng 02/2026")  # a period in two words
    assert typed.text.startswith("Báo cáo công tác tháng, kỳ tháng 02/2026 (hạn 05/03/2026):")
    assert "Không có báo cáo «ngansach»" in await head.text("/tinhhinh ngansach")
    assert "Kỳ tháng 12/2026 chưa bắt đầu" in await head.text(f"/tinhhinh {CT} 12/2026")
    assert "không hợp lệ" in await head.text(f"/tinhhinh {CT} Q9")
    assert texts.NO_PERMISSION in await world.chat(world.staff_a).text("/tinhhinh")
    [status, chart] = await head.press(f"rp:t:{CT}:2026-02")  # the escalation's button
    assert status.text.startswith("Báo cáo công tác tháng, kỳ tháng 02/2026 (hạn 05/03/2026):")
    assert "⏳ VKSND khu vực A: chưa gửi, chưa đến hạn" in status.text and chart.photo is not None


async def test_tinhhinh_xuat_exports_every_unit_cell_by_cell(world: World) -> None:
    await world.chat(world.head_a).send(f"/danop {CT} 01/2026")
    [export] = await world.chat(world.province_admin).send(f"/tinhhinh_xuat {CT} 01/2026")
    assert export.text == "Tình hình gửi Báo cáo công tác tháng, kỳ tháng 01/2026: 2 đơn vị."
    assert export.file is not None
    assert (export.file.filename, export.file.mime) == ("tinhhinh_cong_tac_thang_2026-01.xlsx", XLSX)
    book = load_workbook(io.BytesIO(export.file.data))
    sheet = book.active
    assert sheet.title == "Tình hình gửi báo cáo"
    assert book.properties.title == "Báo cáo công tác tháng – kỳ tháng 01/2026"
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert (
        rows[0]
        == list(HEADERS)
        == [
            "Đơn vị",
            "Mã đơn vị",
            "Tình trạng",
            "Hạn gửi",
            "Ngày báo đã gửi",
            "Người đánh dấu",
            "Số ngày trễ",
        ]
    )
    assert rows[1] == ["VKSND khu vực B", "B", "chưa gửi, quá hạn", datetime(2026, 2, 5), None, None, 25]
    assert rows[2] == [
        "VKSND khu vực A",
        "A",
        "đã gửi, trễ hạn",
        datetime(2026, 2, 5),
        datetime(2026, 3, 2),
        "Lãnh đạo A",
        25,
    ]
    assert len(rows) == 3
    assert sheet["D2"].number_format == sheet["E3"].number_format != "General"  # shown as dates
    # The head of A exports only A.
    [own] = await world.chat(world.head_a).send(f"/tinhhinh_xuat {CT} 01/2026")
    assert own.file is not None
    own_rows = list(load_workbook(io.BytesIO(own.file.data)).active.iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in own_rows] == ["VKSND khu vực A"]


# -- /thu_nhac ----------------------------------------------------------------------------------
async def test_thu_nhac_queues_the_next_reminder_now_with_its_real_key(world: World, clock: FakeClock) -> None:
    _, a, b = ids(world)
    repos, book = world.app.repos, world.app.services.reports
    assert book is not None
    planner = Planner(repos, book, TZ)
    await planner.plan(clock.now())  # the planner starts planning from now
    await world.chat(world.head_a).send("/danop thong_ke 02/2026")  # A sent the statistics already

    admin = world.chat(world.province_admin)
    text = await admin.text("/thu_nhac")
    # Next moment after 02/03 08:00: 04/03 08:00, shared by both monthly reports (code order).
    assert text == (
        "Đã gửi ngay lần nhắc Báo cáo công tác tháng, kỳ tháng 02/2026 (lịch 08:00 04/03/2026) cho 3 lãnh đạo "
        "của 2 đơn vị chưa gửi, kèm một bản cho anh/chị."
    )
    for unit, user in ((a, world.head_a), (a, world.admin_a), (b, world.admin_b)):
        row = await repos.outbox.for_key(f"rem:{CT}:2026-02:{unit}:{user.id}:d1@08:00")
        assert row is not None and row.status == "pending" and row.next_attempt_at == clock.now()
        assert row.text.startswith("🔔 Nhắc gửi báo cáo: Báo cáo công tác tháng, kỳ tháng 02/2026.")
    assert await repos.outbox.count_by_status() == {"pending": 4}  # + the copy for the admin
    [copy] = [m for m in await repos.outbox.due(("test",), clock.now()) if m.user_id == world.province_admin.id]
    assert copy.text.startswith("👁 Bản xem trước cho quản trị viên: các nút chỉ cho biết sẽ làm gì, không thay đổi gì.")
    assert "\n🔔 Nhắc gửi báo cáo" in copy.text and "Đơn vị: VKSND khu vực A." in copy.text
    assert copy.key.startswith(f"rem:{CT}:2026-02:{a}:{world.province_admin.id}:d1@08:00:thu:")
    # The copy's buttons are previews: each says what it would do, none changes anything.
    previews = [data for row in copy.buttons for _, data in row]
    assert previews == [f"rpv:{action}:{CT}:2026-02:{a}" for action in ("s", "z", "i")]
    for pressed in previews:
        said = joined(await admin.press(pressed))
        assert said.startswith("Bản xem trước: trên bản nhắc thật, lãnh đạo VKSND khu vực A bấm «")
        assert said.endswith("Bấm trên bản xem trước này không thay đổi gì.")
    assert await submissions(world, a) is None
    assert "không thay đổi gì" in joined(await world.chat(world.admin_b).press(previews[0]))  # out of scope
    assert await repos.outbox.count_by_status() == {"pending": 4}

    # At 04/03 08:00 the planner does not send that reminder a second time; it does queue the
    # statistics report's reminder of the same moment, for B only (A sent it).
    clock.set(local(4, 3, 8, 1))
    await planner.plan(clock.now())
    row = await repos.outbox.for_key(f"rem:{CT}:2026-02:{a}:{world.head_a.id}:d1@08:00")
    assert row is not None and row.next_attempt_at == datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
    assert await repos.outbox.for_key(f"rem:thong_ke_thang:2026-02:{b}:{world.admin_b.id}:d0@08:00") is not None
    assert await repos.outbox.for_key(f"rem:thong_ke_thang:2026-02:{a}:{world.head_a.id}:d0@08:00") is None
    assert await repos.outbox.count_by_status() == {"pending": 5}

    # Once every unit has sent, there is nothing to try; heads may not use the command.
    assert texts.NO_PERMISSION in await world.chat(world.head_a).text("/thu_nhac")


async def test_thu_nhac_scope_repeat_and_units_without_heads(world: World) -> None:
    _, a, _ = ids(world)
    outbox = world.app.repos.outbox
    admin_a = world.chat(world.admin_a)
    # The admin of A reaches A's heads only; being one of A's recipients, they get no extra copy.
    text = await admin_a.text("/thu_nhac")
    assert "cho 1 lãnh đạo của 1 đơn vị chưa gửi" in text
    assert await outbox.count_by_status() == {"pending": 2}
    own = await outbox.for_key(f"rem:{CT}:2026-02:{a}:{world.admin_a.id}:d1@08:00")
    assert own is not None
    # Asked again: the heads are not reminded twice; the admin gets a copy to look at.
    again = await admin_a.text("/thu_nhac")
    assert again == (
        "Lần nhắc Báo cáo công tác tháng, kỳ tháng 02/2026 (lịch 08:00 04/03/2026) đã được gửi trước đó cho lãnh đạo "
        "của 1 đơn vị chưa gửi; Trợ lý không gửi lại. Anh/chị nhận một bản xem trước (các nút trên bản này "
        "không thay đổi gì)."
    )
    mine = [m for m in await outbox.due(("test",), world.app.services.clock.now()) if m.user_id == world.admin_a.id]
    assert [m.key for m in mine] == [own.key, mine[1].key] and ":thu:" in mine[1].key
    assert await outbox.count_by_status() == {"pending": 3}

    # A province whose regional unit has nobody registered: the admin is told, and gets a copy.
    units = world.app.repos.units
    await units.add("Q", "VKSND tỉnh Q", "tinh", now=ESTABLISHED)
    await units.add("QA", "VKSND khu vực QA", "khu_vuc", "Q", now=ESTABLISHED)
    q = await units.by_code("Q")
    assert q is not None
    admin_q = await world.app.repos.users.create("test", "admin-q", "Quản trị Q", q.id, Role.ADMIN)
    text = await world.chat(admin_q).text("/thu_nhac")
    assert "chưa gửi được cho ai — trong 1 đơn vị chưa gửi báo cáo, chưa có lãnh đạo nào dùng Trợ lý." in text
    assert "/moi" in text
    assert await outbox.count_by_status() == {"pending": 4}


async def test_thu_nhac_with_no_unit_in_scope(world: World) -> None:
    await world.app.repos.units.add("R", "VKSND tỉnh R", "tinh", now=ESTABLISHED)
    r = await world.app.repos.units.by_code("R")
    assert r is not None
    admin_r = await world.app.repos.users.create("test", "admin-r", "Quản trị R", r.id, Role.ADMIN)
    assert await world.chat(admin_r).text("/thu_nhac") == (
        "Không có lần nhắc nào sắp tới cho các đơn vị trong phạm vi của anh/chị."
    )
    assert await world.app.repos.outbox.count_by_status() == {}


# -- /baocao_nap -------------------------------------------------------------------------------------
async def test_baocao_nap_refuses_a_broken_file_and_keeps_the_old_configuration(world: World, tmp_path: Path) -> None:
    path = tmp_path / "reports.yaml"
    path.write_text(REPORTS_FILE.read_text(encoding="utf-8"), encoding="utf-8")
    world.app.services.reports = ReportBook(path)
    admin, head = world.chat(world.province_admin), world.chat(world.head_a)
    assert texts.NO_PERMISSION in await head.text("/baocao_nap")

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["reports"]["quy"] = {**copy.deepcopy(data["reports"][CT]), "name": "Báo cáo quý", "period": "quarter"}
    data["reports"][CT]["due"] = {"day_of_next_month": 35}
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    text = await admin.text("/baocao_nap")
    assert text.splitlines() == [
        "Không nạp được cấu hình báo cáo, cấu hình cũ vẫn được dùng.",
        "Lỗi: reports.yaml: reports.cong_tac_thang.due.day_of_next_month: '35' phải là số nguyên từ 1 đến 31",
        "Anh/chị sửa tệp reports.yaml rồi gõ lại /baocao_nap.",
    ]
    # The old configuration is in service: the old due day, no "quy" report.
    [details] = await head.press(data_for(world, "i"))
    assert "Hạn gửi: Thứ Năm 05/03/2026 (ngày 5 tháng sau kỳ báo cáo" in details.text
    assert "Không có báo cáo «quy»" in await head.text("/danop quy")

    data["reports"][CT]["due"] = {"day_of_next_month": 10}
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    reloaded = await admin.text("/baocao_nap")
    assert reloaded.startswith("Đã nạp lại cấu hình báo cáo: 5 loại (") and "Báo cáo quý" in reloaded
    [details] = await head.press(data_for(world, "i"))
    assert "Hạn gửi: Thứ Ba 10/03/2026 (ngày 10 tháng sau kỳ báo cáo" in details.text


def data_for(world: World, action: str) -> str:
    return data(action, world.head_a.unit_id)


# -- a reminder answered with numbers in the console ------------------------------------------------
def console_worker(world: World, console: ConsoleAdapter) -> OutboxWorker:
    clock = world.app.services.clock
    limiter = RateLimiter(1000, 0, monotonic=lambda: clock.now().timestamp())
    return OutboxWorker(
        world.app.repos, console, clock, limiter=limiter, on_delivered=remember_menus(world.app.dispatcher)
    )


async def test_console_reminder_snoozed_with_2_then_marked_sent_with_1(
    world: World, clock: FakeClock, tmp_path: Path
) -> None:
    _, a, _ = ids(world)
    await world.app.repos.users.create("console", "local", "Lãnh đạo A (máy)", a, Role.HEAD)
    chat = FakeChat(world.app.dispatcher, "local", platform="console")
    await world.chat(world.province_admin).send("/thu_nhac")
    out = io.StringIO()
    console = ConsoleAdapter(world.app.dispatcher, io.StringIO(""), out, files_dir=tmp_path)
    worker = console_worker(world, console)
    assert await worker.run_once() == 1  # only the console head's reminder goes through this adapter
    assert "🔔 Nhắc gửi báo cáo: Báo cáo công tác tháng" in out.getvalue()
    assert "1. Đã gửi báo cáo" in out.getvalue() and "2. Nhắc lại sau" in out.getvalue()

    menu = await chat.send("2")  # "Nhắc lại sau"
    assert joined(menu) == "Anh/chị muốn được nhắc lại khi nào?"
    assert joined(await chat.send("2")) == "Trợ lý sẽ nhắc lại lúc 08:00 ngày 03/03/2026."  # "8:00 sáng mai"

    clock.set(local(3, 3, 8))
    assert await worker.run_once() == 1
    assert "🔔 Nhắc lại báo cáo: Báo cáo công tác tháng, kỳ tháng 02/2026." in out.getvalue()
    marked = joined(await chat.send("1"))
    assert marked.startswith("Đã ghi nhận: Báo cáo công tác tháng kỳ tháng 02/2026 đã gửi (đúng hạn).")
    # "1" typed twice more (lag, impatience): a confirmation, then "keep" — the mark stays.
    assert joined(await chat.send("1")).startswith("Anh/chị muốn hoàn tác việc báo đã gửi")
    assert joined(await chat.send("1")).startswith("Không thay đổi gì:")
    sub = await world.app.repos.reports.get(CT, "2026-02", a)
    assert sub is not None and sub.sent_by_name == "Lãnh đạo A (máy)"
    # The head of A's other reminder (platform "test") was stopped by the mark.
    row = await world.app.repos.outbox.for_key(f"rem:{CT}:2026-02:{a}:{world.head_a.id}:d1@08:00")
    assert row is not None and row.status == "skipped"
