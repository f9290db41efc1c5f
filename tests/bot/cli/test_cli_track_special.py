"""``python -m bot track`` with the law's special cases: a sheet's detention tied to a stage needs the
stage's start (the row is refused, naming the column, without it) and is stored capped; an ANQG
column lets the extensions of Đ173 k5 through; the list and the export carry the new fields."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from bot.__main__ import main

HEADER = "STT,Họ và tên,Biện pháp,Loại tội,Từ ngày,Thời hạn,Ngày nhận hồ sơ,Xâm phạm ANQG,Gia hạn lần 1,Gia hạn lần 2\n"
# Tạm giam để truy tố, nghiêm trọng: file received 25/11/2026, so Đ240 k1 ends 15/12/2026 (the order's
# own 20 days from 01/12 would end 20/12). ANQG tạm giam 3 months from 01/06/2026: 29/08, extended 2
# months (Đ173 k2 b) to 28/10/2026, then 4 months (Đ173 k5) to 25/02/2027.
ROWS = (
    "1,TT1,Tạm giam để truy tố,nghiêm trọng,01/12/2026,,25/11/2026,,,\n"
    "2,AN2,Tạm giam,nghiêm trọng,01/06/2026,03 tháng,,có,28/10/2026,25/02/2027\n"
)


def _write(tmp_path: Path, name: str, text: str) -> Path:
    file = tmp_path / name
    file.write_text(text, encoding="utf-8")
    return file


def test_stage_tied_detention_without_its_stage_start_is_refused(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = ROWS.replace(",25/11/2026,", ",,")
    sheet = _write(tmp_path, "thieu.csv", HEADER + rows)
    assert main(["track", "import", str(sheet), "--unit", "A"]) == 2
    out = capsys.readouterr().out
    assert "dòng 2, cột Ngày bắt đầu giai đoạn: trống: cần ngày VKS nhận hồ sơ vụ án" in out
    assert "Không nhập: 1 dòng lỗi, chưa lưu gì" in out
    # Without the ANQG mark the second extension is beyond Đ173 k2 b: refused with the article.
    sheet = _write(tmp_path, "khong-anqg.csv", HEADER + ROWS.replace(",có,", ",,"))
    assert main(["track", "import", str(sheet), "--unit", "A"]) == 2
    assert "dòng 3, cột Gia hạn lần 2: Đã gia hạn 1 lần" in capsys.readouterr().out


def test_capped_and_anqg_rows_are_imported_listed_and_exported(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = _write(tmp_path, "dac-biet.csv", HEADER + ROWS)
    assert main(["track", "import", str(sheet), "--unit", "A"]) == 0
    out = capsys.readouterr().out
    assert "Đã nhập 2 mục" in out and "khác với cách tính theo luật" not in out
    assert main(["track", "list", "--unit", "A", "--json"]) == 0
    rows = {r["label"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["TT1"]["kind"] == "tam_giam_truy_to" and rows["TT1"]["last_day"] == "2026-12-15"
    assert rows["TT1"]["stage_start"] == "2026-11-25" and rows["TT1"]["stage_cap"] == "2026-12-15"
    assert rows["TT1"]["capped_from"] == "2026-12-20" and rows["TT1"]["open_ended"] is False
    assert rows["AN2"]["anqg"] is True and rows["AN2"]["last_day"] == "2027-02-25"
    out_file = tmp_path / "xuat.xlsx"
    assert main(["track", "export", "--unit", "A", "--out", str(out_file)]) == 0
    sheet_out = load_workbook(out_file).worksheets[0]
    header = [c.value for c in sheet_out[3]]
    assert header[11:15] == ["Loại tội", "Xâm phạm ANQG", "Ngày bắt đầu giai đoạn", "Mức trần giai đoạn"]
    by_label = {r[1]: r for r in sheet_out.iter_rows(min_row=4, values_only=True)}
    assert by_label["TT1"][11:15] == ("Nghiêm trọng", None, "25/11/2026", "15/12/2026")
    assert by_label["AN2"][12] == "có"


def test_a_stated_expiry_past_the_stage_cap_is_reported_as_a_disagreement(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        "Họ và tên,Biện pháp,Loại tội,Từ ngày,Ngày nhận hồ sơ,Đến ngày\n"
        "TT1,Tạm giam để truy tố,nghiêm trọng,01/12/2026,25/11/2026,20/12/2026\n"
    )
    sheet = _write(tmp_path, "tran.csv", text)
    assert main(["track", "import", str(sheet), "--unit", "A", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "dòng 2: bảng ghi 20/12/2026, theo Điều 241, Điều 240 khoản 1 BLTTHS 2015 là 15/12/2026" in out


def test_an_extended_stage_detention_without_the_stages_decision_says_its_cap_is_assumed(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A sheet has no column for the stage's own extension decision (Đ240 k1): the cap of the
    detention's extension is the law's longest, and the list and the export say it is assumed."""
    # Nghiêm trọng, file received 25/11/2026: Đ240 k1 ends 15/12; the detention (from 01/12, capped
    # 15/12) extended to 25/12 — within the longest stage extension (10 days → 25/12), not known.
    text = (
        "Họ và tên,Biện pháp,Loại tội,Từ ngày,Ngày nhận hồ sơ,Gia hạn lần 1\n"
        "TT2,Tạm giam để truy tố,nghiêm trọng,01/12/2026,25/11/2026,25/12/2026\n"
    )
    assert main(["track", "import", str(_write(tmp_path, "gh.csv", text)), "--unit", "A"]) == 0
    capsys.readouterr()
    assert main(["track", "list", "--unit", "A", "--json"]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert (row["last_day"], row["stage_cap"], row["cap_assumed"]) == ("2026-12-25", "2026-12-25", True)
    out_file = tmp_path / "xuat.xlsx"
    assert main(["track", "export", "--unit", "A", "--out", str(out_file)]) == 0
    [exported] = list(load_workbook(out_file).worksheets[0].iter_rows(min_row=4, values_only=True))
    assert exported[14] == "25/12/2026 (tạm tính: chưa ghi quyết định gia hạn giai đoạn)"
