"""/theodoi through the real dispatcher for the law's special cases: detention tied to a stage (its
card says whether the stage's end or the detention's own count binds, and nothing is reminded after
the cap), ANQG items (the extra extensions of Đ173 k5), and detention "until the investigation
ends" (no expiry on the card, no expiry reminder, a periodic review instead)."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from handlers.register.buttons import OpenItem
from storage.db import parse_utc
from tests.conftest import World
from tests.fakes import buttons, joined

NOW = datetime(2026, 12, 6, 4, 0, tzinfo=UTC)  # 11:00 Sunday 06/12/2026 in Hà Nội
TZ = ZoneInfo("Asia/Ho_Chi_Minh")


async def _pending(world: World) -> list[tuple[str, datetime]]:
    rows = await world.app.repos.db.fetchall("SELECT key, next_attempt_at FROM outbox WHERE status = 'pending'")
    return [(r["key"], parse_utc(r["next_attempt_at"])) for r in rows]


async def test_prosecution_detention_is_capped_by_the_stage_and_the_card_says_so(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    await chat.send("/theodoi_moi")
    await chat.tap("Tạm giam trong giai đoạn truy tố")
    await chat.tap("Nghiêm trọng")
    assert "an ninh quốc gia" not in joined(chat.history[-1][1])  # Đ241 has no ANQG rule of its own
    asked = await chat.send("01/12/2026")
    assert "ngày VKS nhận hồ sơ vụ án và bản kết luận điều tra" in joined(asked)
    assert "/huy" in await chat.text("31/11/2026")  # no such day: asked again, nothing changes
    length = await chat.send("25/11/2026")
    assert "mức tối đa của luật" in joined(length)
    await chat.tap("Bỏ qua")
    await chat.send("T1 NVA")
    summary = joined(await chat.tap("Bỏ qua"))
    # Đ240 k1: 20 days from 25/11/2026 → 15/12/2026; the detention's own 20 days from 01/12 → 20/12.
    assert "Hết hạn: 24:00 Thứ Ba 15/12/2026" in summary
    assert "Ngày hết hạn theo mức trần" in summary and "20/12/2026" in summary and "Điều 241" in summary
    saved = joined(await chat.tap("Lưu"))
    assert "Hết hạn: 24:00 Thứ Ba 15/12/2026" in saved and "giai đoạn từ 25/11/2026" in saved
    cap = datetime(2026, 12, 16, 0, 0, tzinfo=TZ)
    pending = await _pending(world)
    assert pending and all(at <= cap for key, at in pending if ":esc2:" not in key)
    listing = await chat.text("/theodoi")
    assert "«T1 NVA» — Tạm giam trong giai đoạn truy tố: hết 24:00 Thứ Ba 15/12/2026 (mức trần giai đoạn)" in listing


async def test_a_detained_person_follows_the_case_into_prosecution_in_chat(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    await chat.send("/theodoi_moi")
    await chat.tap("Tạm giam để điều tra")
    await chat.tap("Rất nghiêm trọng")
    await chat.tap("Không")  # not ANQG
    await chat.send("01/10/2026")
    await chat.tap("Không bị tạm giữ")
    await chat.send("D4")
    card = await chat.tap("Bỏ qua")
    await chat.tap("Lưu")
    await chat.tap("Giai đoạn mới")
    await chat.tap("Tạm giam trong giai đoạn truy tố")
    asked = joined(await chat.send("04/12/2026"))
    assert "ngày VKS nhận hồ sơ" in asked and card
    assert "mức tối đa của luật" in joined(await chat.tap("Cùng ngày 04/12/2026"))
    staged = joined(await chat.tap("Bỏ qua"))
    # Rất nghiêm trọng: 30 days of Đ240 k1 from 04/12/2026 → 03/01/2027; custody 04/12 + 30 − 1 = 02/01/2027.
    assert "Hiện tại: Tạm giam trong giai đoạn truy tố" in staged and "24:00 Thứ Bảy 02/01/2027" in staged
    assert "Mức trần: giai đoạn «Quyết định việc truy tố»" in staged and "03/01/2027" in staged
    # A wrong last event is undone by the head; an order of 15 days binds (04/12 + 15 − 1 = 18/12/2026).
    head = world.chat(world.head_a)
    (item,) = await world.app.repos.register.in_scope(world.staff_a)
    await head.press(OpenItem(item.id).pack())
    await head.tap("Xóa sự kiện cuối (ghi nhầm)")
    await head.send("ghi lại thời hạn lệnh")
    await head.tap("Giai đoạn mới")
    await head.tap("Tạm giam trong giai đoạn truy tố")
    await head.send("04/12/2026")
    await head.tap("Cùng ngày 04/12/2026")
    assert "tối đa 30 ngày" in await head.text("45 ngày")  # longer than the law: refused, nothing stored
    ordered = joined(await head.send("15 ngày"))
    assert "Hết hạn: 24:00 Thứ Sáu 18/12/2026" in ordered and "thời hạn tạm giam hết trước" in ordered


async def test_an_anqg_item_gets_the_extensions_of_article_173_k5(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    await chat.send("/theodoi_moi")
    await chat.tap("Tạm giam để điều tra")
    await chat.tap("Nghiêm trọng")
    await chat.tap("Có (xâm phạm ANQG)")
    await chat.send("01/06/2026")
    await chat.tap("Không bị tạm giữ")
    await chat.send("AN1")
    summary = joined(await chat.tap("Bỏ qua"))
    assert "Tội xâm phạm an ninh quốc gia" in summary
    card = joined(await chat.tap("Lưu"))
    assert "Tội xâm phạm an ninh quốc gia (gia hạn theo Điều 172 khoản 3, Điều 173 khoản 5)" in card
    for _ in range(3):  # k2 b (2 months), then k5 (4 months), then k5 for a serious crime (1 month)
        await chat.tap("Gia hạn")
        card = joined(await chat.tap(chat.label("Tối đa")) and await chat.tap("Bỏ qua (không ghi ngày)"))
        assert "Đã ghi sự kiện" in card
    # 90 + 60 + 120 + 30 = 300 days from 01/06/2026 → 27/03/2027.
    assert "24:00 Thứ Bảy 27/03/2027" in card and "Điều 173 khoản 5" in card
    refused = joined(await chat.tap("Gia hạn"))
    assert "đã gia hạn đủ 3 lần" in refused


async def test_detention_until_the_investigation_ends_has_no_expiry_and_is_reviewed(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    await chat.send("/theodoi_moi")
    await chat.tap("Tạm giam để điều tra")
    await chat.tap("Đặc biệt nghiêm trọng")
    await chat.tap("Không")
    await chat.send("01/01/2026")
    await chat.tap("Không bị tạm giữ")
    await chat.send("E5")
    await chat.tap("Bỏ qua")
    await chat.tap("Lưu")
    for _ in range(3):  # two under k2 d, one under k6
        await chat.tap("Gia hạn")
        card = joined(await chat.tap(chat.label("Tối đa")) and await chat.tap("Bỏ qua (không ghi ngày)"))
    assert "trường hợp đặc biệt có thể tạm giam cho đến khi kết thúc việc điều tra" in card
    asked = joined(await chat.tap("Tạm giam đến khi kết thúc việc điều tra"))
    assert "Điều 173 khoản 6" in asked and "không có ngày hết hạn" in asked
    card = joined(await chat.tap("Xác nhận"))
    assert "Hết hạn: không có ngày hết hạn — tạm giam cho đến khi kết thúc việc điều tra (từ 26/04/2027)" in card
    assert "nhắc rà soát định kỳ mỗi 30 ngày" in card and "Gia hạn" not in [b.text for b in chat.visible()]
    pending = await _pending(world)
    (item,) = await world.app.repos.register.in_scope(world.staff_a)
    assert pending and all(f"reg:{item.id}:{item.version}:rv" in key for key, _ in pending)  # no made-up expiry
    first = min(at for _, at in pending)
    assert first == datetime(2027, 5, 26, 7, 30, tzinfo=TZ)  # 26/04/2027 + 30 days, 07:30
    listing = await chat.text("/theodoi")
    assert "«E5» — Tạm giam cho đến khi kết thúc việc điều tra" in listing and "không có ngày hết hạn" in listing
    head = world.chat(world.head_a)
    assert "quá hạn" not in joined(await head.press(OpenItem(item.id).pack()))
    # The investigation ends and the file goes to the VKS: the detention follows into prosecution.
    world.app.services.clock.set(datetime(2027, 6, 1, 4, 0, tzinfo=UTC))  # type: ignore[attr-defined]
    await chat.press(OpenItem(item.id).pack())
    await chat.tap("Giai đoạn mới")
    await chat.tap("Tạm giam trong giai đoạn truy tố")
    await chat.send("01/06/2027")
    await chat.send("30/05/2027")
    staged = joined(await chat.send("bỏ qua"))
    # ĐBNT: 30 days of Đ240 k1 from 30/05/2027 → 29/06/2027; custody 01/06 + 30 − 1 = 30/06 → cut to 29/06.
    assert "Hết hạn: 24:00 Thứ Ba 29/06/2027" in staged and "tự tính đến 30/06/2027" in staged
    assert all(":rv" not in key for key, _ in await _pending(world))
    await chat.tap("Trả tự do / đổi biện pháp")
    await chat.tap("Hôm nay")
    assert await _pending(world) == []


async def test_an_item_found_anqg_later_is_extended_under_article_173_k5_from_the_card(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    card = await chat.send("tạm giữ từ 10h 03/12/2026")  # ended 10:00 06/12/2026
    await chat.press(next(data for label, data in buttons(card) if "Theo dõi" in label))
    await chat.send("G7")
    await chat.tap("Bỏ qua")
    await chat.tap("Lưu")
    await chat.tap("Chuyển tạm giam")
    await chat.send("3 tháng")
    await chat.tap("Nghiêm trọng")  # 06/12/2026, 90 − 3 = 87 days → 02/03/2027
    await chat.tap("Gia hạn")
    await chat.tap(chat.label("Tối đa"))  # Đ173 k2 b: 2 months → 01/05/2027
    await chat.tap("Hôm nay")  # the decision\'s day
    refused = joined(await chat.tap("Gia hạn"))
    assert "đã gia hạn đủ 1 lần" in refused and "Điều 173 khoản 5" in refused
    asked = joined(await chat.tap("Tội xâm phạm ANQG: gia hạn thêm"))
    assert "Gia hạn lần 2: tối đa 4 tháng (Điều 173 khoản 5 BLTTHS 2015)" in asked
    extended = joined(await chat.send("4 tháng"))  # 120 days → 29/08/2027
    assert "Hết hạn: 24:00 Chủ nhật 29/08/2027" in extended
    assert "Tội xâm phạm an ninh quốc gia" in extended and "tội xâm phạm ANQG" in extended


async def test_a_capped_calculator_card_is_tracked_with_its_cap(world: World) -> None:
    """/tinhhan asks the stage's start; "Theo dõi trong sổ" under that card keeps it, so the item's
    expiry is the capped one (Đ241: 20 days from 01/12/2026 → 21/12; alone from 04/12 → 23/12)."""
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    await chat.send("tạm giam giai đoạn truy tố tội nghiêm trọng từ 04/12/2026")
    card = await chat.send("1/12/2026")
    assert "Thứ Hai 21/12/2026" in joined(card)
    assert "mức tối đa của luật" in joined(await chat.tap("📋 Theo dõi trong sổ"))  # the order's own length
    assert "Nhãn ngắn" in joined(await chat.tap("Bỏ qua"))
    await chat.send("TC8")
    summary = joined(await chat.tap("Bỏ qua"))
    assert "Hết hạn: 24:00 Thứ Hai 21/12/2026" in summary and "tự tính đến 23/12/2026" in summary
    saved = joined(await chat.tap("Lưu"))
    assert "Hết hạn: 24:00 Thứ Hai 21/12/2026" in saved and "giai đoạn từ 01/12/2026" in saved
