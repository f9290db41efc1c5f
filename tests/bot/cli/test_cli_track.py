"""``python -m bot track import|export|list`` with sheets in the units' own layout: title rows,
an STT column, Vietnamese headers, free-text lengths, text and Excel dates; the cross-check of
stated expiries against the law; all or nothing with every bad row listed."""

from __future__ import annotations

import asyncio
import io
import json
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from bot.__main__ import main
from storage.db import open_database

TITLE = "BẢNG THEO DÕI THỜI HẠN TẠM GIỮ, TẠM GIAM\n(Cập nhật đến ngày 06/12/2026),,,,\n"
HEADER = (
    "STT,Họ và tên (bị can),Số TL,Biện pháp,Loai toi,Từ ngày,Thời hạn,Số ngày tạm giữ được trừ,Lệnh/QĐ số,"
    "Gia hạn lần 1 đến ngày,Đến ngày (hết hạn),KSV thụ lý,Còn lại (ngày),Ghi chú\n"
)
GOOD = (
    "1,NVA,12/2026,Tạm giữ,,09h30 05/12/2026,03 ngày,,15/QĐ,,08/12/2026 09:30,KSV Một,2,\n"
    "2,LTB,10/2026,Tạm giam,nghiêm trọng,04/12/2026,02 tháng,3,20/LTG,,29/01/2027,KSV Một,54,\n"
    "3,TVC,09/2026,Giai đoạn điều tra,Rất nghiêm trọng,1/10/2026,,,,01/06/2027,01/06/2027,ksv mot,,đã gia hạn\n"
)


def _count(path: Path) -> int:
    async def count() -> int:
        db = await open_database(path)
        try:
            return int(await db.fetchval("SELECT COUNT(*) FROM register_items"))
        finally:
            await db.close()

    return asyncio.run(count())


def _write(tmp_path: Path, name: str, text: str) -> Path:
    file = tmp_path / name
    file.write_bytes(("\ufeff" + text).encode("utf-8"))
    return file


def test_a_csv_in_the_units_layout_is_checked_then_imported(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = _write(tmp_path, "theo-doi.csv", TITLE + HEADER + GOOD)
    assert main(["track", "import", str(sheet), "--unit", "A", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "3 dòng hợp lệ (chạy thử, chưa lưu)" in out
    assert "khác với cách tính theo luật" not in out  # every stated date agrees with the law
    assert _count(db_path) == 0
    assert main(["track", "import", str(sheet), "--unit", "A"]) == 0
    assert "Đã nhập 3 mục" in capsys.readouterr().out
    assert main(["track", "list", "--unit", "A", "--json"]) == 0
    rows = {r["label"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["NVA"]["expires"] == "2026-12-08 09:30" and rows["NVA"]["prosecutor"] == "KSV Một"
    assert rows["LTB"]["last_day"] == "2027-01-29" and rows["LTB"]["expires"] == "2027-01-30 00:00"
    # Điều tra from 01/10/2026 (rất nghiêm trọng: 4 months → 01/02/2027), extended to 01/06/2027.
    assert rows["TVC"]["last_day"] == "2027-06-01" and rows["TVC"]["step"] == "Gia hạn điều tra lần thứ nhất"


def test_stated_expiries_that_disagree_with_the_law_are_each_reported(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wrong = GOOD.replace("08/12/2026 09:30", "08/12/2026 10:30").replace(",29/01/2027,", ",30/01/2027,")
    sheet = _write(tmp_path, "sai.csv", TITLE + HEADER + wrong)
    assert main(["track", "import", str(sheet), "--unit", "A"]) == 0
    out = capsys.readouterr().out
    line4 = next(line for line in out.splitlines() if line.startswith("- dòng 4:"))
    assert line4.startswith("- dòng 4: bảng ghi 10:30 08/12/2026, theo Điều 117") and line4.endswith(
        "là 09:30 08/12/2026"
    )
    assert "dòng 5: bảng ghi 30/01/2027, theo" in out and "là 29/01/2027" in out
    assert "dòng 6" not in out
    assert main(["track", "list", "--unit", "A", "--json"]) == 0
    rows = {r["label"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["LTB"]["last_day"] == "2027-01-29"  # the law's count is stored


def test_three_bad_rows_are_all_listed_and_nothing_is_stored(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = (
        GOOD
        + "4,HVD,1/2026,Tạm giữ,,10:00 31/02/2026,03 ngày,,,,,KSV Một,,\n"
        + "5,PTE,2/2026,Quản chế,,01/12/2026,,,,,,,,\n"
        + "6,,3/2026,Tạm giam,,01/12/2026,02 tháng,,,,,,,\n"
    )
    sheet = _write(tmp_path, "loi.csv", TITLE + HEADER + bad)
    assert main(["track", "import", str(sheet), "--unit", "A"]) == 2
    out = capsys.readouterr().out
    assert "3 dòng lỗi, chưa lưu gì" in out
    assert "dòng 7, cột Từ ngày: ngày “10:00 31/02/2026” không có thật" in out
    assert "dòng 8, cột Biện pháp: không nhận ra “Quản chế”" in out
    assert "dòng 9, cột Họ tên / Nhãn: trống" in out
    assert _count(db_path) == 0


def test_the_same_sheet_as_xlsx_with_excel_dates_and_english_headers(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wb = Workbook()
    ws = wb.worksheets[0]
    ws.append(["BANG THEO DOI THOI HAN TAM GIU, TAM GIAM"])
    ws.merge_cells("A1:F1")
    ws.append(["STT", "Ho va ten", "Bien phap", "Tu ngay", "Thoi han", "So ngay tam giu duoc tru", "Den ngay"])
    ws.append([1, "NVA", "Tạm giữ", datetime(2026, 12, 5, 9, 30), "03 ngày", None, datetime(2026, 12, 8, 9, 30)])
    ws.append([2, "LTB", "Tạm giam", datetime(2026, 12, 4), "01 tháng 27 ngày", None, "29/01/2027"])
    buffer = io.BytesIO()
    wb.save(buffer)
    sheet = tmp_path / "theo-doi.xlsx"
    sheet.write_bytes(buffer.getvalue())
    assert main(["track", "import", str(sheet), "--unit", "A"]) == 0
    assert "Đã nhập 2 mục" in capsys.readouterr().out
    english = tmp_path / "plain.csv"
    english.write_text(
        "label,kind,start,category,months,days,tam_giu_days,prosecutor,case_number\n"
        "X1,tam_giam,2026-12-04,,2,,3,KSV Một,7/2026\n"
        "X2,truy_to,2026-12-01,rat_nghiem_trong,,,,,\n",
        encoding="utf-8",
    )
    assert main(["track", "import", str(english), "--unit", "A"]) == 0
    capsys.readouterr()
    assert main(["track", "list", "--unit", "A", "--json"]) == 0
    rows = {r["label"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["X1"]["last_day"] == "2027-01-29" and rows["X2"]["last_day"] == "2026-12-31"
    out = tmp_path / "xuat.xlsx"
    assert main(["track", "export", "--unit", "A", "--out", str(out)]) == 0
    assert out.stat().st_mode & 0o777 == 0o600
    exported = load_workbook(out).worksheets[0]
    header = [c.value for c in exported[3]]
    assert header[:4] == ["STT", "Nhãn", "Số vụ", "Biện pháp / giai đoạn"]
    labels = [exported.cell(row=r, column=2).value for r in range(4, exported.max_row + 1)]
    assert sorted(labels) == ["LTB", "NVA", "X1", "X2"]


def test_a_file_with_the_wrong_columns_is_refused(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = _write(tmp_path, "khac.csv", "STT,Tên cơ sở,Địa chỉ\n1,Nhà tạm giữ,Hà Nội\n")
    assert main(["track", "import", str(sheet), "--unit", "A"]) == 2
    out = capsys.readouterr().out
    assert "Thiếu cột: Họ và tên / Nhãn, Biện pháp / Giai đoạn, Từ ngày / Ngày bắt đầu" in out
    assert main(["track", "import", str(sheet), "--unit", "KHONG"]) == 2
    assert "Không có đơn vị mã KHONG" in capsys.readouterr().out
    assert _count(db_path) == 0
