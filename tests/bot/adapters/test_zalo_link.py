"""/lienket: platform ids are namespaced, so a person on Telegram and on Zalo are two accounts
until an admin links them with a one-time code (audited); then both reach one account, its
proactive messages go to the new platform and the old address is told."""

from __future__ import annotations

from bot.chat import texts
from handlers.link import BAD_CODE, HOW_NEW, HOW_STAFF, OUT_OF_SCOPE, REFUSED
from storage.links import LinkStatus
from storage.users import Role
from tests.conftest import World
from tests.fakes import FakeChat, buttons, joined
from tests.zalo_harness import zalo_running

ZALO_ID = "7a7a7a7a7a7a7a7a7a7a"


async def _code_for(world: World, user_id: int) -> str:
    admin = world.chat(world.admin_a)
    listing = await admin.send("/lienket")
    assert any(data == f"lk:{user_id}" for _, data in buttons(listing))
    made = joined(await admin.press(f"lk:{user_id}"))
    assert "Mã chỉ dùng một lần" in made
    return made.split("gửi: /lienket ", 1)[1].split("\n", 1)[0]


async def test_admin_links_a_telegram_account_to_zalo_over_http(world: World) -> None:
    staff = world.staff_a  # their existing account (platform "test" stands in for Telegram)
    code = await _code_for(world, staff.id)
    async with zalo_running(world.app) as h:
        [before] = await h.say(ZALO_ID, "/kiemsat")
        assert before == texts.NOT_REGISTERED  # a Zalo id is not the Telegram account
        [linked] = await h.say(ZALO_ID, f"/lienket {code.lower()}")
        assert linked.startswith("Đã liên kết: anh/chị dùng tài khoản Cán bộ A") and "Zalo" in linked
        [again] = await h.say(ZALO_ID, f"/lienket {code}")
        assert again == REFUSED[LinkStatus.USED]
    users = world.app.repos.users
    via_zalo, via_old = await users.by_platform("zalo", ZALO_ID), await users.by_platform("test", "staff-a")
    assert via_zalo is not None and via_old is not None and via_zalo.id == via_old.id == staff.id
    account = await users.get(staff.id)
    assert account is not None and (account.platform, account.platform_user_id) == ("zalo", ZALO_ID)
    assert (account.unit_id, account.role) == (staff.unit_id, staff.role)
    assert await world.app.repos.links.identities(staff.id) == [("zalo", ZALO_ID), ("test", "staff-a")]
    [entry] = [e for e in await world.app.repos.audit.for_target("user", staff.id) if e.action == "user.link"]
    assert entry.actor_id == staff.id
    assert entry.before == {"platform": "test", "platform_user_id": "staff-a"}
    assert entry.after is not None and entry.after["platform"] == "zalo"
    assert any(e.action == "link.code" and e.actor_id == world.admin_a.id for e in await world.app.repos.audit.all())
    # The old address is told, in case the code leaked; the old chat keeps working.
    notice = await world.app.repos.outbox.for_key(f"link:{entry.after['code_id']}")
    assert notice is not None and (notice.platform, notice.chat_id) == ("test", "staff-a") and "Zalo" in notice.text
    assert "Chào Cán bộ A" in await world.chat(staff).text("/start")


async def test_linking_back_swaps_the_address_and_other_accounts_are_refused(world: World) -> None:
    staff = world.staff_a
    zalo = FakeChat(world.app.dispatcher, ZALO_ID, platform="zalo")
    assert "Đã liên kết" in await zalo.text(f"/lienket {await _code_for(world, staff.id)}")
    # From the old identity, a new code makes it the address again.
    old = world.chat(staff)
    assert "Đã liên kết" in await old.text(f"/lienket {await _code_for(world, staff.id)}")
    account = await world.app.repos.users.get(staff.id)
    assert account is not None and account.platform == "test"
    assert await old.text(f"/lienket {await _code_for(world, staff.id)}") == REFUSED[LinkStatus.ALREADY]
    # An identity with an account of its own is never merged into another one.
    other = world.chat(world.head_a)
    taken = await other.text(f"/lienket {await _code_for(world, staff.id)}")
    assert taken == REFUSED[LinkStatus.TAKEN].format(platform="test")
    head = await world.app.repos.users.by_platform("test", "head-a")
    assert head is not None and head.id == world.head_a.id


async def test_bad_input_and_permissions(world: World) -> None:
    stranger = FakeChat(world.app.dispatcher, "nobody", platform="zalo")
    assert await stranger.text("/lienket") == HOW_NEW
    assert await stranger.text("/lienket ABC") == BAD_CODE
    assert await stranger.text("/lienket ABCD-EFGH") == REFUSED[LinkStatus.UNKNOWN]
    staff = world.chat(world.staff_a)
    assert await staff.text("/lienket") == HOW_STAFF
    assert joined(await staff.press(f"lk:{world.staff_b.id}")) == texts.NO_PERMISSION
    admin_b = world.chat(world.admin_b)
    assert joined(await admin_b.press(f"lk:{world.staff_a.id}")) == OUT_OF_SCOPE
    assert "không hợp lệ" in joined(await admin_b.press("lk:x"))
    await world.app.repos.users.set_active(world.admin_a, world.staff_a.id, False)
    assert "bị khóa" in joined(await world.chat(world.admin_a).press(f"lk:{world.staff_a.id}"))
    await world.app.repos.users.set_active(world.admin_a, world.staff_a.id, True)
    code = await _code_for(world, world.staff_a.id)
    world.app.services.clock.advance(hours=25)  # type: ignore[attr-defined]
    assert await stranger.text(f"/lienket {code}") == REFUSED[LinkStatus.EXPIRED]
    code = await _code_for(world, world.staff_a.id)
    await world.app.repos.users.set_active(world.admin_a, world.staff_a.id, False)
    assert await stranger.text(f"/lienket {code}") == REFUSED[LinkStatus.INACTIVE]
    assert await world.app.repos.users.by_platform("zalo", "nobody") is None
    assert [e for e in await world.app.repos.audit.all() if e.action == "user.link"] == []


async def test_admin_list_pages(world: World) -> None:
    for i in range(9):
        await world.app.repos.users.create("zalo", f"z{i}", f"Người {i}", world.staff_a.unit_id, Role.STAFF)
    admin = world.chat(world.province_admin)
    first = buttons(await admin.send("/lienket"))
    assert len(first) == 9 and first[-1] == ("Trang sau »", "lk:p:2")
    second = buttons(await admin.press("lk:p:2"))
    assert ("« Trang trước", "lk:p:1") in second and len(second) >= 2
