"""The register's part of the heads' 07:30 digest, through the real planner, word for word: each
head sees the items of their own unit subtree (the province's head every unit's) that are overdue
without an update, end today (an end at 24:00 belongs to its day) or tomorrow, nearest first;
nothing later, nothing closed, and an undone extension no longer counts. The digest built for the
run holds only the items it shows."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from bot.app import build_app
from bot.config import Settings
from bot.delivery.planner import MARK, Planner
from handlers.register import service
from handlers.register.digest import RegisterDigest
from storage.register_model import NewItem
from storage.repositories import Repositories
from storage.users import Role, User
from tests.fakes import FakeClock

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
CREATED = datetime(2026, 12, 6, 4, 0, tzinfo=UTC)  # 11:00 06/12/2026 local
DIGEST = datetime(2026, 12, 7, 0, 31, tzinfo=UTC)  # 07:31 07/12/2026 local


async def _item(repos: Repositories, staff: User, label: str, start: dict[str, object], **more: object) -> int:
    new = NewItem(staff.unit_id, label, staff.id, start, **more)  # type: ignore[arg-type]
    (item_id,) = await service.create(repos, staff, [new], CREATED, TZ)
    return item_id


def _register_part(text: str) -> list[str]:
    return text[text.index("Sổ theo dõi thời hạn") :].splitlines()


async def test_each_head_gets_the_lines_of_their_own_subtree(settings: Settings) -> None:
    app = await build_app(settings, clock=FakeClock(CREATED))
    repos = app.repos
    province = await repos.units.add("T", "VKSND tỉnh Thử", "tinh")
    kv1 = await repos.units.add("KV1", "VKSND khu vực 1", "khu_vuc", "T")
    kv2 = await repos.units.add("KV2", "VKSND khu vực 2", "khu_vuc", "T")
    chief = await repos.users.create("test", "ht", "Lãnh đạo tỉnh", province.id, Role.HEAD)
    h1 = await repos.users.create("test", "h1", "Lãnh đạo Một", kv1.id, Role.HEAD)
    h2 = await repos.users.create("test", "h2", "Lãnh đạo Hai", kv2.id, Role.HEAD)
    s1 = await repos.users.create("test", "s1", "KSV Một", kv1.id, Role.STAFF)
    s2 = await repos.users.create("test", "s2", "KSV Hai", kv2.id, Role.STAFF)

    await _item(repos, s1, "A hôm nay", {"kind": "tam_giu", "start": "2026-12-04T08:00"})
    await _item(repos, s1, "B quá hạn", {"kind": "tam_giu", "start": "2026-12-03T20:00"})
    await _item(repos, s2, "C ngày mai", {"kind": "tam_giu", "start": "2026-12-05T09:00"})
    tam_giam = {"kind": "tam_giam", "months": 2, "category": "nghiem_trong"}
    await _item(repos, s2, "D hết 24:00 hôm nay", {**tam_giam, "start": "2026-10-09"})
    await _item(repos, s2, "E hết 24:00 ngày mai", {**tam_giam, "start": "2026-10-10"})
    await _item(repos, s2, "I quá 24:00 hôm qua", {**tam_giam, "start": "2026-10-08"})
    await _item(repos, s1, "F còn xa", {**tam_giam, "start": "2026-11-01"})
    await _item(repos, s1, "G đã trả tự do", {"kind": "tam_giu", "start": "2026-12-04T08:30"}, later=[("release", {})])
    undone = await _item(repos, s1, "H gia hạn bị hủy", {"kind": "tam_giu", "start": "2026-12-04T09:00"})
    item = await repos.register.get(s1, undone)
    assert item is not None
    await service.record(repos, s1, item, "extend", {"days": 3}, CREATED, TZ)
    item = await repos.register.get(s1, undone)
    assert item is not None
    await service.undo_last(repos, h1, item, "ghi nhầm", CREATED, TZ)

    assert app.services.reports is not None
    planner = Planner(repos, app.services.reports, TZ)
    await repos.reports.set_mark(MARK, datetime(2026, 12, 7, 0, 0, tzinfo=UTC))  # 07:00 local
    await planner.plan(DIGEST)
    texts = {}
    for head in (chief, h1, h2):
        message = await repos.outbox.for_key(f"dig:2026-12-07:{head.id}")
        assert message is not None
        texts[head.display_name] = _register_part(message.text)
    # The digest holds only what it shows: F (later) and G (closed) were read and left.
    digest = await RegisterDigest.load(repos, DIGEST.astimezone(TZ), [chief, h1, h2])
    held = {head.display_name: [item.label[0] for item, _ in digest.items[head.id]] for head in (chief, h1, h2)}
    await app.close()
    assert held == {
        "Lãnh đạo tỉnh": ["B", "I", "A", "H", "D", "C", "E"],
        "Lãnh đạo Một": ["B", "A", "H"],
        "Lãnh đạo Hai": ["I", "D", "C", "E"],
    }

    b, i, a, h, d, c, e = (
        "• «B quá hạn» (KSV Một): tạm giữ hết 20:00 Chủ nhật 06/12/2026 — quá hạn chưa cập nhật, quá hạn 11 giờ",
        "• «I quá 24:00 hôm qua» (KSV Hai): tạm giam (theo thời hạn ghi trong lệnh) hết 24:00 Chủ nhật 06/12/2026"
        " — quá hạn chưa cập nhật, quá hạn 7 giờ",
        "• «A hôm nay» (KSV Một): tạm giữ hết 08:00 Thứ Hai 07/12/2026 — hôm nay, còn 29 phút",
        "• «H gia hạn bị hủy» (KSV Một): tạm giữ hết 09:00 Thứ Hai 07/12/2026 — hôm nay, còn 1 giờ",
        "• «D hết 24:00 hôm nay» (KSV Hai): tạm giam (theo thời hạn ghi trong lệnh) hết 24:00 Thứ Hai 07/12/2026"
        " — hôm nay, còn 16 giờ",
        "• «C ngày mai» (KSV Hai): tạm giữ hết 09:00 Thứ Ba 08/12/2026 — ngày mai, còn 1 ngày 1 giờ",
        "• «E hết 24:00 ngày mai» (KSV Hai): tạm giam (theo thời hạn ghi trong lệnh) hết 24:00 Thứ Ba 08/12/2026"
        " — ngày mai, còn 1 ngày 16 giờ",
    )
    assert texts == {
        "Lãnh đạo tỉnh": ["Sổ theo dõi thời hạn (7):", b, i, a, h, d, c, e, "Xem: /theodoi"],
        "Lãnh đạo Một": ["Sổ theo dõi thời hạn (3):", b, a, h, "Xem: /theodoi"],
        "Lãnh đạo Hai": ["Sổ theo dõi thời hạn (4):", i, d, c, e, "Xem: /theodoi"],
    }


async def test_items_held_with_no_expiry_are_listed_with_their_next_review(settings: Settings) -> None:
    """Detention until the investigation ends (Đ173 k6) or until the hearing ends (Đ278 k3) has no
    expiry: the digest lists it after the dated lines, by its next review day (the day of the
    assignee's review reminder), every day — it is never "hôm nay" or "quá hạn"."""
    app = await build_app(settings, clock=FakeClock(CREATED))
    repos = app.repos
    province = await repos.units.add("T", "VKSND tỉnh Thử", "tinh")
    kv1 = await repos.units.add("KV1", "VKSND khu vực 1", "khu_vuc", "T")
    head = await repos.users.create("test", "h1", "Lãnh đạo Một", kv1.id, Role.HEAD)
    staff = await repos.users.create("test", "s1", "KSV Một", kv1.id, Role.STAFF)
    assert province
    await _item(repos, staff, "A hôm nay", {"kind": "tam_giu", "start": "2026-12-04T08:00"})
    # ĐBNT from 01/08/2025: 120 days → 28/11/2025, then three extensions of 120 days (Đ173 k2 d, k6)
    # → 28/03/2026, 26/07/2026, 23/11/2026; from 24/11/2026 until the investigation ends: reviews
    # every 30 days → 24/12/2026.
    investigation = {"kind": "tam_giam_dieu_tra", "start": "2025-08-01", "category": "dac_biet_nghiem_trong"}
    extend: tuple[str, dict[str, object]] = ("extend", {})
    opened: tuple[str, dict[str, object]] = ("extend", {"open_ended": True})
    await _item(repos, staff, "O1 điều tra", investigation, later=[extend, extend, extend, opened])
    # Trial preparation (nghiêm trọng) from 01/11/2026: 45 days → 15/12/2026; the hearing panel's
    # order (Đ278 k3) runs from 16/12/2026: reviews every 3 days → 19/12/2026.
    trial = {
        "kind": "tam_giam_chuan_bi_xet_xu",
        "start": "2026-11-01",
        "stage_start": "2026-11-01",
        "category": "nghiem_trong",
    }
    await _item(repos, staff, "O2 phiên tòa", trial, later=[opened])
    assert app.services.reports is not None
    planner = Planner(repos, app.services.reports, TZ)
    await repos.reports.set_mark(MARK, datetime(2026, 12, 7, 0, 0, tzinfo=UTC))
    await planner.plan(DIGEST)
    message = await repos.outbox.for_key(f"dig:2026-12-07:{head.id}")
    await app.close()
    assert message is not None
    assert _register_part(message.text) == [
        "Sổ theo dõi thời hạn (3):",
        "• «A hôm nay» (KSV Một): tạm giữ hết 08:00 Thứ Hai 07/12/2026 — hôm nay, còn 29 phút",
        "• «O2 phiên tòa» (KSV Một): tạm giam đến khi kết thúc phiên tòa (bị cáo đang bị tạm giam, đến ngày mở "
        "phiên tòa thì thời hạn tạm giam đã hết) — không có ngày hết hạn, rà soát tiếp ngày 19/12/2026",
        "• «O1 điều tra» (KSV Một): tạm giam cho đến khi kết thúc việc điều tra (trường hợp đặc biệt, không có "
        "căn cứ hủy bỏ tạm giam) — không có ngày hết hạn, rà soát tiếp ngày 24/12/2026",
        "Xem: /theodoi",
    ]
