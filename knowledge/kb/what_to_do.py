"""A question that asks what to do ("… hết hạn hôm nay mà chưa thấy lệnh mới thì phải làm sao", "đến ngày xử mà
lệnh tạm giam hết hạn thì hđxx xử lý sao"): the law's rule, never a date to compute, even when a day is told."""

from __future__ import annotations

import re

from knowledge.kb.normalize import fold, has_diacritics

# what to do, asked; not "thì sao" ("gia hạn thì sao" asks the calculator again)
_WHAT_TO_DO = re.compile(r"\b(?:lam sao|lam gi|lam the nao|xu ly (?:sao|the nao|ra sao|nhu the nao)|giai quyet sao)\b")
# … or what follows when something is missing ("tgiu hết hạn 23h 4/3 mà cqđt chưa có lệnh tạm giam thì sao")
_MISSING_THEN = re.compile(r"\b(?:ma|nhung)\b.*\b(?:chua|khong|ko)\b.*\bthi sao\b")
# … and no date or hour asked of it
_DATE_ASKED = re.compile(r"\b(?:ngay nao|ngay may|hom nao|may gio|luc nao|khi nao|bao gio|den ngay|het ngay)\b")


# A moment told ("hết hạn 23h 4/3", "lúc 10h30 ngày 05/03/2026", "8h30 sáng nay"): the scene, no word of the question
_MOMENT = re.compile(
    r"(?<!\w)(?:(?:lúc|luc|vào|vao)\s+)?\d{1,2}\s*(?:h|g|giờ|gio|:)\d{0,2}(?:p|ph)?(?:\s+(?:đêm|dem|khuya|sáng|trưa|chiều|tối))?(?!\w)"
    r"|(?<!\w)(?:(?:ngày|ngay)\s+)?\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?(?!\w)",
    re.IGNORECASE,
)
# … or a day said relative to today, with its part of the day ("8h30 sáng nay", "chiều mai", "hôm qua"); typed with
# marks, a word without them is another word ("chuyển sang nay": not "sáng")
_RELATIVE = re.compile(
    r"(?<!\w)(sáng|sang|trưa|trua|chiều|chieu|tối|toi|đêm|dem|khuya|hôm|hom|ngày|ngay)\s+(?:nay|qua|mai)(?!\w)",
    re.IGNORECASE,
)


# … or when to release one whose custody or detention ended at a moment told ("tạm giữ hết hạn 12 giờ đêm thì thả lúc
# nào"): the release rule, which the hour's words ("12 giờ" of sending a decision) pull away from
_RELEASE_AFTER_END = re.compile(
    r"\bhet (?:thoi )?han\b.*\b(?:tha|tra tu do)\b.*\b(?:luc nao|khi nao|may gio|bao gio|ngay nao)\b"
)
_MIDNIGHT = re.compile(r"(?<!\w)(?:(?:lúc|luc|vào|vao)\s+)?(?:nửa đêm|nua dem)(?!\w)", re.IGNORECASE)


def release_after_end(text: str) -> bool:
    """Whether ``text`` tells an end and asks when to release ("… hết hạn lúc 0h thì tha lúc nào")."""
    return _RELEASE_AFTER_END.search(fold(text)) is not None


def without_moments(text: str) -> str:
    """``text`` without the clock times and dates it tells, for a question that asks what to do."""
    marked = has_diacritics(text)
    text = _RELATIVE.sub(lambda m: m[0] if marked and not has_diacritics(m[1]) and m[1] != "khuya" else " ", text)
    return " ".join(_MOMENT.sub(" ", _MIDNIGHT.sub(" ", text)).split())


def asks_what_to_do(text: str) -> bool:
    """Whether ``text`` asks what to do and no date or hour."""
    folded = fold(text)
    asked = _WHAT_TO_DO.search(folded) is not None or _MISSING_THEN.search(folded) is not None
    return asked and _DATE_ASKED.search(folded) is None


# What a bare "what to do" says besides ("vậy thì phải xử lý thế nào ạ", "thế giờ mình làm sao anh")
_BARE = frozenset(
    {"vay", "the", "thi", "gio", "bay", "nay", "phai", "can", "nen", "minh", "em", "anh", "chi", "a", "ah", "ak"}
    | {"nhi", "nhe", "ha", "oi", "truong", "hop", "do", "luc", "khi", "roi", "xong", "ben", "phia", "ta", "chung"}
    | {"tiep"}
)
_BARE |= frozenset({"trai", "vks", "cqdt", "ksv", "toa"})  # who acts ("vậy trại phải làm gì")
# A story that tells something missing ("… hết hạn hôm nay mà cqđt chưa có văn bản đề nghị gh")
_MISSING = re.compile(r"\b(?:ma|nhung)\b.*\b(?:chua|khong|ko)\b")


def asks_only_what_to_do(text: str) -> bool:
    """Whether ``text`` asks what to do and says nothing else ("vậy phải xử lý thế nào", "thế giờ làm sao ạ")."""
    folded = fold(text)
    if not asks_what_to_do(text):
        return False
    return all(w in _BARE for w in _WHAT_TO_DO.sub(" ", folded).split())


def what_to_do_after(question: str, earlier: str | None) -> str | None:
    """``question`` asked of the story the message before told, when it asks only what to do and that story tells
    something missing ("tgiam hết hạn hôm nay mà cqđt chưa có văn bản đề nghị gh" → "vậy phải xử lý thế nào"): the
    story (without its moments) and the question, read as one; else None."""
    if earlier is None or not asks_only_what_to_do(question) or _MISSING.search(fold(earlier)) is None:
        return None
    return f"{without_moments(earlier)} {question}"
