"""Report reminders over simulated weeks, on a fake clock (never sleeps): who gets which
message when, "Đã gửi báo cáo" between two reminders, snooze, escalation listing only late
units, a restart in the middle (missed reminders caught up once, stale ones skipped), two
processes on one database (only the lease holder sends), a blocked recipient and 429s.

The shipped example configuration is used (knowledge/data/reports.yaml). For the period
November 2026: Báo cáo công tác tháng is due Friday 04/12 (the 5th is a Saturday), with
reminders at 08:00 on 01/12 (3 working days before), 03/12 (1 day before) and 04/12, and
the province escalation at 09:00 on Monday 07/12. Báo cáo tổng kết năm (01/12/2025 –
30/11/2026) is due on 04/12 too, first reminded on 27/11 (5 working days before).
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.app import App, build_app
from bot.chat.messages import Reply
from bot.config import Settings
from bot.delivery.outbox_worker import OutboxWorker, RateLimiter, RetryLater, Unreachable
from bot.delivery.planner import STALE, SUPERSEDED, Planner
from bot.delivery.scheduler import Scheduler
from knowledge.kb.library import Library
from storage.users import Role, User
from tests import REPO_ROOT
from tests.conftest import ESTABLISHED
from tests.fakes import FakeChat, FakeClock

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
CT = "cong_tac_thang"
TKN = "tong_ket_nam"


def at(text: str) -> datetime:
    """'01/12 08:00' → that moment in 2026 (local time)."""
    return datetime.strptime(f"{text} 2026", "%d/%m %H:%M %Y").replace(tzinfo=TZ)


@dataclass
class Sent:
    chat_id: str
    text: str
    buttons: list[str]
    at: datetime


@dataclass
class Platform:
    """The fake messenger: records every delivery with the (fake) time it happened."""

    clock: FakeClock
    platforms: tuple[str, ...] = ("test",)
    sent: list[Sent] = field(default_factory=list)
    blocked: set[str] = field(default_factory=set)
    busy_for: int = 0  # answer this many sends with 429 first

    async def deliver(self, chat_id: str, replies: list[Reply]) -> None:
        if chat_id in self.blocked:
            raise Unreachable("Forbidden: bot was blocked by the user")
        if self.busy_for:
            self.busy_for -= 1
            raise RetryLater(30)
        for r in replies:
            # Pacing waits move the fake clock by milliseconds: record to the second.
            self.sent.append(
                Sent(chat_id, r.text, [b.data for b in r.flat_buttons], self.clock.now().replace(microsecond=0))
            )

    def to(self, chat_id: str, contains: str = "") -> list[Sent]:
        return [s for s in self.sent if s.chat_id == chat_id and contains in s.text]


@dataclass
class Province:
    app: App
    clock: FakeClock
    heads: dict[str, User]
    province_admin: User
    province_head: User
    unit_ids: dict[str, int]

    def chat(self, user: User) -> FakeChat:
        return FakeChat(self.app.dispatcher, user.platform_user_id, platform=user.platform)


def process(app: App, clock: FakeClock, holder: str) -> tuple[Scheduler, Platform]:
    """One running assistant process: its planner, outbox worker and scheduler."""
    platform = Platform(clock)

    async def sleep(seconds: float) -> None:  # waiting (a 429's pause) moves the fake clock
        clock.advance(seconds=seconds)

    limiter = RateLimiter(1000, 0, monotonic=lambda: clock.now().timestamp(), sleep=sleep)
    worker = OutboxWorker(app.repos, platform, clock, limiter=limiter)
    assert app.services.reports is not None
    planner = Planner(app.repos, app.services.reports, TZ)
    return Scheduler(app.repos, planner, worker, clock, TZ, holder=holder), platform


async def run_until(
    scheduler: Scheduler, clock: FakeClock, end: datetime, step: timedelta = timedelta(minutes=30)
) -> None:
    """Move time in steps (every configured moment falls on the hour or half hour) and let the
    scheduler plan and deliver at each."""
    while clock.now() < end:
        clock.advance(seconds=step.total_seconds())
        await scheduler.step()


async def seed(app: App, clock: FakeClock) -> Province:
    units = app.repos.units
    province = await units.add("T", "VKSND tỉnh Thử", "tinh", now=ESTABLISHED)
    ids = {"T": province.id}
    heads = {}
    for n in (1, 2, 3):
        unit = await units.add(f"KV{n}", f"VKSND khu vực {n}", "khu_vuc", "T", now=ESTABLISHED)
        ids[f"KV{n}"] = unit.id
        heads[f"KV{n}"] = await app.repos.users.create("test", f"h{n}", f"Lãnh đạo {n}", unit.id, Role.HEAD)
    await app.repos.users.create("test", "s1", "Cán bộ 1", ids["KV1"], Role.STAFF)
    admin = await app.repos.users.create("test", "pa", "Quản trị tỉnh", province.id, Role.ADMIN)
    head = await app.repos.users.create("test", "ph", "Lãnh đạo tỉnh", province.id, Role.HEAD)
    return Province(app, clock, heads, admin, head, ids)


@pytest.fixture
async def province(app: App, clock: FakeClock) -> Province:
    clock.set(at("25/11 00:00"))
    return await seed(app, clock)


def keys(platform: Platform) -> Counter[tuple[str, str]]:
    return Counter((s.chat_id, s.text) for s in platform.sent)


async def test_a_month_of_reminders_with_sent_marks_snooze_and_escalation(province: Province) -> None:
    p, clock = province, province.clock
    scheduler, platform = process(p.app, clock, "one")
    await scheduler.step()  # first start: planning begins now, nothing in the past is sent
    assert platform.sent == []

    await run_until(scheduler, clock, at("01/12 08:00"))
    # Tổng kết năm: first reminder 27/11 08:00 to every regional head, nobody else.
    for n in (1, 2, 3):
        [first, *_] = platform.to(f"h{n}", "Báo cáo tổng kết năm")
        assert first.at == at("27/11 08:00") and "Hạn gửi: Thứ Sáu 04/12/2026 (còn 7 ngày)" in first.text
    assert platform.to("pa") == [] and platform.to("ph") == [] and platform.to("s1") == []
    # 01/12 08:00: the first reminder of the monthly work report, with its three buttons.
    [ct1] = platform.to("h2", "Báo cáo công tác tháng")
    assert ct1.at == at("01/12 08:00") and "kỳ tháng 11/2026" in ct1.text
    assert ct1.buttons == [f"rp:{a}:{CT}:2026-11:{p.unit_ids['KV2']}" for a in ("s", "z", "i")]

    # KV2's head snoozes it for two hours; KV1's head marks it as sent the next day.
    head2 = p.chat(p.heads["KV2"])
    await head2.press(ct1.buttons[1])
    [confirm] = await head2.press(f"rp:z2:{CT}:2026-11:{p.unit_ids['KV2']}")
    assert "10:00 ngày 01/12/2026" in confirm.text
    await run_until(scheduler, clock, at("02/12 10:00"))
    snoozed = platform.to("h2", "Nhắc lại báo cáo: Báo cáo công tác tháng")
    assert [s.at for s in snoozed] == [at("01/12 10:00")]
    [done] = await p.chat(p.heads["KV1"]).press(f"rp:s:{CT}:2026-11:{p.unit_ids['KV1']}")
    assert "Đã ghi nhận" in done.text and "đúng hạn" in done.text

    # Everyone but KV3 sends the annual report on 03/12; KV2 sends the monthly one on 04/12 14:00.
    await run_until(scheduler, clock, at("03/12 11:00"))
    for n in (1, 2):
        await p.chat(p.heads[f"KV{n}"]).send(f"/danop {TKN} 2026")
    await run_until(scheduler, clock, at("04/12 14:00"))
    await p.chat(p.heads["KV2"]).send(f"/danop {CT} 11/2026")
    await run_until(scheduler, clock, at("10/12 00:00"))

    def moments(chat: str, report: str) -> list[datetime]:
        return [s.at for s in platform.to(chat, f"Nhắc gửi báo cáo: {report}")]

    assert moments("h1", "Báo cáo công tác tháng") == [at("01/12 08:00")]  # nothing after "Đã gửi"
    assert moments("h2", "Báo cáo công tác tháng") == [at("01/12 08:00"), at("03/12 08:00"), at("04/12 08:00")]
    assert moments("h3", "Báo cáo công tác tháng") == [at("01/12 08:00"), at("03/12 08:00"), at("04/12 08:00")]
    assert moments("h1", "Báo cáo tổng kết năm") == [at("27/11 08:00"), at("03/12 08:00")]
    assert moments("h3", "Báo cáo tổng kết năm") == [at("27/11 08:00"), at("03/12 08:00"), at("04/12 08:00")]

    # Escalation: one summary per report to the province's admin and head, listing only late units.
    for chat in ("pa", "ph"):
        [ct_esc] = platform.to(chat, "Báo cáo công tác tháng, kỳ tháng 11/2026")
        assert ct_esc.at == at("07/12 09:00")
        assert "1/3 đơn vị" in ct_esc.text and "• VKSND khu vực 3: trễ 3 ngày" in ct_esc.text
        assert "khu vực 1" not in ct_esc.text and "khu vực 2" not in ct_esc.text
        [tkn_esc] = platform.to(chat, "Báo cáo tổng kết năm")
        assert "• VKSND khu vực 3" in tkn_esc.text and "khu vực 1:" not in tkn_esc.text
    assert platform.to("h1", "📋") == []  # regional heads get no escalation

    # Nothing went out twice, and nothing arrived outside its moment (or the snooze time).
    assert max(keys(platform).values()) == 1
    allowed = {
        at("27/11 08:00"),
        at("01/12 08:00"),
        at("01/12 10:00"),
        at("03/12 08:00"),
        at("04/12 08:00"),
        at("04/12 09:00"),
        at("07/12 09:00"),
    }
    assert {s.at for s in platform.sent} <= allowed


async def test_a_sent_mark_cancels_reminders_already_queued(province: Province) -> None:
    """A reminder queued but not yet delivered (a backlog, a snooze) is skipped once the unit
    marks the report as sent, in the same transaction as the mark."""
    p, clock = province, province.clock
    scheduler, platform = process(p.app, clock, "one")
    await scheduler.step()
    clock.set(at("01/12 08:00"))
    await scheduler.planner.plan(clock.now())  # queued, not delivered yet
    kv3 = p.unit_ids["KV3"]
    [done] = await p.chat(p.heads["KV3"]).press(f"rp:s:{CT}:2026-11:{kv3}")
    assert "Đã ghi nhận" in done.text
    await scheduler.worker.run_once()
    assert platform.to("h3", "Báo cáo công tác tháng") == []
    message = await p.app.repos.outbox.for_key(f"rem:{CT}:2026-11:{kv3}:{p.heads['KV3'].id}:w3@08:00")
    assert message is not None and message.status == "skipped" and message.last_error == "đơn vị đã gửi báo cáo"
    # ... and the planner does not queue that period's later reminders for KV3 either.
    await run_until(scheduler, clock, at("05/12 00:00"))
    assert platform.to("h3", "Báo cáo công tác tháng") == []
    assert len(platform.to("h2", "Báo cáo công tác tháng")) == 3


async def test_restart_catches_up_the_latest_missed_reminder_once(settings: Settings, library: Library) -> None:
    clock = FakeClock(at("30/11 12:00"))
    app = await build_app(settings, clock=clock, library=library)
    p = await seed(app, clock)
    scheduler, platform = process(app, clock, "first")
    await scheduler.step()
    await run_until(scheduler, clock, at("01/12 07:00"))
    assert platform.sent == []
    await app.close()

    # Down from 01/12 07:00 to 03/12 09:10: the 01/12 and 03/12 08:00 reminders were missed.
    clock.set(at("03/12 09:10"))
    app2 = await build_app(settings, clock=clock, library=library)
    try:
        scheduler2, platform2 = process(app2, clock, "second")
        await scheduler2.step()
        ct = platform2.to("h1", "Báo cáo công tác tháng")
        assert [s.at for s in ct] == [at("03/12 09:10")] and "hạn là ngày mai" in ct[0].text
        h1 = p.heads["KV1"].id
        older = await app2.repos.outbox.for_key(f"rem:{CT}:2026-11:{p.unit_ids['KV1']}:{h1}:w3@08:00")
        assert older is not None and older.status == "skipped" and older.last_error == SUPERSEDED
        # One reminder per report period missed (all three were due at 08:00 on 03/12), each once.
        names = sorted(t.text.split(": ", 1)[1].split(",")[0] for t in platform2.to("h1"))
        assert names == ["Báo cáo công tác tháng", "Báo cáo thống kê tháng", "Báo cáo tổng kết năm"]
        before = len(platform2.sent)
        await scheduler2.step()  # planning the same moments again sends nothing twice
        await run_until(scheduler2, clock, at("03/12 23:00"))
        assert len(platform2.sent) == before
    finally:
        await app2.close()


async def test_reminders_missed_beyond_their_use_are_recorded_as_skipped(settings: Settings, library: Library) -> None:
    clock = FakeClock(at("30/11 12:00"))
    app = await build_app(settings, clock=clock, library=library)
    try:
        p = await seed(app, clock)
        scheduler, platform = process(app, clock, "one")
        await scheduler.step()
        clock.set(at("05/12 10:00"))  # after the due day (04/12): the monthly reminders are stale
        await scheduler.step()
        assert platform.to("h1", "Nhắc gửi báo cáo: Báo cáo công tác tháng") == []
        key = f"rem:{CT}:2026-11:{p.unit_ids['KV1']}:{p.heads['KV1'].id}:d0@08:00"
        stale = await app.repos.outbox.for_key(key)
        assert stale is not None and stale.status == "skipped" and stale.last_error == STALE
        # The escalation (07/12 09:00) still comes at its time.
        await run_until(scheduler, clock, at("07/12 09:00"))
        assert len(platform.to("pa", "Báo cáo công tác tháng")) == 1
    finally:
        await app.close()


async def test_two_processes_on_one_database_send_once(settings: Settings, library: Library) -> None:
    clock = FakeClock(at("30/11 12:00"))
    app1 = await build_app(settings, clock=clock, library=library)
    app2 = await build_app(settings, clock=clock, library=library)
    try:
        await seed(app1, clock)
        one, sent1 = process(app1, clock, "one")
        two, sent2 = process(app2, clock, "two")
        assert await one.step() is not None
        assert await two.step() is None  # the lease is held: the second process sends nothing
        while clock.now() < at("01/12 09:00"):
            clock.advance(minutes=30)
            await one.step()
            await two.step()
        assert len(sent1.to("h1", "Báo cáo công tác tháng")) == 1 and sent2.sent == []

        # The first process dies (stops renewing). Within the lease time nobody sends; after it,
        # the second takes over and sends the next reminders exactly once.
        clock.set(at("03/12 08:00"))
        assert await two.step() is not None
        await run_until(two, clock, at("03/12 09:00"))
        assert [s.at for s in sent2.to("h1", "Báo cáo công tác tháng")] == [at("03/12 08:00")]
        assert len(sent1.to("h1", "Báo cáo công tác tháng")) == 1
        # If the first comes back, it does not get the lease while the second renews it.
        assert await one.step() is None
    finally:
        await app1.close()
        await app2.close()


async def test_blocked_recipient_is_unreachable_and_429_is_retried_after_its_wait(province: Province) -> None:
    p, clock = province, province.clock
    scheduler, platform = process(p.app, clock, "one")
    await scheduler.step()
    platform.blocked.add("h3")
    platform.busy_for = 1
    await run_until(scheduler, clock, at("01/12 08:00"))
    kv1, kv3 = p.unit_ids["KV1"], p.unit_ids["KV3"]
    blocked = await p.app.repos.outbox.for_key(f"rem:{CT}:2026-11:{kv3}:{p.heads['KV3'].id}:w3@08:00")
    assert blocked is not None and blocked.status == "unreachable" and blocked.attempts == 1
    # One send got a 429: every send paused for the 30 s asked for, then each went out once.
    assert max(keys(platform).values()) == 1 and min(s.at for s in platform.sent if s.at >= at("01/12 08:00")) == (
        at("01/12 08:00") + timedelta(seconds=30)
    )
    delivered = await p.app.repos.outbox.for_key(f"rem:{CT}:2026-11:{kv1}:{p.heads['KV1'].id}:w3@08:00")
    assert delivered is not None and delivered.status == "sent"
    assert platform.to("h3") == []
    counts = await p.app.repos.outbox.count_by_status()
    assert counts.get("pending", 0) == 0 and counts.get("unreachable") >= 1


async def test_undo_within_a_day_resumes_reminders(province: Province) -> None:
    p, clock = province, province.clock
    scheduler, platform = process(p.app, clock, "one")
    await scheduler.step()
    await run_until(scheduler, clock, at("01/12 09:00"))
    kv1 = p.unit_ids["KV1"]
    head = p.chat(p.heads["KV1"])
    await head.press(f"rp:s:{CT}:2026-11:{kv1}")
    [undone] = await head.press(f"rp:u:{CT}:2026-11:{kv1}")
    assert "Đã hoàn tác" in undone.text
    await run_until(scheduler, clock, at("03/12 09:00"))
    assert [s.at for s in platform.to("h1", "Nhắc gửi báo cáo: Báo cáo công tác tháng")] == [
        at("01/12 08:00"),
        at("03/12 08:00"),
    ]
    audit = await p.app.repos.audit.for_target("report", f"report:{CT}:2026-11:{kv1}")
    assert [a.action for a in audit] == ["report.sent", "report.undo"]


async def test_morning_digest_lists_facilities_due_for_inspection(province: Province) -> None:
    from storage.facilities import FacilityInput

    p, clock = province, province.clock
    await p.app.repos.facilities.import_rows(
        p.unit_ids["KV1"], [FacilityInput("Nhà tạm giữ KV1", "nha_tam_giu")], now=ESTABLISHED
    )
    scheduler, platform = process(p.app, clock, "one")
    await scheduler.step()
    await run_until(scheduler, clock, at("26/11 08:00"))
    digests = platform.to("h1", "Việc trong ngày")
    assert [d.at for d in digests] == [at("25/11 07:30"), at("26/11 07:30")]
    assert "Nhà tạm giữ KV1: quá hạn kiểm sát" in digests[0].text
    assert platform.to("h2", "Việc trong ngày") == []  # nothing to say to KV2: no digest
    # The province admin's scope includes KV1's facility.
    assert len(platform.to("pa", "Việc trong ngày")) == 2


async def test_scheduler_run_plans_at_start_up_and_stops_on_request(province: Province) -> None:
    """The real loop (APScheduler wakes it): at start-up it plans what was missed and the
    outbox worker delivers it; setting the stop event ends it and releases the lease."""
    import asyncio

    p, clock = province, province.clock
    scheduler, platform = process(p.app, clock, "one")
    await scheduler.step()
    clock.set(at("01/12 08:05"))
    stop = asyncio.Event()
    task = asyncio.create_task(scheduler.run(stop))
    for _ in range(200):
        if len(platform.to("h1", "Báo cáo công tác tháng")) == 1:
            break
        await asyncio.sleep(0.02)
    stop.set()
    await asyncio.wait_for(task, timeout=10)
    assert len(platform.to("h1", "Báo cáo công tác tháng")) == 1
    assert await p.app.repos.leases.holder(scheduler.lease, clock.now()) is None


def test_only_the_scheduler_imports_apscheduler() -> None:
    root = REPO_ROOT
    users = [
        f.relative_to(root).as_posix()
        for d in ("bot", "handlers", "knowledge", "storage")
        for f in (root / d).rglob("*.py")
        if "apscheduler" in f.read_text(encoding="utf-8")
    ]
    assert users == ["bot/delivery/scheduler.py"]


async def test_a_killed_process_on_this_machine_is_not_waited_out(settings: Settings, library: Library) -> None:
    """A lease held by a process of this machine that no longer runs (SIGKILL) is taken over at
    once; a live holder's lease is respected until it expires."""
    import asyncio
    import socket
    import sys

    dead = await asyncio.create_subprocess_exec(sys.executable, "-c", "pass")
    await dead.wait()
    clock = FakeClock(at("30/11 12:00"))
    app = await build_app(settings, clock=clock, library=library)
    try:
        await seed(app, clock)
        host = socket.gethostname()
        killed, _ = process(app, clock, f"{host}:{dead.pid}:aaaaaa")
        assert await killed.step() is not None
        successor, _ = process(app, clock, f"{host}:{os.getpid()}:bbbbbb")
        assert await successor.step() is not None  # no 60-second wait
        assert await app.repos.leases.holder(successor.lease, clock.now()) == successor.holder

        alive, _ = process(app, clock, f"{host}:{os.getppid()}:cccccc")  # our parent: running
        await app.repos.leases.release(successor.lease, successor.holder)
        assert await alive.step() is not None
        assert await successor.step() is None
    finally:
        await app.close()


async def test_sent_and_undo_are_audited_at_the_assistant_clock(province: Province) -> None:
    p, clock = province, province.clock
    clock.set(at("02/12 10:00"))
    kv1 = p.unit_ids["KV1"]
    head = p.chat(p.heads["KV1"])
    await head.press(f"rp:s:{CT}:2026-11:{kv1}")
    clock.set(at("02/12 11:30"))
    await head.press(f"rp:u:{CT}:2026-11:{kv1}")
    audit = await p.app.repos.audit.for_target("report", f"report:{CT}:2026-11:{kv1}")
    assert [(a.action, a.at) for a in audit] == [
        ("report.sent", "2026-12-02T03:00:00+00:00"),
        ("report.undo", "2026-12-02T04:30:00+00:00"),
    ]
