"""``track export`` (review8 A6): a label that a spreadsheet would run as a formula is written as
text — CSV with the apostrophe guard, XLSX as a string cell — and the guarded CSV imports again as
the same item (the guard is ours and comes off)."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from bot.__main__ import main

LINK = '=HYPERLINK("http://x.y","bam")'
SHEET = (
    "STT,Họ và tên (bị can),Số TL,Biện pháp,Loai toi,Từ ngày,Thời hạn,Lệnh/QĐ số,Đến ngày (hết hạn),Ghi chú\n"
    f'1,"{LINK.replace(chr(34), chr(34) * 2)}",12/2026,Tạm giam,nghiêm trọng,04/12/2026,02 tháng,20/LTG,03/02/2027,+1 buồng\n'
)


@pytest.fixture
def imported(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheet = tmp_path / "in.csv"
    sheet.write_bytes(("\ufeff" + SHEET).encode("utf-8"))
    assert main(["track", "import", str(sheet), "--unit", "A"]) == 0, capsys.readouterr().out
    capsys.readouterr()


def test_csv_cells_are_guarded_and_read_back(
    imported: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.csv"
    assert main(["track", "export", "--unit", "A", "--out", str(out)]) == 0
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert rows[1][1] == "'" + LINK, rows[1]
    assert any(cell.startswith("'+1 buồng") for cell in rows[1]), rows[1]
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for row in rows for cell in row)
    capsys.readouterr()
    assert main(["track", "import", str(out), "--unit", "A", "--dry-run"]) == 0
    assert "1 dòng đã có trong sổ" in capsys.readouterr().out  # the same label, not a new item


def test_xlsx_has_no_formula(imported: None, tmp_path: Path) -> None:
    out = tmp_path / "x.xlsx"
    assert main(["track", "export", "--unit", "A", "--out", str(out)]) == 0
    with zipfile.ZipFile(out) as z:
        assert not any(b"<f>" in z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/"))
    cells = [c for ws in load_workbook(out).worksheets for row in ws.iter_rows() for c in row if c.value == LINK]
    assert cells and all(c.data_type == "s" for c in cells)
