"""``python -m bot track`` with steps the law leaves without a date (Đ173 k5, k6; Đ278 k3; Đ347 k2):
a sheet names them in «Đến ngày» («đến khi kết thúc việc điều tra», as the export writes it) or in a
«Tạm giam đến khi kết thúc» column, after its extensions («Các lần gia hạn», as the export writes
them); each is checked against the law like any event, and the list and the export carry them."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from bot.__main__ import main

HEADER = "STT,Họ và tên,Biện pháp,Loại tội,Từ ngày,Thời hạn,Ngày thụ lý,Các lần gia hạn,Đến ngày\n"
# O1: tạm giam 4 months (120 days) from 01/08/2025, ĐBNT, extended three times by 4 months (Đ173 k2 d,
# k6): 28/11/2025, 28/03/2026, 26/07/2026, 23/11/2026; then until the investigation ends (Đ173 k6).
# O2: trial preparation (nghiêm trọng) from the thụ lý 01/11/2026, until the hearing ends (Đ278 k3).
# T3: tạm giữ from 08:00 04/12/2026, 3 days (→ 08:00 07/12), extended 48 hours → 08:00 09/12/2026.
FOUR = "lần 1: 04 tháng; lần 2: 04 tháng; lần 3: 04 tháng"
ROWS = (
    f"1,O1,Tạm giam,đặc biệt nghiêm trọng,01/08/2025,04 tháng,,{FOUR},đến khi kết thúc việc điều tra\n"
    "2,O2,Tạm giam (xét xử sơ thẩm),nghiêm trọng,01/11/2026,,01/11/2026,,đến khi kết thúc phiên tòa\n"
    "3,T3,Tạm giữ,,04/12/2026 08:00,03 ngày,,lần 1: 48 giờ,09/12/2026 08:00\n"
)


def _write(tmp_path: Path, name: str, text: str) -> Path:
    file = tmp_path / name
    file.write_text(text, encoding="utf-8")
    return file


def test_open_ended_rows_are_imported_listed_and_exported(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = _write(tmp_path, "mo.csv", HEADER + ROWS)
    assert main(["track", "import", str(sheet), "--unit", "A"]) == 0
    out = capsys.readouterr().out
    assert "Đã nhập 3 mục" in out and "khác với cách tính theo luật" not in out
    assert main(["track", "list", "--unit", "A", "--json"]) == 0
    rows = {r["label"]: r for r in json.loads(capsys.readouterr().out)}
    o1, o2, t3 = rows["O1"], rows["O2"], rows["T3"]
    assert (o1["open_ended"], o1["until"], o1["expires"], o1["last_day"]) == (
        True,
        "kết thúc việc điều tra",
        None,
        None,
    )
    assert o1["step"].startswith("Tạm giam cho đến khi kết thúc việc điều tra")
    # Reviewed every 30 days from 24/11/2026 (the day after the last dated step), whatever today is.
    review = date.fromisoformat(o1["next_review"])
    assert review > date(2026, 11, 24) and (review - date(2026, 11, 24)).days % 30 == 0
    assert (o2["open_ended"], o2["until"], o2["kind"]) == (True, "kết thúc phiên tòa", "tam_giam_chuan_bi_xet_xu")
    assert (t3["open_ended"], t3["expires"], t3["next_review"]) == (False, "2026-12-09 08:00", None)
    assert main(["track", "list", "--unit", "A"]) == 0
    plain = capsys.readouterr().out
    assert f"đến khi kết thúc việc điều tra (rà soát {review:%d/%m/%Y})" in plain

    out_file = tmp_path / "xuat.xlsx"
    assert main(["track", "export", "--unit", "A", "--out", str(out_file)]) == 0
    exported = load_workbook(out_file).worksheets[0]
    header = [c.value for c in exported[3]]
    by_label = {r[1]: dict(zip(header, r, strict=True)) for r in exported.iter_rows(min_row=4, values_only=True)}
    assert by_label["O1"]["Đến ngày (hết hạn)"] == "đến khi kết thúc việc điều tra"
    assert by_label["O1"]["Các lần gia hạn"] == FOUR  # the open-ended step is not a dated extension
    assert by_label["O1"]["Biện pháp / giai đoạn"] == "Tạm giam (theo lệnh)"  # what the import reads back
    assert str(by_label["O1"]["Bước hiện tại"]).startswith("Tạm giam cho đến khi kết thúc việc điều tra")
    assert by_label["O1"]["Còn lại"] == "không thời hạn"
    assert by_label["T3"]["Các lần gia hạn"] == "lần 1: 48 giờ"


@pytest.mark.parametrize(
    ("row", "why"),
    [
        # Two of the three dated extensions: "until the investigation ends" comes only after all (Đ173 k6).
        (
            "O1,Tạm giam,đặc biệt nghiêm trọng,01/08/2025,04 tháng,lần 1: 04 tháng; lần 2: 04 tháng,có",
            "cột Tạm giam đến khi kết thúc: Chưa ghi được: tạm giam cho đến khi kết thúc việc điều tra chỉ áp dụng"
            " khi đã hết các lần gia hạn có thời hạn (còn 1 lần",
        ),
        # A serious (not ĐBNT) crime's detention is never open-ended.
        (
            "N1,Tạm giam,nghiêm trọng,01/08/2026,03 tháng,lần 1: 02 tháng,có",
            "không có trường hợp tạm giam cho đến khi kết thúc điều tra hoặc phiên tòa (Điều 173",
        ),
        # The sheet says the hearing; for detention during investigation the law says the investigation.
        (
            f"O1,Tạm giam,đặc biệt nghiêm trọng,01/08/2025,04 tháng,{FOUR},đến khi kết thúc phiên tòa",
            "bảng ghi «đến khi kết thúc phiên tòa», nhưng ở bước này luật cho tạm giam cho đến khi kết thúc"
            " việc điều tra (Điều 173 khoản 6",
        ),
        ("O1,Tạm giam,đặc biệt nghiêm trọng,01/08/2025,04 tháng,lần 2: 04 tháng,", "không đúng thứ tự (cần lần 1)"),
        ("O1,Tạm giam,đặc biệt nghiêm trọng,01/08/2025,04 tháng,,chưa rõ", "“chưa rõ” không rõ"),
    ],
)
def test_an_open_ended_step_the_law_does_not_allow_refuses_the_file(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], row: str, why: str
) -> None:
    header = "Họ và tên,Biện pháp,Loại tội,Từ ngày,Thời hạn,Các lần gia hạn,Tạm giam đến khi kết thúc\n"
    sheet = _write(tmp_path, "sai.csv", header + row + "\n")
    assert main(["track", "import", str(sheet), "--unit", "A", "--dry-run"]) == 2
    out = capsys.readouterr().out
    assert "Không nhập: 1 dòng lỗi, chưa lưu gì" in out and "dòng 2, cột" in out
    assert why in out, out
