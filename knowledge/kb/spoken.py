"""Two-word spoken spellings that no one-word abbreviation can read ("bi nhiu", "bi lâu" = "bao
nhiêu", "bao lâu", as typed in the South): rewritten in the message before it is read.

"bị" keeps its meaning: "bi" is read as "bao" only before "nhiu"/"nhiêu"/"lâu" (words that follow
no "bị"), and before the unmarked "nhieu" only when an amount is asked ("bi nhieu ngay", a
question's end) — "bi nhieu toi" may be "bị nhiều tội".
"""

from __future__ import annotations

import re

_BAO = re.compile(r"\b(?:bi|bí|bì|bj)(\s+)(nhiu|nhíu|nhiêu|lâu|lau|lâuu)\b", re.IGNORECASE)
_BAO_NHIEU = re.compile(
    r"\bbi(\s+)nhieu(?=\s+(?:ngay|thang|nam|gio|tieng|lan|phan|%)\b|\s*[?.!,;]|\s*$)", re.IGNORECASE
)


def spoken(text: str) -> str:
    """``text`` with "bi nhiu"/"bi lâu" written as "bao nhiêu"/"bao lâu" (the rest untouched)."""
    text = _BAO.sub(lambda m: f"bao{m.group(1)}{m.group(2)}", text)
    return _BAO_NHIEU.sub(lambda m: f"bao{m.group(1)}nhieu", text)
