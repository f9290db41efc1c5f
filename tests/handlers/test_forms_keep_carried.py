"""Forms keep what the conversation carries across them: the last calculator card's «📋 Theo dõi trong
sổ» and the Q&A context of a follow-up question still work after /coso (adding, renaming a facility,
cancelling), a check-in (/kiemsat, sent or cancelled) and /theodoi_nhap (cancelled). Before, each
replaced or cleared the whole conversation data and both were gone."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.conftest import World
from tests.fakes import FakeChat, buttons, joined
from tests.handlers.test_checkin_support import add_sites, fill_to_summary, send_button

NOW = datetime(2026, 12, 6, 4, 0, tzinfo=UTC)  # 11:00 Sunday 06/12/2026 in Hà Nội


def _track_button(card: object) -> str:
    return next(data for label, data in buttons(card) if label == "📋 Theo dõi trong sổ")  # type: ignore[arg-type]


async def _add_site(chat: FakeChat, name: str) -> None:
    await chat.send("/coso")
    await chat.tap("Thêm cơ sở")
    await chat.send(name)
    await chat.tap("Nhà tạm giữ")
    await chat.tap("Bỏ qua")
    assert "Đã thêm cơ sở" in joined(await chat.tap("Hằng ngày (mặc định)"))


async def test_the_last_card_still_starts_a_register_item_after_coso(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.admin_a)
    track = _track_button(await chat.send("tạm giữ từ 10h 06/12/2026"))
    await _add_site(chat, "Nhà tạm giữ Công an khu vực A")
    await chat.tap("Sửa tên")
    assert "Nhà tạm giữ số 1" in joined(await chat.send("Nhà tạm giữ số 1"))
    await chat.tap("Sửa địa chỉ")
    assert "Đã hủy" in joined(await chat.tap("Hủy"))
    asked = joined(await chat.press(track))  # the card's button, pressed after /coso's forms
    assert "chưa theo dõi được" not in asked and "nhãn" in asked.lower(), asked


async def test_a_follow_up_question_still_reads_against_the_answer_before_coso(world: World) -> None:
    chat = world.chat(world.admin_a)
    assert "3 ngày" in await chat.text("tạm giữ bao lâu")
    await _add_site(chat, "Trại tạm giam số 1")
    await chat.tap("Sửa tên")
    assert "Đã hủy" in joined(await chat.send("hủy"))
    follow = await chat.text("còn gia hạn thì sao")
    assert "Về: Gia hạn tạm giữ" in follow and "9 ngày" in follow, follow


async def test_the_last_card_still_starts_a_register_item_after_a_check_in(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    sites = await add_sites(world)
    track = _track_button(await chat.send("tạm giữ từ 10h 06/12/2026"))
    await fill_to_summary(chat, sites.a1)
    assert "Đã gửi phiếu kiểm sát" in joined(await chat.press(send_button(chat)))
    await chat.send("/kiemsat")
    assert "Đã hủy" in joined(await chat.send("/huy"))
    asked = joined(await chat.press(track))
    assert "chưa theo dõi được" not in asked and "nhãn" in asked.lower(), asked


async def test_a_follow_up_question_still_works_after_a_cancelled_import(world: World) -> None:
    chat = world.chat(world.head_a)
    assert "3 ngày" in await chat.text("tạm giữ bao lâu")
    await chat.send("/theodoi_nhap")
    assert "Đã hủy" in joined(await chat.tap("Hủy"))
    follow = await chat.text("còn gia hạn thì sao")
    assert "Về: Gia hạn tạm giữ" in follow and "9 ngày" in follow, follow
