"""Which detention (tạm giam) a question is about, from the stage it names. Detention in a stage
that caps it (Đ174 k4, Đ241, Đ278 k2, Đ347 k2) is its own kind, counted against the stage; the
plain order's count would be a wrong number there. After a judgment (Đ329 k3, Đ347 k3: 45 days
from the pronouncement) and under the summary procedure (Đ459 k3: 20 / 5 / 17 / 22 days) the
limits are their own too, so those are tested first. Pure; the text is folded (no diacritics)."""

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


def asks_the_most(folded: str) -> bool:
    """ "tối đa đến ngày nào", "nếu gia hạn hết các lần": the most the law allows, not one order."""
    return has_phrase(
        folded,
        "toi da",
        r"gia han (?:het|du|tat ca|ca|het ca) (?:cac |may |tat ca cac )?lan",
        "het (?:cac|may) lan gia han",
        r"gia han (?:het muc|toi da|het|du)",
    )


_EXTENSION = re.compile(r"(?<![a-z])(?:gia han|gh)(?![a-z])")


def order_part(folded: str) -> str:
    """The text of the order itself: up to an extension asked after it ("tạm giam từ 01/03, gia hạn
    thêm 1 tháng": 1 month is the extension's, not the order's length)."""
    named = re.search(r"(?<![a-z])tam giam(?![a-z])", folded)
    asked = _EXTENSION.search(folded, named.end()) if named else None
    return folded[: asked.start()] if asked else folded


def returned_by(folded: str) -> str | None:
    """``"vks"`` or ``"toa"`` from what staff type («VKS trả», «viện», «tòa án»); None: unclear."""
    court = has_phrase(folded, "toa", "toa an", "tand")
    procuracy = has_phrase(folded, "vks", "vien kiem sat", "vien", "vksnd")
    return None if court == procuracy else "toa" if court else "vks"


# Detention ordered at or after the hearing that pronounces a prison sentence (Đ329 k1, k2; Đ347 k3).
_AFTER_JUDGMENT = (
    "sau khi tuyen an",
    "sau tuyen an",
    r"(?:ke )?tu (?:ngay|khi|luc) tuyen an",  # "tạm giam bị cáo 45 ngày kể từ ngày tuyên án"
    "sau phien toa",
    "sau khi ket thuc (?:phien toa|xet xu)",
    "sau khi xu(?! ly)",
    "sau khi xet xu",
    "sau xet xu",
    "(?<!co quan )thi hanh an",
    "dieu 329",
    r"tam giam(?: [a-z]+){0,4} (?:ngay )?tai phien toa",
)
# Detention "until the hearing ends" (Đ347 k2, Đ278 k2) or after a postponed hearing is not the
# 45 days of a judgment.
_NO_JUDGMENT = ("den khi ket thuc phien toa", "hoan thanh viec xet xu", "tiep tuc xet xu", "de xet xu", "hoan")


def after_judgment(folded: str) -> str | None:
    """The 45-day detention after a first-instance (Đ329 k3) or appeal (Đ347 k3) judgment; "" for a
    death sentence (Đ329 k4: the judgment decides, no 45 days); None: not after a judgment."""
    if not has_phrase(folded, *_AFTER_JUDGMENT) or has_phrase(folded, *_NO_JUDGMENT):
        return None
    if has_phrase(folded, "tu hinh"):
        return ""
    appeal = has_phrase(folded, "phuc tham") and not has_phrase(folded, "so tham")
    return "tam_giam_sau_phuc_tham" if appeal else "tam_giam_sau_tuyen_an"


_SUMMARY_ENDED = ("huy bo", "huy quyet dinh", "dieu tra bo sung", "tra ho so", "tam dinh chi", "phuc hoi")


def in_summary_procedure(folded: str) -> bool:
    """Whether the text is about a case under the summary procedure (thủ tục rút gọn) still in force.
    Once the decision applying it is cancelled — as it must be when the case is suspended or the
    file returned for supplementary investigation — the general limits run (Đ458)."""
    return has_phrase(folded, "rut gon") and not has_phrase(folded, *_SUMMARY_ENDED)


def _summary_detention(folded: str) -> str:
    """Đ459 k3 by stage; "" when the stage is not said (20, 5, 17 or 22 days: never guessed). Detention
    straight after tạm giữ is detention to investigate (TTLT 04/2018 Đ17 k1)."""
    if has_phrase(folded, "phuc tham"):
        return "tam_giam_rut_gon_phuc_tham"
    if has_phrase(folded, "truy to"):
        return "tam_giam_rut_gon_truy_to"
    if has_phrase(folded, "so tham", "xet xu"):
        return "tam_giam_rut_gon_so_tham"
    return "tam_giam_rut_gon_dieu_tra" if has_phrase(folded, "dieu tra", "tam giu") else ""


def detention_kind(folded: str) -> str:
    """The kind for a text that says "tạm giam"; "" when it names a capping stage but not which
    one (the supplementary investigation returned by whom, the summary procedure's stage, a
    death sentence): left to the Q&A, never guessed."""
    after = after_judgment(folded)
    if after is not None:
        return after
    if in_summary_procedure(folded):
        return _summary_detention(folded)
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
