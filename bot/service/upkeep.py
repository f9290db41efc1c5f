"""Hourly housekeeping while the assistant runs: the retention rules (``storage.maintenance``; audit rows are kept)."""

from __future__ import annotations

import asyncio
import contextlib
import logging

from bot.clock import Clock
from bot.config import Settings
from storage.db import Database
from storage.maintenance import Retention, apply_retention

logger = logging.getLogger(__name__)

UPKEEP_SECONDS = 3600


def retention(settings: Settings) -> Retention:
    return Retention(settings.retain_update_keys_days, settings.retain_questions_days, settings.retain_outbox_days)


async def upkeep(db: Database, clock: Clock, settings: Settings, stop: asyncio.Event) -> None:
    """Apply the retention rules now and every hour until ``stop`` is set."""
    while not stop.is_set():
        try:
            pruned = await apply_retention(db, clock.now(), retention(settings))
        except Exception:  # a full disk must not stop the assistant: next hour again
            logger.exception("retention failed")
        else:
            if any(pruned.values()):
                logger.info("retention: %s", ", ".join(f"{k} {v}" for k, v in pruned.items()))
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=UPKEEP_SECONDS)
