"""Every text cell we write to a spreadsheet is text, never a formula (CSV/formula injection).

A register label or a check-in note typed as ``=HYPERLINK("http://…","bấm")`` must open in Excel or
LibreOffice as those characters, not as a live link or a calculation. One helper for every export:

- XLSX: each ``str`` cell is stored with the string type, so Excel shows exactly what was typed
  (openpyxl would otherwise store a value starting with ``=`` as a formula);
- CSV (no types): a text starting with ``= + - @``, a tab or a carriage return gets a leading
  apostrophe, the usual guard (OWASP); our own importers take that apostrophe off again.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

DANGEROUS_STARTS = ("=", "+", "-", "@", "\t", "\r")
GUARD = "'"


def csv_text(value: Any) -> Any:
    """``value`` as it may go into a CSV cell: a text that a spreadsheet would read as a formula
    gets the apostrophe guard; numbers, dates and other values pass unchanged."""
    if isinstance(value, str) and value.startswith(DANGEROUS_STARTS):
        return GUARD + value
    return value


def csv_row(row: Iterable[Any]) -> list[Any]:
    return [csv_text(value) for value in row]


def unguard(value: str) -> str:
    """The text our CSV export guarded, as typed (for our importers reading their own files)."""
    if value.startswith(GUARD) and value[1:].startswith(DANGEROUS_STARTS):
        return value[1:]
    return value


def text_cells(workbook: Any) -> None:
    """Mark every text cell of every sheet of an openpyxl workbook as a string, not a formula."""
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    cell.data_type = "s"
