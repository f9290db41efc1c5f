"""The deadline register through the real process and the Telegram emulator: a tạm giữ computed
from free text, tracked from its card, extended with the item's buttons, and the reminder of the
extended step arriving on its own (sent by the process's planner/outbox, not by a reply)."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from tests.e2e.conftest import Workspace
from tests.e2e.harness import register

TZ = ZoneInfo("Asia/Ho_Chi_Minh")

# The reminder is due on the wall clock (60–120 s after the test begins: the planner runs each minute),
# and the test waits up to 200 s for it. pytest-timeout's default 120 s covers the item's setup (here
# the module's bot, and the session's emulator and template when this module runs alone: 35–40 s on a
# loaded 2-core machine), that fixed wait and the teardown (SIGTERM to the bot, 3–5 s when loaded), so
# under load the sum crossed 120 s and the timeout fired wherever the clock ran out, often in the
# teardown. A bound for the waits this test makes (a hang is still caught):
pytestmark = pytest.mark.timeout(480)


def test_track_from_a_card_extend_and_the_reminder_arrives(shared: Workspace) -> None:
    staff = register(shared.emulator, shared.bots[0], shared.db_path, 7701, name="KSV Register")
    # Tạm giữ that began 72 h 58 min ago (to the minute): its 3 days ended 58 minutes ago. An
    # extension of 13 hours ends 12 h 2 min from now, so its first reminder (12 hours before) is
    # due in about two minutes.
    now = datetime.now(TZ).replace(second=0, microsecond=0)
    start = now - timedelta(hours=72, minutes=58)
    card = staff.ask(f"tạm giữ từ {start:%H:%M %d/%m/%Y} hết hạn khi nào", "Trả tự do chậm nhất")
    assert f"{(start + timedelta(hours=72)):%H:%M ngày %d/%m/%Y}" in card
    assert "Không cần họ tên đầy đủ" in staff.choose("Theo dõi trong sổ", "Nhãn ngắn")
    assert "Số vụ" in staff.ask("E2E-REG NVA", "Số vụ")
    assert "— quá hạn 5" in staff.choose("Bỏ qua", "Hết hạn:")  # 58 or 59 minutes, by the clock
    assert "Đã lưu" in staff.choose("Lưu", "THEO DÕI")
    assert "tối đa 3 ngày" in staff.choose("Gia hạn", "Gia hạn lần 1")
    end = start + timedelta(hours=72 + 13)
    extended = staff.ask("13 giờ", "Hết hạn:")
    assert f"Hết hạn: {end:%H:%M}" in extended and f"{end:%d/%m/%Y}" in extended
    reminder = staff.wait_for("⏰ Nhắc hạn: «E2E-REG NVA»", timeout=200)[-1]
    assert f"hết hạn lúc {end:%H:%M}" in reminder.text and "cần quyết định" in reminder.text
    assert [label for label, _ in reminder.buttons] == ["Mở mục theo dõi"]
    opened = staff.choose("Mở mục theo dõi", "THEO DÕI")
    assert "E2E-REG NVA" in opened and "Gia hạn" in opened
