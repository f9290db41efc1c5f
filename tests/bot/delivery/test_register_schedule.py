"""A tracked person's whole chain on a fake clock, through the real planner, outbox worker and
scheduler: tạm giữ from 10:00 → first extension → (no update: the heads are told) → tạm giam
2 months with the 6 tạm giữ days deducted (TTLT 04/2018 Đ17's method) → its extension →
release. Exactly the expected reminders and escalations, at the expected moments, across a
restart in the middle; none after the release. The morning digest lists the item on its last
two days."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.app import App, build_app
from bot.config import Settings
from handlers.register import service
from knowledge.kb.library import Library
from storage.register_model import Item, NewItem
from storage.users import Role, User
from tests.bot.delivery.test_report_schedule import Platform, process, run_until
from tests.fakes import FakeClock

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
LABEL = "12/2026 NVA"


def at(text: str) -> datetime:
    """'06/12/2026 10:30' → that local moment."""
    return datetime.strptime(text, "%d/%m/%Y %H:%M").replace(tzinfo=TZ)


async def _people(app: App) -> tuple[User, User]:
    province = await app.repos.units.add("T", "VKSND tỉnh Thử", "tinh")
    unit = await app.repos.units.add("KV1", "VKSND khu vực 1", "khu_vuc", "T")
    assert province is not None
    staff = await app.repos.users.create("test", "s1", "KSV Một", unit.id, Role.STAFF)
    head = await app.repos.users.create("test", "h1", "Lãnh đạo Một", unit.id, Role.HEAD)
    return staff, head


async def _item(app: App, staff: User) -> Item:
    (item,) = await app.repos.register.in_scope(staff, open_only=False)
    return item


def _about(platform: Platform, chat_id: str) -> list[tuple[datetime, str]]:
    return [(s.at.astimezone(TZ), s.text) for s in platform.to(chat_id, LABEL)]


async def test_a_whole_chain_with_a_restart(settings: Settings, library: Library) -> None:
    clock = FakeClock(at("06/12/2026 10:30"))
    app = await build_app(settings, clock=clock, library=library)
    staff, _head = await _people(app)
    scheduler, platform = process(app, clock, "first")
    await scheduler.step()
    new = NewItem(staff.unit_id, LABEL, staff.id, {"kind": "tam_giu", "start": "2026-12-06T10:00"})
    await service.create(app.repos, staff, [new], clock.now(), TZ)
    await run_until(scheduler, clock, at("08/12/2026 21:00"))
    assert _about(platform, "s1") == []
    await app.close()

    # Down from 21:00 08/12 to 09:00 09/12: the 22:00 reminder is superseded by the 08:00 one.
    clock.set(at("09/12/2026 09:00"))
    app = await build_app(settings, clock=clock, library=library)
    scheduler, platform = process(app, clock, "second")
    await scheduler.step()
    sent = _about(platform, "s1")
    assert [when for when, _ in sent] == [at("09/12/2026 09:00")]
    assert "hết hạn lúc 10:00 Thứ Tư 09/12/2026: cần quyết định gia hạn, chuyển tạm giam hoặc trả tự do" in sent[0][1]

    # 09:30: the first extension (3 days) is recorded: nothing of the old step is sent any more.
    clock.set(at("09/12/2026 09:30"))
    await service.record(app.repos, staff, await _item(app, staff), "extend", {"days": 3}, clock.now(), TZ)
    await run_until(scheduler, clock, at("12/12/2026 11:00"))
    to_staff = [when for when, _ in _about(platform, "s1")]
    assert to_staff == [at("09/12/2026 09:00"), at("11/12/2026 22:00"), at("12/12/2026 08:00")]
    # Not updated by 10:00 12/12: the unit's head is told at the expiry, once.
    esc = [(when, text) for when, text in _about(platform, "h1") if text.startswith("⚠️")]
    assert [when for when, _ in esc] == [at("12/12/2026 10:00")]
    assert "Quá hạn chưa cập nhật — có thể đang giam giữ quá hạn" in esc[0][1]

    # 11:00: tạm giữ becomes tạm giam, 2 months from 12/12 minus 6 days held: 54 days → 03/02/2027.
    state = await service.record(
        app.repos,
        staff,
        await _item(app, staff),
        "convert",
        {"months": 2, "category": "nghiem_trong"},
        clock.now(),
        TZ,
    )
    assert state.step is not None and state.step.tam_giu_days == 6
    assert state.step.last_day.isoformat() == "2027-02-03"
    await run_until(scheduler, clock, at("13/12/2026 12:00"))
    escalations = [text for _, text in _about(platform, "h1") if text.startswith("⚠️")]
    assert len(escalations) == 1  # the 07:30 follow-up of the old step was cancelled
    clock.set(at("30/01/2027 23:00"))
    await run_until(scheduler, clock, at("03/02/2027 12:00"))
    to_staff = [when for when, _ in _about(platform, "s1")][3:]
    assert to_staff == [at("31/01/2027 07:30"), at("02/02/2027 07:30"), at("03/02/2027 07:30")]
    digests = [text for when, text in _about(platform, "h1") if "Việc trong ngày" in text]
    assert any("ngày mai" in t for t in digests) and any("hôm nay" in t for t in digests)

    # The extension of tạm giam (Đ173: one, at most 2 months for a serious crime) → 04/04/2027.
    clock.set(at("03/02/2027 14:00"))
    state = await service.record(app.repos, staff, await _item(app, staff), "extend", {}, clock.now(), TZ)
    assert state.step is not None and state.step.last_day.isoformat() == "2027-04-04"
    clock.set(at("10/02/2027 09:00"))
    await service.record(app.repos, staff, await _item(app, staff), "release", {}, clock.now(), TZ)
    before = len(platform.sent)
    clock.set(at("01/04/2027 06:00"))
    await run_until(scheduler, clock, at("06/04/2027 09:00"), step=timedelta(hours=1))
    assert [s for s in platform.sent[before:] if LABEL in s.text] == []
    await app.close()


async def test_detention_until_the_investigation_ends_is_reviewed_never_reminded(
    settings: Settings, library: Library
) -> None:
    """Đ173 k6: ĐBNT detention from 01/01/2026, extended twice (k2 d) and once more (k6), ends
    24:00 25/04/2027; from then "until the investigation ends": no date, so no expiry reminder and
    no escalation — a review reminder to the prosecutor at 07:30 every 30 days; the head's morning
    digest lists the item every day with the day of its next review (that reminder's day)."""
    clock = FakeClock(at("24/04/2027 07:30"))
    app = await build_app(settings, clock=clock, library=library)
    staff, _head = await _people(app)
    scheduler, platform = process(app, clock, "first")
    start = {"kind": "tam_giam_dieu_tra", "start": "2026-01-01", "category": "dac_biet_nghiem_trong"}
    later = [("extend", {}), ("extend", {}), ("extend", {})]
    await service.create(
        app.repos, staff, [NewItem(staff.unit_id, LABEL, staff.id, start, later=later)], clock.now(), TZ
    )
    state = await service.record(
        app.repos, staff, await _item(app, staff), "extend", {"open_ended": True}, clock.now(), TZ
    )
    assert state.step is None and state.open is not None
    await run_until(scheduler, clock, at("26/06/2027 07:30"), step=timedelta(days=1))  # every day at 07:30
    to_staff = _about(platform, "s1")
    assert [when for when, _ in to_staff] == [at("26/05/2027 07:30"), at("25/06/2027 07:30")]
    assert all(text.startswith("🔁 Rà soát định kỳ") and "không có ngày hết hạn" in text for _, text in to_staff)
    to_head = _about(platform, "h1")
    assert to_head and all(text.startswith("☀️ Việc trong ngày") for _, text in to_head)  # no escalation
    for when, text in to_head:
        review = (
            "26/05/2027"
            if when < at("26/05/2027 07:30")
            else "25/06/2027"
            if when < at("25/06/2027 07:30")
            else "25/07/2027"
        )
        assert f"«{LABEL}» (KSV Một): tạm giam cho đến khi kết thúc việc điều tra" in text, text
        assert f"không có ngày hết hạn, rà soát tiếp ngày {review}" in text, text
    assert [when.date() for when, _ in to_head] == sorted({when.date() for when, _ in to_head})  # one a day
    await app.close()
