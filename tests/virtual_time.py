"""An asyncio event loop on virtual time, for tests of code that waits (rate limits, retries).

``loop.time()`` starts at 0 and moves only when every task is waiting for a timer: the loop
then jumps to the earliest timer instead of sleeping. I/O and threads stay real: before a jump
the loop gives pending I/O (the SQLite thread answering, say) ``GRACE`` real seconds to arrive.
A slow database call may therefore let virtual time run on while it works, as real time would;
what a test asserts about spacing must hold however long such calls take.

    with asyncio.Runner(loop_factory=VirtualTimeLoop) as runner:
        runner.run(scenario())
"""

from __future__ import annotations

import asyncio
import selectors
from datetime import UTC, datetime, timedelta
from typing import Any

GRACE = 0.002


class _Selector(selectors.DefaultSelector):  # type: ignore[misc,valid-type]
    def __init__(self) -> None:
        super().__init__()
        self.loop: VirtualTimeLoop | None = None

    def select(self, timeout: float | None = None) -> list[tuple[Any, int]]:
        ready = super().select(0)
        if ready or timeout == 0:
            return ready
        if timeout is None:  # no timer at all: only I/O (or another thread) can wake the loop
            return super().select(None)
        ready = super().select(min(timeout, GRACE))
        if not ready and self.loop is not None:
            self.loop.advance(timeout)
        return ready


class VirtualTimeLoop(asyncio.SelectorEventLoop):
    def __init__(self) -> None:
        selector = _Selector()
        super().__init__(selector)
        selector.loop = self
        self._virtual = 0.0

    def time(self) -> float:
        return self._virtual

    def advance(self, seconds: float) -> None:
        self._virtual += max(seconds, 0.0)


class LoopClock:
    """The application clock (``bot.clock.Clock``) on the running loop's time."""

    def __init__(self, start: datetime | None = None) -> None:
        self.start = start or datetime(2026, 3, 2, 1, 0, tzinfo=UTC)

    def now(self) -> datetime:
        return self.start + timedelta(seconds=asyncio.get_running_loop().time())
