"""The deadline register through the real process and the Telegram emulator: a tạm giữ computed
from free text, tracked from its card, extended with the item's buttons, and the reminder of the
extended step arriving on its own (sent by the process's outbox, not by a reply)."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from tests.e2e.clock import move_to
from tests.e2e.conftest import Workspace
from tests.e2e.harness import register

TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def test_track_from_a_card_extend_and_the_reminder_arrives(workspace: Workspace) -> None:
    shifts = workspace.folder / "clock_shift"
    bot = workspace.start_bot(E2E_CLOCK_FILE=str(shifts))
    staff = register(workspace.emulator, bot, workspace.db_path, 7701, name="KSV Register")
    # Tạm giữ that began 72 h 58 min ago (to the minute): its 3 days ended 58 minutes ago. An
    # extension of 13 hours ends 12 h 2 min from now, so its first reminder (12 hours before) is
    # due in about two minutes: the process's clock is then moved to it (the reminder is queued
    # for that moment when the extension is saved, and sent when the clock reaches it).
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
    move_to(shifts, end - timedelta(hours=12) + timedelta(seconds=1))
    reminder = staff.wait_for("⏰ Nhắc hạn: «E2E-REG NVA»")[-1]
    assert f"hết hạn lúc {end:%H:%M}" in reminder.text and "cần quyết định" in reminder.text
    assert [label for label, _ in reminder.buttons] == ["Mở mục theo dõi"]
    opened = staff.choose("Mở mục theo dõi", "THEO DÕI")
    assert "E2E-REG NVA" in opened and "Gia hạn" in opened
