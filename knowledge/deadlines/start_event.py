"""Whether a question dates the event a period runs from ("Mốc tính"), so a date said for one event is never
given to a period that runs from another: the truy tố runs from the VKS's receipt of the file (BLTTHS Đ240 k1),
the trial preparation from the court's thụ lý (Đ277 k1), the investigation from the khởi tố of the case (Đ172
k1), an appeal or protest against a judgment from its pronouncement (Đ333 k1, Đ337 k1), an appeal against a
decision from its receipt (Đ333 k2), a protest against it from its issue (Đ337 k2), a tạm giam from its own
start or the tạm giữ's end (TTLT 04/2018 Đ17). A kind not listed is never matched (the caller then shows the
rule, not a date). Also which periods, stages or measures a text names, to tell a follow-up that asks about
another one. Pure; the text is folded (``dateparse.fold_text``)."""

from __future__ import annotations

import re

_W = r"(?<![a-z]){}(?![a-z])"
_FILE = _W.format(r"(?:(?:nhan|tiep nhan)(?: duoc| dc)?(?: lai)? (?:ho so|hs)|vks(?: da| vua| moi)? nhan)")
_ACCEPTED = _W.format(r"thu ly")
_OPENED = _W.format(r"(?:khoi to|kt)(?: vu(?: an)?)")
_FILE_NAMED = _W.format(r"(?:nhan|tiep nhan)(?: duoc| dc)?(?: lai)? (?:ho so|hs)")  # never "vks nhận tin báo"
_PRONOUNCED = _W.format(r"(?:tuyen an|xu xong|xet xu xong|xu so tham|xet xu so tham|phien toa)")
_REPORT_NAMED = _W.format(r"(?:nhan|tiep nhan)(?: duoc| dc)? (?:tin bao|to giac|nguon tin)")  # "nhận tb của tòa"
_PRONOUNCED_NAMED = _W.format(r"(?:tuyen an|xu xong|xet xu xong)")
_DECISION_GOT = _W.format(r"nhan(?: duoc| dc)?(?: ban sao)? (?:quyet dinh|qd)")
_DECISION_ISSUED = _W.format(r"(?:ra (?:quyet dinh|qd)|(?:quyet dinh|qd)(?: duoc)? ban hanh)")
_DETAINED = _W.format(r"(?:tam giam|tgiam|bat|tam giu|tgiu)")
_REPORT = _W.format(r"(?:nhan|tiep nhan)(?: duoc| dc)? (?:tin bao|tb|to giac|nguon tin|kien nghi)")

# kind (or its prefix, ending in "_") -> the words that date its starting event
_EVENTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("tam_giam_truy_to", re.compile(f"{_FILE}|{_DETAINED}")),
    ("tam_giam_chuan_bi_xet_xu", re.compile(f"{_ACCEPTED}|{_DETAINED}")),
    ("tam_giam", re.compile(_DETAINED)),
    ("tam_giam_", re.compile(_DETAINED)),
    ("truy_to", re.compile(_FILE)),
    ("chuan_bi_xet_xu", re.compile(_ACCEPTED)),
    ("xet_xu_rut_gon", re.compile(_ACCEPTED)),
    ("dieu_tra", re.compile(f"{_OPENED}|{_FILE_NAMED}")),  # done again: from the file's return (Đ174)
    ("dieu_tra_rut_gon", re.compile(_OPENED)),
    ("khang_cao_ban_an", re.compile(_PRONOUNCED)),
    ("khang_nghi_ban_an_", re.compile(_PRONOUNCED)),
    ("khang_cao_quyet_dinh", re.compile(_DECISION_GOT)),
    ("khang_nghi_quyet_dinh_", re.compile(_DECISION_ISSUED)),
    ("nguon_tin", re.compile(_REPORT)),
    # "bản án có hiệu lực ngày …" (Đ379 k1), "qđ phục hồi ký ngày …" (Đ149 k1): asked after the period's rule
    ("giam_doc_tham", re.compile(_W.format(r"(?:ban an|quyet dinh|qd)(?: [a-z]+){0,3}? (?:co )?hieu luc"))),
    ("nguon_tin_phuc_hoi", re.compile(_W.format(r"(?:(?:quyet dinh|qd) phuc hoi|phuc hoi (?:giai quyet|gq))"))),
)

# The periods, stages and measures a question names (shorthand included)
_NAMED = re.compile(
    r"(?<![a-z])(tam giam|tgiam|tam giu|tgiu|truy to|dieu tra|dtra|xet xu|cbxx|thu ly|khang cao|kc|khang nghi|kn"
    r"|tin bao|nguon tin|to giac|phuc tham|giam doc tham|tai tham|thi hanh an|khoi to|giu khan cap)(?![a-z])"
)
_SAME = {
    "tgiam": "tam giam",
    "tgiu": "tam giu",
    "dtra": "dieu tra",
    "cbxx": "xet xu",
    "kc": "khang cao",
    "kn": "khang nghi",
}


# Events that are never a period's own name ("tạm giam" is both): a date beside them is that event's
_OTHERS = tuple(
    re.compile(w)
    for w in (_FILE_NAMED, _ACCEPTED, _OPENED, _PRONOUNCED_NAMED, _DECISION_GOT, _DECISION_ISSUED, _REPORT_NAMED)
)


def _own(kind: str) -> re.Pattern[str] | None:
    for key, words in _EVENTS:
        if kind == key or (key.endswith("_") and kind.startswith(key)):
            return words
    return None


def dates_start(kind: str, folded: str) -> bool:
    """Whether ``folded`` names the event ``kind``'s period runs from; False for a kind not listed."""
    own = _own(kind)
    return own is not None and own.search(folded) is not None


def dates_other(kind: str, folded: str) -> bool:
    """Whether ``folded`` names only another event than the one ``kind``'s period runs from ("vks nhận hồ sơ
    2/3 … chuẩn bị xét xử": the file's receipt, not the thụ lý); False for a kind not listed."""
    own = _own(kind)
    if own is None or own.search(folded) is not None:
        return False
    return any(words.search(folded) for words in _OTHERS)


def named_periods(folded: str) -> set[str]:
    """The periods, stages and measures ``folded`` names ("cbxx" and "chuẩn bị xét xử" are one)."""
    return {_SAME.get(m, m) for m in _NAMED.findall(folded)}
