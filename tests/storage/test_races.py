"""Several writers: two ``Database`` instances on one database (as two worker processes would
have), the same action started by both at once, exactly one winner. On PostgreSQL the two
transactions really run side by side (READ COMMITTED); on SQLite the file's one writer
serialises them. Each race is run for several rounds, so that the interleavings vary."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta

import pytest

from storage.checkins import CheckinContent
from storage.db import open_database
from storage.facilities import FacilityInput
from storage.invites import RedeemStatus
from storage.links import LinkStatus
from storage.repositories import Repositories
from storage.users import Role, User

ROUNDS = 8
NOW = datetime(2026, 12, 7, 2, 0, tzinfo=UTC)


@pytest.fixture
async def two(store: str) -> AsyncIterator[tuple[Repositories, Repositories]]:
    first, second = await open_database(store), await open_database(store)
    try:
        yield Repositories.over(first), Repositories.over(second)
    finally:
        await first.close()
        await second.close()


async def _people(repos: Repositories) -> tuple[User, User, User]:
    province = await repos.units.add("P", "VKSND tỉnh P", "tinh")
    unit = await repos.units.add("A", "VKSND khu vực A", "khu_vuc", "P")
    admin = await repos.users.create("test", "admin", "Quản trị", province.id, Role.ADMIN)
    head = await repos.users.create("test", "head", "Lãnh đạo A", unit.id, Role.HEAD)
    staff = await repos.users.create("test", "staff", "Cán bộ A", unit.id, Role.STAFF)
    return admin, head, staff


async def test_an_invite_code_registers_exactly_one_person(two: tuple[Repositories, Repositories]) -> None:
    a, b = two
    admin, head, _ = await _people(a)
    for n in range(ROUNDS):
        invite = await a.invites.create(head.unit_id, Role.STAFF, created_by=admin, ttl=timedelta(days=1), now=NOW)
        results = await asyncio.gather(
            a.invites.redeem(invite.code, platform="t", platform_user_id=f"x{n}", display_name="X", now=NOW),
            b.invites.redeem(invite.code, platform="t", platform_user_id=f"y{n}", display_name="Y", now=NOW),
        )
        assert sorted(r.status for r in results) == sorted([RedeemStatus.OK, RedeemStatus.USED])
    assert await a.db.fetchval("SELECT COUNT(*) FROM users WHERE platform = 't'") == ROUNDS
    assert await a.db.fetchval("SELECT COUNT(*) FROM audit WHERE action = 'invite.redeem'") == ROUNDS


async def test_one_person_with_two_codes_at_once_is_registered_once(two: tuple[Repositories, Repositories]) -> None:
    a, b = two
    admin, head, _ = await _people(a)
    for n in range(ROUNDS):
        codes = [
            (await a.invites.create(head.unit_id, Role.STAFF, created_by=admin, ttl=timedelta(days=1), now=NOW)).code
            for _ in range(2)
        ]
        results = await asyncio.gather(
            *(
                repos.invites.redeem(code, platform="t", platform_user_id=f"same{n}", display_name="Z", now=NOW)
                for repos, code in zip((a, b), codes, strict=True)
            )
        )
        assert sorted(r.status for r in results) == sorted([RedeemStatus.OK, RedeemStatus.ALREADY_REGISTERED])
        # The code that lost is not spent: it still registers someone else.
        loser = codes[[r.status for r in results].index(RedeemStatus.ALREADY_REGISTERED)]
        again = await b.invites.redeem(loser, platform="t", platform_user_id=f"other{n}", display_name="O", now=NOW)
        assert again.status is RedeemStatus.OK
    assert await a.db.fetchval("SELECT COUNT(*) FROM users WHERE platform = 't'") == 2 * ROUNDS


async def test_a_link_code_links_exactly_one_identity(two: tuple[Repositories, Repositories]) -> None:
    a, b = two
    admin, _, staff = await _people(a)
    for n in range(ROUNDS):
        link = await a.links.create_code(admin, staff.id, ttl=timedelta(hours=1), now=NOW)
        results = await asyncio.gather(
            a.links.redeem(link.code, platform="zalo", platform_user_id=f"z{n}", now=NOW),
            b.links.redeem(link.code, platform="zalo", platform_user_id=f"w{n}", now=NOW),
        )
        assert sorted(r.status for r in results) == sorted([LinkStatus.OK, LinkStatus.USED])
    assert await a.db.fetchval("SELECT COUNT(*) FROM audit WHERE action = 'user.link'") == ROUNDS
    # Every address the account had stays a way in, once: no link was lost or doubled.
    identities = await a.links.identities(staff.id)
    assert len(identities) == ROUNDS + 1 == len(set(identities))


async def test_a_report_is_marked_once_and_undone_once(two: tuple[Repositories, Repositories]) -> None:
    a, b = two
    _, head, _ = await _people(a)
    due = date(2026, 12, 5)
    for n in range(ROUNDS):
        period = f"2026-{n + 1:02d}"
        marks = await asyncio.gather(
            a.reports.mark_sent(head, "r", period, head.unit_id, due, NOW),
            b.reports.mark_sent(head, "r", period, head.unit_id, due, NOW),
        )
        assert sorted(created for _, created in marks) == [False, True]
        assert marks[0][0].id == marks[1][0].id
        undos = await asyncio.gather(
            a.reports.undo(head, "r", period, head.unit_id, NOW),
            b.reports.undo(head, "r", period, head.unit_id, NOW),
            return_exceptions=True,
        )
        assert sorted(type(u).__name__ for u in undos) == ["LookupError", "Submission"]
    assert await a.db.fetchval("SELECT COUNT(*) FROM audit WHERE action = 'report.sent'") == ROUNDS
    assert await a.db.fetchval("SELECT COUNT(*) FROM audit WHERE action = 'report.undo'") == ROUNDS


async def test_a_check_in_sent_twice_at_once_is_stored_once(two: tuple[Repositories, Repositories]) -> None:
    a, b = two
    _, _, staff = await _people(a)
    [site] = await a.facilities.import_rows(staff.unit_id, [FacilityInput("Nhà tạm giữ A", "nha_tam_giu")])
    content = CheckinContent(site.id, "hang_ngay", 3, 2, 1, 0, 0)
    for n in range(ROUNDS):
        results = await asyncio.gather(
            a.checkins.submit(staff, f"draft-{n}", content, checked_at=NOW, now=NOW),
            b.checkins.submit(staff, f"draft-{n}", content, checked_at=NOW, now=NOW),
        )
        assert sorted(created for _, created in results) == [False, True]
        assert results[0][0].id == results[1][0].id
    assert await a.checkins.count() == ROUNDS
    assert await a.db.fetchval("SELECT COUNT(*) FROM audit WHERE action = 'checkin.create'") == ROUNDS


async def test_a_check_in_edited_twice_at_once_keeps_one_edit_and_its_version(
    two: tuple[Repositories, Repositories],
) -> None:
    a, b = two
    _, head, staff = await _people(a)
    [site] = await a.facilities.import_rows(staff.unit_id, [FacilityInput("Nhà tạm giữ A", "nha_tam_giu")])
    stored, _ = await a.checkins.submit(
        staff, "d", CheckinContent(site.id, "hang_ngay", 3, 2, 1, 0, 0), checked_at=NOW, now=NOW
    )
    edits = await asyncio.gather(
        a.checkins.edit(staff, stored.id, {"held_tam_giu": 7}, now=NOW),
        b.checkins.edit(head, stored.id, {"held_tam_giu": 9}, now=NOW),
        return_exceptions=True,
    )
    # Overlapping, the second edit is refused (it read a version that changed under it); if the
    # two happen not to overlap, both apply in turn. Either way no edit is lost: every accepted
    # edit left exactly one previous version and one audit row.
    accepted = [e for e in edits if not isinstance(e, BaseException)]
    assert {type(e).__name__ for e in edits if isinstance(e, BaseException)} <= {"AlreadyDeleted"}
    assert accepted
    assert len(await a.checkins.versions(stored.id)) == len(accepted)
    assert await a.db.fetchval("SELECT COUNT(*) FROM audit WHERE action = 'checkin.edit'") == len(accepted)


async def test_an_outbox_message_is_claimed_by_one_sender(two: tuple[Repositories, Repositories]) -> None:
    a, b = two
    _, _, staff = await _people(a)
    for n in range(ROUNDS):
        assert await a.outbox.enqueue(key=f"k{n}", user=staff, text="Nhắc", now=NOW)
        [seen_a], [seen_b] = await asyncio.gather(a.outbox.due(("test",), NOW), b.outbox.due(("test",), NOW))
        claims = await asyncio.gather(a.outbox.begin_attempt(seen_a, NOW), b.outbox.begin_attempt(seen_b, NOW))
        assert sum(c is not None for c in claims) == 1
        winner = next(c for c in claims if c is not None)
        await a.outbox.mark_sent(winner.id, NOW)
    assert await a.outbox.count_by_status() == {"sent": ROUNDS}


async def test_a_lease_is_taken_over_and_acquired_by_one_process(two: tuple[Repositories, Repositories]) -> None:
    a, b = two
    ttl = timedelta(seconds=60)
    for n in range(ROUNDS):
        name = f"outbox:{n}"
        assert await a.leases.acquire(name, "dead", NOW, ttl)
        taken = await asyncio.gather(
            a.leases.take_over(name, "dead", "one", NOW, ttl), b.leases.take_over(name, "dead", "two", NOW, ttl)
        )
        assert sorted(taken) == [False, True]
        holder = await a.leases.holder(name, NOW)
        assert holder == ("one" if taken[0] else "two")
        # Expired: both ask at once, one gets it.
        later = NOW + 2 * ttl
        got = await asyncio.gather(
            a.leases.acquire(name, "three", later, ttl), b.leases.acquire(name, "four", later, ttl)
        )
        assert sorted(got) == [False, True]


async def test_two_changes_of_one_facility_at_once_lose_neither(two: tuple[Repositories, Repositories]) -> None:
    a, b = two
    admin, head, _ = await _people(a)
    for n in range(ROUNDS):
        [site] = await a.facilities.import_rows(head.unit_id, [FacilityInput(f"Nhà tạm giữ {n}", "nha_tam_giu")])
        await asyncio.gather(
            a.facilities.update(head, site.id, name=f"Nhà tạm giữ {n} (mới)"),
            b.facilities.update(admin, site.id, address="Số 1 phố Mới"),
        )
        final = await a.facilities.get_in_scope(head, site.id)
        assert final is not None and (final.name, final.address) == (f"Nhà tạm giữ {n} (mới)", "Số 1 phố Mới")
        first, second = [e for e in await a.audit.for_target("facility", site.id) if e.action == "facility.update"]
        assert second.before == first.after  # each change audited against the state the other left
