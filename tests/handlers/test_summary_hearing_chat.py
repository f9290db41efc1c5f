"""The summary hearing's card in chat (BLTTHS 2015 Đ462 k1, k2): free text and /tinhhan give the last day
to decide and, only with the decision's day, the hearing's last day — 7 days from the decision, as the
register counts it — never "10 + 7" from the acceptance. Fake clock: Monday 02/03/2026 08:00."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.conftest import World
from tests.fakes import joined

NOW = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
NEEDS = "cần ngày ra quyết định đưa vụ án ra xét xử (Điều 462 khoản 2 BLTTHS 2015)"


async def test_free_text_then_the_decision_day_as_a_follow_up(world: World) -> None:
    chat = await world.staff_chat("h1")
    card = await chat.text("xét xử rút gọn, tòa thụ lý ngày 02/03/2026, hạn khi nào")
    assert "Quyết định đưa vụ án ra xét xử (10 ngày): hết 24:00 Thứ Năm 12/03/2026" in card and NEEDS in card
    assert "19/03/2026" not in card and "Nhắc theo gia hạn" not in card  # before: "10 + 7" = 19/03
    dated = await chat.send("quyết định đưa vụ án ra xét xử ngày 04/03/2026")
    text = joined(dated)
    # Đ462 k2: Wednesday 04/03 + 7 = Wednesday 11/03/2026.
    assert "1. Mở phiên tòa (7 ngày kể từ ngày có quyết định đưa vụ án ra xét xử): hết 24:00 Thứ Tư 11/03/2026" in text
    assert "Nhắc hạn mở phiên tòa" in [b.text for b in chat.visible()]
    reminded = joined(await chat.tap("Nhắc hạn mở phiên tòa"))
    assert "hết hạn mở phiên tòa lúc 24:00 Thứ Tư 11/03/2026" in reminded
    late = await chat.text("quyết định đưa vụ án ra xét xử ngày 13/03/2026")
    assert "sau khi thời hạn «Quyết định đưa vụ án ra xét xử» đã hết" in late and "Thẻ trước vẫn giữ nguyên" in late
    other = await chat.text("kháng cáo quyết định ngày 05/03/2026 hết ngày nào")  # another period: its own card
    assert "KHÁNG CÁO" in other and "Mở phiên tòa" not in other


async def test_the_question_that_dates_both(world: World) -> None:
    chat = await world.staff_chat("h2")
    text = await chat.text("xét xử rút gọn thụ lý 02/03/2026, quyết định đưa vụ án ra xét xử ngày 05/03/2026")
    assert "hết 24:00 Thứ Năm 12/03/2026" in text and "05/03/2026" in text and NEEDS not in text
    again = await chat.text("quyết định đưa vụ án ra xét xử rút gọn ngày 05/03/2026, hạn mở phiên tòa")
    assert "12/03/2026" in again and "23/03/2026" not in again  # the card's case: its acceptance is known
    fresh = await world.staff_chat("h2b")
    only = await fresh.text("quyết định đưa vụ án ra xét xử rút gọn ngày 05/03/2026, hạn mở phiên tòa")
    # Only the decision dated: the hearing from it (Đ462 k2), never 05/03 taken as the acceptance (23/03).
    assert "Tòa án mở phiên tòa (7 ngày): hết 24:00 Thứ Năm 12/03/2026" in only and "23/03/2026" not in only
    assert "hỏi kèm ngày thụ lý" in only


async def test_tinhhan_asks_the_decision_day(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    await chat.send("/tinhhan")
    await chat.press("dl:k:xet_xu_rut_gon")  # its button, on a later page of the kinds
    asked = joined(await chat.send("02/03/2026"))
    assert "Đã có quyết định chưa?" in asked and "Chưa có quyết định" in [b.text for b in chat.visible()]
    assert "sau khi thời hạn" in joined(await chat.send("20/03/2026"))  # after the 10 days: asked again
    card = joined(await chat.send("05/03/2026"))
    assert "hết 24:00 Thứ Năm 12/03/2026" in card and "tính từ ngày quyết định đưa vụ án ra xét xử 05/03/2026" in card
    await chat.send("/tinhhan")
    await chat.press("dl:k:xet_xu_rut_gon")
    await chat.send("02/03/2026")
    undecided = joined(await chat.tap("Chưa có quyết định"))
    assert NEEDS in undecided and "19/03/2026" not in undecided


async def test_a_card_with_the_decision_is_tracked_with_it(world: World) -> None:
    world.app.services.clock.set(datetime(2026, 3, 6, 1, 0, tzinfo=UTC))  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    await chat.send("xét xử rút gọn thụ lý 02/03/2026, quyết định đưa vụ án ra xét xử ngày 04/03/2026")
    await chat.tap("📋 Theo dõi trong sổ")
    await chat.send("XX2 NVG")
    confirm = joined(await chat.tap("Bỏ qua"))
    # The register tracks the hearing (Đ462 k2: 04/03 + 7 = 11/03), not the decision's own limit (12/03).
    assert "Hết hạn: 24:00 Thứ Tư 11/03/2026" in confirm, confirm
    await chat.tap("Lưu")
    [item] = await world.app.repos.register.in_scope(world.staff_a)
    assert [(e.type, e.data.get("decided_on")) for e in item.events] == [("start", None), ("extend", "2026-03-04")]
