"""Drafts and roles (bot/chat/drafts.py): a role lost mid-form sets the form aside instead of
clearing the conversation, and a locked account's conversation stays as it was; while the
role is missing nothing of the drafts is shown or brought back, and when it returns they are
all there. Before, the first message in the form cleared every draft, those set aside too, and
/huy listed a locked account's drafts with their «Làm tiếp» buttons."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.chat import texts
from bot.chat.drafts import NOT_NOW
from storage.conversations import Conversation
from storage.users import Role, User
from tests.conftest import World
from tests.fakes import FakeChat, buttons, joined
from tests.handlers.test_checkin_support import add_sites

NOW = datetime(2026, 12, 6, 4, 0, tzinfo=UTC)  # 11:00 Sunday 06/12/2026 in Hà Nội
SITE = "Nhà tạm giữ Công an khu vực A"


async def _stored(world: World, user: User) -> Conversation:
    return await world.app.repos.conversations.load(user.platform, user.platform_user_id, user.platform_user_id)


async def _lock(world: World, user: User, active: bool) -> None:
    await world.app.repos.users.set_active(world.admin_a, user.id, active)


async def _register_item_set_aside(world: World, chat: FakeChat) -> None:
    """A register item begun (kind chosen), then set aside by /kiemsat, which is cancelled."""
    await chat.send("/theodoi_moi")
    await chat.tap("Tạm giữ")
    await chat.tap("Không")  # not ANQG: asked at tạm giữ, it carries into tạm giam (Đ173 k5)
    await chat.send("/kiemsat")
    assert "• mục theo dõi mới (đến bước «mốc bắt đầu»)" in await chat.text("/huy")


async def test_a_locked_account_gets_nothing_of_its_drafts_and_finds_them_unlocked(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    await add_sites(world)
    chat = world.chat(world.staff_a)
    await _register_item_set_aside(world, chat)
    await _lock(world, world.staff_a, False)
    before = (await _stored(world, world.staff_a)).snapshot()
    for text in ("/huy", "làm tiếp", "/theodoi_moi", "/kiemsat", "1", "10h 06/12/2026"):
        assert await chat.text(text) == texts.INACTIVE, text  # (/huy listed the drafts, with buttons)
    assert joined(await chat.press("fm:tdf")) == texts.INACTIVE
    assert (await _stored(world, world.staff_a)).snapshot() == before  # nothing restored, nothing lost

    await _lock(world, world.staff_a, True)
    assert "• mục theo dõi mới (đến bước «mốc bắt đầu»)" in await chat.text("/huy")
    assert "Mốc bắt đầu" in await chat.text("làm tiếp")
    await chat.send("10h 06/12/2026")
    await chat.send("12/2026 NVA")
    await chat.send("bỏ qua")
    assert "Đã lưu" in joined(await chat.tap("Lưu"))


async def test_a_form_in_progress_waits_for_a_locked_account_exactly_where_it_was(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    await add_sites(world)
    chat = world.chat(world.staff_a)
    await chat.send("/theodoi_moi")
    await chat.tap("Tạm giữ")
    await chat.tap("Không")  # not ANQG: asked at tạm giữ, it carries into tạm giam (Đ173 k5)
    await chat.send("/kiemsat")
    await chat.tap(SITE)
    await chat.tap("Hằng ngày")
    await _lock(world, world.staff_a, False)
    before = (await _stored(world, world.staff_a)).snapshot()
    assert await chat.text("4") == texts.INACTIVE  # (this cleared both forms)
    assert (await _stored(world, world.staff_a)).snapshot() == before

    await _lock(world, world.staff_a, True)
    assert "Số người đang bị tạm giam?" in await chat.text("4")  # the step it was on takes the answer
    for value in ("5", "1", "0", "0"):
        await chat.send(value)
    await chat.tap("Không có vi phạm")
    for _ in range(4):
        await chat.tap("Bỏ qua")
    sent = joined(await chat.tap("Gửi"))
    assert "Đã gửi phiếu kiểm sát" in sent and "• mục theo dõi mới (đến bước «mốc bắt đầu»)" in sent, sent
    [record] = await world.app.repos.checkins.recent(world.staff_a)
    assert (record.content.held_tam_giu, record.content.held_tam_giam) == (4, 5)


async def test_a_head_made_staff_mid_form_keeps_it_unseen_until_the_role_is_back(world: World) -> None:
    head = world.chat(world.head_a)
    await head.send("/coso")
    await head.tap("Thêm cơ sở")
    await world.app.repos.users.set_role(world.admin_a, world.head_a.id, Role.STAFF)
    refused = await head.text("Nhà tạm giữ mới")
    assert refused.startswith(texts.NO_PERMISSION) and "được giữ lại" in refused, refused
    # Staff now: the assistant answers as for staff, and shows nothing of the head's form.
    assert (await _stored(world, world.head_a)).state is None
    assert "Hiện không có thao tác nào đang dở" in await head.text("/huy")
    assert "Tên cơ sở" not in await head.text("làm tiếp")
    assert joined(await head.press("fm:cs")) == NOT_NOW
    assert "Anh/chị chọn loại thời hạn" in await head.text("/tinhhan")
    assert "cơ sở" not in await head.text("/huy")  # the calculation cancelled; nothing of the head's form

    await world.app.repos.users.set_role(world.admin_a, world.head_a.id, Role.HEAD)
    assert "Tên cơ sở" in await head.text("làm tiếp")
    await head.send("Nhà tạm giữ mới")
    await head.tap("Nhà tạm giữ")
    await head.tap("Bỏ qua")
    created = joined(await head.tap("Hằng ngày (mặc định)"))
    assert "Đã thêm cơ sở" in created, created
    [site] = await world.app.repos.facilities.list_in_scope(world.head_a)
    assert site.name == "Nhà tạm giữ mới"


async def test_a_draft_set_aside_by_another_account_is_never_shown(world: World) -> None:
    """A chat whose identity now reaches another account (linked since) gets nothing of the
    drafts the first account set aside there."""
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    await add_sites(world)
    await _register_item_set_aside(world, world.chat(world.staff_a))
    theirs = await _stored(world, world.staff_a)
    other = await world.app.repos.users.create("test", "other", "Cán bộ khác", world.staff_a.unit_id, Role.STAFF)
    await world.app.repos.conversations.save(other.platform, other.platform_user_id, other.platform_user_id, theirs)
    chat = world.chat(other)
    assert "Hiện không có thao tác nào đang dở" in await chat.text("/huy")
    assert "Mốc bắt đầu" not in await chat.text("làm tiếp")
    assert joined(await chat.press("fm:tdf")) == NOT_NOW
    offer = await chat.send("/theodoi_moi")  # its own command starts anew: the other's draft stays apart
    assert "Làm tiếp" not in str(buttons(offer)) and joined(offer) == "Theo dõi thời hạn gì?"
