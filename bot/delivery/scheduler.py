"""Timing for proactive messages. The database is the source of truth; APScheduler only
wakes us up.

- One sender per platform per database: a process sends (plans reminders and runs the
  outbox worker) only while it holds the lease ``outbox:<platform>``, renewed every
  ``ttl / 3``. A second process on the same database waits; if the holder dies, the
  lease expires and the second takes over (and marks the holder's in-flight sends as
  uncertain, never resending them).
- Every minute (APScheduler cron, Asia/Ho_Chi_Minh) the planner queues what fell due since
  it last planned, then the outbox is woken. At start-up the same call plans everything
  missed while the process was down. Nothing lives only in memory.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import secrets
import socket
from datetime import timedelta, tzinfo

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.clock import Clock
from bot.delivery.outbox_worker import OutboxWorker
from bot.delivery.outbox_worker import _first as first_of
from bot.delivery.planner import Planner, PlanResult
from storage.repositories import Repositories

logger = logging.getLogger(__name__)

LEASE_TTL = timedelta(seconds=60)


def holder_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(3)}"


def stopped_here(holder: str) -> bool:
    """True when ``holder`` was a process on this machine that no longer runs (it was killed):
    its lease need not be waited out. A process we cannot see, or a reused pid, counts as running."""
    host, _, rest = holder.partition(":")
    pid_text = rest.partition(":")[0]
    if host != socket.gethostname() or not pid_text.isdigit() or int(pid_text) == os.getpid():
        return False
    try:
        os.kill(int(pid_text), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


class Scheduler:
    def __init__(
        self,
        repos: Repositories,
        planner: Planner,
        worker: OutboxWorker,
        clock: Clock,
        tz: tzinfo,
        *,
        holder: str | None = None,
        ttl: timedelta = LEASE_TTL,
    ) -> None:
        self.repos = repos
        self.planner = planner
        self.worker = worker
        self.clock = clock
        self.tz = tz
        self.holder = holder or holder_id()
        self.ttl = ttl
        self.lease = "outbox:" + ",".join(worker.sender.platforms)
        self.leading = False
        self._tick = asyncio.Event()

    async def lead(self) -> bool:
        """Take or renew the lease. On becoming the leader, reconcile sends that a previous
        holder left in flight (they become 'uncertain', never sent twice)."""
        leases, now = self.repos.leases, self.clock.now()
        held = await leases.acquire(self.lease, self.holder, now, self.ttl)
        if not held:
            current = await leases.holder(self.lease, now)
            if current is not None and stopped_here(current):
                held = await leases.take_over(self.lease, current, self.holder, now, self.ttl)
                if held:
                    # Routine after a restart on this machine (the old process is gone): not a warning.
                    logger.info("scheduler %s: took over the lease of %s, which has stopped", self.holder, current)
        if held and not self.leading:
            logger.info("scheduler %s: holding the lease %s", self.holder, self.lease)
            await self.worker.start()
        elif not held and self.leading:
            logger.warning("scheduler %s: lost the lease %s; stopping sends", self.holder, self.lease)
        self.leading = held
        return held

    async def step(self) -> PlanResult | None:
        """One pass: renew the lease, plan what fell due, deliver what is due. None when
        another process holds the lease (this one sends nothing)."""
        if not await self.lead():
            return None
        result = await self.planner.plan(self.clock.now())
        await self.worker.run_once()
        return result

    async def run(self, stop: asyncio.Event) -> None:
        """Until ``stop``: plan every minute (and at once at start-up), keep the outbox worker
        running while this process holds the lease."""
        aps = AsyncIOScheduler(timezone=self.tz)
        aps.add_job(self._tick.set, "cron", second=0, id="plan", coalesce=True, max_instances=1)
        aps.add_job(self._tick.set, "interval", seconds=max(self.ttl.total_seconds() / 3, 1), id="lease")
        aps.start()
        worker_stop: asyncio.Event | None = None
        worker_task: asyncio.Task[None] | None = None
        try:
            while not stop.is_set():
                if await self.lead():
                    await self.planner.plan(self.clock.now())
                    if worker_task is None:
                        worker_stop = asyncio.Event()
                        worker_task = asyncio.create_task(self.worker.run(worker_stop), name="outbox")
                    self.worker.wake()
                elif worker_task is not None and worker_stop is not None:
                    worker_stop.set()
                    await worker_task
                    worker_task = None
                self._tick.clear()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(first_of(self._tick, stop), timeout=self.ttl.total_seconds() / 3)
        finally:
            aps.shutdown(wait=False)
            if worker_task is not None and worker_stop is not None:
                worker_stop.set()
                await worker_task
            if self.leading:
                await self.worker.run_once()  # what handlers queued just before the end still goes out
                await self.repos.leases.release(self.lease, self.holder)
                self.leading = False
