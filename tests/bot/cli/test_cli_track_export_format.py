"""``track export --out`` writes the format its name says: CSV for .csv (readable, the same table as
the workbook, importable again), XLSX for .xlsx, and refuses any other name without writing."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from bot.__main__ import main

SHEET = (
    "STT,Họ và tên (bị can),Số TL,Biện pháp,Loai toi,Từ ngày,Thời hạn,Số ngày tạm giữ được trừ,Lệnh/QĐ số,"
    "Gia hạn lần 1 đến ngày,Đến ngày (hết hạn),KSV thụ lý,Còn lại (ngày),Ghi chú\n"
    "1,NVA,12/2026,Tạm giam,nghiêm trọng,04/12/2026,02 tháng,3,20/LTG,,29/01/2027,KSV Một,54,\n"
)


@pytest.fixture
def imported(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheet = tmp_path / "in.csv"
    sheet.write_bytes(("\ufeff" + SHEET).encode("utf-8"))
    assert main(["track", "import", str(sheet), "--unit", "A"]) == 0
    capsys.readouterr()


def test_a_csv_name_gets_csv(imported: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "t.csv"
    assert main(["track", "export", "--unit", "A", "--out", str(out)]) == 0
    data = out.read_bytes()
    assert not data.startswith(b"PK")  # not a zip (XLSX)
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][:3] == ["STT", "Nhãn", "Số vụ"]
    assert rows[1][1] == "NVA" and "29/01/2027" in rows[1][7]
    assert main(["track", "import", str(out), "--unit", "A", "--dry-run"]) == 0  # readable again:
    assert "1 dòng đã có trong sổ" in capsys.readouterr().out  # read and matched to the item it came from


def test_an_xlsx_name_gets_a_workbook(imported: None, tmp_path: Path) -> None:
    out = tmp_path / "t.XLSX"
    assert main(["track", "export", "--unit", "A", "--out", str(out)]) == 0
    assert out.read_bytes().startswith(b"PK")
    sheet = load_workbook(out).worksheets[0]
    assert any(row[1] == "NVA" for row in sheet.iter_rows(values_only=True))


def test_another_name_is_refused(imported: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "t.txt"
    assert main(["track", "export", "--unit", "A", "--out", str(out)]) == 2
    assert ".xlsx hoặc .csv" in capsys.readouterr().out
    assert not out.exists()
