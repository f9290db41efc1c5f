"""The investigation's later stages named in free text (Điều 174 BLTTHS 2015), read before the plain
investigation (Đ172) would take them:

* "phục hồi điều tra": the investigation goes on for 2 or 3 months from the resumption (k1);
* "điều tra bổ sung": 2 months when the VKS returned the file, 1 month when the court did, from the
  day the CQĐT receives it back (k2); who returned it not said: no card (the two differ, never guessed);
* "điều tra lại": Đ172's periods, counted from the day the CQĐT receives the file and the request (k3):
  the investigation's own kind, its date named for what it is (``REDO_TRIGGER``).

A question about sending a decision ("… thì gửi VKS trong bao lâu") is no calculation (``asks_sending``).
Pure; the text is folded (no diacritics), shorthand spelled out.
"""

from __future__ import annotations

from knowledge.deadlines.detention_kinds import has_phrase as _has

UNSAID = ""  # a supplementary investigation, not said who returned the file
REDO_TRIGGER = "Ngày CQĐT nhận hồ sơ và yêu cầu điều tra lại (Điều 174 khoản 3)"
_LATER_STAGE = (
    "truy to",
    "chuan bi xet xu",
    r"sau(?: khi)? (?:co ket qua )?dieu tra bo sung",
    "tam giam",
    "tam giu",
    "khang nghi",
    "khang cao",
)
_SENDING = (
    r"gui(?: [a-z]+){0,4}? (?:trong |mat |la )?(?:bao lau|may ngay|bao nhieu ngay|thoi han bao nhieu)",
    r"(?:bao lau|may ngay|bao nhieu ngay) (?:phai |thi )?gui",
    r"(?:han|thoi han|cham nhat|trong bao lau|phai) gui (?:cho |den |sang )?(?:vks|vien kiem sat|vien)",
)


def reinvestigation_kind(t: str) -> str | None:
    """The Đ174 kind a text names, ``UNSAID`` (the return not said by whom), or None (not one of these)."""
    if _has(t, *_LATER_STAGE):  # the stage after it, or a detention: read by its own words
        return None
    if _has(t, "dieu tra bo sung", "dtbs"):
        if _has(t, "toa an", "toa", "hoi dong xet xu", "hdxx", "tham phan"):
            return "dieu_tra_bo_sung_toa_an"
        return "dieu_tra_bo_sung_vks" if _has(t, "vks", "vien kiem sat", "vien") else UNSAID
    if _has(t, "phuc hoi dieu tra", r"phuc hoi (?:vu an )?de dieu tra"):
        return "phuc_hoi_dieu_tra"
    return None


def redone(t: str) -> bool:
    """Whether the investigation asked about is one done again (Đ174 k3: counted from the file's receipt)."""
    return _has(t, "dieu tra lai") and not _has(t, *_LATER_STAGE)


def asks_sending(t: str) -> bool:
    """ "ra quyết định tạm đình chỉ điều tra ngày … thì gửi VKS trong bao lâu": the time to send a
    decision (a procedural rule the knowledge base answers), not a period to count."""
    return _has(t, *_SENDING)
