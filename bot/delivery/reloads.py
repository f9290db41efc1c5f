"""/kb_reload and /baocao_nap reach every worker sharing the database: the command reloads
the worker that received it and raises a signal (``storage/signals.py``); every other worker
polls the signals and reloads what was raised since it last looked."""

from __future__ import annotations

import asyncio
import contextlib
import logging

from bot.chat.context import Services
from storage.signals import KB_RELOAD, REPORTS_RELOAD

logger = logging.getLogger(__name__)

POLL_SECONDS = 5.0


async def apply_news(services: Services) -> list[str]:
    """Reload what other workers reloaded since the last look; the names acted on."""
    news = await services.repos.signals.news()
    for name in news:
        if name == KB_RELOAD and services.library is not None:
            problems = services.library.reload()  # as /kb_reload does, on the loop
            if problems:
                logger.warning("knowledge base reload raised by another worker failed here: %d problems", len(problems))
            else:
                logger.info("knowledge base reloaded (raised by another worker)")
        elif name == REPORTS_RELOAD and services.reports is not None:
            error = await asyncio.to_thread(services.reports.reload)
            if error:
                logger.warning("report configuration reload raised by another worker failed here: %s", error)
            else:
                logger.info("report configuration reloaded (raised by another worker)")
    return news


async def follow_reloads(services: Services, stop: asyncio.Event, every: float = POLL_SECONDS) -> None:
    """Until ``stop``: every ``every`` seconds, apply what other workers raised."""
    await services.repos.signals.start_following()
    while not stop.is_set():
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=every)
        if stop.is_set():
            return
        try:
            await apply_news(services)
        except Exception:  # a failed poll is tried again at the next one; it must not stop the worker
            logger.exception("could not read the reload signals")
