"""What the guided calculator (/tinhhan, ``deadline_flow.py``) asks at each step, with its buttons."""

from __future__ import annotations

from bot.chat.context import Context
from bot.chat.flow import TYPED_HINT, Action, FlowTexts
from bot.chat.messages import Button, Reply, reply
from handlers.deadline_buttons import Nav, PickCategory, PickReturned, StartNow
from handlers.deadline_cards import kinds
from knowledge.deadlines.crime_named import clauses_note
from knowledge.deadlines.dateparse import fold_text
from knowledge.deadlines.decision_day import decision_step
from knowledge.deadlines.periods import load_periods

CATEGORY_CODES = {
    "it": "it_nghiem_trong",
    "nt": "nghiem_trong",
    "rnt": "rat_nghiem_trong",
    "dbnt": "dac_biet_nghiem_trong",
}
TITLES = {
    "returned": "ai trả hồ sơ",
    "category": "loại tội",
    "length": "thời hạn trong lệnh",
    "start": "mốc bắt đầu",
    "tg": "số ngày tạm giữ",
}
TITLES |= {"stage": "ngày bắt đầu giai đoạn", "decision": "ngày quyết định đưa vụ án ra xét xử"}
TEXTS = FlowTexts(
    lost="Phiên tính thời hạn đã kết thúc. Anh/chị gõ /tinhhan để bắt đầu lại.",
    cancelled="Đã dừng tính thời hạn. Anh/chị gõ /tinhhan khi cần tính lại.",
    first_step="Đây là câu hỏi đầu tiên. Anh/chị trả lời, gõ /tinhhan để chọn lại loại thời hạn, hoặc bấm Hủy.",
    required="Bước này không bỏ qua được. Anh/chị vui lòng trả lời (hoặc gõ /huy để dừng):",
    buttons_only="Anh/chị chọn bằng các nút bên dưới (hoặc gõ số thứ tự của lựa chọn). Gõ /huy để dừng.",
)


CATEGORY_LABELS = {
    "it": "Ít nghiêm trọng",
    "nt": "Nghiêm trọng",
    "rnt": "Rất nghiêm trọng",
    "dbnt": "Đặc biệt nghiêm trọng",
}
NAV = [Button("Quay lại", Nav(Action.BACK).pack()), Button("Hủy", Nav(Action.CANCEL).pack())]


async def ask_category(ctx: Context) -> list[Reply]:
    rows = [[Button(label, PickCategory(code).pack())] for code, label in CATEGORY_LABELS.items()]
    asked = f"{kinds()[ctx.conversation.data['kind']].label}: tội phạm thuộc loại nào?"
    note = clauses_note(fold_text(ctx.text)) if ctx.text else None  # "vụ giết người …": its clauses differ
    return [reply(f"{asked}\n{note}" if note else asked, *rows, NAV)]


async def ask_start(ctx: Context) -> list[Reply]:
    draft = ctx.conversation.data
    clock = kinds()[draft["kind"]].needs_time
    hint = "ngày và giờ, ví dụ 03/05/2026 14:30 hoặc «bây giờ»" if clock else "ngày, ví dụ 03/05/2026 hoặc «hôm nay»"
    kd = load_periods().kinds.get(draft["kind"])
    trigger = kd.trigger if kd else "ngày bắt đầu"
    now = Button("Bây giờ" if clock else "Hôm nay", StartNow().pack())
    return [reply(f"Mốc bắt đầu: {trigger}.\nAnh/chị nhập {hint}.\n{TYPED_HINT}", [now], NAV)]


async def ask_stage(ctx: Context) -> list[Reply]:
    label = kinds()[ctx.conversation.data["kind"]].stage_start_label or "ngày bắt đầu giai đoạn"
    return [
        reply(
            "Thời hạn tạm giam này không được vượt quá thời hạn của giai đoạn tố tụng.\n"
            f"Anh/chị nhập {label}, ví dụ 01/12/2026, để tính mức trần và đặt nhắc được; "
            "hoặc bấm «Bỏ qua» (thẻ chỉ cảnh báo, không đặt nhắc).",
            [Button("Bỏ qua", Nav(Action.SKIP).pack())],
            NAV,
        )
    ]


async def ask_returned(ctx: Context) -> list[Reply]:
    rows = [[Button("Viện kiểm sát trả hồ sơ", PickReturned("vks").pack())]]
    rows.append([Button("Tòa án trả hồ sơ", PickReturned("toa").pack())])
    return [
        reply(
            "Tạm giam khi điều tra bổ sung: hồ sơ do Viện kiểm sát hay Tòa án trả? Mức trần khác nhau: "
            "2 tháng nếu VKS trả, 1 tháng nếu Tòa án trả (Điều 174 khoản 2, khoản 4).\n"
            "Anh/chị bấm nút, hoặc gõ «VKS» hay «Tòa án».",
            *rows,
            NAV,
        )
    ]


async def ask_decision(ctx: Context) -> list[Reply]:
    """The hearing opens within 7 days of the decision to bring the case to trial (Đ462 k2, Đ464 k3)."""
    step = decision_step(ctx.conversation.data["kind"])
    length = step.length_for(None) if step else None
    assert step is not None and length is not None  # the step applies only to such kinds
    return [
        reply(
            f"Phiên tòa phải mở trong {length.text()} kể từ ngày ra "
            f"quyết định {step.decision} ({step.basis}).\nĐã có quyết định chưa? Anh/chị nhập ngày ra quyết định, "
            "ví dụ 05/03/2026; hoặc bấm «Chưa có quyết định» (thẻ cho hạn ra quyết định và nói cần ngày đó).",
            [Button("Chưa có quyết định", Nav(Action.SKIP).pack())],
            NAV,
        )
    ]
