"""The pace of sends to one platform: an overall rate, a per-chat interval and the pauses a
platform asks for (HTTP 429). Used by the outbox worker (``bot/delivery/outbox_worker.py``)."""

from __future__ import annotations

import asyncio
import contextlib
import math
import time
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable

# The shortest wait: a clock that cannot represent a smaller step would otherwise spin.
_EPSILON = 1e-6


class RateLimiter:
    """The pace of sends to one platform.

    - ``slot()`` then ``ready()``: sends evenly spaced at ``per_second``, never more than that in
      any window of one second (checked at the moment of the send, whatever delayed it after its
      slot), and none while the platform has asked every send to pause (``pause``: a 429 /
      flood-control answer applies to the whole bot, not to one message).
    - ``chat(chat_id)``: one send at a time per chat, and ``per_chat`` seconds from the end of one
      send to a chat to the start of the next (so the platform, whatever the network's latency,
      never sees two messages to a chat closer than ``per_chat``), retries included.

    ``monotonic`` and ``sleep`` are injectable so tests can run on fake time.
    """

    def __init__(
        self,
        per_second: float,
        per_chat: float,
        *,
        monotonic: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        if not per_second > 0 or not per_chat >= 0:
            raise ValueError("per_second must be > 0 and per_chat >= 0")
        self.per_second = per_second
        self.per_chat = per_chat
        self._interval = 1.0 / per_second
        self._now = monotonic
        self._sleep = sleep
        self._next_slot = -math.inf
        self._paused_until = -math.inf
        # At most ``_burst`` sends in any ``_span`` seconds: the start times of the last ``_burst``.
        self._span = max(1.0, 1.0 / per_second)
        self._burst = max(1, math.floor(per_second * self._span + 1e-9))
        self._recent: deque[float] = deque(maxlen=self._burst)
        self._chat_ready: dict[str, float] = {}  # chat -> earliest start of its next send
        self._chat_turns: dict[str, tuple[asyncio.Lock, int]] = {}  # chat -> (lock, holders and waiters)

    @property
    def paused_until(self) -> float:
        return self._paused_until

    def pause(self, seconds: float) -> None:
        """The platform asked to wait: no send starts before ``seconds`` from now."""
        until = self._now() + seconds
        if until > self._paused_until:
            self._paused_until = until
            self._next_slot = max(self._next_slot, until)

    async def slot(self) -> None:
        """Wait for this send's place in the overall pace (slots are handed out first come, first served)."""
        while True:
            now = self._now()
            start = max(now, self._next_slot, self._paused_until)
            self._next_slot = start + self._interval
            if start > now:
                await self._wait(start - now)
            if self._paused_until <= start:
                return
            # A pause began while this send waited and reaches past its slot: queue again behind it.

    async def ready(self) -> None:
        """Right before the send, with no await between this and the send: waits out a pause begun
        since ``slot()`` and any window that already holds ``per_second`` sends; counts this send."""
        while True:
            now = self._now()
            if self._paused_until > now:
                await self.slot()
                continue
            if len(self._recent) == self._burst and now - self._recent[0] < self._span:
                await self._wait(self._span - (now - self._recent[0]))
                continue
            self._recent.append(now)
            return

    async def _wait(self, seconds: float) -> None:
        await self._sleep(max(seconds, _EPSILON))

    @contextlib.asynccontextmanager
    async def chat(self, chat_id: str) -> AsyncIterator[None]:
        """Hold the chat's turn for one send (attempt) to it."""
        lock, users = self._chat_turns.get(chat_id, (None, 0))
        if lock is None:
            lock = asyncio.Lock()
        self._chat_turns[chat_id] = (lock, users + 1)
        try:
            async with lock:
                wait = self._chat_ready.get(chat_id, -math.inf) - self._now()
                if wait > 0:
                    await self._wait(wait)
                try:
                    yield
                finally:
                    self._chat_ready[chat_id] = self._now() + self.per_chat
        finally:
            lock, users = self._chat_turns[chat_id]
            if users > 1:
                self._chat_turns[chat_id] = (lock, users - 1)
            else:
                del self._chat_turns[chat_id]
            if len(self._chat_ready) > 10_000:
                now = self._now()
                self._chat_ready = {c: t for c, t in self._chat_ready.items() if t > now}
