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


async def test_an_entry_whose_title_adds_a_topic_is_not_the_answer(world: World) -> None:
    chat = await _chat(world, "p2")
    levels = await chat.text("he thong vksnd gom nhung cap nao")
    assert levels.startswith("3 cấp từ 01/7/2025")
    assert "Song song với VKSND" not in levels
    appeal = await chat.text("phuc tham phai xet xu trong bao lau")
    assert "Điều 346" in appeal and "mở phiên tòa phúc thẩm trong 60 ngày" in appeal
    last_day = await chat.text("cách tính ngày cuối cùng của lệnh tạm giam")
    assert "ngày thứ nhất" in last_day and "Tính từ ngày tiếp theo ngày cuối cùng" not in last_day
