"""The second escalation of an expiry left without an update goes out at 07:30 the next morning,
also for an expiry at 24:00 (stored as local midnight of the following day), with the same keys."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from handlers.register import service
from handlers.register.plan import next_morning, state_of
from storage.database import parse_utc
from storage.register_model import NewItem
from tests.conftest import World

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
NOW = datetime(2026, 12, 6, 4, 0, tzinfo=UTC)  # 11:00 06/12/2026 local


def test_next_morning_of_a_24h_expiry_is_the_following_calendar_day() -> None:
    midnight = datetime(2026, 12, 27, 0, 0, tzinfo=TZ)  # «24:00 Thứ Bảy 26/12/2026»
    assert next_morning(midnight, TZ) == datetime(2026, 12, 27, 7, 30, tzinfo=TZ)
    # Any other moment: 07:30 of the next local day, as before.
    assert next_morning(datetime(2026, 12, 26, 10, 0, tzinfo=TZ), TZ) == datetime(2026, 12, 27, 7, 30, tzinfo=TZ)
    assert next_morning(datetime(2026, 12, 26, 23, 59, tzinfo=TZ), TZ) == datetime(2026, 12, 27, 7, 30, tzinfo=TZ)
    assert next_morning(datetime(2026, 12, 27, 0, 1, tzinfo=TZ), TZ) == datetime(2026, 12, 28, 7, 30, tzinfo=TZ)
    # Given in UTC (17:00 UTC is local midnight): the local day decides.
    assert next_morning(datetime(2026, 12, 26, 17, 0, tzinfo=UTC), TZ) == datetime(2026, 12, 27, 7, 30, tzinfo=TZ)


async def test_second_escalation_of_a_detention_ending_at_24h_is_queued_the_next_morning(world: World) -> None:
    repos = world.app.repos
    data = {"kind": "tam_giam", "months": 2, "category": "nghiem_trong", "start": "2026-10-28"}
    new = NewItem(world.staff_a.unit_id, "10/2026 TGB", world.staff_a.id, data)
    (item_id,) = await service.create(repos, world.staff_a, [new], NOW, TZ)
    item = await repos.register.get(world.staff_a, item_id)
    assert item is not None
    step = state_of(item).step
    assert step is not None and step.expiry == datetime(2026, 12, 27, 0, 0)  # 24:00 Thứ Bảy 26/12/2026
    rows = await repos.db.fetchall("SELECT key, next_attempt_at FROM outbox WHERE key LIKE ?", (f"reg:{item_id}:%",))
    when = {r["key"]: parse_utc(r["next_attempt_at"]).astimezone(TZ) for r in rows}
    for head in (world.head_a, world.admin_a):
        assert when[f"reg:{item_id}:1:esc:{head.id}"] == datetime(2026, 12, 27, 0, 0, tzinfo=TZ)
        assert when[f"reg:{item_id}:1:esc2:{head.id}"] == datetime(2026, 12, 27, 7, 30, tzinfo=TZ)
