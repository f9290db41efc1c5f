"""The steps of a stage change into detention tied to a stage (Đ174 k4, Đ241, Đ278 k2, Đ347 k2):
after the detention's start, the stage's start ("Cùng ngày …" when it began the same day), then
the order's own length ("Bỏ qua": the law's limit); a new detention order's length and, from
tạm giữ, the category; and the confirmation of a step the law leaves without a date. Replies and
event data only: ``events.py`` records (and ``event_form.py`` asks again)."""

from __future__ import annotations

from datetime import date
from typing import Any

from bot.chat.messages import Button, Reply, reply
from handlers.register.buttons import Act, Choose, Confirm
from handlers.register.kinds import CANCEL, CATEGORIES
from knowledge.deadlines.periods import load_periods
from knowledge.deadlines.register_chain import State
from knowledge.deadlines.register_rules import open_step
from storage.register_model import Item


def capped(draft: dict[str, Any]) -> bool:
    kd = load_periods().kinds.get(str(draft.get("stage")))
    return kd is not None and kd.stage is not None


def stage_start_prompt(draft: dict[str, Any], start: date) -> Reply:
    cap = load_periods().kinds[draft["stage"]].stage
    assert cap is not None
    same = Button(f"Cùng ngày {start:%d/%m/%Y}", Choose("stage_same", "1").pack())
    text = f"Thời hạn này không được vượt thời hạn của giai đoạn. Anh/chị nhập {cap.start_label} (ví dụ 06/12/2026)."
    return reply(text, [same], [CANCEL])


def length_prompt() -> Reply:
    text = "Thời hạn ghi trong lệnh là bao lâu? Ví dụ «15 ngày». Bấm «Bỏ qua» nếu lệnh theo mức tối đa của luật."
    return reply(text, [Button("Bỏ qua", Choose("stage_len", "-").pack())], [CANCEL])


def detention_prompt() -> Reply:
    """A new detention order (a stage change into tạm giam): its length."""
    return reply("Lệnh tạm giam mới bao lâu? Ví dụ «2 tháng».", [CANCEL])


def convert_prompt(kind: str) -> Reply:
    """Tạm giữ → tạm giam: the order's length (the tạm giữ days are deducted, Đ118 k4)."""
    if kind == "tam_giu_rut_gon":  # Đ459 k3: the summary detention to investigate
        text = (
            "Lệnh tạm giam theo thủ tục rút gọn bao lâu? Không quá 20 ngày trong giai đoạn điều tra (Điều 459 "
            "khoản 3 BLTTHS 2015), ví dụ «20 ngày». Ngày tạm giữ được trừ tự động (Điều 118 khoản 4)."
        )
        return reply(text, [CANCEL])
    return reply("Lệnh tạm giam bao lâu? Ví dụ «2 tháng». Ngày tạm giữ được trừ tự động.", [CANCEL])


def category_prompt() -> Reply:
    """Tạm giữ → tạm giam on an item without a category: the category, after the order's length."""
    rows = [[Button(label, Choose("conv_cat", code).pack())] for code, label in CATEGORIES.items()]
    return reply("Tội phạm thuộc loại nào (để kiểm tra gia hạn tạm giam, Điều 173)?", *rows, [CANCEL])


SKIP = ("bo qua", "bỏ qua", "khong", "không", "-")


def skipped(text: str) -> bool:
    return " ".join(text.lower().split()) in SKIP


def stage_data(draft: dict[str, Any], length: dict[str, int]) -> dict[str, Any]:
    """The stage event: the new kind, the detention's start, the stage's start (if asked), a length."""
    data: dict[str, Any] = {"kind": draft["stage"], "start": draft.get("start")}
    if draft.get("stage_start"):
        data["stage_start"] = draft["stage_start"]
    return {**data, **length}


def open_confirm(item: Item, state: State) -> Reply:
    step = state.current
    after = open_step(step.kind, step.category, step.anqg, state.extensions) if step and not state.open else None
    if after is None:
        return Reply("Mục này hiện không ghi được tạm giam cho đến khi kết thúc. Gõ /theodoi để xem lại.")
    yes = Button("Xác nhận", Confirm(item.id, Act.OPEN, item.version).pack())
    text = (
        f"Ghi nhận quyết định: {after.label[0].lower()}{after.label[1:]} ({after.basis}; {after.approver})? "
        "Từ đó mục này không có ngày hết hạn: trợ lý không nhắc hạn mà nhắc rà soát định kỳ."
    )
    return reply(text, [yes, CANCEL])
