"""The report buttons' typed data keeps the packed form buttons have always had: a reminder
already on someone's screen (strings copied from the transcripts before the change) unpacks to
the right kind and fields, and packs back to the same string."""

from __future__ import annotations

import pytest

from bot.chat.callback_data import CallbackData
from bot.chat.messages import Button
from handlers.reports.admin import as_preview
from handlers.reports.callbacks import PreviewButton, ReportAction, ReportButton, StatusButton
from handlers.reports.texts import escalation_buttons, report_buttons, snooze_buttons
from knowledge.reports.config import period_by_key
from storage.outbox import NewMessage
from storage.reports import Reminder
from tests.conftest import World

CT = "cong_tac_thang"
KINDS: tuple[type[CallbackData], ...] = (ReportButton, StatusButton, PreviewButton)

OLD = [
    (f"rp:s:{CT}:2026-02:7", ReportButton(ReportAction.SENT, CT, "2026-02", 7)),
    (f"rp:se:{CT}:2026-03:7", ReportButton(ReportAction.SENT_EARLY, CT, "2026-03", 7)),
    (f"rp:uc:{CT}:2026-02:7", ReportButton(ReportAction.CONFIRM_UNDO, CT, "2026-02", 7)),
    (f"rp:u:{CT}:2026-11:12", ReportButton(ReportAction.UNDO, CT, "2026-11", 12)),
    (f"rp:k:{CT}:2026-02:7", ReportButton(ReportAction.KEEP, CT, "2026-02", 7)),
    (f"rp:z:{CT}:2026-11:3", ReportButton(ReportAction.SNOOZE, CT, "2026-11", 3)),
    (f"rp:z2:{CT}:2026-11:3", ReportButton(ReportAction.SNOOZE_2H, CT, "2026-11", 3)),
    (f"rp:zm:{CT}:2026-11:3", ReportButton(ReportAction.SNOOZE_MORNING, CT, "2026-11", 3)),
    ("rp:i:so_ket_6_thang:2026-6T:7", ReportButton(ReportAction.DETAILS, "so_ket_6_thang", "2026-6T", 7)),
    (f"rp:t:{CT}:2026-02", StatusButton(CT, "2026-02")),
    (f"rpv:s:{CT}:2026-02:7", PreviewButton(ReportAction.SENT, CT, "2026-02", 7)),
    (f"rpv:z:{CT}:2026-02:7", PreviewButton(ReportAction.SNOOZE, CT, "2026-02", 7)),
    (f"rpv:i:{CT}:2026-02:7", PreviewButton(ReportAction.DETAILS, CT, "2026-02", 7)),
]


@pytest.mark.parametrize(("packed", "expected"), OLD, ids=[packed for packed, _ in OLD])
def test_old_buttons_unpack_to_exactly_their_kind(packed: str, expected: CallbackData) -> None:
    unpacked = [data for kind in KINDS if (data := kind.unpack(packed)) is not None]
    assert unpacked == [expected]
    assert expected.pack() == packed


@pytest.mark.parametrize(
    "forged",
    [f"rp:t:{CT}:2026-02:7", f"rp:x:{CT}:2026-02:7", f"rp:s:{CT}:2026-02", "rpv:s::2026-02:7", "rp:t::", "rp"],
)
def test_what_no_reminder_ever_showed_is_no_kind(forged: str) -> None:
    assert all(kind.unpack(forged) is None for kind in KINDS)


def test_the_builders_pack_the_same_strings_as_before(world: World) -> None:
    book = world.app.services.reports
    assert book is not None
    report = book.config.get(CT)
    period = period_by_key(report.period, "2026-02") if report else None
    assert report is not None and period is not None
    assert [[b.data for b in row] for row in report_buttons(report, period, 7)] == [
        [f"rp:s:{CT}:2026-02:7"],
        [f"rp:z:{CT}:2026-02:7", f"rp:i:{CT}:2026-02:7"],
    ]
    assert [[b.data for b in row] for row in snooze_buttons(report, period, 7)] == [
        [f"rp:z2:{CT}:2026-02:7", f"rp:zm:{CT}:2026-02:7"]
    ]
    schedule = book.config.schedule(report, period, book.calendar, world.app.services.settings.timezone)
    assert [[b.data for b in row] for row in escalation_buttons(schedule)] == [[f"rp:t:{CT}:2026-02"]]


def test_a_preview_copy_turns_every_reminder_button_into_its_preview(world: World) -> None:
    book = world.app.services.reports
    assert book is not None
    report = book.config.get(CT)
    period = period_by_key(report.period, "2026-02") if report else None
    assert report is not None and period is not None
    message = NewMessage("rem:test", world.head_a, "🔔 Nhắc gửi báo cáo", report_buttons(report, period, 7))
    copy = as_preview(Reminder(CT, "2026-02", 7, message))
    assert [[b.data for b in row] for row in copy.message.buttons] == [
        [f"rpv:s:{CT}:2026-02:7"],
        [f"rpv:z:{CT}:2026-02:7", f"rpv:i:{CT}:2026-02:7"],
    ]
    assert [[b.text for b in row] for row in copy.message.buttons] == [["Đã gửi báo cáo"], ["Nhắc lại sau", "Chi tiết"]]


def test_a_preview_copy_refuses_a_button_that_is_not_a_reminders(world: World) -> None:
    message = NewMessage("rem:test", world.head_a, "🔔", [[Button("Khác", "ks:vn")]])
    with pytest.raises(ValueError):
        as_preview(Reminder(CT, "2026-02", 7, message))
