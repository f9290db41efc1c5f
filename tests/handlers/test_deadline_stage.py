"""Detention capped by its stage (Đ241/240, Đ278/277, Đ347/346, Đ174) in chat: /tinhhan and free
text ask the day the stage began, the card shows the capped expiry, and the reminder comes before
it. Skipping keeps the warning; a start that cannot be is refused and changes nothing."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from storage.conversations import Conversation
from storage.db import parse_utc
from storage.users import Role
from tests.conftest import World
from tests.fakes import FakeChat, buttons, joined

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
NOW = datetime(2026, 12, 6, 4, 0, tzinfo=UTC)  # 11:00 Sunday 06/12/2026 in Hà Nội
# Prosecution stage from 01/12/2026, serious crime: 20 days, last day Monday 21/12/2026 (unshifted).
# The detention from 04/12/2026 counted alone would run to 23/12/2026.
CAPPED = "Thứ Hai 21/12/2026"


async def _queued(world: World) -> list[datetime]:
    rows = await world.app.repos.db.fetchall("SELECT next_attempt_at FROM outbox WHERE status = 'pending'")
    return sorted(parse_utc(r["next_attempt_at"]) for r in rows)


async def _state(world: World, chat: FakeChat) -> Conversation:
    return await world.app.repos.conversations.load(chat.platform, chat.user_id, chat.user_id)


async def test_the_guided_flow_asks_the_stage_start_and_reminds_before_the_cap(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    await chat.send("/tinhhan")
    while "Tạm giam trong giai đoạn truy tố" not in [b.text for b in chat.visible()]:
        await chat.tap("Sau »")  # the kinds' pages, as a person turns them
    await chat.tap("Tạm giam trong giai đoạn truy tố")
    await chat.tap("Nghiêm trọng")
    await chat.send("04/12/2026")
    card = await chat.send("1/12/2026")  # the form staff type
    text = joined(card)
    assert CAPPED in text and "mức trần của giai đoạn tính từ 01/12/2026" in text, text
    assert "23/12/2026" in text  # the uncapped count is shown only as what the cap replaced
    assert (await _state(world, chat)).state is None
    labels = [label for label, _ in buttons(card)]
    assert "⏰ Nhắc tôi trước hạn" in labels and "📋 Theo dõi trong sổ" in labels  # the register keeps the cap
    answer = joined(await chat.tap("⏰ Nhắc tôi trước hạn"))
    assert "Đã đặt nhắc" in answer and "21/12/2026" in answer, answer
    queued = await _queued(world)
    assert queued and all(at < datetime(2026, 12, 22, 0, 0, tzinfo=TZ) for at in queued), queued
    assert queued[-1] == datetime(2026, 12, 21, 7, 30, tzinfo=TZ)  # 07:30 on the capped last day


async def test_free_text_asks_the_stage_start_then_shows_the_capped_card(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    asked = joined(await chat.send("tạm giam giai đoạn truy tố tội nghiêm trọng từ 04/12/2026"))
    assert "ngày VKS nhận hồ sơ vụ án và bản kết luận điều tra" in asked and "Bỏ qua" in asked, asked
    assert (await _state(world, chat)).state == "dl.stage"
    text = await chat.text("ngày 1/12/2026")
    assert CAPPED in text, text


async def test_skipping_the_stage_start_keeps_the_warning(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    await chat.send("tam giam phuc tham tu 4/12/2026")
    card = await chat.tap("Bỏ qua")
    text = joined(card)
    assert "nhập ngày nhận hồ sơ để tính mức trần" in text, text
    assert not [label for label, _ in buttons(card) if "Nhắc" in label]


async def test_a_stage_start_that_cannot_be_is_refused_and_asked_again(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    await chat.send("tạm giam truy tố tội nghiêm trọng từ 04/12/2026")
    after = await chat.text("05/12/2026")  # the stage began after the detention: impossible
    assert "sớm hơn" in after and "/huy" in after, after
    over = await chat.text("01/10/2026")  # the stage ended before the detention began
    assert "đã hết ngày" in over, over
    assert "không tồn tại" in await chat.text("31/11/2026")
    assert (await _state(world, chat)).state == "dl.stage"
    assert await _queued(world) == [] and "dl_last" not in (await _state(world, chat)).data
    assert CAPPED in await chat.text("01/12/2026")


async def test_the_supplementary_investigation_without_who_returned_it_is_not_guessed(world: World) -> None:
    """Returned by the VKS (2 months) or the court (1 month): different caps, so it is asked
    (tests/handlers/test_deadline_returned.py), never computed as it stands."""
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    asked = joined(await chat.send("tạm giam điều tra bổ sung từ 04/12/2026"))
    assert "Viện kiểm sát hay Tòa án trả" in asked and "Ngày cuối" not in asked, asked
    assert (await _state(world, chat)).state == "dl.returned"
    await chat.send("/huy")
    asked = joined(await chat.send("tạm giam khi điều tra bổ sung do Tòa án trả hồ sơ từ 04/12/2026"))
    assert "ngày CQĐT nhận lại hồ sơ" in asked, asked


async def test_a_draft_of_the_earlier_calculator_resumes_and_asks_the_stage(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    old = {"dl": {"kind": "tam_giam_truy_to", "category": "nghiem_trong"}}
    await world.app.repos.conversations.save("test", chat.user_id, chat.user_id, Conversation("dl_start", old))
    asked = joined(await chat.send("04/12/2026"))
    assert "ngày VKS nhận hồ sơ" in asked, asked
    assert CAPPED in await chat.text("01/12/2026")


async def test_console_numbers_skip_the_stage(world: World) -> None:
    await world.app.repos.users.create("console", "local", "Q", world.staff_a.unit_id, Role.STAFF)
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = FakeChat(world.app.dispatcher, "local", platform="console")
    await chat.send("tam giam phuc tham tu 4/12/2026")
    assert "mức trần" in joined(await chat.tap("Bỏ qua"))
