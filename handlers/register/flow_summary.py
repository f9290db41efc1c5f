"""The summary procedure's kinds in /theodoi_moi (thủ tục rút gọn, BLTTHS 2015 Đ455–465): one «Thủ tục rút
gọn» button on the first menu (kept short) opens them; each is then asked as the table says — its start
is its trigger in the period table, read in the article:

* tạm giữ: from when the CQĐT receives the person arrested, by the clock, 3 days, no extension (Đ459 k2);
* tạm giam in each stage: "không quá" 20 (investigation), 5 (prosecution), 17 (first instance), 22 days
  (appeal) from the order's start (Đ459 k3), the order's own length asked (``flow_special.own_length``),
  the tạm giữ days deducted from the investigation's (TTLT 04/2018 Đ17);
* the investigation: 20 days from the decision to prosecute the case (Đ460 k1);
* the prosecution: 5 days from the VKS's receipt of the proposal and the file (Đ461 k1);
* the first-instance trial: 10 days from the court's acceptance (Đ462 k1), the hearing 7 days from the
  decision to bring the case to trial (k2; recorded on the item with «Gia hạn» and the decision's day);
  on appeal 15 and 7 days (Đ464 k2, k3).

The procedure applies only when every condition of Đ456 k1 holds (an ít nghiêm trọng crime among them): the
question says so, the category is not asked (Đ458: once a condition goes, the procedure is cancelled and
the general limits run, ``register_summary``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from bot.chat.callback_data import CallbackData
from bot.chat.context import Context
from bot.chat.flow import Again, Outcome, Step
from bot.chat.messages import Button, Reply, reply
from handlers.register.flow import STOP_BUTTON, TEXTS, PickKind
from handlers.register.kinds import KINDS
from knowledge.deadlines.periods import load_periods

# In the order of the case: the measures, then the stages.
SUMMARY_MENU = (
    "tam_giu_rut_gon",
    "tam_giam_rut_gon_dieu_tra",
    "tam_giam_rut_gon_truy_to",
    "tam_giam_rut_gon_so_tham",
    "tam_giam_rut_gon_phuc_tham",
    "dieu_tra_rut_gon",
    "truy_to_rut_gon",
    "xet_xu_rut_gon",
    "xet_xu_phuc_tham_rut_gon",
)
CONDITIONS = (
    "Thủ tục rút gọn chỉ áp dụng khi có đủ điều kiện của Điều 456 khoản 1 BLTTHS 2015 (bắt quả tang hoặc tự thú; "
    "sự việc đơn giản, chứng cứ rõ ràng; tội ít nghiêm trọng; nơi cư trú, lý lịch rõ ràng) và đã có quyết định áp "
    "dụng (Điều 457). Theo dõi thời hạn gì?"
)


@dataclass(frozen=True, slots=True)
class SummaryMenu(CallbackData, prefix="tdf", tag="summary"):
    value: str = "open"  # "open": the summary kinds; "back": the first menu again


def summary_label(kind: str) -> str:
    """``Tạm giữ`` for ``Tạm giữ theo thủ tục rút gọn`` (the menu says the procedure once)."""
    return load_periods().kinds[kind].label.replace(" theo thủ tục rút gọn", "")


def _first_menu() -> list[Reply]:
    rows = [[Button(label, PickKind(code).pack())] for code, label in KINDS.items()]
    rows.append([Button("Thủ tục rút gọn (Điều 455–465) »", SummaryMenu().pack())])
    return [reply("Theo dõi thời hạn gì?", *rows, [STOP_BUTTON])]


async def ask_kind(ctx: Context) -> list[Reply]:
    return _first_menu()


async def summary_menu(ctx: Context, data: SummaryMenu) -> Outcome:
    if data.value == "back":
        return _first_menu()
    if data.value != "open":
        return Again(TEXTS.bad_button)
    rows = [[Button(summary_label(code), PickKind(code).pack())] for code in SUMMARY_MENU]
    rows.append([Button("« Các loại thời hạn khác", SummaryMenu("back").pack())])
    return [reply(CONDITIONS, *rows, [STOP_BUTTON])]


def with_summary(fields: Sequence[Step]) -> tuple[Step, ...]:
    """``fields`` whose kind step also offers the summary kinds."""
    return tuple(
        replace(s, ask=ask_kind, press={**s.press, SummaryMenu: summary_menu}) if s.name == "kind" else s
        for s in fields
    )
