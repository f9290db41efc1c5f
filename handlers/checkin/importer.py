"""Reading a list of facilities from CSV or XLSX. Pure: bytes in, rows or line-numbered errors out.

Columns (header row, any order): ``ten``, ``loai``, ``dia_chi``, ``tan_suat``; the
Vietnamese headers ``Tên``, ``Loại``, ``Địa chỉ``, ``Tần suất`` are accepted too, as are
values written in Vietnamese ("Nhà tạm giữ", "hằng ngày"). An empty frequency takes the
kind's default.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from knowledge.kb.normalize import fold
from storage.facilities import KINDS, MAX_ADDRESS, MAX_NAME, FacilityInput

HEADERS = {
    "ten": "name",
    "ten co so": "name",
    "loai": "kind",
    "loai co so": "kind",
    "dia chi": "address",
    "tan suat": "frequency",
    "tan suat kiem sat": "frequency",
}
KIND_WORDS = {
    **{fold(code.replace("_", " ")): code for code in KINDS},
    **{fold(label): code for code, label in KINDS.items()},
    "buong tam giu": "buong_tam_giu_don_bien_phong",
    "don bien phong": "buong_tam_giu_don_bien_phong",
}
FREQUENCY_WORDS = {
    "daily": "daily",
    "hang ngay": "daily",
    "ngay": "daily",
    "moi ngay": "daily",
    "weekly": "weekly",
    "hang tuan": "weekly",
    "tuan": "weekly",
    "moi tuan": "weekly",
}


@dataclass
class ImportResult:
    rows: list[FacilityInput] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def _key(text: object) -> str:
    return fold(str(text or "").replace("_", " "))


def read_table(data: bytes, filename: str) -> list[list[str]]:
    """The file's rows as lists of strings (first sheet of a workbook). Raises ValueError in Vietnamese."""
    if filename.lower().endswith(".xlsx"):
        try:
            wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as exc:
            raise ValueError("Không đọc được tệp XLSX. Anh/chị mở lại bằng Excel và lưu dạng .xlsx.") from exc
        ws = wb.worksheets[0]
        table = [["" if v is None else str(v) for v in row] for row in ws.iter_rows(values_only=True)]
        wb.close()
        return table
    if filename.lower().endswith(".csv"):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ValueError("Tệp CSV không phải mã UTF-8. Anh/chị lưu lại dạng 'CSV UTF-8' rồi thử lại.") from exc
        dialect = ";" if text.split("\n", 1)[0].count(";") > text.split("\n", 1)[0].count(",") else ","
        return [row for row in csv.reader(io.StringIO(text), delimiter=dialect)]
    raise ValueError("Chỉ nhận tệp .csv hoặc .xlsx.")


def parse_facilities(table: list[list[str]], existing_names: set[str] | None = None) -> ImportResult:
    """Validate every row; ``errors`` name the line (1 = the header) and what to fix."""
    result = ImportResult()
    if not table:
        result.errors.append("Tệp trống. Dòng 1 phải là tiêu đề: ten, loai, dia_chi, tan_suat.")
        return result
    columns = {HEADERS[_key(h)]: i for i, h in enumerate(table[0]) if _key(h) in HEADERS}
    lacking = [name for name in ("name", "kind") if name not in columns]
    if lacking:
        result.errors.append("Dòng 1: thiếu cột ten hoặc loai. Tiêu đề cần có: ten, loai, dia_chi, tan_suat.")
        return result
    seen = {fold(n) for n in existing_names or ()}
    for line, row in enumerate(table[1:], start=2):
        cell = {name: (row[i].strip() if i < len(row) and row[i] else "") for name, i in columns.items()}
        if not any(cell.values()):
            continue
        name = " ".join(cell["name"].split())
        problems = []
        if not name:
            problems.append("thiếu tên cơ sở")
        elif len(name) > MAX_NAME:
            problems.append(f"tên dài quá {MAX_NAME} ký tự")
        elif fold(name) in seen:
            problems.append(f"tên '{name}' bị trùng (trong tệp hoặc đã có ở đơn vị)")
        kind = KIND_WORDS.get(_key(cell["kind"]))
        if kind is None:
            problems.append(
                f"loại '{cell['kind']}' không hợp lệ (nhà tạm giữ, trại tạm giam, buồng tạm giữ đồn biên phòng)"
            )
        raw_frequency = cell.get("frequency", "")
        frequency = FREQUENCY_WORDS.get(_key(raw_frequency)) if raw_frequency else None
        if raw_frequency and frequency is None:
            problems.append(f"tần suất '{raw_frequency}' không hợp lệ (hằng ngày hoặc hằng tuần, để trống = mặc định)")
        address = " ".join(cell.get("address", "").split())
        if len(address) > MAX_ADDRESS:
            problems.append(f"địa chỉ dài quá {MAX_ADDRESS} ký tự")
        if problems:
            result.errors.append(f"Dòng {line}: " + "; ".join(problems) + ".")
            continue
        assert kind is not None
        seen.add(fold(name))
        result.rows.append(FacilityInput(name, kind, address, frequency))
    if not result.rows and not result.errors:
        result.errors.append("Tệp không có dòng dữ liệu nào dưới tiêu đề.")
    return result
