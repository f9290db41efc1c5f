"""Check-ins stored together (storage/checkin_submit.py) queue their head alerts together, in
multi-row statements, on both stores, with the promises of one check-in at a time: each alert
bound to its own check-in and heads, at its own check-in's time, every key once (a double tap,
a repeated key, a second send), never an alert without its check-in."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta

from storage.checkins import Checkin, CheckinContent
from storage.facilities import Facility, FacilityInput
from storage.outbox import NewMessage
from storage.repositories import Repositories
from storage.users import Role, User
from tests.storage.contract.conftest import NOW, person

COUNT = 60  # more alerts than one statement's smallest piece, across two units


class _Setup:
    def __init__(self, repos: Repositories) -> None:
        self.repos = repos
        self.staff: dict[str, User] = {}
        self.heads: dict[str, list[User]] = {}
        self.sites: dict[str, Facility] = {}

    async def unit(self, code: str, heads: int) -> None:
        staff = await person(self.repos, f"s-{code}", unit=code)
        admin = await self.repos.users.create("test", f"a-{code}", f"Quản trị {code}", staff.unit_id, Role.ADMIN)
        people = [admin]
        for n in range(heads - 1):
            people.append(await self.repos.users.create("test", f"h{n}-{code}", f"LĐ {code}", staff.unit_id, Role.HEAD))
        self.staff[code], self.heads[code] = staff, people
        self.sites[code] = await self.repos.facilities.add(admin, FacilityInput(f"Nhà tạm giữ {code}", "nha_tam_giu"))


def _alerts(checkin: Checkin, heads: list[User]) -> list[NewMessage]:
    return [NewMessage(f"checkin-alert:{checkin.id}:{h.id}", h, f"{checkin.draft_id} → {h.id}") for h in heads]


class TestCheckinAlertsInBatches:
    async def test_each_alert_is_its_own_check_ins_at_its_time_and_once(self, repos: Repositories) -> None:
        world = _Setup(repos)
        await world.unit("P", heads=2)
        await world.unit("Q", heads=1)

        def when(n: int) -> datetime:
            return NOW + timedelta(minutes=n)

        def submit(n: int, draft: str | None = None) -> asyncio.Future[tuple[Checkin, bool]]:
            code = "PQ"[n % 2]
            content = CheckinContent(world.sites[code].id, "hang_ngay", 3, 0, 0, 0, n % 3)
            alerts = _alerts if n % 3 else None  # as /kiemsat: alerts only where someone is held over
            coro = repos.checkins.submit(
                world.staff[code], draft or f"d{n}", content, checked_at=when(n), now=when(n), alerts=alerts
            )
            return asyncio.ensure_future(coro)

        # One batch, with a double tap of d7 in it.
        results = await asyncio.gather(*(submit(n) for n in range(COUNT)), submit(7))
        stored = {checkin.draft_id: checkin for checkin, _ in results}
        assert [created for _, created in results].count(True) == COUNT
        expected: dict[str, tuple[int, str, datetime]] = {}
        for n in range(COUNT):
            if n % 3 == 0:
                continue  # nobody held past their term: no alert
            checkin = stored[f"d{n}"]
            for head in world.heads["PQ"[n % 2]]:
                expected[f"checkin-alert:{checkin.id}:{head.id}"] = (head.id, f"d{n} → {head.id}", when(n))
        assert await repos.outbox.count_by_status() == {"pending": len(expected)}
        for key, (user_id, text, at) in expected.items():
            message = await repos.outbox.for_key(key)
            assert message is not None
            assert (message.user_id, message.text, message.next_attempt_at) == (user_id, text, at)

        # Sent again (a retry after a lost answer): nothing new, no alert queued twice.
        again = await asyncio.gather(*(submit(n) for n in range(0, COUNT, 5)))
        assert not any(created for _, created in again)
        assert await repos.outbox.count_by_status() == {"pending": len(expected)}

    async def test_a_key_two_check_ins_of_one_batch_share_is_queued_once(self, repos: Repositories) -> None:
        world = _Setup(repos)
        await world.unit("P", heads=1)
        (head,) = world.heads["P"]

        def shared(checkin: Checkin, heads: list[User]) -> list[NewMessage]:
            return [NewMessage(f"checkin-day:{head.id}", head, checkin.draft_id), *_alerts(checkin, heads)]

        content = CheckinContent(world.sites["P"].id, "hang_ngay", 3, 0, 0, 0, 1)
        first, second = await asyncio.gather(
            *(
                repos.checkins.submit(world.staff["P"], draft, content, checked_at=NOW, now=NOW, alerts=shared)
                for draft in ("first", "second")
            )
        )
        assert first[1] and second[1]
        assert await repos.outbox.count_by_status() == {"pending": 3}  # the shared key once, and one alert each
        day = await repos.outbox.for_key(f"checkin-day:{head.id}")
        assert day is not None and day.text == "first"  # the first of a repeated key, as one by one
