"""Steps of the Code counted in hours from a stated moment that share words with a longer period, read
before those words take them for it (pure; the text is folded, shorthand spelled out):

* "ra qđ tạm giữ lúc 7h, hạn chót gửi qđ cho VKS là mấy giờ": the decision goes to the VKS within 12
  hours of being issued (BLTTHS 2015 Đ117 k4), not the custody's 3 days;
* "VKS nhận hồ sơ đề nghị gia hạn tạm giữ lúc 21h, phải phê chuẩn trước lúc nào": the VKS decides within
  12 hours of receiving the file (Đ118 k2), not the extension's 3 days.

* "bắt quả tang lúc 22h, hạn ra qđ tạm giữ là mấy giờ": 12 hours from the arrest or receipt (Đ114 k1);
* "nhận người bị bắt lúc 14h, thông báo cho gia đình trước mấy giờ": 24 hours from the receipt (Đ116);
* "người tự thú lúc 8h, thông báo VKS hết lúc mấy giờ": 24 hours from the receipt (Đ152 k3);
* the decisions sent within 24 hours: khởi tố vụ án (Đ154 k2), không khởi tố (Đ158 k1), khởi tố bị can
  (Đ179 k3), tạm đình chỉ giải quyết nguồn tin (Đ148 k2);
* "tòa ra qđ tạm giam bị cáo lúc 15h, phải giao cho VKS trước mấy giờ": the first-instance court's decision
  on a preventive or coercive measure, delivered within 24 hours (Đ286 k4), not the detention's length.

The emergency hold (Đ110 k4) and the approval of its arrest (Đ110 k6) are read in ``kind_words``. Each
kind's length is in the period table.
"""

from __future__ import annotations

from knowledge.deadlines.detention_kinds import has_phrase as _has

# The procuracy, not an investigator ("điều tra viên").
_PROCURACY = r"(?:vks|vksnd|vien kiem sat|(?<!dieu tra )vien(?! [a-z]*tra))"
# Sending a decision to the procuracy: "gửi (qđ) cho VKS", "chuyển quyết định sang viện kiểm sát".
_TO_PROCURACY = (rf"(?:gui|chuyen|nop)(?: [a-z]+){{0,12}}? (?:cho |den |sang |toi |len )?{_PROCURACY}",)
# The approval's own time: "phải (ra qđ) phê chuẩn … trước", "phê chuẩn trong mấy giờ", "nhận hồ sơ … phê chuẩn",
# "hạn chót phê chuẩn hay không là lúc nào".
_APPROVAL = (
    r"(?:han chot|han|xet|phai|thoi han|cham nhat)(?: (?:xet|ra quyet dinh))? phe chuan",
    r"phe chuan(?: hay khong| hoac khong(?: phe chuan)?| hay ko)?(?: la)? (?:trong|den|truoc|cham nhat|han|toi|mat|luc)",
)
# Kinds whose start is the receipt of the extension request: "đề nghị gia hạn" in the question is their trigger.
REQUEST_STARTED = frozenset({"vks_phe_chuan_gia_han_tam_giu"})
_RECEIVED = (r"nhan(?: duoc)? (?:ho so|hs|de nghi|van ban)",)


# The question is the custody's own end, or the decision was already sent: not the sending step.
_CUSTODY_END = (
    r"het (?:han |thoi han )?tam giu",
    r"tam giu (?:den|het|toi)",
    "tha",
    "tra tu do",
    r"(?:da|vua) (?:gui|chuyen)",
    r"(?:gui|chuyen)(?: [a-z]+){0,4}? (?:roi|xong)",
)
# The decisions the Code sends within hours of issuing them, the most specific first.
_SENT_DECISIONS = (
    (
        r"tam dinh chi(?: viec)? (?:giai quyet|gq)|tam dinh chi (?:nguon tin|to giac|tin bao)",
        "gui_quyet_dinh_tam_dinh_chi_nguon_tin",
    ),
    (r"khong khoi to|huy(?: bo)? quyet dinh khoi to vu an", "gui_quyet_dinh_khong_khoi_to"),  # Đ158 k1: 24 hours
    ("khoi to bi can", "gui_quyet_dinh_khoi_to_bi_can"),  # Đ179 k3, k4: 24 hours
    ("khoi to vu an", "gui_quyet_dinh_khoi_to_vu_an"),  # Đ154 k2: 24 hours
    ("tam giu", "gui_quyet_dinh_tam_giu"),  # Đ117 k4: 12 hours
)


# Đ116: the family and the place of residence or work told within 24 hours of receiving the person.
_TELL = (
    r"thong bao(?: [a-z]+){0,3}? (?:cho |toi |den )?(?:gia dinh|nguoi than|than nhan|chinh quyen|noi cu tru|co quan)",
)
_HELD = ("bat", "bi bat", "giu nguoi", "bi giu", "nhan nguoi", "qua tang", "truy na", "khan cap", "tam giu")
# Đ114 k1: after an arrest in the act or of a wanted person, decide tạm giữ or release within 12 hours.
_ARREST = ("bat qua tang", "qua tang", "truy na", "bi bat", "bat nguoi", "nhan nguoi bi bat")
_DECIDE = (
    r"(?:han|phai|cham nhat|truoc|trong)(?: [a-z]+){0,4}? (?:ra |co )?quyet dinh tam giu",
    r"(?:ra |co )?quyet dinh tam giu (?:truoc|cham nhat|trong|luc nao|may gio|khi nao|han)",
    # "giờ cqđt chưa ra qđ tgiu, hạn chót mấy giờ": not decided yet, asked by when
    r"(?:chua|khong|ko) (?:ra |co )?quyet dinh tam giu(?:[ ,]+[a-z]+){0,4}?[ ,]+(?:han chot|han|cham nhat|truoc|may gio"
    r"|luc nao|khi nao)",
)


# Đ152 k3: the VKS told in writing within 24 hours of receiving a person who surrendered.
_SURRENDER = ("tu thu", "dau thu")
_TELL_PROCURACY = (rf"(?:thong bao|bao)(?: [a-z]+){{0,3}}? (?:cho |toi |den )?{_PROCURACY}",)
# Steps of the same length the table has no kind for: the Q&A states their rule (never a neighbour's card).
_UNMODELLED = (r"(?:thay doi|bo sung)(?: quyet dinh| qd)? khoi to", "nhap vu an", "tach vu an", "chuyen vu an")


# Đ286 k4: the first-instance court's decision on a preventive or coercive measure, delivered within 24 hours.
_COURT = ("toa", "toa an", "hdxx", "hoi dong xet xu", "tham phan", "chanh an")
_MEASURE_DECISION = (
    r"(?:quyet dinh|lenh)(?: [a-z]+){0,2}? (?:tam giam|bat tam giam|bao linh|dat tien|cam di khoi noi cu tru"
    r"|tam hoan xuat canh)",
    r"(?:ap dung|thay doi|huy bo|huy)(?: [a-z]+){0,2}? bien phap",
)
_DELIVER = (
    r"(?:gui|giao|chuyen|tong dat)(?: [a-z]+){0,6}? (?:cho |den |sang |toi )?(?:vks|vksnd|vien kiem sat|bi cao"
    r"|bi can|trai tam giam|co so giam giu|trai giam|nha tam giu)",
)
_HOUR_ASKED = (r"truoc(?: [a-z]+){0,2}? (?:may gio|luc nao|khi nao)", "cham nhat", "may gio", "luc nao", "han")


def hour_step_kind(t: str) -> str | None:
    """The hour-counted step a question names, or None (the usual reading goes on)."""
    court = _has(t, *_COURT) and _has(t, *_MEASURE_DECISION) and _has(t, *_DELIVER) and _has(t, *_HOUR_ASKED)
    if court and not _has(t, "phuc tham", "giam doc tham", "tai tham"):
        return "giao_quyet_dinh_bien_phap_ngan_chan_toa"  # Đ286 k4
    if _has(t, *_SURRENDER) and _has(t, *_TELL_PROCURACY) and not _has(t, "tam giu", "tam giam"):
        return "thong_bao_tu_thu"  # Đ152 k3
    if _has(t, *_TELL) and _has(t, *_HELD) and not _has(t, "tam giam"):
        return "thong_bao_giu_bat"  # Đ116
    if _has(t, "tam giam", "khan cap"):
        return None
    decided = _has(t, r"(?:da|vua)(?: [a-z]+){0,2}? (?:ra |co )?quyet dinh tam giu")  # decided: not this step
    if _has(t, *_ARREST) and _has(t, *_DECIDE) and not decided and not _has(t, *_CUSTODY_END):
        return "quyet_dinh_tam_giu_sau_bat"  # Đ114 k1
    extension = _has(t, "gia han", "gh")
    approval = _has(t, *_APPROVAL) or (_has(t, *_RECEIVED) and _has(t, "phe chuan"))
    if _has(t, "tam giu") and extension and approval:
        return "vks_phe_chuan_gia_han_tam_giu"  # Đ118 k2
    if extension or approval or not _has(t, *_TO_PROCURACY) or _has(t, *_CUSTODY_END):
        return None
    if _has(t, *_UNMODELLED):
        return None
    return next((kind for words, kind in _SENT_DECISIONS if _has(t, words)), None)
