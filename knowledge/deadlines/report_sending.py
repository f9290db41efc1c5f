"""Decisions on a crime report (tố giác, tin báo, kiến nghị khởi tố) whose sending is a limit of its own, read
before the report's periods take the question (pure; the text is folded, shorthand spelled out):

* "ra qđ phục hồi giải quyết tin báo ngày 10/3 thì chậm nhất ngày nào phải gửi vks": the resumption goes to the
  VKS and the reporter within 3 days of being issued (BLTTHS 2015 Đ149 k2), not the 1 month to finish;
* "vks ra qđ hủy qđ tạm đình chỉ giải quyết tin báo lúc 14h 5/3 thì hạn gửi cho cqđt": the VKS sends its
  annulment to the CQĐT and the reporter within 24 hours of issuing it (Đ148 k2), not the 1 month that runs
  from the CQĐT's receipt.

The CQĐT's own suspension sent to the VKS (24 hours, Đ148 k2) is in ``hour_steps``. A suspension dated without
the report's receipt ("tin báo tạm đình chỉ từ 5/3 thì khi nào hết hạn", "vks nhận qđ tạm đình chỉ … ngày 5/3")
starts none of the report's periods (``suspension_only``): the suspension lasts until its reason ends (Đ149).
"""

from __future__ import annotations

from knowledge.deadlines.detention_kinds import has_phrase as _has

_REPORT = ("nguon tin", "to giac", "tin bao", "kien nghi khoi to", r"(?:tam dinh chi|phuc hoi)(?: viec)? giai quyet")
# A sending asked: "gửi", "chuyển", "giao" with a limit ("hạn", "chậm nhất", "trước", "ngày nào", "bao lâu")
_SEND = r"(?:gui|chuyen|giao)"
_ASKED = r"(?:han|thoi han|cham nhat|truoc|ngay nao|khi nao|luc nao|may gio|bao lau|may ngay|trong)"
_SENDING = (rf"{_ASKED}(?: [a-z]+){{0,3}}? {_SEND}(?![a-z])", rf"{_SEND}(?: [a-z]+){{0,4}}? {_ASKED}(?![a-z])")
_TO_PROCURACY = rf"{_SEND}(?: quyet dinh| qd)? (?:cho |den |sang |toi |len )?(?:vks|vksnd|vien kiem sat|vien)(?![a-z])"
_TO_AGENCY = rf"{_SEND}(?: quyet dinh| qd)? (?:cho |den |sang |toi |ve )?(?:cqdt|co quan|nguoi to giac|nguoi bao tin)"
# The report's receipt said: the day its 20 days run from (Đ147 k1)
_RECEIVED = (
    r"(?:tiep nhan|nhan(?: duoc| dc)?)(?: [a-z]+){0,2}? (?:to giac|tin bao|nguon tin|kien nghi)",
    r"(?:to giac|tin bao|nguon tin|kien nghi khoi to)(?: [a-z]+){0,3}? (?:tiep nhan|nhan)(?! (?:quyet dinh|qd))",
)
_ANNULLED = (r"huy(?: bo)?(?: quyet dinh| qd)? tam dinh chi", r"huy(?: bo)? (?:quyet dinh|qd)")


def report_sending_kind(t: str) -> str | None:
    """The crime report's sending step a question asks the limit of, or None (the usual reading goes on)."""
    if not _has(t, *_REPORT) or not _has(t, *_SENDING):
        return None
    if _has(t, "phuc hoi") and not _has(t, "tam dinh chi") and not _has(t, *_ANNULLED):
        return "gui_quyet_dinh_phuc_hoi_nguon_tin"  # Đ149 k2: 3 days from the resumption
    annulled = _has(t, r"huy(?: bo)?(?: quyet dinh| qd)? tam dinh chi") or (
        _has(t, "tam dinh chi") and _has(t, *_ANNULLED)
    )
    by_procuracy = annulled and _has(t, "vks", "vien kiem sat", "vien") and not _has(t, _TO_PROCURACY)
    # the CQĐT's receipt ("cqđt nhận qđ hủy 5/3") starts the month to finish, not the sending
    if by_procuracy and (_has(t, _TO_AGENCY) or not _has(t, "nhan")):
        return "gui_quyet_dinh_huy_tam_dinh_chi_nguon_tin"  # Đ148 k2: 24 hours from the annulment
    return None


def suspension_only(t: str) -> bool:
    """Whether a crime report's suspension is what the question dates, its receipt unsaid (no period to count)."""
    return _has(t, "tam dinh chi") and not _has(t, "phuc hoi", *_ANNULLED, *_RECEIVED)
