"""/theodoi_moi creates the summary procedure's items from scratch (BLTTHS 2015 Đ455–465), under one
«Thủ tục rút gọn» button so the first menu stays short; each starts as its article says (Đ459 k2, k3,
Đ460 k1, Đ461 k1, Đ462 k1). An old summary hearing recorded without the decision's day says what to do
next, and an item where a person is held carries the minors' warning (marked under 18 on its
confirmation, never guessed). Fake clock: Monday 02/03/2026 08:00 in Hà Nội; transcripts through the
real dispatcher."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from handlers.register import service
from storage.register_model import NewItem
from tests.conftest import World
from tests.fakes import FakeChat, buttons, joined

NOW = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
MARKED = "Mục này được ghi là người dưới 18 tuổi"
GENERAL = "Nếu người bị giữ, tạm giữ, tạm giam dưới 18 tuổi"


async def _summary_menu(world: World) -> tuple[FakeChat, str]:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    first = await chat.send("/theodoi_moi")
    labels = [label for label, _ in buttons(first)]
    assert not any("rút gọn" in label.lower() and "Thủ tục" not in label for label in labels)  # one button only
    return chat, joined(await chat.tap(chat.label("Thủ tục rút gọn")))


async def test_the_first_menu_stays_short_and_opens_the_summary_kinds(world: World) -> None:
    chat, menu = await _summary_menu(world)
    assert "Điều 456 khoản 1" in menu and "tội ít nghiêm trọng" in menu
    shown = [b.text for b in chat.visible()]
    for label in ("Tạm giữ", "Tạm giam trong giai đoạn điều tra", "Điều tra", "Xét xử sơ thẩm", "Xét xử phúc thẩm"):
        assert label in shown, shown
    back = joined(await chat.tap("« Các loại thời hạn khác"))
    assert "Theo dõi thời hạn gì?" in back and "Tạm giam để điều tra" in [b.text for b in chat.visible()]


@pytest.mark.parametrize(
    ("label", "start", "expiry"),
    [
        # Đ460 k1: 20 days from the decision to prosecute the case, Mon 02/03 → Sun 22/03 → Mon 23/03.
        ("Điều tra", "02/03/2026", "Hết hạn: 24:00 Thứ Hai 23/03/2026"),
        # Đ461 k1: 5 days from the VKS's receipt of the proposal and the file: Sat 07/03 → Mon 09/03 (Đ134 k1).
        ("Quyết định việc truy tố", "02/03/2026", "Hết hạn: 24:00 Thứ Hai 09/03/2026"),
        # Đ462 k1: the decision within 10 days of the acceptance.
        ("Xét xử sơ thẩm", "02/03/2026", "Hết hạn: 24:00 Thứ Năm 12/03/2026"),
    ],
)
async def test_a_summary_stage_is_created_from_scratch(world: World, label: str, start: str, expiry: str) -> None:
    chat, _ = await _summary_menu(world)
    await chat.tap(label)
    asked = joined(await chat.send(start))
    assert "Nhãn ngắn" in asked and "Loại tội" not in asked
    await chat.send("RG2 NVB")
    summary = joined(await chat.tap("Bỏ qua"))
    assert expiry in summary, summary
    assert "Đã lưu" in joined(await chat.tap("Lưu"))
    [item] = await world.app.repos.register.in_scope(world.staff_a)
    assert item.events[0].data["kind"].endswith("rut_gon")


async def test_summary_custody_and_detention_from_scratch(world: World) -> None:
    chat, _ = await _summary_menu(world)
    await chat.tap("Tạm giữ")
    await chat.send("7h 02/03/2026")
    await chat.send("RG3 NVC")
    summary = joined(await chat.tap("Bỏ qua"))
    # Đ459 k2: 3 days by the clock from the CQĐT's receipt of the person, no extension.
    assert "Hết hạn: 07:00 Thứ Năm 05/03/2026" in summary and GENERAL in summary
    await chat.tap("Lưu")
    chat, _ = await _summary_menu(world)
    await chat.tap("Tạm giam trong giai đoạn truy tố")
    asked = joined(await chat.send("02/03/2026"))
    assert "Thời hạn ghi trong lệnh" in asked  # Đ459 k3: "không quá" 5 days: the order's own length
    await chat.send("5 ngày")
    await chat.send("RG4 NVD")
    summary = joined(await chat.tap("Bỏ qua"))
    assert "Hết hạn: 24:00 Thứ Sáu 06/03/2026" in summary  # 02/03 is day 1 of 5
    refused = joined(await chat.send("/theodoi_moi"))
    assert refused  # the draft in progress is offered again, nothing lost


async def test_an_item_marked_under_18_says_so_on_every_card(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    await chat.send("/theodoi_moi")
    await chat.tap("Tạm giữ")
    await chat.tap("Không")
    await chat.send("7h 02/03/2026")
    await chat.send("TN1 NVE")
    confirm = joined(await chat.tap("Bỏ qua"))
    assert GENERAL in confirm and MARKED not in confirm
    marked = joined(await chat.tap("Người này dưới 18 tuổi"))
    assert MARKED in marked and "không dùng ngày trên" in marked and "Lưu" in [b.text for b in chat.visible()]
    saved = joined(await chat.tap("Lưu"))
    assert "Đã lưu" in saved and MARKED in saved  # the item's card after creation
    [item] = await world.app.repos.register.in_scope(world.staff_a)
    assert item.events[0].data["minor"] is True  # recorded on the start, as pressed
    other = world.chat(world.staff_a)
    await other.send("/theodoi")
    assert MARKED in joined(await other.tap(other.label("TN1 NVE")))  # the list's item view


async def test_an_item_not_marked_keeps_the_general_warning_and_a_stage_none(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    tz = world.app.services.settings.timezone
    member = world.staff_a
    for label, start in (
        ("TG1", {"kind": "tam_giu", "start": "2026-03-02T07:00"}),
        ("DT1", {"kind": "dieu_tra", "start": "2026-03-02", "category": "nghiem_trong"}),
    ):
        await service.create(world.app.repos, member, [NewItem(member.unit_id, label, member.id, start)], NOW, tz)
    chat = world.chat(member)
    await chat.send("/theodoi")
    custody = joined(await chat.tap(chat.label("TG1")))
    assert GENERAL in custody and MARKED not in custody
    await chat.send("/theodoi")
    stage = joined(await chat.tap(chat.label("DT1")))
    assert "18 tuổi" not in stage


async def test_an_old_summary_hearing_without_the_decision_day_says_what_to_do(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    member = world.staff_a
    old = NewItem(
        member.unit_id, "XX1", member.id, {"kind": "xet_xu_rut_gon", "start": "2026-03-02"}, later=[("extend", {})]
    )
    # Stored as the register stored it before the decision's day was required (no check then, no reminder).
    await world.app.repos.register.create(member, [old], NOW, lambda item_id, version: [])
    chat = world.chat(member)
    listed = await chat.text("/theodoi")
    assert "«XX1»: dữ liệu cần kiểm tra (mở mục để xem cách sửa)" in listed
    card = joined(await chat.tap(chat.label("XX1")))
    assert "cần kiểm tra lại" in card
    # Before: only the warning. Now the reason and the next step.
    assert "không có ngày ra quyết định đưa vụ án ra xét xử" in card and "Điều 462 khoản 2" in card
    assert "«Gia hạn»" in card and "quyết định ngày" in card and "lãnh đạo đơn vị" in card


async def test_the_head_follows_the_advice_and_the_hearing_is_counted(world: World) -> None:
    world.app.services.clock.set(datetime(2026, 3, 6, 1, 0, tzinfo=UTC))  # type: ignore[attr-defined]
    member = world.staff_a
    old = NewItem(
        member.unit_id, "XX3", member.id, {"kind": "xet_xu_rut_gon", "start": "2026-03-02"}, later=[("extend", {})]
    )
    await world.app.repos.register.create(member, [old], NOW, lambda item_id, version: [])
    head = world.chat(world.head_a)
    await head.send("/theodoi")
    card = joined(await head.tap(head.label("XX3")))
    assert "Anh/chị bấm «Xóa sự kiện cuối (ghi nhầm)»" in card  # a head is told to press it
    await head.tap("Xóa sự kiện cuối (ghi nhầm)")
    undone = joined(await head.send("ghi thiếu ngày quyết định đưa vụ án ra xét xử"))
    assert "Đã xóa sự kiện cuối" in undone
    chat = world.chat(member)
    await chat.send("/theodoi")
    await chat.tap(chat.label("XX3"))
    await chat.tap("Gia hạn")
    await chat.tap(chat.label("Tối đa"))
    done = joined(await chat.send("04/03/2026"))
    assert "Hết hạn: 24:00 Thứ Tư 11/03/2026" in done  # Đ462 k2: 04/03 + 7
