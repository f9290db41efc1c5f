"""A deadline card for a period already over says when it ended (knowledge/deadlines/card.py),
and ``python -m bot deadline`` shows it."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, datetime

from knowledge.deadlines.calculator import compute
from knowledge.deadlines.card import format_card
from tests import REPO_ROOT

START = datetime(2026, 12, 1, 8, 0)  # tạm giữ: 3 days to 08:00 04/12, extensions to 07/12 and 10/12


def test_a_running_period_has_no_ended_line() -> None:
    card = format_card(compute("tam_giu", START), now=datetime(2026, 12, 4, 7, 59))
    assert "đã hết" not in card
    assert card == format_card(compute("tam_giu", START))  # nothing else changes


def test_a_period_over_says_when_it_ended_and_how_far_extensions_go() -> None:
    lines = format_card(compute("tam_giu", START), now=datetime(2026, 12, 4, 8, 0)).splitlines()
    assert lines[1] == "⚠️ Thời hạn này đã hết lúc 08:00 Thứ Sáu 04/12/2026."
    assert lines[2] == "Nếu được gia hạn đủ, thời hạn tối đa đến 08:00 Thứ Năm 10/12/2026."
    over = format_card(compute("tam_giu", START), now=datetime(2026, 12, 10, 8, 0)).splitlines()
    assert over[2] == "Kể cả khi được gia hạn tối đa, thời hạn cũng đã hết lúc 08:00 Thứ Năm 10/12/2026."


def test_a_day_counted_period_ends_at_midnight_of_its_last_day() -> None:
    result = compute("tam_giam", date(2026, 10, 1), months=2)  # 60 days: the last is Sunday 29/11/2026
    assert result.base.last_day == date(2026, 11, 29)
    assert "đã hết" not in format_card(result, now=datetime(2026, 11, 29, 23, 59))
    ended = format_card(result, now=datetime(2026, 11, 30, 0, 0))
    assert "⚠️ Thời hạn này đã hết lúc 24:00 Chủ nhật 29/11/2026." in ended


def test_the_command_line_card_says_it_too() -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    result = subprocess.run(
        [sys.executable, "-m", "bot", "deadline", "tam_giu", "01/12/2026 08:00", "--today", "2026-12-20"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=REPO_ROOT,
        env=env,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "⚠️ Thời hạn này đã hết lúc 08:00 Thứ Sáu 04/12/2026." in result.stdout
