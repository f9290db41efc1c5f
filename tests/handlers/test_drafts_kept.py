"""A half-filled form is never lost by starting another (bot/chat/drafts.py): the form in progress
is set aside, the reply says so and offers «Làm tiep …», the other form ends with the same offer,
and a restart in between changes nothing. Each of these lost the first form before."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.app import build_app
from bot.config import Settings
from storage.conversations import Conversation
from storage.facilities import FacilityInput
from storage.users import Role
from tests.conftest import World
from tests.fakes import FakeChat, FakeClock, buttons, joined
from tests.handlers.test_checkin_support import add_sites

NOW = datetime(2026, 12, 6, 4, 0, tzinfo=UTC)  # 11:00 Sunday 06/12/2026 in Hà Nội
SITE = "Nhà tạm giữ Công an khu vực A"


async def _state(world: World, chat: FakeChat) -> str | None:
    return (await world.app.repos.conversations.load(chat.platform, chat.user_id, chat.user_id)).state


async def test_the_reviewed_console_steps_keep_the_check_in(world: World) -> None:
    """The review's steps, in the console: /kiemsat, 1, /tinhhan, /kiemsat."""
    await add_sites(world)
    user = await world.app.repos.users.create("console", "c1", "Cán bộ", world.staff_a.unit_id, Role.STAFF)
    chat = FakeChat(world.app.dispatcher, user.platform_user_id, platform="console")
    await chat.send("/kiemsat")
    assert "Hình thức kiểm sát?" in joined(await chat.send("1"))
    kept = joined(await chat.send("/tinhhan"))
    assert "Phiếu kiểm sát đang làm dở (đến bước «hình thức kiểm sát») vẫn được giữ nguyên" in kept, kept
    assert "Anh/chị chọn loại thời hạn" in kept
    offer = await chat.send("/kiemsat")
    assert f"phiếu nháp ({SITE})" in joined(offer), joined(offer)
    assert "Tiếp tục phiếu nháp" in [label for label, _ in buttons(offer)]
    assert "Hình thức kiểm sát?" in joined(await chat.tap("Tiếp tục phiếu nháp"))


async def test_a_calculation_in_the_middle_then_the_check_in_goes_on(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    await add_sites(world)
    chat = world.chat(world.staff_a)
    await chat.send("/kiemsat")
    await chat.tap(SITE)
    await chat.tap("Hằng ngày")
    await chat.send("4")
    kept = await chat.send("/tinhhan")
    assert "(đến bước «Số người đang bị tạm giam»)" in joined(kept), joined(kept)
    await chat.tap("Tạm giữ")
    card = await chat.send("10h 05/12/2026")
    text = joined(card)
    assert "08/12/2026" in text and "Anh/chị còn việc đang làm dở" in text, text
    asked = joined(await chat.tap("Làm tiếp phiếu kiểm sát"))
    assert "Số người đang bị tạm giam?" in asked, asked
    for value in ("5", "1", "0", "0"):
        await chat.send(value)
    await chat.tap("Không có vi phạm")
    for _ in range(4):
        await chat.tap("Bỏ qua")
    assert "Đã gửi phiếu kiểm sát" in joined(await chat.tap("Gửi"))
    [saved] = await world.app.repos.checkins.recent(world.staff_a)
    assert (saved.content.held_tam_giu, saved.content.held_tam_giam) == (4, 5)
    assert await _state(world, chat) is None


async def test_typed_words_bring_it_back_and_huy_cancels_only_the_form_in_progress(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    await add_sites(world)
    chat = world.chat(world.staff_a)
    await chat.send("/theodoi_moi")
    await chat.tap("Tạm giữ")
    await chat.tap("Không")  # not ANQG: asked at tạm giữ, it carries into tạm giam (Đ173 k5)
    kept = joined(await chat.send("/kiemsat"))
    assert "Mục theo dõi mới đang làm dở (đến bước «mốc bắt đầu»)" in kept, kept
    assert await _state(world, chat) == "ks.facility"
    cancelled = joined(await chat.send("/huy"))
    assert "Đã hủy thao tác" in cancelled and "• mục theo dõi mới (đến bước «mốc bắt đầu»)" in cancelled, cancelled
    listed = joined(await chat.send("/huy"))  # nothing in progress: what is set aside is said, not dropped
    assert "Hiện không có việc nào đang làm" in listed and "mục theo dõi mới" in listed, listed
    asked = joined(await chat.send("làm tiếp"))
    assert "Mốc bắt đầu" in asked, asked
    assert await _state(world, chat) == "tdf.start"
    await chat.send("10h 06/12/2026")  # the kind chosen before is still there
    await chat.send("12/2026 NVA")
    await chat.send("bỏ qua")
    assert "Đã lưu" in joined(await chat.tap("Lưu"))
    [item] = await world.app.repos.register.in_scope(world.staff_a)
    assert item.label == "12/2026 NVA"
    assert "không có thao tác nào đang dở" in await chat.text("/huy")  # nothing is left set aside


async def test_starting_the_same_form_anew_replaces_the_one_set_aside(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    await chat.send("/tinhhan")
    await chat.tap("Tạm giữ")
    await chat.send("/theodoi_moi")  # the calculation is set aside
    await chat.send("/tinhhan")  # its own command: it comes back, and /tinhhan starts anew as always
    await chat.tap("Tạm giữ")
    card = joined(await chat.send("10h 05/12/2026"))
    assert "• mục theo dõi mới (đến bước «loại thời hạn»)" in card, card
    assert "• tính thời hạn" not in card and "Làm tiếp tính thời hạn" not in card


async def test_a_restart_in_between_changes_nothing(settings: Settings, clock: FakeClock) -> None:
    clock.set(NOW)
    first = await build_app(settings, clock=clock)
    unit = await first.repos.units.add("P", "VKSND tỉnh P", "tinh")
    staff = await first.repos.users.create("test", "u1", "Cán bộ", unit.id, Role.STAFF)
    admin = await first.repos.users.create("test", "ad", "Quản trị", unit.id, Role.ADMIN)
    site = await first.repos.facilities.add(admin, FacilityInput("Nhà tạm giữ P", "nha_tam_giu"))
    chat = FakeChat(first.dispatcher, "u1")
    await chat.send("/kiemsat")
    await chat.tap(site.name)
    await chat.tap("Hằng ngày")
    await chat.send("4")
    await chat.send("/theodoi_moi")
    await chat.tap("Tạm giữ")
    await chat.tap("Không")  # not ANQG: asked at tạm giữ, it carries into tạm giam (Đ173 k5)
    await first.close()

    second = await build_app(settings, clock=clock)
    try:
        chat = FakeChat(second.dispatcher, "u1")
        await chat.send("10h 06/12/2026")  # the register item goes on where it was
        await chat.send("12/2026 NVA")
        await chat.send("bỏ qua")
        saved = await chat.tap("Lưu")
        assert "Anh/chị còn việc đang làm dở" in joined(saved)
        await chat.tap("Làm tiếp phiếu kiểm sát")
        for value in ("5", "1", "0", "0"):
            await chat.send(value)
        await chat.tap("Không có vi phạm")
        for _ in range(4):
            await chat.tap("Bỏ qua")
        await chat.tap("Gửi")
        [record] = await second.repos.checkins.recent(staff)
        assert (record.content.held_tam_giu, record.content.held_tam_giam) == (4, 5)
        assert len(await second.repos.register.in_scope(staff)) == 1
    finally:
        await second.close()


async def test_an_old_continue_button_says_the_draft_is_gone(world: World) -> None:
    chat = world.chat(world.staff_a)
    answer = joined(await chat.press("fm:ks"))
    assert "không còn" in answer and await _state(world, chat) is None


async def test_a_draft_of_the_earlier_engine_is_set_aside_and_resumes(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    await add_sites(world)
    chat = world.chat(world.staff_a)
    old = Conversation("dl_start", {"dl": {"kind": "tam_giu"}})  # as the calculator's earlier engine stored it
    await world.app.repos.conversations.save("test", chat.user_id, chat.user_id, old)
    kept = joined(await chat.send("/kiemsat"))
    assert "Tính thời hạn đang làm dở (đến bước «mốc bắt đầu»)" in kept, kept
    asked = joined(await chat.tap("Làm tiếp tính thời hạn"))
    assert "Mốc bắt đầu" in asked and "Tạm giữ" not in kept.split("vẫn được giữ")[0], asked
    card = joined(await chat.send("10h 05/12/2026"))
    assert "08/12/2026" in card and "• phiếu kiểm sát (đến bước «chọn cơ sở»)" in card, card
