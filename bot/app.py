"""Composition root: builds storage, services, the router and the dispatcher, then an adapter."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from bot.adapters.contract import ChatAdapter
from bot.chat.context import Services
from bot.chat.dispatcher import Dispatcher
from bot.clock import Clock, SystemClock
from bot.config import ConfigError, Settings
from bot.delivery.outbox_worker import OutboxWorker, to_reply
from bot.delivery.planner import Planner
from bot.delivery.reloads import follow_reloads
from bot.delivery.scheduler import Scheduler
from bot.service.health import HealthServer, HealthState
from bot.service.metrics import ObservedDispatcher
from bot.service.preflight import NO_UNITS, NOT_THE_DEMO
from bot.service.upkeep import upkeep
from handlers import build_router
from knowledge.kb.library import Library
from knowledge.reports.config import ReportBook
from storage.database import redacted
from storage.db import Database, DatabaseUnavailable, DatabaseUnusable, open_database
from storage.outbox import OutboxMessage
from storage.repositories import Repositories

logger = logging.getLogger(__name__)

# On shutdown, how long the outbox may keep sending what is due before the adapter closes.
FLUSH_SECONDS = 5.0


@dataclass(slots=True)
class App:
    db: Database
    repos: Repositories
    services: Services
    dispatcher: Dispatcher

    async def close(self) -> None:
        await self.db.close()


class StartupError(RuntimeError):
    """The assistant cannot start; the message (Vietnamese and English) names the file or variable."""


RESTORE_HINT = (
    "Khôi phục từ bản sao lưu / restore from a backup: python -m bot admin restore FILE "
    "(README, mục «Backups and restore»)."
)


async def _load_knowledge(settings: Settings, library: Library | None) -> tuple[Library, ReportBook]:
    """The knowledge base and the report configuration, read before the database is opened (so
    a bad file leaves nothing open behind)."""
    try:
        if library is None:
            library = await asyncio.to_thread(Library)
    except Exception as exc:
        raise StartupError(
            f"Không đọc được cơ sở tri thức / cannot load the knowledge base (knowledge/data): {exc}"
        ) from exc
    where = f"BOT_REPORTS_FILE={settings.reports_file}" if settings.reports_file else "knowledge/data/reports.yaml"
    try:
        reports = await asyncio.to_thread(ReportBook, settings.reports_file)
    except Exception as exc:
        raise StartupError(
            f"Không đọc được cấu hình báo cáo hoặc lịch nghỉ / cannot load the report configuration "
            f"or days off ({where}): {exc}"
        ) from exc
    return library, reports


async def build_app(settings: Settings, clock: Clock | None = None, library: Library | None = None) -> App:
    library, reports = await _load_knowledge(settings, library)
    try:
        db = await open_database(settings.db_path, quick_check=settings.db_quick_check)
    except DatabaseUnusable as exc:
        raise StartupError(
            f"Cơ sở dữ liệu hỏng hoặc không phải SQLite / the database is unusable (BOT_DB={redacted(settings.db_path)}): "
            f"{exc}. {RESTORE_HINT}"
        ) from exc
    except DatabaseUnavailable as exc:
        raise StartupError(
            f"Không mở được cơ sở dữ liệu / cannot open the database (BOT_DB={redacted(settings.db_path)}): {exc}"
        ) from exc
    repos = Repositories.over(db)
    router = build_router()
    services = Services(
        repos=repos, settings=settings, clock=clock or SystemClock(), router=router, library=library, reports=reports
    )
    return App(db, repos, services, ObservedDispatcher(router, services))


def remember_menus(dispatcher: Dispatcher) -> Callable[[OutboxMessage], Awaitable[None]]:
    """The outbox's after-delivery hook: on console and Zalo, "1" presses the first button of
    the proactive message just delivered (a reminder, an alert)."""

    async def remember(message: OutboxMessage) -> None:
        # Proactive messages go to private chats, where the chat id is the user's platform id.
        buttons = to_reply(message).flat_buttons
        await dispatcher.remember_menu(message.platform, message.chat_id, message.chat_id, buttons)

    return remember


def _install_stop_signals(stop: asyncio.Event) -> None:
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, stop.set)


async def _serve(
    app: App,
    adapter: ChatAdapter,
    stop: asyncio.Event,
    *,
    per_second: float = 25.0,
    per_chat: float = 1.0,
) -> None:
    """Run the adapter and the scheduler (planner + outbox worker) until the adapter returns or a
    signal arrives. On the way out the scheduler stops first and sends what is due while the
    adapter can still send (at most ``FLUSH_SECONDS``); then the adapter stops."""
    worker = OutboxWorker(
        app.repos,
        adapter,
        app.services.clock,
        per_second=per_second,
        per_chat=per_chat,
        on_delivered=remember_menus(app.dispatcher),
    )
    assert app.services.reports is not None
    planner = Planner(app.repos, app.services.reports, app.services.settings.timezone)
    scheduler = Scheduler(app.repos, planner, worker, app.services.clock, app.services.settings.timezone)
    # Before any task starts, so a port already taken stops the start cleanly.
    health = await start_health(app, lambda: scheduler.leading, lambda: not serve_task.done())
    adapter_stop = asyncio.Event()
    serve_task = asyncio.ensure_future(adapter.run(adapter_stop))
    # The scheduler runs the outbox worker only while this process holds the sending lease.
    scheduler_task = asyncio.create_task(scheduler.run(stop), name="scheduler")
    upkeep_task = asyncio.create_task(upkeep(app.db, app.services.clock, app.services.settings, stop), name="upkeep")
    reloads_task = asyncio.create_task(follow_reloads(app.services, stop), name="reloads")
    stopped = asyncio.ensure_future(stop.wait())
    try:
        await asyncio.wait({serve_task, stopped}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        if health is not None:
            await health.close()
        stop.set()
        try:
            await asyncio.wait_for(asyncio.shield(scheduler_task), timeout=FLUSH_SECONDS)
        except TimeoutError:
            logger.warning("outbox: final sends still running after %.0f s; the rest stay queued", FLUSH_SECONDS)
        adapter_stop.set()
        await serve_task
        await scheduler_task
        await upkeep_task
        await reloads_task
        stopped.cancel()


async def start_health(
    app: App, leading: Callable[[], bool], adapter_running: Callable[[], bool]
) -> HealthServer | None:
    """The loopback /healthz and /metrics endpoint, when BOT_HEALTH_PORT is set."""
    port = app.services.settings.health_port
    if port is None:
        return None
    server = HealthServer(HealthState(app.repos, app.services.clock, adapter_running, leading), port)
    try:
        await server.start()
    except OSError as exc:
        raise ConfigError(f"BOT_HEALTH_PORT {port}: cannot listen on 127.0.0.1 ({exc.strerror})") from None
    return server


async def run(
    settings: Settings, platform: str, stop: asyncio.Event | None = None, *, console_as: str | None = None
) -> int:
    """Serve ``platform`` until a signal arrives (or ``stop`` is set, for tests); the exit code.
    ``console_as``: in the console chat, the local person to chat as (default: the demo admin)."""
    app = await build_app(settings)
    if stop is None:
        stop = asyncio.Event()
        _install_stop_signals(stop)
    try:
        if platform == "console":
            from bot.adapters.console import ConsoleAdapter, exports_dir
            from bot.demo import console_identity, ensure_demo_admin, local_name, local_person_name, seed_demo

            if settings.demo:
                await seed_demo(app.repos)
                if console_as is None and await ensure_demo_admin(app.repos) is None:
                    print(NOT_THE_DEMO, file=sys.stderr)
            elif await app.repos.units.count() == 0:
                print(NO_UNITS, file=sys.stderr)
                return 2
            local = await local_person_name(app.repos, local_name(settings.console_name))
            user_id, name = console_identity(console_as, local=local)
            console = ConsoleAdapter(
                app.dispatcher,
                sys.stdin,
                sys.stdout,
                files_dir=exports_dir(settings.db_path),
                user_id=user_id,
                display_name=name,
            )
            await _serve(app, console, stop)
        elif platform == "telegram":
            from bot.adapters.telegram import TelegramAdapter, TelegramStartError

            telegram = TelegramAdapter(app.dispatcher, settings)
            try:
                await _serve(
                    app,
                    telegram,
                    stop,
                    per_second=settings.telegram_rate_per_second,
                    per_chat=settings.telegram_rate_per_chat,
                )
            except TelegramStartError as exc:
                print(str(exc), file=sys.stderr)
                return 1
        elif platform == "zalo":
            from bot.adapters.zalo.adapter import ZaloAdapter, ZaloStartError

            zalo = ZaloAdapter(app.dispatcher, settings)
            try:
                await _serve(
                    app,
                    zalo,
                    stop,
                    per_second=settings.zalo_rate_per_second,
                    per_chat=settings.zalo_rate_per_chat,
                )
            except ZaloStartError as exc:
                print(str(exc), file=sys.stderr)
                return 1
            finally:
                await zalo.aclose()
        else:
            print(f"Nền tảng {platform} chưa được hỗ trợ trong phiên bản này.", file=sys.stderr)
            return 2
    finally:
        await app.close()
    return 0
