"""Which deadline kind a folded question names, and the shorthand staff type for it.

"tgiu", "t.giam", "tamgiam" are the two custody measures; "kt vụ án" is khởi tố; "dt"/"đt"/"đtra"
is điều tra, but only next to a length ("dt 3 tháng", "2 tháng dt") or a crime's category ("dt NT khởi tố 2/12", "đt
vụ RNT") or after "hạn" or "tạm giam (để)" ("hạn đt", "tgiam dt"), or asked to end after a khởi tố ("khởi tố … thì dt hết ngày nào"), so a bare "dt" is not over-read. Pure; works on text folded by ``dateparse.fold_text`` (no diacritics, đ→d).
"""

from __future__ import annotations

import re

from knowledge.deadlines.detention_kinds import UNSAID_RETURN, detention_kind, in_summary_procedure
from knowledge.deadlines.detention_kinds import has_phrase as _has
from knowledge.deadlines.hour_steps import hour_step_kind
from knowledge.deadlines.reinvestigation import asks_sending, reinvestigation_kind
from knowledge.deadlines.report_sending import report_sending_kind, suspension_only
from knowledge.deadlines.stage_kinds import stage_kind

# What staff type for the two custody measures: "tgiu", "t.giam", "t/giu", "tamgiam".
_ORDER_SHORT = re.compile(r"(?<![a-z])lenh giam(?![a-z])")  # "lệnh giam 2 tháng": the tạm giam order
_SHORTHAND = re.compile(r"(?<![a-z])(?:t[./]?\s?|tam)(giu|giam)(?![a-z])")
_INVESTIGATION = re.compile(
    r"(?<![a-z])(?:(?<=han )(?:dt|dtra)|(?<=tam giam )(?:dt|dtra)|(?<=tam giam de )(?:dt|dtra)"
    r"|(?<=\d thang )(?:dt|dtra)|(?<=\d ngay )(?:dt|dtra)"
    r"|(?:dt|dtra)(?=\s*(?:them\s+)?\d{1,3}\s*(?:thang|ngay)(?![a-z]))"
    r"|(?:dt|dtra)(?=\s+(?:vu(?: an)?\s+)?(?:it nt|nt|rnt|dbnt|it nghiem trong|nghiem trong|rat nghiem trong"
    r"|dac biet nghiem trong)(?![a-z])))(?![a-z])"
)
# "khởi tố vụ RNT 15/1 thì dt hết ngày nào": after a khởi tố, a "dt" asked to end is the investigation.
_CHARGED = re.compile(r"(?<![a-z])(?:khoi to|kt)(?![a-z])")
_INVESTIGATION_ENDS = re.compile(
    r"(?<![a-z])(?:dt|dtra)(?= (?:(?:phai|can|se|duoc|thi) )?(?:het|den|toi|xong|ket thuc)(?![a-z]))"
)
# "tạm giữ từ 15h 27/2 …, nếu không có lệnh tạm giam thì mấy giờ phải thả": the tạm giữ, no tạm giam.
_NO_DETENTION = re.compile(
    r"(?<![a-z])(?:khong|ko|k|chua|hong)(?: (?:co|duoc|ra|kip|phe chuan|ban hanh|vks|lenh|quyet dinh)){0,4} tam giam"
    r"(?![a-z])"
)
# "giữ người khẩn cấp lúc 20h, … tạm giữ 3 ngày thì hết lúc nào": the tạm giữ that followed, with its length.
_HOLD_THEN_CUSTODY = re.compile(r"khan cap(?![a-z]).*(?<![a-z])tam giu \d{1,2} ngay(?![a-z])")
_CHARGE = re.compile(r"(?<![a-z])kt(?=\s+(?:vu|bi can|vu an)(?![a-z]))")
_APPEAL = re.compile(r"(?<![a-z])kc(?![a-z])")  # "kc bản án": kháng cáo
_DECISION = re.compile(r"(?<![a-z])qd(?![a-z])")  # "kc qđ sơ thẩm": quyết định
_HANDLED = re.compile(r"(?<![a-z])gq(?![a-z])")  # "phục hồi gq tin báo": giải quyết
_SUSPENDED = re.compile(r"(?<![a-z])tdc(?![a-z])")  # "vks hủy qđ tđc": tạm đình chỉ
# "tb nhận ngày 10/3", "tiếp nhận tb 10/3": tin báo (Đ147), read only beside its receipt or its subject, so
# a "tb" that is a thông báo ("nhận tb của tòa") stays as it is.
_REPORT = re.compile(
    r"(?:(?<=tiep nhan )|(?<=giai quyet )|(?<=xac minh )|(?<![a-z]))tb"
    r"(?=\s+(?:nhan|tiep nhan|ve toi pham|ve tp|toi pham|tp|to giac)(?![a-z]))"
    r"|(?:(?<=tiep nhan )|(?<=giai quyet )|(?<=xac minh ))tb(?![a-z])"
)
# "nhận tb ngày 5/3", "nhận được tb hôm qua": received with its day; not beside a court's or a judgment's words.
_RECEIVED_REPORT = re.compile(r"(?<=nhan )tb(?=\s+(?:ngay|hom|luc|sang|chieu|toi|\d))|(?<=nhan duoc )tb(?![a-z])")
_COURT_WORDS = re.compile(r"(?<![a-z])(?:toa|khang cao|khang nghi|ban an|xet xu|thi hanh an|bi cao)(?![a-z])")


# "cbxx", "xx", "pt", "st", "hs", "rg", "tt": chuẩn bị xét xử, xét xử, phúc thẩm, sơ thẩm, hồ sơ, rút gọn, truy tố.
_STAGES = (
    (re.compile(r"(?<![a-z])cbxx(?![a-z])"), "chuan bi xet xu"),
    (re.compile(r"(?<![a-z])xx(?![a-z])"), "xet xu"),
    (re.compile(r"(?<![a-z])pt(?![a-z])"), "phuc tham"),
    (re.compile(r"(?<![a-z])st(?![a-z])"), "so tham"),
    (re.compile(r"(?<![a-z])hs(?![a-z])"), "ho so"),
    (re.compile(r"(?<![a-z])rg(?![a-z])"), "rut gon"),
    # "đề nghị pc lệnh bắt", "ra qđ pc hay ko pc": phê chuẩn (not "PC02", a police unit: digits follow it)
    (re.compile(r"(?<![a-z0-9])pc(?![a-z0-9])"), "phe chuan"),
    # "trước mấy h", "lúc mấy h": giờ asked
    (re.compile(r"(?<=may )h(?![a-z0-9])"), "gio"),
    # "gh tt 10 ngày", "hạn tt": truy tố beside an extension or a limit (elsewhere "tt" is a thông tư)
    (re.compile(r"(?:(?<=gh )|(?<=gia han )|(?<=han )|(?<=giai doan ))tt(?![a-z])"), "truy to"),
)


def spell_out(folded: str) -> str:
    """The shorthand of the custody measures, khởi tố, điều tra, kháng cáo, quyết định and the trial's
    stages written in full."""
    folded = _SUSPENDED.sub("tam dinh chi", _HANDLED.sub("giai quyet", folded))
    text = _INVESTIGATION.sub("dieu tra", _SHORTHAND.sub(r"tam \1", _ORDER_SHORT.sub("lenh tam giam", folded)))
    charged = _CHARGED.search(text)
    if charged is not None:
        text = text[: charged.end()] + _INVESTIGATION_ENDS.sub("dieu tra", text[charged.end() :])
    for rx, full in _STAGES:
        text = rx.sub(full, text)
    text = _REPORT.sub("tin bao", text)
    if _RECEIVED_REPORT.search(text) and not _COURT_WORDS.search(text):  # "nhận tb ngày 5/3": a crime report
        text = _RECEIVED_REPORT.sub("tin bao", text)
    return _DECISION.sub("quyet dinh", _APPEAL.sub("khang cao", _CHARGE.sub("khoi to", text)))


_LEVELS = ["cung_cap", "cap_tren"]
_AGENCY = re.compile(r"(?<![a-z])(?:co quan (?:canh sat )?dieu tra|dieu tra vien|canh sat dieu tra)(?![a-z])")
# The accused is under 18: the limits of Luật Tư pháp người chưa thành niên 2024 (from 01/01/2026) are
# not verified and the adults' are wrong (Đ419 k1 already gave two thirds of them): not computed
# (periods.yaml ``not_computed``). A victim under 16 or 18 named in a crime's name is not the accused.
MINOR = "nguoi_chua_thanh_nien"
_MINOR = re.compile(
    r"(?<![a-z])(?:chua thanh nien|vi thanh nien"
    r"|(?:bi can|bi cao|bi tam giu|bi tam giam|bi bat|bi buoc toi|nguoi bi [a-z ]{2,20}?)(?: la)?(?: nguoi)?"
    r" (?:duoi 18 tuoi|(?:tu )?(?:du )?1[4-7] tuoi)"
    r"|(?:tam giu|tam giam|bat|giu)(?: bi can| bi cao)? nguoi duoi 18 tuoi)(?![a-z])"
)


def detect_kind(t: str) -> tuple[str, tuple[str, ...]] | None:
    if _MINOR.search(t):
        return MINOR, ()
    hourly = hour_step_kind(t)  # "ra qđ tạm giữ lúc 7h, hạn gửi qđ cho VKS": Đ117 k4's 12 hours
    if hourly is not None:
        return hourly, ()
    sent = report_sending_kind(t)  # "ra qđ phục hồi giải quyết tin báo 10/3, chậm nhất ngày nào phải gửi vks"
    if sent is not None:
        return sent, ()
    if asks_sending(t):  # "… thì gửi VKS trong bao lâu": a rule to send a decision, not a period
        return None
    staged = stage_kind(t)  # "hạn xét xử phúc thẩm", "giải quyết khiếu nại về tạm giữ", …
    if staged is not None:
        return (staged, ()) if staged else None
    if _has(t, "tai tham"):  # Đ401: never the appeal's days nor a crime report's ("tin báo về tình tiết mới")
        return "tai_tham", ()
    if _has(t, "khan cap") and _has(t, "phe chuan"):
        return "vks_phe_chuan_bat_khan_cap", ()
    if _has(
        t, "giu nguoi khan cap", "giu khan cap", "giu nguoi trong truong hop khan cap"
    ) and not _HOLD_THEN_CUSTODY.search(t):
        return "giu_khan_cap", ()
    if _has(t, "tam giam") and not (_has(t, "tam giu") and not _has(_NO_DETENTION.sub(" ", t), "tam giam")):
        # by the stage it names (a stage may cap it); "": not said which
        kind = detention_kind(t) or (UNSAID_RETURN if _has(t, "dieu tra bo sung") else "")
        return (kind, ()) if kind else None
    summary = in_summary_procedure(t) and not _has(t, "khang cao", "khang nghi", "kn")  # Đ455: appeals general
    if _has(t, "tam giu"):  # Đ459 k2: 3 days from receipt, with no extension, under the summary procedure
        return ("tam_giu_rut_gon" if summary else "tam_giu"), ()
    if _has(t, "nguon tin", "to giac", "tin bao", "kien nghi khoi to"):
        if _has(t, r"huy(?: bo)?(?: quyet dinh)? tam dinh chi") or (  # Đ148 k2: 1 month from the annulment
            _has(t, "tam dinh chi")  # "tạm đình chỉ…, VKS hủy QĐ", "…, cqđt nhận qđ hủy của vks"
            and _has(t, r"huy(?: bo)? (?:quyet dinh|qd)", r"(?:quyet dinh|qd) huy(?: bo)?(?! [a-z ]*khoi to)")
        ):
            return "nguon_tin_sau_huy_tam_dinh_chi", ()
        if _has(t, "phuc hoi(?: giai quyet)?"):  # Đ149 k1: 1 month from the resumption
            return "nguon_tin_phuc_hoi", ()
        if suspension_only(t):  # "tin báo tạm đình chỉ từ 5/3 thì khi nào hết hạn": not the 20 days from 5/3
            return None
        return "nguon_tin", ()
    if summary:
        kind = _summary_kind(t)
        if kind:
            return kind, ()
    later = reinvestigation_kind(t)  # Đ174: phục hồi điều tra, điều tra bổ sung (by whom returned)
    if later is not None:
        return (later, ()) if later else None
    if _has(t, "giam doc tham", "gdt"):
        return "giam_doc_tham", ()
    if _has(t, "khang nghi", "kn"):
        target = "quyet_dinh" if _has(t, "quyet dinh") else "ban_an"
        if _has(t, "khang cao"):  # both asked: the appeal, and the protest(s) beside it
            levels = [lv for lv in _LEVELS if _has(t, lv.replace("_", " "))] or _LEVELS
            return f"khang_cao_{target}", tuple(f"khang_nghi_{target}_{lv}" for lv in levels)
        above = _has(t, "cap tren", "tren truc tiep")
        if above and _has(t, "cung cap"):  # both levels asked: both cards, the same level's first
            return f"khang_nghi_{target}_cung_cap", (f"khang_nghi_{target}_cap_tren",)
        if above:
            return f"khang_nghi_{target}_cap_tren", ()
        if _has(t, "cung cap"):
            return f"khang_nghi_{target}_cung_cap", ()
        return f"khang_nghi_{target}_cung_cap", (f"khang_nghi_{target}_cap_tren",)
    if _has(t, "khang cao"):
        return ("khang_cao_quyet_dinh", ()) if _has(t, "quyet dinh") else ("khang_cao_ban_an", ())
    if _has(t, "truy to"):
        return "truy_to", ()
    if _has(t, "chuan bi xet xu"):
        return "chuan_bi_xet_xu", ()
    if _has(_AGENCY.sub(" ", t), "dieu tra"):  # not "cơ quan điều tra", "điều tra viên"
        return "dieu_tra", ()
    if _has(t, "phuc tham"):
        return "khang_cao_ban_an", ("khang_nghi_ban_an_cung_cap", "khang_nghi_ban_an_cap_tren")
    return None


def _summary_kind(t: str) -> str:
    """The summary procedure's own limits (Đ460 k1, Đ461 k1, Đ462, Đ464) by the stage named; ""."""
    if _has(t, "phuc tham"):
        return "xet_xu_phuc_tham_rut_gon"
    if _has(t, "truy to"):
        return "truy_to_rut_gon"
    if _has(t, "dieu tra"):
        return "dieu_tra_rut_gon"
    return "xet_xu_rut_gon" if _has(t, "xet xu", "thu ly", "so tham") else ""
