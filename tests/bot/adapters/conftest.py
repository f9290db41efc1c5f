"""Fixtures shared by the adapter tests."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Record the delays asked of ``asyncio.sleep`` and yield to the loop instead of waiting."""
    real_sleep = asyncio.sleep
    asked: list[float] = []

    async def quick_sleep(delay: float, result: Any = None) -> Any:
        asked.append(float(delay))
        return await real_sleep(0, result)

    monkeypatch.setattr(asyncio, "sleep", quick_sleep)
    return asked
