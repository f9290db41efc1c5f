"""Proactive messages on numbered platforms: an outbox message with buttons (the check-in
alert to heads) delivered over Zalo (real HTTP, fake Bot API) and in the console becomes the
user's numbered menu, so "1" presses its first button; 429 and other Zalo errors become the
outbox's retry decisions with backoff; the Zalo outbox pace is configurable and validated."""

from __future__ import annotations

import io
from datetime import timedelta
from pathlib import Path

import pytest

from bot.adapters.console import ConsoleAdapter
from bot.app import remember_menus
from bot.chat.menus import NUMBER_HINT
from bot.config import ConfigError, load_settings
from bot.delivery.outbox_worker import OutboxWorker, RateLimiter, Sender
from storage.users import Role, User
from tests.conftest import World
from tests.fakes import FakeChat, joined
from tests.handlers.test_checkin_support import add_sites, submit_one
from tests.zalo_harness import zalo_running

HEAD = "c0ffee00c0ffee00c0ff"
OVERDUE = ("3", "2", "0", "0", "1")  # one person held past term: the unit's heads are alerted


def _worker(world: World, sender: Sender) -> OutboxWorker:
    """A worker on the test's clock: a 429's pause of every send ends when the clock is moved."""
    app = world.app
    clock = app.services.clock
    limiter = RateLimiter(1000, 0, monotonic=lambda: clock.now().timestamp())
    return OutboxWorker(app.repos, sender, clock, limiter=limiter, on_delivered=remember_menus(app.dispatcher))


async def _alert(world: World, head: User) -> int:
    """A check-in by staff A with a person held past term; returns its id (the alert is queued)."""
    sites = await add_sites(world)
    checkin_id = await submit_one(world.chat(world.staff_a), sites.a1, OVERDUE)
    message = await world.app.repos.outbox.for_key(f"checkin-alert:{checkin_id}:{head.id}")
    assert message is not None and message.buttons == [[("Xem phiếu", f"kh:v:{checkin_id}")]]
    return checkin_id


async def test_zalo_alert_with_a_button_is_answered_with_1(world: World) -> None:
    head = await world.app.repos.users.create("zalo", HEAD, "Lãnh đạo Zalo", world.head_a.unit_id, Role.HEAD)
    async with zalo_running(world.app) as h:
        # The head had a numbered menu of their own before the alert arrived.
        [categories] = await h.say(HEAD, "/thoihan")
        assert "\n1. " in categories
        checkin_id = await _alert(world, head)
        assert await _worker(world, h.adapter).run_once() == 1  # only the Zalo recipient's message
        alert = h.fake.texts(HEAD)[-1]
        assert alert.startswith("⚠️ Cảnh báo kiểm sát") and alert.endswith(f"\n1. Xem phiếu\n{NUMBER_HINT}")
        [card] = await h.say(HEAD, "1")
        assert card.startswith(f"Phiếu số {checkin_id} ·") and "Nhà tạm giữ Công an khu vực A" in card
        [stale] = await h.say(HEAD, "5")  # the card's own menu is current now
        assert "Số 5 không có" in stale and "1. Sửa" in stale
    message = await world.app.repos.outbox.for_key(f"checkin-alert:{checkin_id}:{head.id}")
    assert message is not None and message.status == "sent"


async def test_console_alert_with_a_button_is_answered_with_1(world: World, tmp_path: Path) -> None:
    head = await world.app.repos.users.create("console", "local", "Quản trị demo", world.head_a.unit_id, Role.HEAD)
    chat = FakeChat(world.app.dispatcher, "local", platform="console")
    assert "\n1. " not in joined(await chat.send("/help"))  # no menu yet
    checkin_id = await _alert(world, head)
    out = io.StringIO()
    console = ConsoleAdapter(world.app.dispatcher, io.StringIO(""), out, files_dir=tmp_path)
    assert await _worker(world, console).run_once() == 1
    assert "🔔 Thông báo:" in out.getvalue() and "1. Xem phiếu" in out.getvalue()
    assert joined(await chat.send("1")).startswith(f"Phiếu số {checkin_id} ·")


async def test_a_message_without_buttons_keeps_the_menu(world: World) -> None:
    user = await world.app.repos.users.create("zalo", HEAD, "Lãnh đạo Zalo", world.head_a.unit_id, Role.HEAD)
    async with zalo_running(world.app) as h:
        [menu] = await h.say(HEAD, "/thoihan")
        assert "\n1. " in menu
        now = world.app.services.clock.now()
        await world.app.repos.outbox.enqueue(key="plain", user=user, text="Thông báo không có nút", now=now)
        assert await _worker(world, h.adapter).run_once() == 1
        assert h.fake.texts(HEAD)[-1] == "Thông báo không có nút"
        opened = "\n".join(await h.say(HEAD, "1"))  # still the category menu's first entry
        assert "Căn cứ:" in opened


async def test_429_on_an_outbox_send_backs_off_then_delivers(world: World) -> None:
    user = await world.app.repos.users.create("zalo", HEAD, "Lãnh đạo Zalo", world.head_a.unit_id, Role.HEAD)
    clock, outbox = world.app.services.clock, world.app.repos.outbox
    async with zalo_running(world.app) as h:
        worker = _worker(world, h.adapter)
        await outbox.enqueue(key="r1", user=user, text="Nhắc việc", now=clock.now(), buttons=[[("Đã xong", "x:1")]])
        h.fake.fail("sendMessage", 429, times=2)
        start = clock.now()
        await worker.run_once()
        first = await outbox.for_key("r1")
        assert first is not None and first.status == "pending" and first.next_attempt_at == start + timedelta(seconds=2)
        assert first.last_error is not None and first.last_error.startswith("429")
        clock.advance(seconds=2)  # type: ignore[attr-defined]
        await worker.run_once()
        second = await outbox.for_key("r1")  # consecutive 429s: the wait doubles
        assert second is not None and second.next_attempt_at == clock.now() + timedelta(seconds=4)
        clock.advance(seconds=4)  # type: ignore[attr-defined]
        await worker.run_once()
        done = await outbox.for_key("r1")
        assert done is not None and done.status == "sent" and done.attempts == 3
        assert h.fake.texts(HEAD) == [f"Nhắc việc\n1. Đã xong\n{NUMBER_HINT}"]
        # Zalo's own wait, when it gives one, wins over the backoff.
        await outbox.enqueue(key="r2", user=user, text="Nhắc lại", now=clock.now())
        h.fake.fail("sendMessage", 429, retry_after=30)
        await worker.run_once()
        told = await outbox.for_key("r2")
        assert told is not None and told.next_attempt_at == clock.now() + timedelta(seconds=30)


async def test_blocked_chat_is_unreachable_and_server_errors_retry(world: World) -> None:
    user = await world.app.repos.users.create("zalo", HEAD, "Lãnh đạo Zalo", world.head_a.unit_id, Role.HEAD)
    clock, outbox = world.app.services.clock, world.app.repos.outbox
    async with zalo_running(world.app) as h:
        worker = _worker(world, h.adapter)
        await outbox.enqueue(key="blocked", user=user, text="Một", now=clock.now())
        h.fake.fail("sendMessage", 403, description="Forbidden: user blocked the bot")
        await worker.run_once()
        blocked = await outbox.for_key("blocked")
        assert blocked is not None and blocked.status == "unreachable"
        await outbox.enqueue(key="later", user=user, text="Hai", now=clock.now())
        h.fake.fail("sendMessage", 503)
        await worker.run_once()
        later = await outbox.for_key("later")
        assert later is not None and later.status == "pending" and "503" in (later.last_error or "")


def test_zalo_outbox_pace_settings(tmp_path: Path) -> None:
    env_file = tmp_path / "none.env"
    defaults = load_settings(env={}, env_file=env_file)
    assert (defaults.zalo_rate_per_second, defaults.zalo_rate_per_chat) == (10.0, 1.0)
    custom = load_settings(env={"ZALO_RATE_PER_SECOND": "2,5", "ZALO_RATE_PER_CHAT_SECONDS": "0"}, env_file=env_file)
    assert (custom.zalo_rate_per_second, custom.zalo_rate_per_chat) == (2.5, 0.0)
    for name, value in (
        ("ZALO_RATE_PER_SECOND", "0"),
        ("ZALO_RATE_PER_SECOND", "nhanh"),
        ("ZALO_RATE_PER_SECOND", "nan"),
        ("ZALO_RATE_PER_CHAT_SECONDS", "-1"),
        ("ZALO_MEDIA_URL", "http://insecure.example"),
    ):
        with pytest.raises(ConfigError, match=name):
            load_settings(env={name: value}, env_file=env_file)


async def test_report_reminder_is_marked_sent_with_1(world: World) -> None:
    """The issue's "reminder with 1 = Đã gửi báo cáo": /thu_nhac sends the next real reminder now."""
    head = await world.app.repos.users.create("zalo", HEAD, "Lãnh đạo Zalo", world.head_a.unit_id, Role.HEAD)
    assert "Đã gửi ngay lần nhắc" in await world.chat(world.admin_a).text("/thu_nhac")
    async with zalo_running(world.app) as h:
        assert await _worker(world, h.adapter).run_once() == 1
        [reminder] = h.fake.texts(HEAD)
        assert reminder.startswith("🔔 Nhắc gửi báo cáo") and "\n1. Đã gửi báo cáo\n2. Nhắc lại sau\n" in reminder
        [marked] = await h.say(HEAD, "1")
        assert marked.startswith("Đã ghi nhận:") and "Trợ lý dừng nhắc kỳ này" in marked
        [status] = await h.say(HEAD, "/baocao")
        assert "đã gửi" in status.splitlines()[1] and "(Lãnh đạo Zalo)" in status.splitlines()[1]
    assert head.platform == "zalo"
