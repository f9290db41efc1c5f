""" "Nhắc tôi trước hạn" reminds before the end of the period the card is about, never after it.

The defect this guards against (issue 13): the reminder was set against the maximum after every
possible extension, so a tạm giữ ending 10:00 09/12/2026 was "reminded" on 14/12/2026.
"""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from handlers.deadline_reminders import STAGE_CAP_NO_REMINDER, RemindButton, last_card
from storage.db import parse_utc
from tests.conftest import World
from tests.fakes import buttons, joined

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
NOW = datetime(2026, 12, 6, 4, 0, tzinfo=UTC)  # 11:00 Sunday 06/12/2026 in Hà Nội


async def _queued(world: World) -> list[tuple[datetime, str]]:
    rows = await world.app.repos.db.fetchall("SELECT next_attempt_at, text FROM outbox WHERE status = 'pending'")
    return sorted((parse_utc(r["next_attempt_at"]), r["text"]) for r in rows)


@pytest.mark.parametrize(
    ("question", "expiry", "shown"),
    [
        (
            "tạm giữ từ 10h 06/12/2026 hết hạn khi nào",
            datetime(2026, 12, 9, 10, 0, tzinfo=TZ),
            "10:00 Thứ Tư 09/12/2026",
        ),
        (
            "tạm giam để điều tra tội nghiêm trọng từ 04/12/2026",
            datetime(2027, 3, 4, 0, 0, tzinfo=TZ),  # 24:00 on 03/03/2027 (90 days, day 1 = 04/12)
            "24:00 Thứ Tư 03/03/2027",
        ),
        (
            "điều tra tội nghiêm trọng khởi tố ngày 01/12/2026",
            datetime(2027, 3, 2, 0, 0, tzinfo=TZ),  # 24:00 on 01/03/2027
            "24:00 Thứ Hai 01/03/2027",
        ),
    ],
)
async def test_the_reminder_comes_before_the_expiry_the_card_shows(
    world: World, question: str, expiry: datetime, shown: str
) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    card = await chat.send(question)
    assert shown.split(" ", 1)[1].split(" ", 1)[1] in joined(card)  # the card shows the base term's last day
    label, data = buttons(card)[0]  # the first reminder button on the card
    answer = joined(await chat.press(data))
    queued = await _queued(world)
    assert queued, answer
    for at, text in queued:
        assert NOW < at < expiry, (label, answer, at)
        assert shown in text
        assert "cần" in text  # what is due


async def test_tam_giu_leads_are_12_and_2_hours_and_the_text_says_what_is_due(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    card = await chat.send("tạm giữ từ 10h 06/12/2026 hết hạn khi nào")
    answer = joined(await chat.press(buttons(card)[0][1]))
    assert "22:00 08/12/2026" in answer and "08:00 09/12/2026" in answer
    queued = await _queued(world)
    assert [at.astimezone(TZ).strftime("%H:%M %d/%m") for at, _ in queued] == ["22:00 08/12", "08:00 09/12"]
    assert queued[0][1] == (
        "⏰ Nhắc hạn: hết hạn tạm giữ lúc 10:00 Thứ Tư 09/12/2026: cần quyết định gia hạn, chuyển tạm giam hoặc trả tự do."
    )
    # Pressed again: nothing queued twice.
    assert "đã được đặt" in joined(await chat.press(buttons(card)[0][1]))
    assert len(await _queued(world)) == 2


async def test_an_extension_step_is_reminded_only_when_picked(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    card = await chat.send("điều tra tội nghiêm trọng khởi tố ngày 01/12/2026")
    second = next(data for label, data in buttons(card) if "gia hạn lần 2" in label)
    answer = joined(await chat.press(second))
    assert "01/08/2027" in answer  # 01/12/2026 + 3 + 3 + 2 months
    times = [at.astimezone(TZ).strftime("%H:%M %d/%m/%Y") for at, _ in await _queued(world)]
    # 01/08/2027 is a Sunday: the last day moves to Monday 02/08/2027 (Đ134 k1).
    assert times == ["07:30 30/07/2027", "07:30 01/08/2027", "07:30 02/08/2027"]


async def test_a_reminder_whose_moment_has_passed_is_refused_with_the_reason(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    card = await chat.send("tạm giữ từ 10h 01/12/2026")  # ended 10:00 04/12/2026
    answer = joined(await chat.press(buttons(card)[0][1]))
    assert "đã qua" in answer and "04/12/2026" in answer
    # Ends in 90 minutes: both leads (12 h and 2 h before) are past.
    world.app.services.clock.set(datetime(2026, 12, 9, 1, 30, tzinfo=UTC))  # type: ignore[attr-defined]
    card = await chat.send("tạm giữ từ 10h 06/12/2026")
    answer = joined(await chat.press(buttons(card)[0][1]))
    assert "các thời điểm nhắc trước hạn đã qua" in answer
    assert await _queued(world) == []


async def test_after_a_downtime_only_the_latest_reminder_of_the_step_is_sent(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    card = await chat.send("tạm giữ từ 10h 06/12/2026")
    await chat.press(buttons(card)[0][1])
    # Down from before 22:00 08/12 until 09:00 09/12: the 12-hour reminder is no longer useful.
    later = datetime(2026, 12, 9, 9, 0, tzinfo=TZ)
    due = await world.app.repos.outbox.due(("test",), later)
    assert [m.next_attempt_at for m in due] == [datetime(2026, 12, 9, 8, 0, tzinfo=TZ)]
    assert await world.app.repos.outbox.count_by_status() == {"pending": 1, "skipped": 1}


async def test_a_detention_capped_by_its_stage_gets_no_reminder_on_a_date_that_may_be_late(world: World) -> None:
    """Đ241: detention for prosecution may not outlast the prosecution stage. When the stage's
    start is skipped ("bỏ qua") the card warns; no reminder is offered on its (maybe late) date,
    and a reminder button pressed from an older card is refused without queueing anything."""
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    await chat.send("/tinhhan")
    await chat.press("dl:k:tam_giam_truy_to")  # its button, on a later page of the kinds
    await chat.tap("Nghiêm trọng")
    asked = joined(await chat.send("04/12/2026"))
    assert "ngày VKS nhận hồ sơ vụ án" in asked, asked
    card = await chat.send("bỏ qua")
    assert "không được vượt quá" in joined(card), joined(card)
    assert not [label for label, _ in buttons(card) if "Nhắc" in label]
    answer = joined(await chat.press(RemindButton(0).pack()))
    assert answer == STAGE_CAP_NO_REMINDER
    assert await _queued(world) == []


async def test_a_card_for_a_period_already_over_says_so_in_chat(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    card = joined(await world.chat(world.staff_a).send("tạm giữ từ 14h 03/05/2026 hết hạn khi nào"))
    assert "Thời hạn này đã hết" in card, card


async def test_the_last_card_is_read_through_the_public_function(world: World) -> None:
    """What qa.py reads for its context: the inputs of the card just shown (the same object until
    another card is shown), or None."""
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    assert last_card({}) is None and last_card({"dl_last": "hỏng"}) is None
    await chat.send("tạm giữ từ 10h 06/12/2026")
    data = (await world.app.repos.conversations.load("test", "staff-a", "staff-a")).data
    card = last_card(data)
    assert card is not None and card["kind"] == "tam_giu" and card["start"] == "2026-12-06T10:00"
    assert last_card(data) is card
