"""Bounded intake for adapters that receive updates by push (webhooks): back-pressure.

Each accepted update is work held in memory until handled; a crash loses it, and one person can
spend the bot's whole send quota. So: at most ``per_user_pending`` updates of one user waiting,
at most ``total_pending`` overall, and at most ``per_user_burst`` per ``window`` seconds from one
user. Above the overall limit the platform is told to come back later (it redelivers if it
does); above a user's limits the update is dropped with one log line, and the user gets one
"gửi quá nhanh" answer per ``notice_every`` seconds.
"""

from __future__ import annotations

import logging
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum

logger = logging.getLogger(__name__)

TOO_FAST = (
    "Anh/chị gửi quá nhanh: Trợ lý bỏ qua các tin vừa gửi dồn dập. Anh/chị vui lòng chờ giây lát rồi gửi lại từng tin."
)


class Verdict(Enum):
    ACCEPT = "accept"
    BUSY = "busy"  # overall limit: ask the platform to redeliver later
    DROP = "drop"  # this user's limit: dropped (with a notice, see ``should_notify``)
    INVALID = "invalid"  # not an update of this platform


@dataclass
class IntakeLimits:
    per_user_pending: int = 20
    total_pending: int = 500
    per_user_burst: int = 10
    window: float = 10.0
    notice_every: float = 60.0
    clock: Callable[[], float] = time.monotonic
    _pending: dict[str, int] = field(default_factory=dict)
    _recent: dict[str, deque[float]] = field(default_factory=dict)
    _noticed: dict[str, float] = field(default_factory=dict)
    _dropped_logged: float = -1e18
    dropped: int = 0
    refused: int = 0

    @property
    def total(self) -> int:
        return sum(self._pending.values())

    def admit(self, user: str) -> Verdict:
        """Decide on one update of ``user``; on ACCEPT the caller must call ``done(user)`` later."""
        now = self.clock()
        if self.total >= self.total_pending:
            self.refused += 1
            self._log_once(now, "intake full (%d pending): asking the platform to redeliver", self.total)
            return Verdict.BUSY
        recent = self._recent.setdefault(user, deque())
        while recent and recent[0] <= now - self.window:
            recent.popleft()
        if len(recent) >= self.per_user_burst or self._pending.get(user, 0) >= self.per_user_pending:
            self.dropped += 1
            self._log_once(now, "user sending too fast: update dropped (%d dropped so far)", self.dropped)
            return Verdict.DROP
        recent.append(now)
        self._pending[user] = self._pending.get(user, 0) + 1
        self._forget_idle(now)
        return Verdict.ACCEPT

    def done(self, user: str) -> None:
        left = self._pending.get(user, 0) - 1
        if left > 0:
            self._pending[user] = left
        else:
            self._pending.pop(user, None)

    def should_notify(self, user: str) -> bool:
        """True once per ``notice_every`` seconds for a user whose update was dropped."""
        now = self.clock()
        last = self._noticed.get(user)
        if last is not None and now - last < self.notice_every:
            return False
        self._noticed[user] = now
        return True

    def _log_once(self, now: float, message: str, *args: object) -> None:
        if now - self._dropped_logged >= 10.0:  # one line per 10 s, not one per update
            self._dropped_logged = now
            logger.warning(message, *args)

    def _forget_idle(self, now: float) -> None:
        if len(self._recent) > 10_000:  # bounded memory under many distinct senders
            for user in [u for u, times in self._recent.items() if not times or times[-1] <= now - self.window]:
                self._recent.pop(user, None)
            for user in [u for u, at in self._noticed.items() if now - at >= self.notice_every]:
                self._noticed.pop(user, None)
