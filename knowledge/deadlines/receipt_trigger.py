"""Questions whose only date is not the day the law counts from, asked back rather than counted:

* a protest asked from the day the procuracy received the judgment or decision ("VKS nhận quyết định
  sơ thẩm ngày 10/03/2026, kháng nghị đến ngày nào"): Đ337 counts from the day the court pronounces
  the judgment (k1) or issues the decision (k2); a count from the receipt ends later than the law's;
* an absent defendant's appeal asked from the pronouncement ("bị cáo vắng mặt, tuyên án 05/03/2026,
  kháng cáo đến ngày nào"): Đ333 k1 counts it from the day they receive the judgment or it is posted.

Pure; the text is folded and the dates' spans come from the parser.
"""

from __future__ import annotations

import re

_RECEIPT = r"nhan(?: duoc| dc)?(?: ban sao)?(?: (?:ban an|quyet dinh|qd))?"
_BEFORE = re.compile(rf"(?<![a-z]){_RECEIPT}(?:\s+[a-z]+){{0,3}}?\s*(?:vao\s+)?(?:ngay\s*)?$")
_AFTER = re.compile(r"^\s*(?:[a-z]+\s+){0,2}?nhan(?: duoc| dc)?(?![a-z])")  # same clause: no comma
_SAID = re.compile(r"(?<![a-z])(?:tuyen an|xet xu|ra quyet dinh|ban hanh|ky)(?:\s+[a-z]+){0,3}?\s*(?:ngay\s*)?$")
_TRIGGERS = {
    "ban_an": ("tuyên án", "khoản 1", "«bản án tuyên ngày 05/03/2026, VKS kháng nghị đến ngày nào»"),
    "quyet_dinh": (
        "ra quyết định",
        "khoản 2",
        "«quyết định sơ thẩm ra ngày 05/03/2026, VKS kháng nghị đến ngày nào»",
    ),
}


def received_only(folded: str, kind: str, dates: list[tuple[int, int]]) -> str | None:
    """What to ask when a protest's only dates are receipts (None otherwise)."""
    target = next((t for t in _TRIGGERS if kind.startswith(f"khang_nghi_{t}")), None)
    if target is None or not dates:
        return None
    if any(_SAID.search(folded[:a]) for a, _ in dates):
        return None  # the day the law counts from is said
    if not all(_BEFORE.search(folded[:a]) or _AFTER.search(folded[b:]) for a, b in dates):
        return None
    said, clause, example = _TRIGGERS[target]
    return (
        f"Thời hạn kháng nghị phúc thẩm tính từ ngày Tòa án {said} (Điều 337 {clause} BLTTHS 2015), không tính từ "
        f"ngày Viện kiểm sát nhận. Anh/chị cho biết ngày Tòa án {said}, ví dụ {example}."
    )


_ABSENT = re.compile(r"(?<![a-z])vang mat(?![a-z])")
_OTHER_ABSENT = re.compile(
    r"(?<![a-z])(?:bi hai|nguyen don|bi don|nguoi lam chung|nhan chung)(?: [a-z]+){0,2} vang mat"
)


def appellant_absent(folded: str) -> bool:
    """Whether the question says the defendant was absent ("vắng mặt"), not the victim or a witness."""
    return _ABSENT.search(folded) is not None and _OTHER_ABSENT.search(folded) is None


_POSTED = re.compile(r"(?<![a-z])(?:niem yet|tong dat|giao ban an|nhan(?: duoc| dc)?(?: ban sao)? ban an)(?![a-z])")


def absent_from_pronouncement(
    folded: str, kind: str, related: tuple[str, ...], dates: list[tuple[int, int]]
) -> str | None:
    """What to ask when an absent defendant's appeal is asked with no receipt or posting date (None otherwise)."""
    if kind != "khang_cao_ban_an" or related or not dates or not appellant_absent(folded):
        return None
    if _POSTED.search(folded):
        return None  # someone else was absent, or the receipt / posting is said
    return (
        "Bị cáo vắng mặt tại phiên tòa: thời hạn kháng cáo 15 ngày tính từ ngày bị cáo nhận được bản án hoặc ngày "
        "bản án được niêm yết (Điều 333 khoản 1 BLTTHS 2015), không tính từ ngày tuyên án. Anh/chị cho biết ngày "
        "đó, ví dụ «bị cáo vắng mặt, nhận bản án ngày 10/03/2026, kháng cáo đến ngày nào»."
    )


def not_the_trigger(folded: str, kind: str, related: tuple[str, ...], dates: list[tuple[int, int]]) -> str | None:
    """What to ask when the question's dates are not the day the law counts from (see the module)."""
    return received_only(folded, kind, dates) or absent_from_pronouncement(folded, kind, related, dates)
