"""The calculator's buttons (/tinhhan), typed: ``dl:p:<page>``, ``dl:k:<kind>``,
``dl:c:<category code>``, ``dl:today``, ``dl:tg0``, ``dl:r:<vks|toa>`` (the packed strings of old cards still work),
and the flow's navigation ``dl:skip``, ``dl:back``, ``dl:cancel``."""

from __future__ import annotations

from dataclasses import dataclass

from bot.chat.callback_data import CallbackData
from bot.chat.flow import NavButton

INVALID = "Nút này không hợp lệ. Anh/chị gõ /tinhhan để bắt đầu lại."


@dataclass(frozen=True, slots=True)
class KindPage(CallbackData, prefix="dl", tag="p"):
    page: int


@dataclass(frozen=True, slots=True)
class PickKind(CallbackData, prefix="dl", tag="k"):
    kind: str


@dataclass(frozen=True, slots=True)
class PickCategory(CallbackData, prefix="dl", tag="c"):
    code: str


@dataclass(frozen=True, slots=True)
class StartNow(CallbackData, prefix="dl", tag="today"):
    """«Hôm nay» / «Bây giờ» as the start."""


@dataclass(frozen=True, slots=True)
class NoTamGiu(CallbackData, prefix="dl", tag="tg0"):
    """«Không bị tạm giữ»: no custody days to deduct."""


@dataclass(frozen=True, slots=True)
class PickReturned(CallbackData, prefix="dl", tag="r"):
    """Who returned the file for a supplementary investigation: ``vks`` or ``toa``."""

    code: str


class Nav(NavButton, prefix="dl"):
    """Bỏ qua (the stage's start), Quay lại, Hủy of the guided calculator."""


@dataclass(frozen=True, slots=True)
class PickStage(CallbackData, prefix="dl", tag="gs"):
    """The stage of a plain tạm giam order whose extension was asked: ``dt`` (điều tra), ``tt`` (truy tố),
    ``st`` (xét xử sơ thẩm), ``pt`` (xét xử phúc thẩm)."""

    code: str
