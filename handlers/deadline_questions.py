"""What the guided calculator (/tinhhan, ``deadline_flow.py``) asks at each step, with its buttons."""

from __future__ import annotations

from bot.chat.context import Context
from bot.chat.flow import TYPED_HINT, Action
from bot.chat.messages import Button, Reply, reply
from handlers.deadline_buttons import Nav, PickCategory, PickReturned, StartNow
from handlers.deadline_cards import kinds
from knowledge.deadlines.periods import load_periods

CATEGORY_LABELS = {
    "it": "Ít nghiêm trọng",
    "nt": "Nghiêm trọng",
    "rnt": "Rất nghiêm trọng",
    "dbnt": "Đặc biệt nghiêm trọng",
}
NAV = [Button("Quay lại", Nav(Action.BACK).pack()), Button("Hủy", Nav(Action.CANCEL).pack())]


async def ask_category(ctx: Context) -> list[Reply]:
    rows = [[Button(label, PickCategory(code).pack())] for code, label in CATEGORY_LABELS.items()]
    return [reply(f"{kinds()[ctx.conversation.data['kind']].label}: tội phạm thuộc loại nào?", *rows, NAV)]


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
