"""Events in progress on the register (handlers/register/event_form.py) and check-in edits
(/lichsu) are forms: starting another form sets them aside with «Làm tiếp …» instead of
dropping them, a restart in between changes nothing, and brought back they ask their step
again with the answers already given. Before, /kiemsat, /tinhhan or /theodoi_moi dropped them."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.app import build_app
from bot.config import Settings
from handlers import build_router
from handlers.register import service
from handlers.register.buttons import OpenItem
from storage.register_model import NewItem
from storage.users import Role
from tests.conftest import World
from tests.fakes import FakeChat, FakeClock, buttons, joined
from tests.handlers.test_checkin_support import add_sites, fill_to_summary, send_button

NOW = datetime(2026, 12, 6, 4, 0, tzinfo=UTC)  # 11:00 Sunday 06/12/2026 in Hà Nội
KEPT = "Việc ghi sự kiện đang làm dở (đến bước «{where}») vẫn được giữ nguyên"


async def _tracked(chat: FakeChat, card: str, label: str) -> None:
    """A register item from a calculator card, its card on screen."""
    await chat.send(card)
    await chat.tap("📋 Theo dõi trong sổ")
    await chat.send(label)
    await chat.send("bỏ qua")
    assert "Đã lưu" in joined(await chat.tap("Lưu"))


async def _state(world: World, chat: FakeChat) -> str | None:
    return (await world.app.repos.conversations.load(chat.platform, chat.user_id, chat.user_id)).state


async def test_an_extension_in_progress_waits_through_a_calculation(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    await _tracked(chat, "tạm giữ từ 10h 06/12/2026", "12/2026 NVA")
    assert "Gia hạn lần 1: tối đa 3 ngày" in joined(await chat.tap("Gia hạn"))
    kept = joined(await chat.send("/tinhhan"))
    assert KEPT.format(where="gia hạn «12/2026 NVA»: thời hạn gia hạn") in kept, kept
    await chat.tap("Tạm giữ")
    card = joined(await chat.send("10h 05/12/2026"))
    assert "• việc ghi sự kiện (đến bước «gia hạn «12/2026 NVA»: thời hạn gia hạn»)" in card, card
    assert "Gia hạn lần 1: tối đa 3 ngày" in joined(await chat.tap("Làm tiếp việc ghi sự kiện"))
    extended = joined(await chat.send("3 ngày"))
    assert "Đã ghi sự kiện" in extended and "Hết hạn: 10:00 Thứ Bảy 12/12/2026" in extended, extended
    assert await _state(world, chat) is None


async def test_a_conversion_keeps_its_length_across_another_form(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    await add_sites(world)
    chat = world.chat(world.staff_a)
    await _tracked(chat, "tạm giữ từ 10h 03/12/2026", "B2")
    await chat.tap("Chuyển tạm giam")
    assert "loại nào" in joined(await chat.send("2 tháng"))
    kept = joined(await chat.send("/kiemsat"))
    assert KEPT.format(where="chuyển tạm giam «B2»: loại tội") in kept, kept
    await chat.send("/huy")  # the check-in is cancelled; the conversion is still there
    asked = await chat.send("làm tiếp")
    assert "loại nào" in joined(asked), joined(asked)
    converted = joined(await chat.tap("Nghiêm trọng"))
    assert "Chuyển tạm giam (từ 06/12/2026, 2 tháng, trừ 3 ngày tạm giữ, nghiêm trọng)" in converted, (
        converted
    )  # the length typed before
    assert "Hết hạn: 24:00 Chủ nhật 31/01/2027" in converted


async def _detained(chat: FakeChat, label: str) -> None:
    """A detention for investigation (rất nghiêm trọng, from 01/10/2026), its card on screen."""
    await chat.send("/theodoi_moi")
    await chat.tap("Tạm giam để điều tra")
    await chat.tap("Rất nghiêm trọng")
    await chat.tap("Không")  # not ANQG
    await chat.send("01/10/2026")
    await chat.tap("Không bị tạm giữ")
    await chat.send(label)
    await chat.tap("Bỏ qua")
    assert "Đã lưu" in joined(await chat.tap("Lưu"))


async def test_a_stage_change_survives_a_restart_in_the_middle_of_another_form(
    settings: Settings, clock: FakeClock
) -> None:
    clock.set(NOW)
    first = await build_app(settings, clock=clock)
    unit = await first.repos.units.add("P", "VKSND tỉnh P", "tinh")
    staff = await first.repos.users.create("test", "u1", "Cán bộ", unit.id, Role.STAFF)
    try:
        chat = FakeChat(first.dispatcher, "u1")
        await _detained(chat, "C3")
        await chat.tap("Giai đoạn mới")
        await chat.tap("Tạm giam trong giai đoạn truy tố")
        assert "ngày VKS nhận hồ sơ" in joined(await chat.send("04/12/2026"))  # the detention's start given
        kept = joined(await chat.send("/theodoi_moi"))
        assert KEPT.format(where="chuyển giai đoạn «C3»: ngày bắt đầu giai đoạn") in kept, kept
    finally:
        await first.close()

    second = await build_app(settings, clock=clock)
    try:
        chat = FakeChat(second.dispatcher, "u1")
        listed = await chat.text("/huy")
        assert "• việc ghi sự kiện (đến bước «chuyển giai đoạn «C3»: ngày bắt đầu giai đoạn»)" in listed, listed
        assert "ngày VKS nhận hồ sơ" in await chat.text("làm tiếp")
        await chat.tap("Cùng ngày 04/12/2026")  # the start typed before the restart
        staged = joined(await chat.tap("Bỏ qua"))
        assert "Hiện tại: Tạm giam trong giai đoạn truy tố" in staged and "02/01/2027" in staged, staged
        [item] = await second.repos.register.in_scope(staff)
        assert item.live_events[-1].data["start"] == "2026-12-04"
    finally:
        await second.close()


async def test_a_choice_is_asked_with_buttons_and_set_aside_like_a_step(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    await _detained(chat, "E5")
    assert "Chuyển sang giai đoạn nào?" in joined(await chat.tap("Giai đoạn mới"))
    again = joined(await chat.send("tạm giam"))  # typed instead of pressed: the choice again
    assert "chọn bằng các nút" in again and "Chuyển sang giai đoạn nào?" in again, again
    kept = joined(await chat.send("/tinhhan"))
    assert KEPT.format(where="chuyển giai đoạn «E5»: chọn giai đoạn") in kept, kept
    assert "Chuyển sang giai đoạn nào?" in joined(await chat.tap("Làm tiếp việc ghi sự kiện"))
    await chat.tap("Tạm giam (theo lệnh)")
    assert "Lệnh tạm giam mới bao lâu?" in await chat.text("06/12/2026")
    kept = joined(await chat.send("/theodoi_moi"))
    assert KEPT.format(where="chuyển giai đoạn «E5»: thời hạn trong lệnh") in kept, kept
    await chat.send("/huy")
    assert "Lệnh tạm giam mới bao lâu?" in await chat.text("làm tiếp")
    assert "Đã ghi sự kiện" in await chat.text("2 tháng")
    [item] = await world.app.repos.register.in_scope(world.staff_a)
    assert (item.live_events[-1].type, item.live_events[-1].data.get("months")) == ("stage", 2)


async def test_typing_huy_at_a_choice_ends_the_event(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    await _detained(chat, "F6")
    await chat.tap("Giai đoạn mới")
    assert "Đã hủy" in await chat.text("hủy") and await _state(world, chat) is None
    assert "không có thao tác nào đang dở" in await chat.text("/huy")


async def test_on_the_console_a_number_presses_a_choice_of_an_event(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    user = await world.app.repos.users.create("console", "c1", "Cán bộ", world.staff_a.unit_id, Role.STAFF)
    start = {"kind": "tam_giam_dieu_tra", "category": "rat_nghiem_trong", "start": "2026-10-01"}
    tz = world.app.services.settings.timezone
    await service.create(world.app.repos, user, [NewItem(user.unit_id, "G7", user.id, start)], NOW, tz)
    chat = FakeChat(world.app.dispatcher, user.platform_user_id, platform="console")
    await chat.send("/theodoi")
    await chat.tap(chat.label("G7"))
    choice = await chat.tap("Giai đoạn mới")
    assert "Chuyển sang giai đoạn nào?" in joined(choice) and buttons(choice)  # shown numbered, not stripped
    assert "ngày bắt đầu" in joined(await chat.tap("Tạm giam (theo lệnh)"))  # its number pressed it


async def test_an_item_changed_while_its_event_was_set_aside_ends_the_event(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    await _tracked(chat, "tạm giữ từ 10h 06/12/2026", "G7")
    await chat.tap("Gia hạn")
    await chat.send("/theodoi_moi")
    [item] = await world.app.repos.register.in_scope(world.staff_a)
    head = world.chat(world.head_a)
    await head.press(OpenItem(item.id).pack())
    await head.tap("Trả tự do / đổi biện pháp")
    await head.tap("Hôm nay")  # someone else ends the item meanwhile
    await chat.send("/huy")
    changed = await chat.text("làm tiếp")
    assert "vừa được cập nhật" in changed and await _state(world, chat) is None, changed
    fresh = await world.app.repos.register.get(world.staff_a, item.id)
    assert fresh is not None and [e.type for e in fresh.live_events] == ["start", "release"]


async def test_a_heads_deletion_reason_waits_for_the_head(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    await _tracked(chat, "tạm giữ từ 10h 06/12/2026", "H8")
    await chat.tap("Gia hạn")
    await chat.send("3 ngày")
    [item] = await world.app.repos.register.in_scope(world.staff_a)
    head = world.chat(world.head_a)
    await head.press(OpenItem(item.id).pack())
    await head.tap("Xóa sự kiện cuối (ghi nhầm)")
    kept = joined(await head.send("/tinhhan"))
    assert KEPT.format(where="xóa sự kiện cuối «H8»: lý do xóa") in kept, kept
    await head.send("/huy")
    assert "Lý do xóa sự kiện cuối" in await head.text("làm tiếp")
    assert "Đã xóa sự kiện cuối" in await head.text("ghi nhầm số ngày")


async def test_a_check_in_edit_waits_through_another_form(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    sites = await add_sites(world)
    chat = world.chat(world.staff_a)
    await fill_to_summary(chat, sites.a1)
    assert "Đã gửi phiếu kiểm sát" in joined(await chat.press(send_button(chat)))
    [record] = await world.app.repos.checkins.recent(world.staff_a)
    await chat.press(f"kh:e:{record.id}")
    asked = await chat.press(f"kh:f:{record.id}:notes")
    assert "Gõ nội dung mới" in joined(asked)
    kept = joined(await chat.send("/tinhhan"))
    where = f"ghi chú mới của phiếu số {record.id}"
    assert f"Việc sửa phiếu kiểm sát đang làm dở (đến bước «{where}»)" in kept, kept
    await chat.send("/huy")
    assert "Gõ nội dung mới" in await chat.text("làm tiếp")
    assert "Đã lưu thay đổi" in await chat.text("Buồng 2 thiếu ánh sáng")
    [edited] = await world.app.repos.checkins.recent(world.staff_a)
    assert edited.content.notes == "Buồng 2 thiếu ánh sáng" and edited.version == 2


def test_every_conversation_state_belongs_to_a_declared_form() -> None:
    """A state no form declares is a draft that starting another form would drop (tde_*, kh.*
    were): every state the handlers register is a step of a form."""
    router = build_router()
    assert [state for state in router.states if router.forms.of_state(state) is None] == []


async def test_a_new_item_begun_from_the_list_sets_the_event_aside(world: World) -> None:
    """«➕ Theo dõi mới» shares the register's button prefix with the event's own buttons: it
    begins another form, so the event is set aside, not taken for the event's own step."""
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    await _tracked(chat, "tạm giữ từ 10h 06/12/2026", "J9")
    await chat.tap("Gia hạn")
    await chat.send("/theodoi")
    kept = joined(await chat.tap("➕ Theo dõi mới"))
    assert KEPT.format(where="gia hạn «J9»: thời hạn gia hạn") in kept and "Theo dõi thời hạn gì?" in kept, kept
    await chat.send("/huy")
    assert "Gia hạn lần 1: tối đa 3 ngày" in await chat.text("làm tiếp")


async def test_the_anqg_extension_offer_and_its_limit_come_back_as_they_were(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    await _tracked(chat, "tạm giữ từ 10h 03/12/2026", "K1")
    await chat.tap("Chuyển tạm giam")
    await chat.send("3 tháng")
    await chat.tap("Nghiêm trọng")
    await chat.tap("Gia hạn")
    await chat.tap(chat.label("Tối đa"))  # Đ173 k2 b: the one extension
    await chat.tap("Hôm nay")  # the decision\'s day
    assert "đã gia hạn đủ 1 lần" in joined(await chat.tap("Gia hạn"))
    kept = joined(await chat.send("/tinhhan"))
    assert KEPT.format(where="gia hạn «K1»: gia hạn theo tội xâm phạm ANQG") in kept, kept
    offered = joined(await chat.tap("Làm tiếp việc ghi sự kiện"))
    assert "đã gia hạn đủ 1 lần" in offered and "Điều 173 khoản 5" in offered, offered
    assert "Gia hạn lần 2: tối đa 4 tháng" in joined(await chat.tap("Tội xâm phạm ANQG: gia hạn thêm"))
    await chat.send("/theodoi_moi")
    await chat.send("/huy")
    assert "Gia hạn lần 2: tối đa 4 tháng" in await chat.text("làm tiếp")  # still under the ANQG rules
    extended = joined(await chat.send("4 tháng"))
    assert "Hết hạn: 24:00 Chủ nhật 29/08/2027" in extended and "Tội xâm phạm an ninh quốc gia" in extended
