"""Who decides an extension the register records, as BLTTHS 2015 says it before Luật 99/2025/QH15:
the investigation's by category and by extension (Đ172 k5, k6; a resumed investigation's by the
same rule, Đ174 k1), otherwise the approver the period table names for the step. After 01/07/2025
the bodies were reorganised (VKSND cấp huyện became VKSND khu vực): who decides is then to be
checked against the consolidated text (FACTS: U), and the text says so. Pure."""

from __future__ import annotations

from datetime import date

from knowledge.deadlines.periods import StepDef, load_periods

_DISTRICT = (
    "VKSND cấp huyện, VKS quân sự khu vực (vụ án do CQĐT cấp tỉnh, cấp quân khu thụ lý: VKSND cấp tỉnh, "
    "VKS quân sự cấp quân khu)"
)
_PROVINCE = "VKSND cấp tỉnh, VKS quân sự cấp quân khu"
_SUPREME = "VKSND tối cao, VKS quân sự trung ương"
# Đ172 k5: (category, n-th extension) -> who extends the investigation.
_ARTICLE_172_K5 = {
    ("it_nghiem_trong", 1): (_DISTRICT, "điểm a"),
    ("nghiem_trong", 1): (_DISTRICT, "điểm b"),
    ("nghiem_trong", 2): (_DISTRICT, "điểm b"),
    ("rat_nghiem_trong", 1): (_DISTRICT, "điểm c"),
    ("rat_nghiem_trong", 2): (_PROVINCE, "điểm c"),
    ("dac_biet_nghiem_trong", 1): (_PROVINCE, "điểm d"),
    ("dac_biet_nghiem_trong", 2): (_PROVINCE, "điểm d"),
    ("dac_biet_nghiem_trong", 3): (_SUPREME, "điểm d"),
}
_ARTICLE_172_K6 = f"vụ án do CQĐT Bộ Công an, Bộ Quốc phòng, VKSND tối cao thụ lý: {_SUPREME} (Điều 172 khoản 6)"
BY_ARTICLE_172 = ("dieu_tra", "phuc_hoi_dieu_tra")


def approver(kind: str, category: str | None, n: int, rule: StepDef, decided_on: date | None = None) -> str:
    """Who decides the ``n``-th extension of ``kind`` (``rule``), as the text in force before
    01/07/2025 says; with the caveat when the decision is on or after that day."""
    found = _ARTICLE_172_K5.get((category or "", n)) if kind in BY_ARTICLE_172 and not rule.special else None
    if found is not None:
        text = f"{found[0]} (Điều 172 khoản 5 {found[1]}); {_ARTICLE_172_K6}"
    else:
        text = rule.approver or "cơ quan có thẩm quyền"
    table = load_periods()
    if decided_on is not None and decided_on >= table.approver_uncertain_from:
        return f"{text}; {table.approver_uncertain_text}"
    return text
