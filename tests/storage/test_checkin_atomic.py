"""A flagged check-in and its head alerts are stored together or not at all; audit rows
carry the application clock's time."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest

from storage.checkins import Checkin, CheckinContent
from storage.outbox import NewMessage
from storage.users import User
from tests.conftest import World
from tests.fakes import FakeClock, joined
from tests.handlers.test_checkin_support import add_sites, fill_to_summary, send_button

FLAGGED = ("3", "2", "0", "0", "2")


async def _counts(world: World) -> tuple[int, int, int]:
    db = world.app.repos.db
    return (
        await world.app.repos.checkins.count(),
        await db.fetchval("SELECT COUNT(*) FROM outbox"),
        await db.fetchval("SELECT COUNT(*) FROM audit WHERE action = 'checkin.create'"),
    )


async def test_a_failure_while_queueing_the_alert_stores_neither_and_send_can_be_pressed_again(world: World) -> None:
    sites = await add_sites(world)
    chat = world.chat(world.staff_a)
    await fill_to_summary(chat, sites.a1, counts=FLAGGED)
    data = send_button(chat)
    # The outbox refuses writes (as a full disk would), after the check-in row is written.
    db = world.app.repos.db
    async with db.transaction() as conn:
        if db.dialect == "postgres":
            await conn.execute(
                "CREATE FUNCTION outbox_refuses() RETURNS trigger LANGUAGE plpgsql AS "
                "$$ BEGIN RAISE EXCEPTION 'disk full'; END $$"
            )
            await conn.execute(
                "CREATE TRIGGER outbox_refuses BEFORE INSERT ON outbox FOR EACH ROW EXECUTE FUNCTION outbox_refuses()"
            )
        else:
            await conn.execute(
                "CREATE TRIGGER outbox_refuses BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'disk full'); END"
            )
    failed = joined(await chat.press(data))
    assert "mã lỗi" in failed and "không bị thay đổi" in failed  # the error boundary's answer
    assert await _counts(world) == (0, 0, 0)  # no check-in without its alerts
    async with world.app.repos.db.transaction() as conn:
        await conn.execute("DROP TRIGGER outbox_refuses" + (" ON outbox" if db.dialect == "postgres" else ""))
    # The draft is untouched, so the same button now stores the check-in and both alerts.
    done = joined(await chat.press(data))
    assert "Đã gửi phiếu kiểm sát số" in done and "Đã báo ngay 2 lãnh đạo" in done
    assert await _counts(world) == (1, 2, 1)


async def test_alerts_are_never_queued_without_the_check_in(world: World, clock: FakeClock) -> None:
    sites = await add_sites(world)
    repos = world.app.repos
    content = CheckinContent(sites.a1.id, "hang_ngay", 3, 2, 0, 0, 2)

    def alerts_then_fail(checkin: Checkin, heads: list[User]) -> list[NewMessage]:
        raise RuntimeError(f"crash between row {checkin.id} and its alerts")

    with pytest.raises(RuntimeError, match="crash between"):
        await repos.checkins.submit(
            world.staff_a, "d-1", content, checked_at=clock.now(), now=clock.now(), alerts=alerts_then_fail
        )
    assert await _counts(world) == (0, 0, 0)

    def one_alert(checkin: Checkin, heads: list[User]) -> list[NewMessage]:
        return [NewMessage(f"checkin-alert:{checkin.id}:{world.head_a.id}", world.head_a, f"phiếu {checkin.id}")]

    stored, created = await repos.checkins.submit(
        world.staff_a, "d-1", content, checked_at=clock.now(), now=clock.now(), alerts=one_alert
    )
    assert created and await _counts(world) == (1, 1, 1)
    again, created_again = await repos.checkins.submit(
        world.staff_a, "d-1", content, checked_at=clock.now(), now=clock.now(), alerts=one_alert
    )
    assert not created_again and again == stored
    assert await _counts(world) == (1, 1, 1)


async def test_the_stored_check_in_is_what_a_later_read_returns(world: World, clock: FakeClock) -> None:
    sites = await add_sites(world)
    content = CheckinContent(
        sites.a1.id,
        "dot_xuat",
        4,
        5,
        1,
        2,
        0,
        ("Buồng 3 ẩm",),
        "Kiến nghị",
        21.5,
        105.25,
        False,
        (("ph-1", 1000, None),),
        "Ghi chú",
    )
    stored, created = await world.app.repos.checkins.submit(
        world.staff_a, "d-2", content, checked_at=clock.now(), now=clock.now()
    )
    assert created
    assert await world.app.repos.checkins.get_in_scope(world.staff_a, stored.id) == stored


async def test_audit_rows_carry_the_clock_time_not_the_wall_clock(world: World, clock: FakeClock) -> None:
    clock.set(datetime(2030, 5, 6, 7, 8, 9, tzinfo=UTC))
    sites = await add_sites(world)
    repos = world.app.repos
    content = CheckinContent(sites.a1.id, "hang_ngay", 3, 2, 0, 0, 0)
    stored, _ = await repos.checkins.submit(world.staff_a, "d-3", content, checked_at=clock.now(), now=clock.now())
    clock.advance(hours=1)
    await repos.checkins.edit(world.staff_a, stored.id, {"held_tam_giu": 4}, now=clock.now())
    clock.advance(hours=1)
    await repos.checkins.soft_delete(world.head_a, stored.id, "Nhập trùng", now=clock.now())
    rows = await repos.audit.for_target("checkin", stored.id)
    assert [(a.action, a.at) for a in rows] == [
        ("checkin.create", "2030-05-06T07:08:09+00:00"),
        ("checkin.edit", "2030-05-06T08:08:09+00:00"),
        ("checkin.delete", "2030-05-06T09:08:09+00:00"),
    ]
    assert rows[0].actor_id == world.staff_a.id and rows[0].after == {"draft_id": "d-3"}
    assert rows[0].unit_id == stored.unit_id


async def test_in_a_shared_batch_a_failing_alert_fails_only_its_own_check_in(world: World, clock: FakeClock) -> None:
    sites = await add_sites(world)
    repos = world.app.repos

    def alert(checkin: Checkin, heads: list[User]) -> list[NewMessage]:
        if checkin.draft_id == "bad":
            raise RuntimeError("cannot build this alert")
        return [NewMessage(f"checkin-alert:{checkin.id}:{world.head_a.id}", world.head_a, f"phiếu {checkin.id}")]

    def submit(draft_id: str, overdue: int):  # type: ignore[no-untyped-def]
        content = CheckinContent(sites.a1.id, "hang_ngay", 3, 0, 0, 0, overdue)
        return repos.checkins.submit(
            world.staff_a,
            draft_id,
            content,
            checked_at=clock.now(),
            now=clock.now(),
            alerts=alert if overdue else None,
        )

    results = await asyncio.gather(
        submit("plain", 0), submit("flagged", 1), submit("bad", 2), submit("plain-2", 0), return_exceptions=True
    )
    assert isinstance(results[2], RuntimeError)
    stored = {r[0].draft_id for r in results if not isinstance(r, BaseException) and r[1]}
    assert stored == {"plain", "flagged", "plain-2"}
    assert await _counts(world) == (3, 1, 3)
    assert await repos.checkins.by_draft(world.staff_a, "bad") is None


async def test_a_facility_stopped_after_it_was_offered_is_refused_on_send(world: World) -> None:
    sites = await add_sites(world)
    chat = world.chat(world.staff_a)
    await fill_to_summary(chat, sites.a1)
    await world.app.repos.facilities.update(world.admin_a, sites.a1.id, active=False)
    answer = joined(await chat.press(send_button(chat)))
    assert "không còn trong danh sách" in answer and sites.a1.name not in answer.split("chọn lại cơ sở:", 1)[1]
    assert await world.app.repos.checkins.count() == 0
    # The facility is chosen again from the fresh list; the rest of the draft is kept.
    assert "Phiếu kiểm sát — anh/chị kiểm tra lại" in joined(await chat.press(f"ks:f:{sites.a2.id}"))
    done = joined(await chat.press(send_button(chat)))
    assert "Đã gửi phiếu kiểm sát số" in done and sites.a2.name in done
