"""Patterns seen in real chats, through the dispatcher: shorthand in the free-text
calculator, follow-ups that change a year or a condition, two members of one group sharing
the rest of the question, another law named, and entries that lead with the asked figure."""

from __future__ import annotations

from storage.users import Role
from tests.conftest import World
from tests.fakes import FakeChat


async def _chat(world: World, name: str) -> FakeChat:
    unit = await world.app.repos.units.by_code("A")
    assert unit is not None
    user = await world.app.repos.users.create("test", name, "Cán bộ", unit.id, Role.STAFF)
    return world.chat(user)


async def test_calculator_reads_custody_shorthand(world: World) -> None:
    chat = await _chat(world, "p1")  # the fake clock: Monday 02/03/2026 08:00 in Hà Nội
    custody = await chat.text("tgiu tu 8h sang nay den khi nao")
    assert "TẠM GIỮ" in custody and "05/03/2026" in custody and "08:00" in custody
    detention = await chat.text("tamgiam tu 01/02/2026 2 thang het han ngay nao")
    assert "TẠM GIAM" in detention and "01/04/2026" in detention
    dotted = await chat.text("t.giam tu 01/02/2026 2 thang het ngay nao")
    assert "01/04/2026" in dotted
