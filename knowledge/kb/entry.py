"""The knowledge-base entry: one question-and-answer unit with its legal source.

This dataclass is the contract between the data files (``knowledge/data/*.yaml``),
the loader and validator (``knowledge/kb.py``) and the search (``knowledge/search.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

Category = Literal["thoi_han", "chi_tieu", "phuong_cham", "to_chuc", "quy_trinh"]
Verified = Literal["yes", "secondary", "no"]

CATEGORIES: tuple[str, ...] = ("thoi_han", "chi_tieu", "phuong_cham", "to_chuc", "quy_trinh")
VERIFIED_VALUES: tuple[str, ...] = ("yes", "secondary", "no")

CATEGORY_LABELS: dict[str, str] = {
    "thoi_han": "Thời hạn tố tụng",
    "chi_tieu": "Chỉ tiêu công tác",
    "phuong_cham": "Phương châm, chủ đề thi đua",
    "to_chuc": "Tổ chức ngành",
    "quy_trinh": "Quy trình, quy chế",
}


@dataclass(frozen=True, slots=True)
class Entry:
    id: str
    category: str
    title: str
    questions: tuple[str, ...]
    answer: str
    source: str
    verified: str
    reviewed: date
    effective_from: date | None = None
    effective_to: date | None = None
    year: int | None = None
    unit: str | None = None
    related: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    founded: date | None = None  # a founding day: the answer says this year's anniversary, counted when shown
    file: str = field(default="", compare=False)

    @property
    def is_verified(self) -> bool:
        return self.verified == "yes"
