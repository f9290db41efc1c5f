"""A stage's extension decision recorded in chat on a detention tied to the stage (Đ241 with Đ240
k1): extending the detention asks for the decision first, the decision is checked (length per
category, a day within the stage and not in the future), and the card, the cap and the reminders
follow the decided length rather than the law's longest."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from storage.db import parse_utc
from tests.conftest import World
from tests.fakes import joined

NOW = datetime(2026, 12, 6, 4, 0, tzinfo=UTC)  # 11:00 Sunday 06/12/2026 in Hà Nội
TZ = ZoneInfo("Asia/Ho_Chi_Minh")


async def test_the_cap_follows_the_recorded_decision_of_the_prosecution_stage(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    await chat.send("/theodoi_moi")
    await chat.tap("Tạm giam trong giai đoạn truy tố")
    await chat.tap("Nghiêm trọng")
    await chat.send("01/12/2026")
    await chat.send("25/11/2026")
    await chat.tap("Bỏ qua")
    await chat.send("T2 NVB")
    await chat.tap("Bỏ qua")
    card = joined(await chat.tap("Lưu"))
    # Đ240 k1: 20 days from 25/11/2026 → 15/12/2026 binds (the detention's own 20 days → 20/12).
    assert "Hết hạn: 24:00 Thứ Ba 15/12/2026" in card and "Gia hạn giai đoạn" in [b.text for b in chat.visible()]
    (item,) = await world.app.repos.register.in_scope(world.staff_a)

    first = joined(await chat.tap("Gia hạn"))  # the detention cannot be extended past a stage not yet extended
    assert "ghi quyết định gia hạn giai đoạn trước" in first
    asked = joined(await chat.tap("Ghi quyết định gia hạn giai đoạn"))
    assert "tối đa 10 ngày (Điều 240 khoản 1 BLTTHS 2015), chậm nhất ngày 15/12/2026" in asked
    # Who decides: the Viện trưởng VKS by the 2015 text; after 01/07/2025 to be checked (Luật 99/2025).
    assert "Người quyết định: Viện trưởng Viện kiểm sát; cần đối chiếu văn bản hợp nhất (Luật 99/2025/QH15" in asked
    assert "tối đa 10 ngày" in await chat.text("12 ngày")  # longer than Đ240 k1 allows: asked again
    assert "Ngày ra quyết định" in await chat.text("7 ngày")
    assert "ở tương lai" in await chat.text("07/12/2026")
    assert "trước ngày bắt đầu giai đoạn" in await chat.text("24/11/2026")
    same = await world.app.repos.register.get(world.staff_a, item.id)
    assert same is not None and same.version == 1  # nothing stored by the refusals

    decided = joined(await chat.send("05/12/2026"))
    assert "Đã ghi quyết định gia hạn giai đoạn (7 ngày, ngày 05/12/2026)" in decided
    assert "Hết hạn: 24:00 Thứ Ba 15/12/2026" in decided  # the detention not extended yet: the stage's first end
    assert "Giai đoạn đã gia hạn 7 ngày theo quyết định: hết ngày 22/12/2026" in decided
    assert "Quyết định gia hạn thời hạn giai đoạn (7 ngày, quyết định ngày 05/12/2026)" in decided
    assert "Gia hạn giai đoạn" not in [b.text for b in chat.visible()]  # one decision only (Đ240 k1)

    await chat.tap("Gia hạn")
    extended = joined(await chat.tap(chat.label("Tối đa")) and await chat.tap("Hôm nay"))
    # The detention's 10 days from 16/12 → 25/12; the stage decided 7 days: 15/12 + 7 → 22/12 binds.
    assert "Hết hạn: 24:00 Thứ Ba 22/12/2026" in extended and "thời hạn tạm giam tự tính đến 25/12/2026" in extended
    assert "tạm tính" not in extended
    cap = datetime(2026, 12, 23, 0, 0, tzinfo=TZ)
    rows = await world.app.repos.db.fetchall("SELECT key, next_attempt_at FROM outbox WHERE status = 'pending'")
    pending = [(r["key"], parse_utc(r["next_attempt_at"])) for r in rows]
    assert pending and all(at <= cap for key, at in pending if ":esc2:" not in key)


async def test_an_investigation_extension_is_recorded_with_its_decision_day(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    await chat.send("/theodoi_moi")
    await chat.tap("Điều tra vụ án")
    await chat.tap("Nghiêm trọng")
    await chat.tap("Không")
    await chat.send("01/09/2026")  # 3 months (Đ172 k1) → 01/12/2026, a Tuesday
    await chat.send("DT6")
    await chat.tap("Bỏ qua")
    await chat.tap("Lưu")
    asked = joined(await chat.tap("Gia hạn"))
    assert "kèm ngày quyết định nếu có" in asked
    assert "Người quyết định: VKSND cấp huyện, VKS quân sự khu vực" in asked  # Đ172 k5 b, first extension
    # Decided after the period ran out: refused with the article, nothing stored, asked again.
    late = await chat.text("3 tháng ngày 02/12/2026")
    assert "sau khi thời hạn «Điều tra vụ án» đã hết (01/12/2026)" in late and "Không có gì được lưu" in late
    assert "ở tương lai" in await chat.text("3 tháng ngày 07/12/2026")
    # «0 ngày» is no length (it used to be read as none given, that is the law's longest): asked again.
    assert "Anh/chị nhập thời hạn" in await chat.text("0 ngày")
    assert "Anh/chị nhập thời hạn" in await chat.text("0 tháng ngày 25/11/2026")
    (item,) = await world.app.repos.register.in_scope(world.staff_a)
    assert len(item.live_events) == 1
    # The extension is counted from the unshifted end 01/12/2026: + 3 months → 01/03/2027 (a Monday).
    card = joined(await chat.send("3 tháng, quyết định ngày 25/11/2026"))
    assert "Đã ghi sự kiện" in card and "Gia hạn (3 tháng, quyết định ngày 25/11/2026)" in card
    assert "Hết hạn: 24:00 Thứ Hai 01/03/2027" in card


async def test_a_stage_decision_half_recorded_is_set_aside_and_brought_back(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    await chat.send("/theodoi_moi")
    await chat.tap("Tạm giam trong giai đoạn truy tố")
    await chat.tap("Nghiêm trọng")
    await chat.send("01/12/2026")
    await chat.send("25/11/2026")
    await chat.tap("Bỏ qua")
    await chat.send("T3 NVC")
    await chat.tap("Bỏ qua")
    await chat.tap("Lưu")
    await chat.tap("Gia hạn giai đoạn")
    await chat.send("7 ngày")
    kept = joined(await chat.send("/tinhhan"))  # another form: the decision is set aside, not lost
    where = "gia hạn giai đoạn «T3 NVC»: ngày quyết định gia hạn giai đoạn"
    assert f"Việc ghi sự kiện đang làm dở (đến bước «{where}») vẫn được giữ" in kept
    back = joined(await chat.tap("Làm tiếp việc ghi sự kiện"))
    assert "Ngày ra quyết định" in back
    decided = joined(await chat.send("05/12/2026"))  # the 7 days typed before are kept
    assert "Đã ghi quyết định gia hạn giai đoạn (7 ngày, ngày 05/12/2026)" in decided
