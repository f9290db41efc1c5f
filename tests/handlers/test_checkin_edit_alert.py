"""An edit that raises the count of people held past their term alerts the unit's heads at once,
through the outbox, once per count (review8 A5): as a new check-in with that count would."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.conftest import World
from tests.fakes import FakeChat, joined
from tests.handlers.test_checkin_support import add_sites, fill_to_summary, send_button

NOW = datetime(2026, 12, 6, 4, 0, tzinfo=UTC)  # 11:00 Sunday 06/12/2026 in Hà Nội


async def _submitted(world: World, chat: FakeChat, overdue: str = "0") -> int:
    sites = await add_sites(world)
    await fill_to_summary(chat, sites.a1, counts=("3", "2", "1", "0", overdue))
    assert "Đã gửi phiếu kiểm sát" in joined(await chat.press(send_button(chat)))
    [record] = await world.app.repos.checkins.recent(world.staff_a)
    return record.id


async def _set_overdue(chat: FakeChat, checkin: int, value: str) -> str:
    await chat.send("/lichsu")
    await chat.tap(chat.label(f"số {checkin}") if len(chat.visible()) > 1 else chat.visible()[0].text)
    await chat.tap("Sửa")
    await chat.tap(chat.label("quá hạn"))
    return joined(await chat.send(value))


async def _alerts(world: World, checkin: int) -> list[str]:
    rows = await world.app.repos.db.fetchall(
        "SELECT key, text FROM outbox WHERE key LIKE ? ORDER BY id", (f"checkin-alert:{checkin}:%",)
    )
    return [f"{row['key']}|{row['text']}" for row in rows]


async def test_raising_the_overdue_count_alerts_the_head_once(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    checkin = await _submitted(world, chat)
    assert await _alerts(world, checkin) == []
    saved = await _set_overdue(chat, checkin, "2")
    assert "Đã lưu thay đổi" in saved and "Đã báo ngay 2 lãnh đạo" in saved, saved
    alerts = await _alerts(world, checkin)  # the unit's head and its administrator
    assert [a.split("|")[0] for a in alerts] == [
        f"checkin-alert:{checkin}:{world.admin_a.id}:quahan2",
        f"checkin-alert:{checkin}:{world.head_a.id}:quahan2",
    ], alerts
    assert all("từ 0 lên 2" in a and "Nhà tạm giữ Công an khu vực A" in a for a in alerts), alerts
    # The same count again (down, then back up): told already, no second alert; a higher one is new.
    await _set_overdue(chat, checkin, "1")
    again = await _set_overdue(chat, checkin, "2")
    assert "Đã báo ngay" not in again, again
    assert len(await _alerts(world, checkin)) == 2
    assert "Đã báo ngay 2 lãnh đạo" in await _set_overdue(chat, checkin, "3")
    keys = [a.split("|")[0].rsplit(":", 1)[1] for a in await _alerts(world, checkin)]
    assert keys == ["quahan2", "quahan2", "quahan3", "quahan3"], keys


async def test_lowering_or_another_field_alerts_nobody(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    checkin = await _submitted(world, chat, overdue="2")
    first = await _alerts(world, checkin)
    assert f"checkin-alert:{checkin}:{world.head_a.id}" in [a.split("|")[0] for a in first]  # at submission
    lowered = await _set_overdue(chat, checkin, "1")
    assert "Đã lưu thay đổi" in lowered and "Đã báo ngay" not in lowered
    assert await _alerts(world, checkin) == first


async def test_a_head_raising_it_is_not_alerted_of_their_own_edit(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    checkin = await _submitted(world, world.chat(world.staff_a))
    head = world.chat(world.head_a)
    saved = await _set_overdue(head, checkin, "4")
    assert "Đã lưu thay đổi" in saved and "Đã báo ngay 1 lãnh đạo" in saved, saved  # the administrator
    assert [a.split("|")[0] for a in await _alerts(world, checkin)] == [
        f"checkin-alert:{checkin}:{world.admin_a.id}:quahan4"
    ]


async def test_an_overdue_count_above_the_held_says_both_the_alert_and_the_check(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    checkin = await _submitted(world, chat)  # 3 held in tạm giữ, 2 in tạm giam
    saved = await _set_overdue(chat, checkin, "6")
    assert "Đã báo ngay 2 lãnh đạo" in saved, saved  # the heads were told: the person must know
    assert "lớn hơn tổng số đang tạm giữ, tạm giam" in saved, saved
