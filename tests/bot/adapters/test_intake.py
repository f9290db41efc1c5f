"""Bounded intake: a burst limit per user (answered once per minute with "gửi quá nhanh"), a
pending limit per user and overall (the platform is asked to redeliver), memory bounded."""

from __future__ import annotations

from bot.adapters.intake import IntakeLimits, Verdict


class Ticks:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_burst_per_user_in_a_sliding_window() -> None:
    ticks = Ticks()
    limits = IntakeLimits(per_user_burst=3, window=10.0, clock=ticks)
    for _ in range(3):
        assert limits.admit("u") is Verdict.ACCEPT
        limits.done("u")
    assert limits.admit("u") is Verdict.DROP
    assert limits.admit("v") is Verdict.ACCEPT  # another user is not affected
    ticks.now += 9.9
    assert limits.admit("u") is Verdict.DROP
    ticks.now += 0.2  # the first three left the window
    assert limits.admit("u") is Verdict.ACCEPT
    assert limits.dropped == 2


def test_one_notice_per_minute() -> None:
    ticks = Ticks()
    limits = IntakeLimits(clock=ticks)
    assert limits.should_notify("u") is True
    assert limits.should_notify("u") is False
    assert limits.should_notify("v") is True
    ticks.now += 59
    assert limits.should_notify("u") is False
    ticks.now += 1
    assert limits.should_notify("u") is True


def test_pending_limits_per_user_and_overall() -> None:
    limits = IntakeLimits(per_user_pending=2, total_pending=3, per_user_burst=100, clock=Ticks())
    assert [limits.admit("u") for _ in range(3)] == [Verdict.ACCEPT, Verdict.ACCEPT, Verdict.DROP]
    assert limits.admit("v") is Verdict.ACCEPT
    assert limits.total == 3
    assert limits.admit("w") is Verdict.BUSY  # full: the platform should come back later
    limits.done("u")
    assert limits.admit("w") is Verdict.ACCEPT
    limits.done("u")
    limits.done("v")
    limits.done("w")
    assert limits.total == 0


def test_many_distinct_senders_do_not_grow_memory_forever() -> None:
    ticks = Ticks()
    limits = IntakeLimits(clock=ticks)
    for i in range(10_001):
        assert limits.admit(f"u{i}") is Verdict.ACCEPT
        limits.done(f"u{i}")
    ticks.now += 11
    limits.admit("late")
    assert len(limits._recent) <= 2
