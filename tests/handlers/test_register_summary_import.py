"""A unit's sheet naming the summary procedure («… theo thủ tục rút gọn») is read as the summary kind,
whose limits are Đ459–Đ464's, never as the general kind its other words name (the general detention
of Đ173 or the general investigation of Đ172: months instead of days). A summary detention named
without its stage is refused, not guessed (20, 5, 17 or 22 days). Detention after a judgment (Đ329 k3,
Đ347 k3: 45 days) is read as such, never as the trial's or the appeal's stage or a plain order."""

from __future__ import annotations

from datetime import UTC, datetime

from handlers.register.importer import import_rows
from handlers.register.service import validate
from handlers.register.sheet import read_sheet
from tests.conftest import World

NOW = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)  # 08:00 Monday 02/03/2026 in Hà Nội
SHEET = (
    "STT,Nhãn,Biện pháp,Từ ngày,Thời hạn\n"
    "1,RG1 NVA,Tạm giam trong giai đoạn điều tra theo thủ tục rút gọn,20/02/2026,20 ngày\n"
    "2,RG2 TTB,Điều tra theo thủ tục rút gọn,20/02/2026,\n"
    "3,RG3 LVC,Tạm giam để truy tố (thủ tục rút gọn),27/02/2026,\n"
)


async def test_summary_rows_are_read_as_their_summary_kinds(world: World) -> None:
    sheet = read_sheet(SHEET.encode(), "bang.csv")
    found = import_rows(sheet, world.staff_a.unit_id, {}, world.staff_a, NOW)
    assert found.errors == []
    kinds = [item.start["kind"] for item in found.items]
    assert kinds == ["tam_giam_rut_gon_dieu_tra", "dieu_tra_rut_gon", "tam_giam_rut_gon_truy_to"]
    days = [validate(item, NOW).step for item in found.items]
    # Đ459 k3: 20 days from 20/02 → 11/03; Đ460 k1: 20 days after 20/02 → 12/03; Đ459 k3: 5 days from
    # 27/02 → 03/03/2026 (the general ones: 19/04, 20/05, 18/03).
    assert [s.last_day.isoformat() for s in days if s] == ["2026-03-11", "2026-03-12", "2026-03-03"]


async def test_a_summary_detention_without_its_stage_is_refused_with_the_row(world: World) -> None:
    text = "STT,Nhãn,Biện pháp,Từ ngày,Thời hạn\n1,RG4 PVD,Tạm giam rút gọn,20/02/2026,20 ngày\n"
    found = import_rows(read_sheet(text.encode(), "bang.csv"), world.staff_a.unit_id, {}, world.staff_a, NOW)
    assert found.items == [] and len(found.errors) == 1 and "Tạm giam rút gọn" in found.errors[0]


async def test_detention_after_the_judgment_is_the_45_days_not_a_stage_or_an_order(world: World) -> None:
    text = (
        "STT,Nhãn,Biện pháp,Từ ngày\n"
        "1,BA1 NVE,Tạm giam để thi hành án,01/03/2026\n"
        "2,BA2 NVG,Tạm giam sau khi tuyên án phúc thẩm,01/03/2026\n"
        "3,BA3 NVH,Tạm giam sau khi xét xử sơ thẩm,01/03/2026\n"
    )
    found = import_rows(read_sheet(text.encode(), "bang.csv"), world.staff_a.unit_id, {}, world.staff_a, NOW)
    assert found.errors == []
    kinds = [item.start["kind"] for item in found.items]
    # Đ329 k3 and Đ347 k3 (they were read as a plain order under Đ173, the appeal's and the trial's stages).
    assert kinds == ["tam_giam_sau_tuyen_an", "tam_giam_sau_phuc_tham", "tam_giam_sau_tuyen_an"]
    days = [validate(item, NOW).step for item in found.items]
    assert [s.last_day.isoformat() for s in days if s] == ["2026-04-14"] * 3  # 01/03 + 45 − 1
