"""The digest's scoped read: the open items of each recipient's unit subtree, page by page, kept
only where the caller's ``pick`` (the law, in the digest) keeps them."""

from __future__ import annotations

from storage.outbox import NewMessage
from storage.register_model import Item, NewItem
from storage.register_scan import PAGE
from storage.repositories import Repositories
from storage.users import Role
from tests.storage.contract.conftest import NOW


def _no_messages(item_id: int, version: int) -> list[NewMessage]:
    return []


class TestPickedInScopes:
    async def test_each_recipient_gets_the_picked_open_items_of_their_subtree(self, repos: Repositories) -> None:
        province = await repos.units.add("P", "VKSND tỉnh P", "tinh")
        a = await repos.units.add("A", "VKSND khu vực A", "khu_vuc", "P")
        b = await repos.units.add("B", "VKSND khu vực B", "khu_vuc", "P")
        chief = await repos.users.create("test", "c", "Lãnh đạo tỉnh", province.id, Role.HEAD)
        head_a = await repos.users.create("test", "ha", "Lãnh đạo A", a.id, Role.HEAD)
        head_b = await repos.users.create("test", "hb", "Lãnh đạo B", b.id, Role.HEAD)
        admin_a = await repos.users.create("test", "aa", "Quản trị A", a.id, Role.ADMIN)
        staff_a = await repos.users.create("test", "sa", "KSV A", a.id, Role.STAFF)
        staff_b = await repos.users.create("test", "sb", "KSV B", b.id, Role.STAFF)
        gone = await repos.users.create("test", "g", "Đã nghỉ", province.id, Role.HEAD)
        await repos.db.execute_one("UPDATE users SET active = 0 WHERE id = ?", (gone.id,))
        gone = await repos.users.get(gone.id)  # type: ignore[assignment]
        # More open items in A than one page, every third one "due"; B has two, one closed.
        in_a = [NewItem(a.id, f"A{n}", staff_a.id, {"n": n}) for n in range(PAGE + 150)]
        a_ids = await repos.register.create(head_a, in_a, NOW, _no_messages)
        b_ids = await repos.register.create(
            head_b,
            [
                NewItem(b.id, "B0", staff_b.id, {"n": 0}),
                NewItem(b.id, "B1", staff_b.id, {"n": 3}, later=[("close", {})], closed=True),
            ],
            NOW,
            _no_messages,
        )
        seen: list[str] = []

        def pick(item: Item) -> int | None:
            seen.append(item.label)
            n = int(item.live_events[0].data["n"])
            return n if n % 3 == 0 else None

        found = await repos.register.picked_in_scopes([chief, head_a, head_b, admin_a, gone, head_b], pick)
        due_a = [(a_ids[n], n) for n in range(0, PAGE + 150, 3)]
        assert {k: [(item.id, n) for item, n in v] for k, v in found.items()} == {
            chief.id: [*due_a, (b_ids[0], 0)],
            head_a.id: due_a,
            admin_a.id: due_a,
            head_b.id: [(b_ids[0], 0)],
        }  # an inactive recipient gets nothing, one named twice each item once; nobody the closed item
        assert sorted(seen) == sorted([f"A{n}" for n in range(PAGE + 150)] + ["B0"])  # each open item once
        item, _ = found[head_b.id][0]
        assert (item.label, item.unit_name, item.assignee_name) == ("B0", "VKSND khu vực B", "KSV B")

    async def test_an_item_is_picked_from_its_live_events(self, repos: Repositories) -> None:
        unit = await repos.units.add("P", "VKSND tỉnh P", "tinh")
        head = await repos.users.create("test", "h", "Lãnh đạo", unit.id, Role.HEAD)
        (item_id,) = await repos.register.create(
            head, [NewItem(unit.id, "X", head.id, {"n": 1}, later=[("extend", {"n": 2})])], NOW, _no_messages
        )
        item = await repos.register.get(head, item_id)
        assert item is not None
        await repos.register.delete_event(head, item, 2, "ghi nhầm", NOW, _no_messages, reopens=True)
        found = await repos.register.picked_in_scopes([head], lambda i: [e.data["n"] for e in i.events])
        assert [value for _, value in found[head.id]] == [[1]]

    async def test_no_recipients_read_nothing(self, repos: Repositories) -> None:
        assert await repos.register.picked_in_scopes([], lambda item: item) == {}
