"""Which detention (tạm giam) a question is about, from the stage it names. Detention in a stage
that caps it (Đ174 k4, Đ241, Đ278 k2, Đ347 k2) is its own kind, counted against the stage; the
plain order's count would be a wrong number there. Pure; the text is folded (no diacritics)."""

from __future__ import annotations

import re

# Detention during a supplementary investigation, the text not saying who returned the file: the
# two caps differ (Đ174 k2: 2 months when the VKS returns it, 1 month when the court does), so
# the question is asked, never guessed. The answers, typed or pressed, and the kind each means.
UNSAID_RETURN = "tam_giam_dieu_tra_bo_sung"
RETURNED_BY = {"vks": "tam_giam_dieu_tra_bo_sung_vks", "toa": "tam_giam_dieu_tra_bo_sung_toa_an"}


def has_phrase(text: str, *phrases: str) -> bool:
    """Whether folded ``text`` holds one of ``phrases`` as whole words (also the parser's test)."""
    return any(re.search(rf"(?<![a-z]){p}(?![a-z])", text) for p in phrases)


def returned_by(folded: str) -> str | None:
    """``"vks"`` or ``"toa"`` from what staff type («VKS trả», «viện», «tòa án»); None: unclear."""
    court = has_phrase(folded, "toa", "toa an", "tand")
    procuracy = has_phrase(folded, "vks", "vien kiem sat", "vien", "vksnd")
    return None if court == procuracy else "toa" if court else "vks"


def detention_kind(folded: str) -> str:
    """The kind for a text that says "tạm giam"; "" when it names a capping stage but not which
    one (the supplementary investigation returned by whom): left to the Q&A, never guessed."""
    if has_phrase(folded, "sau khi tuyen an", "sau tuyen an", "dam bao thi hanh an", "dieu 329"):
        return "tam_giam_sau_tuyen_an"
    if has_phrase(folded, "phuc hoi dieu tra"):
        return "tam_giam_phuc_hoi_dieu_tra"
    if has_phrase(folded, "dieu tra bo sung"):
        if has_phrase(folded, "toa an", "toa"):
            return "tam_giam_dieu_tra_bo_sung_toa_an"
        return "tam_giam_dieu_tra_bo_sung_vks" if has_phrase(folded, "vks", "vien kiem sat") else ""
    if has_phrase(folded, "phuc tham"):
        return "tam_giam_phuc_tham"
    if has_phrase(folded, "truy to"):
        return "tam_giam_truy_to"
    if has_phrase(folded, "chuan bi xet xu", "so tham"):
        return "tam_giam_chuan_bi_xet_xu"
    if has_phrase(folded, "dieu tra"):
        return "tam_giam_dieu_tra"
    return "tam_giam"
