"""What the register tracks: the kinds of limit offered (``KINDS``; the summary procedure's are
``knowledge.deadlines.register_summary.SUMMARY_KINDS``), the crime categories, the inputs an expiry
is computed from (recomputed, never stored), and the buttons every register screen shares."""

from __future__ import annotations

from bot.chat.messages import Button
from handlers.register.buttons import Choose

KINDS = {
    "tam_giu": "Tạm giữ",
    "giu_khan_cap": "Giữ người khẩn cấp",
    "tam_giam": "Tạm giam (theo lệnh)",
    "tam_giam_dieu_tra": "Tạm giam để điều tra",
    "tam_giam_truy_to": "Tạm giam trong giai đoạn truy tố",
    "tam_giam_chuan_bi_xet_xu": "Tạm giam chuẩn bị xét xử sơ thẩm",
    "tam_giam_phuc_tham": "Tạm giam chuẩn bị xét xử phúc thẩm",
    "nguon_tin": "Giải quyết nguồn tin",
    "dieu_tra": "Điều tra vụ án",
    "truy_to": "Truy tố",
    "chuan_bi_xet_xu": "Chuẩn bị xét xử sơ thẩm",
    "khang_cao_ban_an": "Kháng cáo bản án",
    "khang_nghi_ban_an_cung_cap": "Kháng nghị bản án (cùng cấp)",
}
CATEGORIES = {
    "it_nghiem_trong": "Ít nghiêm trọng",
    "nghiem_trong": "Nghiêm trọng",
    "rat_nghiem_trong": "Rất nghiêm trọng",
    "dac_biet_nghiem_trong": "Đặc biệt nghiêm trọng",
}
# what the expiry is computed from
INPUTS = ("kind", "start", "category", "months", "days", "tam_giu_days", "anqg", "stage_start", "minor")
NEW_BUTTON = Button("➕ Theo dõi mới", Choose("new", "1").pack())
CANCEL = Button("Hủy", Choose("cancel", "1").pack())  # the events' steps (events.py): ends any register step
