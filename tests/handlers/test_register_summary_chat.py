"""The summary procedure in the register, in chat (BLTTHS 2015 Đ458, Đ459): a summary tạm giữ tracked
from its card and converted to the summary detention (20 days less the tạm giữ days), and the
summary procedure cancelled on a summary item — the decision's day, the category, for detention the
new order — after which the item runs the general limit from the decision, with its history kept
and what the law leaves open said on the card. Fake clock: Monday 02/03/2026 08:00 in Hà Nội."""

from __future__ import annotations

import io
from datetime import UTC, datetime

from openpyxl import load_workbook

from bot.chat.messages import Reply
from handlers.register import service
from storage.register_model import NewItem
from tests.conftest import World
from tests.fakes import FakeChat, joined

NOW = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)  # 08:00 Monday 02/03/2026 in Hà Nội


async def _item(world: World, start: dict[str, object], label: str = "RG1 NVA") -> FakeChat:
    """A summary item of staff A's unit, created as the importer does, and its card opened."""
    tz = world.app.services.settings.timezone
    member = world.staff_a
    await service.create(world.app.repos, member, [NewItem(member.unit_id, label, member.id, start)], NOW, tz)
    chat = world.chat(member)
    await chat.send("/theodoi")
    await chat.tap(chat.label(label))
    return chat


async def test_summary_custody_from_its_card_converts_to_the_summary_detention(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    card = joined(await chat.send("tạm giữ theo thủ tục rút gọn từ 7h 02/03/2026"))
    assert "07:00 ngày 05/03/2026" in card
    await chat.tap("📋 Theo dõi trong sổ")  # a summary kind is tracked (it used to be refused)
    await chat.send("RG1 NVA")
    await chat.tap("Bỏ qua")
    saved = joined(await chat.tap("Lưu"))
    assert "Tạm giữ theo thủ tục rút gọn" in saved and "Hết hạn: 07:00 Thứ Năm 05/03/2026" in saved
    asked = joined(await chat.tap("Chuyển tạm giam"))
    assert "Không quá 20 ngày" in asked and "Điều 459 khoản 3" in asked
    converted = joined(await chat.send("20 ngày"))
    # From 05/03 (the day tạm giữ ends), 20 − 3 days of tạm giữ = 17 days: 05/03 … 21/03/2026.
    assert "Tạm giam trong giai đoạn điều tra theo thủ tục rút gọn" in converted
    assert "Hết hạn: 24:00 Thứ Bảy 21/03/2026" in converted
    assert "Loại tội" not in converted  # the summary procedure is for ít nghiêm trọng crimes: not asked


async def test_the_summary_investigation_cancelled_runs_the_general_investigation_from_the_decision(
    world: World,
) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = await _item(world, {"kind": "dieu_tra_rut_gon", "start": "2026-02-20"})
    asked = joined(await chat.tap("Hủy thủ tục rút gọn"))
    assert "Điều 458" in asked and "kể từ khi có quyết định hủy bỏ" in asked and "«Điều tra vụ án»" in asked
    assert "ở tương lai" in joined(await chat.send("05/03/2026"))
    assert "trước ngày bắt đầu" in joined(await chat.send("19/02/2026"))
    (item,) = await world.app.repos.register.in_scope(world.staff_a)
    assert item.version == 1  # nothing stored by the refusals
    assert "loại tội" in joined(await chat.send("27/02/2026")).lower()
    done = joined(await chat.tap("Nghiêm trọng"))
    # Đ458: from 27/02/2026; Đ172 k1, NT: 3 months → 27/05/2026 (a Wednesday).
    assert "Đã ghi quyết định hủy bỏ thủ tục rút gọn ngày 27/02/2026" in done
    assert "Hết hạn: 24:00 Thứ Tư 27/05/2026" in done
    assert "Đã hủy bỏ thủ tục rút gọn ngày 27/02/2026" in done
    assert "2. Hủy bỏ thủ tục rút gọn (Điều 458)" in done and "1. Lệnh ban đầu (Điều tra theo thủ tục rút gọn" in done
    assert "Hủy thủ tục rút gọn" not in [b.text for b in chat.visible()]
    rows = await world.app.repos.db.fetchall("SELECT key FROM outbox WHERE status = 'pending'")
    keys = [r["key"] for r in rows]  # the general step's reminders replace the summary step's
    assert keys and all(key.startswith(f"reg:{item.id}:2:") for key in keys)
    extended = joined(await chat.tap("Gia hạn"))
    assert "Gia hạn lần 1: tối đa 3 tháng" in extended  # Đ172's extensions, which the summary one has not


async def test_summary_detention_cancelled_runs_on_the_new_order_and_says_what_the_law_leaves_open(
    world: World,
) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = await _item(world, {"kind": "tam_giam_rut_gon_dieu_tra", "start": "2026-02-20"})
    await chat.tap("Hủy thủ tục rút gọn")
    await chat.tap("Hôm nay")
    asked = joined(await chat.tap("Ít nghiêm trọng"))
    assert "Lệnh tạm giam theo thủ tục chung bắt đầu ngày nào" in asked
    assert "không bắt đầu trước ngày hủy bỏ" in joined(await chat.send("01/03/2026"))
    assert "bao lâu" in joined(await chat.tap("Cùng ngày 02/03/2026"))
    assert "nhập thời hạn" in joined(await chat.send("mai"))  # not a length: asked again
    done = joined(await chat.send("2 tháng"))
    # The new order: 60 days from 02/03/2026 → 30/04/2026; the summary days neither deducted nor added.
    assert "Hết hạn: 24:00 Thứ Năm 30/04/2026" in done
    assert "Điều 458 không quy định thời gian đã tạm giam theo thủ tục rút gọn" in done
    assert "Chuyển giai đoạn" not in done and "Hủy bỏ thủ tục rút gọn (Điều 458)" in done
    [sheet] = await chat.send("/theodoi_xuat")  # the units' sheet shows the general order and its end
    assert sheet.file is not None
    rows = [[str(c) for c in row if c is not None] for row in load_workbook(io.BytesIO(sheet.file.data)).active.values]
    (row,) = [r for r in rows if "RG1 NVA" in r]
    assert "Tạm giam (theo thời hạn ghi trong lệnh)" in row and "30/04/2026" in row


async def test_summary_prosecution_detention_cancelled_is_capped_by_the_general_stage(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = await _item(world, {"kind": "tam_giam_rut_gon_truy_to", "start": "2026-02-28"})
    await chat.tap("Hủy thủ tục rút gọn")
    await chat.send("01/03/2026")
    await chat.tap("Rất nghiêm trọng")
    await chat.tap("Cùng ngày 01/03/2026")
    done = joined(await chat.tap("Bỏ qua"))
    # Đ241 with Đ240 k1, RNT: 30 days from the cancellation 01/03 → the stage ends 31/03/2026; the
    # detention's own 30 days from 01/03 end 30/03/2026.
    assert "Hết hạn: 24:00 Thứ Hai 30/03/2026" in done
    assert "tính từ ngày VKS nhận hồ sơ vụ án và bản kết luận điều tra 01/03/2026 hết ngày 31/03/2026" in done


async def test_the_cancellation_set_aside_comes_back_on_its_question(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = await _item(world, {"kind": "truy_to_rut_gon", "start": "2026-02-27"})
    await chat.tap("Hủy thủ tục rút gọn")
    await chat.send("28/02/2026")
    await chat.send("/tinhhan")  # another form: the event is set aside, not lost
    back = joined(await chat.tap(chat.label("Làm tiếp")))
    assert "Tội phạm thuộc loại nào" in back
    done = joined(await chat.tap("Nghiêm trọng"))
    # Đ240 k1, NT: 20 days from 28/02/2026 → 20/03/2026 (a Friday).
    assert "Hết hạn: 24:00 Thứ Sáu 20/03/2026" in done


async def test_the_register_confirmation_of_a_custody_warns_about_minors(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    await chat.send("/theodoi_moi")
    await chat.tap("Tạm giữ")
    await chat.tap("Không")
    await chat.send("02/03/2026 07:00")
    await chat.send("TG1 NVA")
    confirm = joined(await chat.tap("Bỏ qua"))
    assert "dưới 18 tuổi" in confirm and "Luật Tư pháp người chưa thành niên 2024" in confirm
    assert "trợ lý chưa kiểm chứng" in confirm


async def test_a_summary_detention_tracked_from_its_card_asks_the_orders_own_length(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    card = joined(await chat.send("tạm giam theo thủ tục rút gọn giai đoạn truy tố từ 02/03/2026"))
    assert "06/03/2026" in card  # Đ459 k3: 5 days, 02/03 … 06/03
    asked = joined(await chat.tap("📋 Theo dõi trong sổ"))
    assert "Thời hạn ghi trong lệnh là bao lâu" in asked  # an order of fewer days ends earlier
    await chat.send("3 ngày")
    await chat.send("RG5 NVK")
    confirm = joined(await chat.tap("Bỏ qua"))
    assert "Hết hạn: 24:00 Thứ Tư 04/03/2026" in confirm
    assert "dài hơn mức tối đa" in joined(await _order_of(world, "6 ngày"))


async def _order_of(world: World, length: str) -> list[Reply]:
    chat = world.chat(world.head_a)
    await chat.send("tạm giam theo thủ tục rút gọn giai đoạn truy tố từ 02/03/2026")
    await chat.tap("📋 Theo dõi trong sổ")
    await chat.send(length)
    await chat.send("RG6 NVL")
    return list(await chat.tap("Bỏ qua"))


async def test_the_summary_hearing_is_counted_from_the_decision_to_try(world: World) -> None:
    world.app.services.clock.set(datetime(2026, 3, 6, 1, 0, tzinfo=UTC))  # type: ignore[attr-defined]
    chat = await _item(world, {"kind": "xet_xu_rut_gon", "start": "2026-03-02"})
    asked = joined(await chat.tap("Gia hạn"))
    assert "nhập kèm ngày quyết định (bắt buộc)" in asked
    assert "Ngày ra quyết định gia hạn" in joined(await chat.tap(chat.label("Tối đa")))  # «Tối đa» asks the day
    refused = joined(await chat.tap("Bỏ qua (không ghi ngày)"))
    assert "tính từ ngày ra quyết định đưa vụ án ra xét xử" in refused and "Không có gì được lưu" in refused
    done = joined(await chat.send("04/03/2026"))  # the day, at the step that asks it
    # Đ462 k2: 7 days from Wednesday 04/03 → Wednesday 11/03/2026 (not 12/03 + 7 = 19/03).
    assert "Hết hạn: 24:00 Thứ Tư 11/03/2026" in done
