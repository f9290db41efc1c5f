"""Only registered staff get anything; roles and units are checked; invites are single-use."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from bot.chat import texts
from storage.users import Role
from tests.conftest import World, new_invite
from tests.fakes import FakeChat, buttons, joined

EVERY_COMMAND = ["/huy", "/moi", "/donvi", "/nguoidung", "/nguoidung 2", "/moi canbo A"]
EVERY_CALLBACK = ["inv:1:staff", "usp:1", "usr:1", "usr:1:admin", "usa:1:0", "zzz:1"]


async def test_unregistered_user_gets_only_start_and_help(world: World) -> None:
    stranger = FakeChat(world.app.dispatcher, "stranger")
    start = await stranger.text("/start")
    assert "mã mời" in start
    help_text = await stranger.text("/help")
    assert "/start" in help_text and "/help" in help_text
    assert "/moi" not in help_text and "/huy" not in help_text
    for command in [*EVERY_COMMAND, "/khonglenh", "thời hạn tạm giữ là bao lâu", "hello"]:
        assert await stranger.text(command) == texts.NOT_REGISTERED, command
    for data in EVERY_CALLBACK:
        assert joined(await stranger.press(data)) == texts.NOT_REGISTERED, data
    assert await world.app.repos.users.by_platform("test", "stranger") is None


async def test_staff_cannot_reach_admin_actions(world: World) -> None:
    chat = world.chat(world.staff_a)
    help_text = await chat.text("/help")
    assert "/huy" in help_text and "/moi" not in help_text and "/nguoidung" not in help_text
    for command in ["/moi", "/moi canbo A", "/donvi", "/nguoidung"]:
        assert await chat.text(command) == texts.NO_PERMISSION, command
    # Replaying an admin's buttons does not work either.
    for data in [f"usr:{world.head_a.id}:admin", f"usa:{world.head_a.id}:0", f"inv:{world.staff_a.unit_id}:admin"]:
        assert joined(await chat.press(data)) == texts.NO_PERMISSION, data
    head = await world.app.repos.users.get(world.head_a.id)
    assert head is not None and head.role is Role.HEAD and head.active


async def test_admin_of_unit_a_cannot_act_on_unit_b(world: World) -> None:
    chat = world.chat(world.admin_a)
    assert "không thuộc phạm vi" in await chat.text("/moi canbo B")
    b = await world.app.repos.units.by_code("B")
    assert b is not None
    assert "không thuộc phạm vi" in joined(await chat.press(f"inv:{b.id}:admin"))
    assert "không thuộc phạm vi" in joined(await chat.press(f"usr:{world.staff_b.id}"))
    assert "không thuộc phạm vi" in joined(await chat.press(f"usr:{world.staff_b.id}:admin"))
    assert "không thuộc phạm vi" in joined(await chat.press(f"usa:{world.staff_b.id}:0"))
    staff_b = await world.app.repos.users.get(world.staff_b.id)
    assert staff_b is not None and staff_b.role is Role.STAFF and staff_b.active
    listing = buttons(await chat.send("/nguoidung"))
    assert all("Cán bộ B" not in label for label, _ in listing)
    assert any("Cán bộ A" in label for label, _ in listing)
    units = await chat.text("/donvi")
    assert "A — " in units and "B — " not in units


async def test_province_admin_manages_sub_units(world: World) -> None:
    chat = world.chat(world.province_admin)
    listing = [label for label, _ in buttons(await chat.send("/nguoidung"))]
    assert any("Cán bộ A" in label for label in listing) and any("Cán bộ B" in label for label in listing)
    text = joined(await chat.press(f"usr:{world.staff_b.id}:head"))
    assert "Lãnh đạo đơn vị" in text
    updated = await world.app.repos.users.get(world.staff_b.id)
    assert updated is not None and updated.role is Role.HEAD


async def test_invite_code_is_single_use(world: World) -> None:
    code = await new_invite(world.app, "A", Role.STAFF)
    first = FakeChat(world.app.dispatcher, "newcomer-1", display_name="Nguyễn Văn Mới")
    assert "Đăng ký thành công" in await first.text(f"/start {code}")
    user = await world.app.repos.users.by_platform("test", "newcomer-1")
    assert user is not None and user.role is Role.STAFF
    second = FakeChat(world.app.dispatcher, "newcomer-2")
    assert "đã được sử dụng" in await second.text(f"/start {code}")
    assert await world.app.repos.users.by_platform("test", "newcomer-2") is None
    # The registered user can now use staff commands, and only those.
    assert "Hiện không có thao tác" in await first.text("/huy")
    assert await first.text("/moi") == texts.NO_PERMISSION


async def test_invite_code_tolerates_case_and_separators(world: World) -> None:
    code = await new_invite(world.app, "B", Role.HEAD)
    chat = FakeChat(world.app.dispatcher, "newcomer")
    assert "Đăng ký thành công" in await chat.text(f"/start {code.lower().replace('-', ' ')}")
    user = await world.app.repos.users.by_platform("test", "newcomer")
    assert user is not None and user.role is Role.HEAD and user.unit_id == world.staff_b.unit_id


async def test_expired_and_wrong_invite_codes(world: World) -> None:
    unit = await world.app.repos.units.by_code("A")
    assert unit is not None
    created = world.app.services.clock.now()
    invite = await world.app.repos.invites.create(
        unit.id, Role.STAFF, created_by=None, ttl=timedelta(days=7), now=created
    )
    world.app.services.clock.advance(days=7, seconds=1)  # type: ignore[attr-defined]
    chat = FakeChat(world.app.dispatcher, "late")
    assert "hết hạn" in await chat.text(f"/start {invite.code}")
    assert "không đúng" in await chat.text("/start ABCD-EFGH")
    assert "8 ký tự" in await chat.text("/start ABC")
    assert "chỉ nhận một mã" in await chat.text("/start ABCD-EFGH extra words")
    assert await world.app.repos.users.by_platform("test", "late") is None


async def test_already_registered_user_with_code_is_told_the_code_was_not_used(world: World) -> None:
    code = await new_invite(world.app, "B", Role.ADMIN)
    chat = world.chat(world.staff_a)
    answer = await chat.text(f"/start {code}")
    assert answer.startswith("Anh/chị đã có tài khoản (Cán bộ") and "không dùng mã mời này" in answer
    staff = await world.app.repos.users.get(world.staff_a.id)
    assert staff is not None and staff.role is Role.STAFF
    # The code stays unused for the person it was meant for.
    other = FakeChat(world.app.dispatcher, "intended")
    assert "Đăng ký thành công" in await other.text(f"/start {code}")


async def test_deactivated_user_is_locked_out(world: World) -> None:
    admin = world.chat(world.admin_a)
    assert "Đã khóa" in joined(await admin.press(f"usa:{world.staff_a.id}:0"))
    staff = world.chat(world.staff_a)
    assert await staff.text("/huy") == texts.INACTIVE
    assert "bị khóa" in await staff.text("/start")
    assert "Đã mở khóa" in joined(await admin.press(f"usa:{world.staff_a.id}:1"))
    assert "Hiện không có thao tác" in await staff.text("/huy")


async def test_admin_cannot_change_own_role(world: World) -> None:
    chat = world.chat(world.admin_a)
    assert "không thể tự" in joined(await chat.press(f"usr:{world.admin_a.id}:staff"))
    me = await world.app.repos.users.get(world.admin_a.id)
    assert me is not None and me.role is Role.ADMIN


async def test_role_change_and_deactivation_are_audited(world: World) -> None:
    admin = world.chat(world.admin_a)
    await admin.press(f"usr:{world.staff_a.id}:head")
    await admin.press(f"usa:{world.staff_a.id}:0")
    entries = await world.app.repos.audit.for_target("user", world.staff_a.id)
    changes = [e for e in entries if e.action in ("user.role", "user.deactivate")]
    assert [e.action for e in changes] == ["user.role", "user.deactivate"]
    assert changes[0].actor_id == world.admin_a.id
    assert changes[0].before == {"unit_id": world.staff_a.unit_id, "role": "staff", "active": True}
    assert changes[0].after == {"unit_id": world.staff_a.unit_id, "role": "head", "active": True}
    assert changes[1].before is not None and changes[1].before["active"] is True
    assert changes[1].after is not None and changes[1].after["active"] is False
    assert all(datetime.fromisoformat(e.at).tzinfo == UTC for e in changes)


async def test_invites_are_audited_and_usable_from_chat(world: World) -> None:
    admin = world.chat(world.admin_a)
    text = await admin.text("/moi lanhdao A")
    match = re.search(r"/start ([A-Z0-9]{4}-[A-Z0-9]{4})", text)
    assert match, text
    newcomer = FakeChat(world.app.dispatcher, "new-head")
    assert "Lãnh đạo đơn vị" in await newcomer.text(f"/start {match.group(1)}")
    actions = [e.action for e in await world.app.repos.audit.all()]
    assert "invite.create" in actions and "invite.redeem" in actions
    assert "Vai trò phải là" in await admin.text("/moi giamdoc")
    assert "Không có đơn vị" in await admin.text("/moi canbo ZZZ")
    assert "Cú pháp" in await admin.text("/moi canbo A B")
