"""The moment of a day asked ("thời điểm cuối cùng của thời hạn tạm giam là mấy giờ của ngày cuối cùng ghi trong
lệnh", "hết vào lúc nào trong ngày"), which only an answer that says a moment gives ("lúc 24 giờ của ngày cuối cùng"), not one
that gives a span of hours ("trong 24 giờ", "12 giờ kể từ …"). Pure."""

from __future__ import annotations

import re
from collections.abc import Sequence

from knowledge.kb.normalize import fold
from knowledge.kb.vocabulary import Phrase, contains

_ASKED: tuple[Phrase, ...] = (
    ("may", "gio", "cua", "ngay"),
    ("gio", "nao", "cua", "ngay"),
    ("luc", "nao", "trong", "ngay"),
    ("thoi", "diem", "cuoi", "cung"),
)
_SAID = re.compile(r"\bluc \d{1,2} gio\b|\b\d{1,2} gio(?: 00 phut)? cua ngay\b|\bluc \d{1,2}[:h]\d{2}\b")


def moment_asked(tokens: Sequence[str]) -> bool:
    """Whether the question asks the moment of a day something ends or happens."""
    return contains(tokens, _ASKED)


def says_moment(answer: str) -> bool:
    """Whether ``answer`` says a moment of a day ("lúc 24 giờ", "24 giờ của ngày cuối cùng")."""
    return _SAID.search(fold(answer)) is not None
