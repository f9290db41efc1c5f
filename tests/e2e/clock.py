"""Test-only: the bot process's clock, moved forward by the test (``E2E_CLOCK_FILE``).

A reminder is due at a moment on the clock; instead of sleeping until then, the test writes how far to move
the process's clock (``move_to``) and waits for the message itself. Only forward: the file holds seconds to
add to the system clock (none or an empty file: 0), read again whenever it changes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.clock import SystemClock


class ShiftedClock(SystemClock):
    def __init__(self, path: str) -> None:
        self.path = Path(path)
        self._seen: tuple[int, float] = (-1, 0.0)  # the file's mtime (ns) and its offset

    def offset(self) -> float:
        try:
            stamp = self.path.stat().st_mtime_ns
        except FileNotFoundError:
            return 0.0
        if stamp != self._seen[0]:
            text = self.path.read_text(encoding="utf-8").strip()
            self._seen = (stamp, float(text) if text else 0.0)
        return self._seen[1]

    def now(self) -> datetime:
        return super().now() + timedelta(seconds=self.offset())


def move_to(path: Path, moment: datetime) -> None:
    """Move the process's clock so that it reads ``moment`` now (never backwards)."""
    ahead = max((moment - datetime.now(UTC)).total_seconds(), 0.0)
    current = float(path.read_text(encoding="utf-8") or 0) if path.exists() else 0.0
    path.write_text(str(max(ahead, current)), encoding="utf-8")
