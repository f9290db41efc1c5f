"""The stage a plain tạm giam order (one that names none) is in, when the question says it another way.

Only detention for investigation is extended (Đ173); so an extension of a plain order is computed only
once its stage is known, and asked otherwise (``handlers.qa_calc_stage``). Two stories say it without the
word "điều tra":

* a tạm giam that follows a tạm giữ ("tạm giữ 3 ngày từ 22h 25/2, rồi tạm giam 4 tháng nối tiếp"): tạm giữ
  is for a person just arrested or held (Đ117), so the detention that continues it is the investigation's
  (its days deducted, TTLT 04/2018 Đ17); the answer says what it assumed;
* a "bị can" (not yet a "bị cáo": before the trial) whose order is longer than the prosecution stage can
  ever hold him (Đ241 with Đ240 k1: 20 + 10 days for ít NT and NT, 30 + 15 for RNT, 30 + 30 for ĐBNT):
  "bị can ít NT tạm giam 2 tháng" is the investigation's;
* an order longer than any later stage can hold for the category (the prosecution and the trial's preparation
  with their extensions, a resumed investigation's term, an appeal's preparation: Đ241, Đ278, Đ174, Đ347):
  "tạm giam 4 tháng, tội RNT" is the investigation's (Đ173 k1).

Pure; the text is folded and shorthand spelled out.
"""

from __future__ import annotations

import re

from knowledge.deadlines.periods import PeriodTable

# Đ174 k4: detention while an investigation is resumed or supplemented lasts no longer than that period (legal
# review, round 10: the same words fit it, and it has no Đ173 extension of its own)
_NOT_SUPPLEMENTARY = (
    " Nếu là tạm giam khi phục hồi điều tra, điều tra bổ sung: không quá thời hạn phục hồi, điều tra bổ sung, không "
    "gia hạn theo Điều 173 (Điều 174 khoản 4)."
)
AFTER_CUSTODY = (
    "Tạm giam nối tiếp tạm giữ: tính là tạm giam để điều tra, gia hạn theo Điều 173 BLTTHS 2015 (nếu lệnh thuộc "
    "giai đoạn khác, anh/chị nói rõ giai đoạn)." + _NOT_SUPPLEMENTARY
)
LONGER_THAN_PROSECUTION = (
    "Bị can bị tạm giam {days} ngày, dài hơn thời hạn tạm giam tối đa ở giai đoạn truy tố ({most} ngày, Điều 241, "
    "Điều 240 khoản 1): đây là tạm giam để điều tra, gia hạn theo Điều 173 BLTTHS 2015." + _NOT_SUPPLEMENTARY
)
LONGER_THAN_LATER = (
    "Lệnh tạm giam {days} ngày dài hơn mọi thời hạn tạm giam ở các giai đoạn sau điều tra với loại tội này (tối đa "
    "{most} ngày): đây là tạm giam để điều tra, gia hạn theo Điều 173 BLTTHS 2015." + _NOT_SUPPLEMENTARY
)
_ACCUSED = re.compile(r"(?<![a-z])bi can(?![a-z])")
_DEFENDANT = re.compile(r"(?<![a-z])(?:bi cao|xet xu|toa|truy to|phuc hoi|dieu tra bo sung|dieu tra lai)(?![a-z])")


def _prosecution_most(table: PeriodTable, category: str) -> int | None:
    stage = table.kinds.get("truy_to")
    if stage is None:
        return None
    steps = [stage.base, *stage.extensions]
    lengths = [s.length_for(category) for s in steps]
    return sum(x.custody_days() for x in lengths if x is not None) if all(lengths) else None


def _later_most(table: PeriodTable, category: str) -> int | None:
    """The longest a tạm giam order can run in any stage after the investigation, for the category: the
    prosecution and the trial's preparation with their extensions (Đ241, Đ278), a resumed investigation's
    own term (Đ174) and the appeal's preparation (Đ347); None when one is unknown."""
    most = 0
    for name, with_extensions in _LATER_STAGES:
        kd = table.kinds.get(name)
        if kd is None:
            return None
        steps = [kd.base, *(s for s in kd.extensions if not s.open_ended)] if with_extensions else [kd.base]
        lengths = [s.length_for(category) for s in steps]
        if any(x is None for x in lengths):
            return None
        most = max(most, sum(x.custody_days() for x in lengths if x is not None))
    return most


_LATER_STAGES = (
    ("truy_to", True),
    ("chuan_bi_xet_xu", True),
    ("tam_giam_phuc_hoi_dieu_tra", False),
    ("tam_giam_phuc_tham", False),
)
_APPEAL_COURT_MOST = 90  # Đ346: the high court prepares an appeal in up to 90 days (Đ347 k2 caps the detention)


def implied_investigation(
    table: PeriodTable, plain: str, card: dict[str, object] | None, category: str | None
) -> str | None:
    """What says the plain order is the investigation's (shown before the answer), or None."""
    if card is None or _DEFENDANT.search(plain):
        return None
    if card.get("custody_start") or card.get("tam_giu_days"):
        return AFTER_CUSTODY
    months, days = card.get("months"), card.get("days")
    length = 30 * int(str(months or 0)) + int(str(days or 0))
    if not (category and length):
        return None
    later = _later_most(table, category)
    if later is not None and length > max(later, _APPEAL_COURT_MOST):  # "tạm giam RNT 4 tháng": only to investigate
        return LONGER_THAN_LATER.format(days=length, most=max(later, _APPEAL_COURT_MOST))
    most = _prosecution_most(table, category) if _ACCUSED.search(plain) else None
    if most is None or length <= most:
        return None
    return LONGER_THAN_PROSECUTION.format(days=length, most=most)


ONLY_INVESTIGATION = (
    "Lệnh tạm giam {days} ngày được hỏi gia hạn: ở giai đoạn truy tố, xét xử tạm giam không gia hạn riêng (Điều 241, "
    "Điều 278, Điều 347); khi phục hồi điều tra, điều tra bổ sung, tạm giam không quá thời hạn điều tra tiếp (Điều 174 "
    "khoản 4 BLTTHS 2015), mà với loại tội này thời hạn điều tra tiếp ban đầu không quá {most} ngày (chưa kể 1 lần gia "
    "hạn theo Điều 174 khoản 1), ngắn hơn lệnh {days} ngày. Nên đây là tạm giam để điều tra, gia hạn theo Điều 173 "
    "BLTTHS 2015."
)
RESUMED = "tam_giam_phuc_hoi_dieu_tra"


def only_investigation_extends(table: PeriodTable, card: dict[str, object] | None, category: str | None) -> str | None:
    """Why an extension of a plain order can only be Đ173's, or None: an extension rules out the stages that have
    none (Đ241, Đ278, Đ347), and an order longer than a resumed investigation allows the category rules out Đ174
    (k1, k4): "tạm giam ĐBNT 4 tháng …, gia hạn lần 1 thêm 4 tháng" is the investigation's. (An extension longer
    than Đ174's, of an order Đ174 could hold, is asked: there the stage decides between a date and a refusal.)"""
    resumed = table.kinds.get(RESUMED)
    if card is None or not category or resumed is None:
        return None
    term = resumed.base.length_for(category)
    length = 30 * int(str(card.get("months") or 0)) + int(str(card.get("days") or 0))
    if term is None or length <= term.custody_days():
        return None
    return ONLY_INVESTIGATION.format(days=length, most=term.custody_days())
