"""Which of several dates in a question is the period's trigger, when the first one is not.

* An appeal by someone absent from the hearing runs from the day they receive the judgment or it is
  posted (Đ333 k1), not from its pronouncement: "tuyên án ngày 27/02, bị cáo vắng mặt, nhận bản án
  ngày 05/03, kháng cáo đến ngày nào" counts from 05/03. Only for the appeal asked alone: a protest
  asked beside it still runs from the pronouncement (Đ337).
* An appeal against a decision runs from the day it is received (Đ333 k2); a protest against it
  from the day the court issues it (Đ337 k2, FACTS §15).
* A crime report's further handling runs from the annulment of its suspension (Đ148 k2) or from its
  resumption (Đ149 k1), not from when the report was received.
* The investigation runs from the decision to prosecute the case (Đ172 k1), not the accused:
  "khởi tố bị can ngày 10/02, khởi tố vụ án ngày 01/02" counts from 01/02.

Pure; the text is folded (``dateparse.fold_text``) and the dates' spans come from the parser.
"""

from __future__ import annotations

import re

from knowledge.deadlines.receipt_trigger import appellant_absent
from knowledge.deadlines.reinvestigation import REDO_TRIGGER, redone
from knowledge.deadlines.which_date import CUSTODY, DETAINED, DETAINED_AFTER, ask_which

_NEAR = r"(?:\s+[a-z]+){0,3}?\s*(?:ngay\s*)?$"  # the trigger's words, then at most three words, then the date
_RECEIVED = re.compile(rf"(?<![a-z])(?:nhan(?: duoc| dc)?(?: ban sao)? (?:ban an|quyet dinh)|niem yet){_NEAR}")
_RECEIVED_AFTER = re.compile(
    r"^[\s,]*(?:[a-z]+\s+){0,2}?nhan(?: duoc| dc)?(?: ban sao)? (?:ban an|quyet dinh)(?![a-z])"
)
_CASE = re.compile(rf"(?<![a-z])(?:khoi to|kt) vu an{_NEAR}")
_ISSUED = re.compile(rf"(?<![a-z])(?:toa(?: an)? ra|ra quyet dinh|quyet dinh (?:duoc )?ban hanh){_NEAR}")
_FAR = r"(?:\s+[a-z]+){0,6}?\s*(?:ngay\s*)?$"  # "hủy tạm đình chỉ giải quyết tin báo ngày …"
_ANNULLED = re.compile(
    rf"(?<![a-z])(?:huy(?: bo)?(?: quyet dinh| qd)? tam dinh chi|nhan(?: duoc| dc)? (?:quyet dinh|qd) huy(?: bo)?"
    rf"|huy(?: bo)? (?:quyet dinh|qd)(?: (?:do|nay|tren|ay|tam dinh chi))?){_FAR}"  # the suspension said before
)
# A date said before the words, in the same clause (no comma): "ngày 10/03 VKS hủy quyết định tạm đình chỉ".
_ANNULLED_AFTER = re.compile(
    r"^\s*(?:[a-z]+\s+){0,3}?huy(?: bo)?(?:(?: quyet dinh)? tam dinh chi| (?:quyet dinh|qd))(?![a-z])"
    r"|^\s*(?:[a-z]+\s+){0,2}?nhan(?: duoc| dc)? (?:quyet dinh|qd) huy(?![a-z])"  # "hôm nay CQĐT nhận qđ hủy"
)
# The CQĐT's receipt of the annulment, the day the month runs from (Đ148 k2): "…, CQĐT nhận ngày 10/03"
_ANNULMENT_GOT = rf"(?<![a-z])(?:cqdt|co quan dieu tra|co quan)(?: da)? nhan(?: duoc| dc)?(?: quyet dinh| qd)?{_NEAR}"
_ANNULLED_OR_GOT = re.compile(rf"(?:{_ANNULLED.pattern})|(?:{_ANNULMENT_GOT})")
_RESUMED = re.compile(rf"(?<![a-z])phuc hoi(?: giai quyet)?{_FAR}")
_RESUMED_AFTER = re.compile(r"^\s*(?:[a-z]+\s+){0,3}?(?:ra quyet dinh )?phuc hoi(?![a-z])")
_FILE = re.compile(rf"(?<![a-z])(?:nhan(?: duoc)?|tiep nhan) (?:ho so|hs)(?: vu an)?{_NEAR}")  # Đ240 k1
_ACCEPTED = re.compile(rf"(?<![a-z])thu ly(?: vu an)?{_NEAR}")  # Đ277 k1: from the court's acceptance
_GOT = re.compile(rf"(?<![a-z])nhan(?: duoc)?(?: quyet dinh)?{_NEAR}")
_GOT_AFTER = re.compile(r"^[\s,]*(?:[a-z]+\s+){0,2}?nhan(?: duoc)?(?![a-z])")


def trigger_index(folded: str, kind: str, related: tuple[str, ...], dates: list[tuple[int, int]]) -> int | None:
    """The index in ``dates`` (spans, in order) of the trigger date when it is not the first; None otherwise."""
    if len(dates) < 2:
        return None
    absent = kind.startswith("khang_cao") and not related and appellant_absent(folded)
    if kind == "khang_cao_quyet_dinh" and not related:  # Đ333 k2: from the day it is received
        before, after = _GOT, _GOT_AFTER
    elif kind.startswith("khang_nghi_quyet_dinh"):  # Đ337 k2: from the day the court issues it
        before, after = _ISSUED, None
    elif absent:
        before, after = _RECEIVED, _RECEIVED_AFTER
    elif kind == "nguon_tin_sau_huy_tam_dinh_chi":  # Đ148 k2: from the annulment's receipt
        before, after = _ANNULLED_OR_GOT, _ANNULLED_AFTER
    elif kind == "nguon_tin_phuc_hoi":  # Đ149 k1: from the resumption
        before, after = _RESUMED, _RESUMED_AFTER
    elif kind == "dieu_tra":
        before, after = _CASE, None
    elif kind == "truy_to":  # Đ240 k1: from the VKS's receipt of the file, not the conclusion's date
        before, after = _FILE, None
    elif kind == "chuan_bi_xet_xu":  # Đ277 k1: from the acceptance (thụ lý), not the file's arrival
        before, after = _ACCEPTED, None
    elif kind.startswith("tam_giam") and not CUSTODY.search(folded):  # "bị bắt 01/03, tạm giam … từ 04/03"
        before, after = DETAINED, DETAINED_AFTER  # (a tạm giữ's dates: ``custody_chain`` reads them)
    else:
        return None
    for i, (a, b) in enumerate(dates):
        if i > 0 and (before.search(folded[:a]) or (after is not None and after.search(folded[b:]))):
            return i
    return None


# Kinds whose trigger is never the first date by default: the day must be said next to its words.
_NAMED = {
    "nguon_tin_sau_huy_tam_dinh_chi": (
        _ANNULLED_OR_GOT,
        _ANNULLED_AFTER,
        "Thời hạn giải quyết tiếp (1 tháng, Điều 148 khoản 2) tính từ ngày CQĐT nhận quyết định hủy bỏ quyết định "
        "tạm đình chỉ. Anh/chị cho biết ngày đó, ví dụ «VKS hủy quyết định tạm đình chỉ, CQĐT nhận ngày 10/03/2026, "
        "hạn giải quyết tiếp nguồn tin».",
    ),
    "nguon_tin_phuc_hoi": (
        _RESUMED,
        _RESUMED_AFTER,
        "Thời hạn giải quyết tiếp (1 tháng, Điều 149 khoản 1) tính từ ngày ra quyết định phục hồi giải quyết. "
        "Anh/chị cho biết ngày đó, ví dụ «ngày 10/03/2026 phục hồi giải quyết tin báo, hạn bao lâu».",
    ),
}


ABSENT_TRIGGER = "Ngày nhận được bản án hoặc ngày bản án được niêm yết (người vắng mặt tại phiên tòa, Điều 333 khoản 1)"
_ABSENT_ASK = (
    "Người vắng mặt tại phiên tòa kháng cáo trong 15 ngày kể từ ngày nhận được bản án hoặc ngày bản án được niêm "
    "yết (Điều 333 khoản 1 BLTTHS 2015), không tính từ ngày tuyên án. Anh/chị cho biết ngày đó, ví dụ «bị cáo vắng "
    "mặt, nhận bản án ngày 05/03/2026, hạn kháng cáo đến ngày nào»."
)


_BOTH_ASK = (
    "Người vắng mặt tại phiên tòa kháng cáo trong 15 ngày kể từ ngày nhận được bản án hoặc ngày bản án được niêm "
    "yết (Điều 333 khoản 1); Viện kiểm sát kháng nghị tính từ ngày tuyên án (Điều 337 khoản 1 BLTTHS 2015). Anh/chị "
    "cho biết cả hai ngày, ví dụ «bị cáo vắng mặt, tuyên án ngày 27/02/2026, nhận bản án ngày 05/03/2026, hạn kháng "
    "cáo, kháng nghị đến ngày nào»."
)


EXTENSION_TRIGGER = "Ngày bắt đầu gia hạn tạm giam (ngày sau ngày cuối của thời hạn tạm giam trước)"
# "gia hạn (tạm giam) (thêm 1 tháng) từ|kể từ|bắt đầu|ngày <date>": the date is the extension's own start.
EXTENSION_FROM = re.compile(
    r"(?<![a-z])(?:gia han|gh)(?![a-z])(?:[\s,]+[a-z0-9]+){0,5}?[\s,]+(?:tu|ke tu|bat dau|ngay)"
    r"(?:\s+(?:luc\s+)?\d{1,2}\s*(?:h|gio|g)\s*(?:\d{1,2}(?:\s*phut)?)?)?(?:\s+ngay)?\s*$"  # "từ 9h (ngày) <date>"
)


def trigger_label(folded: str, kind: str, related: tuple[str, ...], at: int) -> str | None:
    """What the card's date is when not the kind's usual trigger (the date is at ``at``); None: the usual."""
    if absent_appeal(folded, kind, related):
        return ABSENT_TRIGGER
    if kind == "dieu_tra" and redone(folded):  # Đ174 k3: from the CQĐT's receipt of the file
        return REDO_TRIGGER
    extended = EXTENSION_FROM.search(folded[:at]) if kind == "tam_giam" else None
    if extended is None:
        return None
    measures = _MEASURES.findall(folded[: extended.end()])  # "tạm giữ có gia hạn 1 lần, từ 7h …": the tạm giữ's
    return None if measures and measures[-1] == "giu" else EXTENSION_TRIGGER


_MEASURES = re.compile(r"(?<![a-z])tam (giu|giam)(?![a-z])")


def absent_appeal(folded: str, kind: str, related: tuple[str, ...]) -> bool:
    """An appeal against a judgment by someone absent from the hearing (Đ333 k1), asked alone."""
    return kind == "khang_cao_ban_an" and not related and appellant_absent(folded)


def _received(folded: str, dates: list[tuple[int, int]]) -> int | None:
    """The receipt's date: one the words come before ("nhận bản án ngày 05/03"), else one they follow."""
    before = [i for i, (a, _) in enumerate(dates) if _RECEIVED.search(folded[:a])]
    after = [i for i, (_, b) in enumerate(dates) if _RECEIVED_AFTER.search(folded[b:])]
    found = before or after
    return found[0] if found else None


def pronounced_index(folded: str, kind: str, related: tuple[str, ...], dates: list[tuple[int, int]]) -> int | None:
    """An absent party's appeal asked with the protests: the index of the date the protests run from
    (the one that is not the receipt); None when that is not the question, or it lacks a date."""
    if not related or not absent_appeal(folded, kind, ()):
        return None
    received = _received(folded, dates)
    return next((i for i in range(len(dates)) if i != received), None) if received is not None else None


def unsaid_trigger(
    folded: str, kind: str, dates: list[tuple[int, int]], related: tuple[str, ...] = (), split: bool = False
) -> str | None:
    """What to ask when no date of the question is the kind's own trigger; None when one is (or any date is)."""
    if absent_appeal(folded, kind, related):  # only the pronouncement's date: not the absent party's trigger
        return None if _received(folded, dates) is not None else _ABSENT_ASK
    if (
        not split
        and absent_appeal(folded, kind, ())
        and related
        and pronounced_index(folded, kind, related, dates) is None
    ):
        return _BOTH_ASK  # the appeal and the protests run from two days: both are needed
    named = _NAMED.get(kind)
    if named is None:
        return ask_which(folded, kind, dates)
    before, after, ask = named
    said = any(before.search(folded[:a]) or after.search(folded[b:]) for a, b in dates)
    return None if said else ask
