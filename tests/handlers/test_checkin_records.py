"""Submitted check-ins: /lichsu, edits that keep versions and audit rows, the author's
24-hour window, soft deletion by heads, and scoping across units."""

from __future__ import annotations

from bot.chat import texts
from tests.conftest import World
from tests.fakes import FakeClock, buttons, joined
from tests.handlers.test_checkin_support import add_sites, submit_one


async def test_history_lists_own_checkins_and_opens_a_card(world: World) -> None:
    sites = await add_sites(world)
    chat = world.chat(world.staff_a)
    assert "Chưa có phiếu" in joined(await chat.send("/lichsu"))
    first = await submit_one(chat, sites.a1)
    second = await submit_one(chat, sites.a2)
    listing = buttons(await chat.send("/lichsu"))
    assert [data for _, data in listing] == [f"kh:v:{second}", f"kh:v:{first}"]
    assert chat.label(sites.a2.name) == listing[0][0]  # newest first
    card = await chat.tap(chat.label(sites.a1.name))
    assert sites.a1.name in joined(card) and "Số người đang bị tạm giữ: 3" in joined(card)
    assert buttons(card) == [("Sửa", f"kh:e:{first}")]  # staff get no delete button


async def test_edit_keeps_the_previous_version_and_an_audit_entry(world: World) -> None:
    sites = await add_sites(world)
    chat = world.chat(world.staff_a)
    checkin_id = await submit_one(chat, sites.a1)
    await chat.send("/lichsu")
    await chat.tap(chat.label(sites.a1.name))
    fields = [data for _, data in buttons(await chat.tap("Sửa"))]
    assert f"kh:f:{checkin_id}:held_tam_giam" in fields and f"kh:f:{checkin_id}:violations" in fields
    await chat.tap("Sửa tạm giam")
    assert "số nguyên" in joined(await chat.send("4.5"))
    saved = joined(await chat.send("9"))
    assert "Đã lưu thay đổi" in saved and "Số người đang bị tạm giam: 9" in saved
    await chat.tap("Sửa")  # on the card shown after saving
    await chat.tap("Sửa vi phạm")
    await chat.send("Thiếu chăn màn\nBuồng 2 ẩm")
    await chat.tap("Sửa")
    await chat.tap("Sửa hình thức")
    await chat.tap("Phúc tra")

    repos = world.app.repos
    current = await repos.checkins.get_in_scope(world.staff_a, checkin_id)
    assert current is not None and current.version == 4
    assert current.content.held_tam_giam == 9 and current.content.violations == ("Thiếu chăn màn", "Buồng 2 ẩm")
    versions = await repos.checkins.versions(checkin_id)
    assert [v.version for v in versions] == [1, 2, 3]
    assert versions[0].data["held_tam_giam"] == 2 and versions[0].data["kind"] == "hang_ngay"
    assert versions[1].data["held_tam_giam"] == 9 and versions[1].data["violations"] == []
    assert versions[2].data["kind"] == "hang_ngay" and all(v.replaced_by == world.staff_a.id for v in versions)
    edits = [a for a in await repos.audit.for_target("checkin", checkin_id) if a.action == "checkin.edit"]
    assert len(edits) == 3 and all(a.actor_id == world.staff_a.id for a in edits)
    assert edits[0].before == {"held_tam_giam": 2}
    assert edits[0].after is not None and edits[0].after["changed"] == ["held_tam_giam"]
    assert edits[0].after["held_tam_giam"] == 9 and edits[0].after["at"].startswith("2026-03-02")


async def test_edit_window_author_refused_after_24_hours_head_allowed(world: World, clock: FakeClock) -> None:
    sites = await add_sites(world)
    staff = world.chat(world.staff_a)
    checkin_id = await submit_one(staff, sites.a1)
    clock.advance(hours=23, minutes=59)
    await staff.send("/lichsu")
    await staff.tap(staff.label(sites.a1.name))
    await staff.tap("Sửa")
    await staff.tap("Sửa ghi chú")
    assert "Đã lưu" in joined(await staff.send("Bổ sung trong hạn"))
    clock.advance(minutes=1)
    assert "quá 24 giờ" in joined(await staff.tap("Sửa"))  # the card still on screen
    # Buttons from the screens before the window closed:
    assert "quá 24 giờ" in joined(await staff.press(f"kh:f:{checkin_id}:notes"))
    assert "quá 24 giờ" in joined(await staff.press(f"kh:k:{checkin_id}:dot_xuat"))
    head = world.chat(world.head_a)
    assert f"kh:v:{checkin_id}" in [d for _, d in buttons(await head.send("/lichsu"))]
    await head.tap(head.label(sites.a1.name))
    await head.tap("Sửa")
    await head.tap("Sửa quá hạn")
    assert "Đã lưu" in joined(await head.send("1"))
    saved = await world.app.repos.checkins.get_in_scope(world.head_a, checkin_id)
    assert saved is not None and saved.content.overdue == 1 and saved.content.notes == "Bổ sung trong hạn"


async def test_soft_delete_by_head_only_with_a_reason(world: World) -> None:
    sites = await add_sites(world)
    staff = world.chat(world.staff_a)
    checkin_id = await submit_one(staff, sites.a1)
    assert "Chỉ lãnh đạo" in joined(await staff.press(f"kh:d:{checkin_id}"))  # staff are shown no Xóa
    head = world.chat(world.head_a)
    await head.send("/lichsu")
    card = await head.tap(head.label(sites.a1.name))
    assert ("Xóa", f"kh:d:{checkin_id}") in buttons(card)
    await head.tap("Xóa")
    assert "rõ hơn" in joined(await head.send("sai"))
    assert "Đã xóa phiếu" in joined(await head.send("Nhập trùng với phiếu khác"))
    repos = world.app.repos
    deleted = await repos.checkins.get_in_scope(world.head_a, checkin_id)
    assert deleted is not None and deleted.deleted_at is not None
    assert deleted.delete_reason == "Nhập trùng với phiếu khác" and deleted.content.held_tam_giu == 3
    assert "ĐÃ XÓA" in joined(await head.press(f"kh:v:{checkin_id}"))  # its /lichsu button, from an older message
    assert "đã bị xóa" in joined(await head.press(f"kh:e:{checkin_id}"))
    assert await repos.checkins.recent(world.staff_a) == []
    audit = [a.action for a in await repos.audit.for_target("checkin", checkin_id)]
    assert audit == ["checkin.create", "checkin.delete"]


async def test_scoping_across_units(world: World) -> None:
    sites = await add_sites(world)
    mine = await submit_one(world.chat(world.staff_a), sites.a1)
    theirs = await submit_one(world.chat(world.staff_b), sites.b1)
    admin_b = world.chat(world.admin_b)
    # A forged facility of another unit is refused, in the flow and by the repository.
    await world.chat(world.staff_a).send("/kiemsat")
    assert "không thuộc đơn vị" in joined(await world.chat(world.staff_a).press(f"ks:f:{sites.b1.id}"))
    for data in (f"kh:v:{mine}", f"kh:e:{mine}", f"kh:f:{mine}:notes", f"kh:d:{mine}", f"kh:k:{mine}:dot_xuat"):
        assert "Không tìm thấy phiếu" in joined(await admin_b.press(data)), data
    head_a = world.chat(world.head_a)
    assert "Không tìm thấy phiếu" in joined(await head_a.press(f"kh:v:{theirs}"))
    other_staff = await world.app.repos.users.create(
        "test", "staff-a2", "Cán bộ A2", world.staff_a.unit_id, world.staff_a.role
    )
    assert "Không tìm thấy phiếu" in joined(await world.chat(other_staff).press(f"kh:v:{mine}"))
    # The province admin sees both units.
    province = [d for _, d in buttons(await world.chat(world.province_admin).send("/lichsu"))]
    assert {f"kh:v:{mine}", f"kh:v:{theirs}"} <= set(province)
    # Heads-only views are refused to staff.
    staff = world.chat(world.staff_a)
    for command in ("/homnay", "/xuat 2026-03", "/coso"):
        assert joined(await staff.send(command)) == texts.NO_PERMISSION, command
    assert joined(await staff.press(f"cs:v:{sites.a1.id}")) == texts.NO_PERMISSION
