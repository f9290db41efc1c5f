"""An article of the Criminal Procedure Code cited by number ("Đ240 ĐBNT gia hạn", "theo khoản 2 Điều 173
thì gia hạn mấy lần"): the entries whose source rests on that article are the ones about it.

Staff who work with the Code name the article instead of the stage; the number then decides between
entries the other words leave close (the prosecution's extension, Điều 240, over the investigation's).
Only the BLTTHS: an article of the BLHS is a crime (``blhs_category``), and a message that names the BLHS
or another code is not read here. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_SHORT = re.compile(r"^d(\d{1,3})$")  # "đ240", "Đ173"
_NUMBER = re.compile(r"^\d{1,3}$")
# A message that names another code: its article numbers are not the BLTTHS's
_OTHER_CODES = (
    "blhs", "bo luat hinh su", "bo luat dan su", "blds", "bo luat lao dong", "luat thi hanh", "thong tu", "ttlt",
    "thong tu lien tich", "quy che", "nghi dinh", "nghi quyet", "quyet dinh", "huong dan",
)  # fmt: skip
# A source's segment naming another document is about it ("…; Điều 17 TTLT 04/2018")
_OTHER_DOCS = re.compile(
    r"\b(?:BLHS|BLDS|TTLT|Thông tư|Luật|NQ|Nghị quyết|QĐ|Quyết định|Quy chế|Chỉ thị|Hướng dẫn|Công văn|Bộ luật)\b",
    re.IGNORECASE,
)
_SOURCE_ARTICLE = re.compile(r"Điều (\d{1,3})\b")


def cited_articles(tokens: Sequence[str]) -> frozenset[int]:
    """The article numbers a question cites ("điều 240", "đ240", "đ. 240") when no other code is named."""
    joined = f" {' '.join(tokens)} "
    if any(f" {code} " in joined for code in _OTHER_CODES):
        return frozenset()
    found = set()
    for i, token in enumerate(tokens):
        short = _SHORT.match(token)
        if short:
            found.add(int(short.group(1)))
        elif token in ("dieu", "d") and i + 1 < len(tokens) and _NUMBER.match(tokens[i + 1]):
            found.add(int(tokens[i + 1]))
    return frozenset(found)


def source_articles(source: str) -> frozenset[int]:
    """The BLTTHS articles an entry's source cites ("BLTTHS 2015, Điều 240 khoản 1; Điều 241": 240 and 241;
    "…; TTLT 04/2018, Điều 17": not 17)."""
    found: set[int] = set()
    code = False
    for segment in source.split(";"):
        if "BLTTHS" in segment:
            code = True
        elif _OTHER_DOCS.search(segment):
            code = False
        if code:
            found.update(int(n) for n in _SOURCE_ARTICLE.findall(segment))
    return frozenset(found)
