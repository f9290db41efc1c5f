"""An item saved already past its expiry (review8 B14) tells the unit's heads at once through the
outbox, once (the planner's escalation key), as the planner does at an expiry; the summary says so."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.conftest import World
from tests.fakes import joined

NOW = datetime(2026, 12, 7, 4, 0, tzinfo=UTC)  # 11:00 Monday 07/12/2026 in Hà Nội


async def _escalations(world: World) -> list[tuple[str, int]]:
    rows = await world.app.repos.db.fetchall(
        "SELECT key, user_id FROM outbox WHERE key LIKE 'reg:%:esc:%' ORDER BY id", ()
    )
    return [(row["key"], row["user_id"]) for row in rows]


async def test_a_custody_item_saved_overdue_alerts_the_heads_once(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    await chat.send("/theodoi_moi")
    await chat.tap("Tạm giữ")
    await chat.tap("Không")
    await chat.send("18h 02/12/2026")  # 3 days end 18:00 05/12: past by 1 day 17 hours
    await chat.send("NVA")
    summary = joined(await chat.send("bỏ qua"))
    assert "quá hạn" in summary and "báo ngay lãnh đạo" in summary, summary
    assert await _escalations(world) == []
    assert "Đã lưu" in joined(await chat.tap("Lưu"))
    sent = await _escalations(world)
    assert sorted(user for _, user in sent) == sorted([world.admin_a.id, world.head_a.id]), sent
    due = await world.app.repos.outbox.due(("test",), NOW)
    assert {m.key for m in due} >= {key for key, _ in sent}  # due now, not at a moment already past
    [item] = await world.app.repos.register.in_scope(world.staff_a)
    assert all(key.startswith(f"reg:{item.id}:") for key, _ in sent)


async def test_an_item_running_is_not_escalated_at_save(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    await chat.send("/theodoi_moi")
    await chat.tap("Tạm giữ")
    await chat.tap("Không")
    await chat.send("10h 07/12/2026")
    await chat.send("NVB")
    summary = joined(await chat.send("bỏ qua"))
    assert "báo ngay" not in summary
    await chat.tap("Lưu")
    due_now = {m.key for m in await world.app.repos.outbox.due(("test",), NOW)}
    assert not any(":esc:" in key for key in due_now), due_now
