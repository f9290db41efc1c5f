"""The simpler contracts: units and their subtrees, users scoped by unit, single-use invites,
changes kept with their audit entries."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from storage.invites import RedeemStatus
from storage.repositories import Repositories
from storage.users import Role
from tests.storage.contract.conftest import NOW, Opened


class TestUnitsAndUsers:
    async def test_a_unit_tree_and_scope(self, repos: Repositories) -> None:
        province = await repos.units.add("P", "VKSND tỉnh P", "tinh")
        a = await repos.units.add("A", "VKSND khu vực A", "khu_vuc", "P")
        b = await repos.units.add("B", "VKSND khu vực B", "khu_vuc", "P")
        assert sorted(await repos.units.subtree_ids(province.id)) == sorted([province.id, a.id, b.id])
        assert await repos.units.subtree_ids(a.id) == [a.id]
        assert await repos.units.in_scope(province.id, b.id) and not await repos.units.in_scope(a.id, b.id)
        staff_a = await repos.users.create("zalo", "z1", "Cán bộ A", a.id, Role.STAFF)
        staff_b = await repos.users.create("telegram", "t1", "Cán bộ B", b.id, Role.STAFF)
        admin = await repos.users.create("test", "ad", "Quản trị tỉnh", province.id, Role.ADMIN)
        assert await repos.users.by_platform("zalo", "z1") == staff_a
        assert await repos.users.by_platform("telegram", "z1") is None
        assert await repos.users.get_in_scope(admin, staff_b.id) == staff_b
        assert await repos.users.get_in_scope(staff_a, staff_b.id) is None

    async def test_active_users_of_one_unit_only_within_scope(self, repos: Repositories) -> None:
        await repos.units.add("P", "VKSND tỉnh P", "tinh")
        a = await repos.units.add("A", "VKSND khu vực A", "khu_vuc", "P")
        b = await repos.units.add("B", "VKSND khu vực B", "khu_vuc", "P")
        head_a = await repos.users.create("test", "ha", "Lãnh đạo A", a.id, Role.HEAD)
        kiem = await repos.users.create("test", "k", "Bình", a.id, Role.STAFF)
        gone = await repos.users.create("test", "g", "An", a.id, Role.STAFF)
        await repos.users.create("test", "b1", "Cán bộ B", b.id, Role.STAFF)
        await repos.db.execute_one("UPDATE users SET active = 0 WHERE id = ?", (gone.id,))
        names = [u.display_name for u in await repos.users.active_in_unit(head_a, a.id)]
        assert names == ["Bình", "Lãnh đạo A"] and kiem.active  # by name; the locked one left out
        assert await repos.users.active_in_unit(head_a, b.id) == []  # another unit: outside A's scope

    async def test_an_invite_registers_exactly_one_person(self, repos: Repositories) -> None:
        unit = await repos.units.add("P", "VKSND tỉnh P", "tinh")
        invite = await repos.invites.create(unit.id, Role.HEAD, created_by=None, ttl=timedelta(days=7), now=NOW)
        tries = [
            repos.invites.redeem(invite.code, platform="zalo", platform_user_id=f"z{i}", display_name="Ai", now=NOW)
            for i in range(4)
        ]
        results = [r.status for r in await asyncio.gather(*tries)]
        assert results.count(RedeemStatus.OK) == 1 and results.count(RedeemStatus.USED) == 3
        late = await repos.invites.create(unit.id, Role.STAFF, created_by=None, ttl=timedelta(days=1), now=NOW)
        expired = await repos.invites.redeem(
            late.code, platform="zalo", platform_user_id="zz", display_name="Muộn", now=NOW + timedelta(days=2)
        )
        assert expired.status is RedeemStatus.EXPIRED

    async def test_a_change_of_role_is_kept_with_its_audit_entry(self, store: Opened) -> None:
        repos = store.repos
        unit = await repos.units.add("P", "VKSND tỉnh P", "tinh")
        admin = await repos.users.create("test", "ad", "Quản trị", unit.id, Role.ADMIN)
        staff = await repos.users.create("test", "st", "Cán bộ", unit.id, Role.STAFF)
        await repos.users.set_role(admin, staff.id, Role.HEAD)
        await repos.users.set_active(admin, staff.id, False)
        repos = await store.reopen()
        changed = await repos.users.get(staff.id)
        assert changed is not None and (changed.role, changed.active) == (Role.HEAD, False)
        created, *entries = await repos.audit.for_target("user", staff.id)  # oldest first
        assert created.actor_id is None and [e.actor_id for e in entries] == [admin.id, admin.id]
        assert entries[0].before is not None and entries[0].before["role"] == "staff"
        assert entries[0].after is not None and entries[0].after["role"] == "head"
        assert entries[1].after is not None and entries[1].after["active"] is False
