"""Kinds the free-text calculator did not reach, read before the general words that would take them
for another kind: "hạn xét xử phúc thẩm" is not the appeal's 15 days, "giải quyết khiếu nại về tạm giữ"
is not the tạm giữ, "VKS xét phê chuẩn lệnh tạm giam" is not the detention, "mở phiên tòa giám đốc
thẩm" is not the protest's year, "mở phiên tòa" after the decision to try is not the trial's preparation
(Đ277 k3, Đ346 k3), "ra qđ tạm giữ hay thả" is not the custody's 3 days (Đ114 k1), the court's notice of
an appeal (Đ338 k1), the sending of a protest (Đ338 k2) and the VKS's study of an appeal file (Đ341 k1) are not
the appeal's or the protest's days nor the appeal trial's preparation.
Each kind's length and basis are in the period table (status V).
``NOT_COMPUTED`` (""): the question names a case the table does not cover (the Tòa án cấp cao's
appeal limits): no card, the Q&A answers. Pure; the text is folded, shorthand spelled out.
"""

from __future__ import annotations

import re

from knowledge.deadlines.detention_kinds import has_phrase as _has
from knowledge.deadlines.detention_kinds import in_summary_procedure

NOT_COMPUTED = ""
# Asks about the approval's own time, not a detention that was approved.
_APPROVAL_TIME = (
    r"(?:han|xet|phai|thoi han|ke tu ngay nhan)(?: (?:xet|ra quyet dinh))? phe chuan",
    r"phe chuan(?: hay khong| hoac khong phe chuan)? (?:trong|den|truoc|cham nhat|han|toi|mat)",
    r"nhan(?: duoc)? (?:ho so|hs|lenh|van ban)(?: [a-z]+){0,2}? (?:de nghi |xet )?phe chuan",  # from the receipt
)
# The decision to bring the case to trial: the hearing must open within 15 days of it (Đ277 k3, Đ346 k3).
_DECIDED_TO_TRY = (
    r"(?:quyet dinh|qd|ky|ra) (?:dua )?(?:vu an )?ra xet xu",
    r"dua (?:vu an |vu |va )?ra xet xu",
)
# Whether to hold or release after an arrest ("ra qđ tạm giữ hay thả"): Đ114 k1's 12 hours, not the custody's 3 days.
_DECIDE_CUSTODY = (r"tam giu (?:hay|hoac|hay la|hoac la) (?:tha|tra tu do)", r"(?:tha|tra tu do) hay tam giu")
_OPENS = (
    "mo phien toa",
    "mo toa",
    "mo phien",
    "phien toa",
    r"phai (?:xet )?xu",
    r"(?:xet )?xu (?:trong|cham nhat|truoc|han)",
)
# Sending or delivering the decision (Đ286, Đ346 k4, Đ462 k3) is another limit than the hearing's.
_SENT = ("gui", "giao", "tong dat", "chuyen (?:qd|quyet dinh)")
# Đ338 k1: the first-instance court tells the VKS and the parties of an appeal within 7 days of the appeal period's
# end; computed only from that end ("hết hạn kc 10/3"), never from the judgment's day.
_NOTICE_OF_APPEAL = (r"thong bao(?: [a-z]+){0,3}? khang cao",)
_APPEAL_ENDED = (r"het (?:han |thoi han )?(?:khang cao|kc)", r"(?:han|thoi han) (?:khang cao|kc) (?:het|ket thuc)")
# Đ338 k2: the VKS sends its protest within 2 days of issuing it; not from the judgment's day.
_PROTEST_SENT = (r"(?:gui|giao|chuyen)(?: [a-z]+){0,2}? (?:quyet dinh|qd) khang nghi",)
_JUDGED_ON = (r"tuyen an", r"xet xu (?:ngay|hom|so tham ngay)", r"(?:ban an|quyet dinh) (?:so tham )?(?:tuyen|ra) ngay")
# Đ341 k1: the VKS studies the appeal file within 15 days of receiving it (25 for a very complex case).
_STUDIES_FILE = (r"nghien cuu (?:ho so|hs)",)
_ORDER_LENGTH = re.compile(r"(?<![\d/])\d{1,2}\s*(?:thang|ngay)(?![a-z])")


def stage_kind(t: str) -> str | None:
    """The kind, ``NOT_COMPUTED``, or None (not one of these: the usual reading goes on)."""
    custody = _has(t, "tam giu", "tam giam", "giu nguoi", "bat nguoi", "bat khan cap", "giu khan cap", "bi bat")
    if _has(t, "khieu nai") and _has(t, "giai quyet") and custody:
        return "giai_quyet_khieu_nai_giam_giu"  # Đ474 k1: at once, at most 3 days
    if _has(t, *_NOTICE_OF_APPEAL) and _has(t, "toa", "toa an", "tham phan"):
        return "thong_bao_khang_cao" if _has(t, *_APPEAL_ENDED) else NOT_COMPUTED  # from the period's end only
    if _has(t, *_PROTEST_SENT):
        return NOT_COMPUTED if _has(t, *_JUDGED_ON) else "gui_quyet_dinh_khang_nghi"
    if (_has(t, *_STUDIES_FILE) or (_has(t, "nghien cuu") and _has(t, "ho so", "hs"))) and _has(t, "phuc tham"):
        # Đ341 k1 gives the provincial VKS 15 days; the cấp cao's appeal work (now the VKSNDTC's, FACTS §14) and
        # a regional VKS (not an appeal court's level) are not that: the Q&A answers
        other_level = _has(t, "cap cao", "toi cao", "vksndtc", "vkstc", "tandtc", "khu vuc", "vks kv")
        return NOT_COMPUTED if other_level else "vks_nghien_cuu_ho_so_phuc_tham"
    if _has(t, *_APPROVAL_TIME) and not _ORDER_LENGTH.search(t):
        if _has(t, "tam giam"):
            return "phe_chuan_lenh_tam_giam"  # Đ119 k5: 3 days
        if _has(t, "khoi to bi can"):
            return "phe_chuan_khoi_to_bi_can"  # Đ179 k3: 3 days
    if _has(t, *_DECIDE_CUSTODY) and not _has(t, "khan cap"):
        return "quyet_dinh_tam_giu_sau_bat"  # Đ114 k1: 12 hours after the arrest or the receipt
    if _has(t, "giam doc tham", "gdt", "tai tham") and _has(t, "mo phien toa"):
        return "mo_phien_toa_giam_doc_tham"  # Đ385, Đ403: 4 months from receiving the protest and file
    if _has(t, "giao cao trang", "giao ban cao trang"):
        return "giao_cao_trang"  # Đ240 k2
    if _has(t, "dinh chi dieu tra") and _has(t, "vks", "vien kiem sat", "vien") and _has(t, "nhan", "xem xet"):
        return "vks_xem_xet_dinh_chi_dieu_tra"  # Đ230 k3
    # The court's steps, not a detention's; the summary procedure's hearing is the summary kinds' (Đ462, Đ464:
    # counted from the decision with the acceptance, ``decided_on``).
    trial = _has(t, *_DECIDED_TO_TRY) and not _has(t, "tam giam") and not in_summary_procedure(t)
    if trial and _has(t, "nhan lai (?:ho so|hs)") and not _has(t, "phuc tham"):
        return "dua_ra_xet_xu_sau_dieu_tra_bo_sung"  # Đ277 k2: 15 days from the file's return
    if trial and _has(t, "thu ly") and not _has(t, *_OPENS, "phuc tham"):
        return "chuan_bi_xet_xu"  # Đ277 k1
    if trial and _has(t, *_OPENS) and not _has(t, r"truoc (?:khi |ngay )?mo", *_SENT):
        return "mo_phien_toa_phuc_tham" if _has(t, "phuc tham") else "mo_phien_toa_so_tham"  # Đ277 k3, Đ346 k3
    appeal_trial = _has(t, "phuc tham") and _has(
        t, "chuan bi xet xu", "xet xu", "mo phien toa", "thu ly", "nhan ho so", "nhan hs", "dua vu an ra xet xu"
    )
    if appeal_trial and not _has(t, "khang cao", "khang nghi", "kn", "tam giam", "rut gon"):
        return NOT_COMPUTED if _has(t, "cap cao") else "chuan_bi_xet_xu_phuc_tham"  # Đ346 k1
    return None
