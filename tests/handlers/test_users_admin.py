"""/nguoidung (review8 A10, B17, C25): a person keeps their place in the list whatever changes
(role, lock, unit), so a number remembered from the last run picks the same person; each step
names the person; an administrator moves a person to another unit (admins only, audited); one's
own card offers no option that would only be refused."""

from __future__ import annotations

from bot.chat import texts
from storage.users import Role
from tests.conftest import World
from tests.fakes import FakeChat, joined


async def _console_admin(world: World) -> FakeChat:
    user = await world.app.repos.users.create(
        "console", "root", "Quản trị máy", world.province_admin.unit_id, Role.ADMIN
    )
    return FakeChat(world.app.dispatcher, user.platform_user_id, platform="console")


async def _list(chat: FakeChat) -> list[str]:
    await chat.send("/nguoidung")
    return [b.text.split(" · ")[0] for b in chat.visible()]


async def test_the_same_number_picks_the_same_person_after_a_role_change(world: World) -> None:
    admin = await _console_admin(world)
    before = await _list(admin)
    n = before.index("Lãnh đạo A") + 1
    card = joined(await admin.send(str(n)))
    assert card.startswith("Lãnh đạo A (test)"), card  # the card names the person first
    done = joined(await admin.tap("Cán bộ, kiểm sát viên"))
    assert "Đã đổi vai trò của Lãnh đạo A thành Cán bộ, kiểm sát viên" in done, done
    assert await _list(admin) == before  # a new run: the same order
    card = joined(await admin.send(str(n)))
    assert card.startswith("Lãnh đạo A (test)"), card
    assert "Đã đổi vai trò của Lãnh đạo A thành Lãnh đạo đơn vị" in joined(await admin.tap("Lãnh đạo đơn vị"))
    await admin.send("/nguoidung")
    await admin.send(str(n))
    assert "Đã khóa tài khoản của Lãnh đạo A" in joined(await admin.tap("Khóa tài khoản"))
    assert await _list(admin) == before
    roles = {u.display_name: u.role for u in await world.app.repos.users.list_in_scope(world.province_admin)}
    assert roles["Lãnh đạo A"] is Role.HEAD and roles["Cán bộ A"] is Role.STAFF


async def test_an_admin_moves_a_person_to_another_unit_audited(world: World) -> None:
    admin = await _console_admin(world)
    names = await _list(admin)
    await admin.send(str(names.index("Cán bộ A") + 1))
    asked = joined(await admin.tap("Chuyển đơn vị"))
    assert "Chuyển Cán bộ A sang đơn vị nào?" in asked
    assert not any(b.text.startswith("A —") for b in admin.visible())  # not the unit they are in
    done = joined(await admin.tap(admin.label("B —")))
    assert "Đã chuyển Cán bộ A từ A sang B" in done, done
    moved = await world.app.repos.users.by_platform("test", world.staff_a.platform_user_id)
    assert moved is not None and moved.unit_id == world.staff_b.unit_id and moved.role is Role.STAFF
    audit = await world.app.repos.audit.for_target("user", moved.id)
    [entry] = [e for e in audit if e.action == "user.move"]
    assert entry.before is not None and entry.after is not None
    assert (entry.before["unit_id"], entry.after["unit_id"]) == (world.staff_a.unit_id, world.staff_b.unit_id)
    assert await _list(admin) == names  # the list does not reorder either


async def test_moving_is_for_admins_of_both_units_only(world: World) -> None:
    unit_admin = world.chat(world.admin_a)  # admin of A only: B is not theirs
    await unit_admin.press(f"usr:{world.staff_a.id}")
    await unit_admin.tap("Chuyển đơn vị")
    assert "Không có đơn vị nào khác" in joined(unit_admin.history[-1][1])
    forged = joined(await unit_admin.press(f"usu:{world.staff_a.id}:{world.staff_b.unit_id}"))
    assert "không thuộc phạm vi" in forged
    head = world.chat(world.head_a)
    assert joined(await head.press(f"usu:{world.staff_a.id}:{world.staff_b.unit_id}")) == texts.NO_PERMISSION
    still = await world.app.repos.users.by_platform("test", world.staff_a.platform_user_id)
    assert still is not None and still.unit_id == world.staff_a.unit_id


async def test_ones_own_card_offers_nothing_refused(world: World) -> None:
    admin = world.chat(world.admin_a)
    card = await admin.press(f"usr:{world.admin_a.id}")
    assert "tài khoản của chính anh/chị" in joined(card) and admin.visible() == []
