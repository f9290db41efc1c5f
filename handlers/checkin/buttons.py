"""The buttons of /kiemsat, typed (``bot/chat/callback_data.py``). Their packed form is the one
buttons have always had (``ks:f:12``, ``ks:vn``, ``ks:send:<draft>``…), so a button still on
someone's screen from before keeps working."""

from __future__ import annotations

from dataclasses import dataclass

from bot.chat.callback_data import CallbackData
from bot.chat.flow import NavButton


class Nav(NavButton, prefix="ks"):
    """Bỏ qua, Quay lại, Hủy, Xong: ``ks:skip``, ``ks:back``, ``ks:cancel``, ``ks:ok``."""


@dataclass(frozen=True, slots=True)
class PickFacility(CallbackData, prefix="ks", tag="f"):
    facility_id: int


@dataclass(frozen=True, slots=True)
class FacilityPage(CallbackData, prefix="ks", tag="fp"):
    page: int


@dataclass(frozen=True, slots=True)
class PickKind(CallbackData, prefix="ks", tag="t"):
    kind: str  # a key of storage.checkins.INSPECTION_KINDS, checked when pressed


@dataclass(frozen=True, slots=True)
class NoViolations(CallbackData, prefix="ks", tag="vn"):
    pass


@dataclass(frozen=True, slots=True)
class ListViolations(CallbackData, prefix="ks", tag="vl"):
    pass


@dataclass(frozen=True, slots=True)
class ClearViolations(CallbackData, prefix="ks", tag="vc"):
    pass


@dataclass(frozen=True, slots=True)
class ClearPhotos(CallbackData, prefix="ks", tag="pc"):
    pass


@dataclass(frozen=True, slots=True)
class Edit(CallbackData, prefix="ks", tag="e"):
    field: str  # a step name from the summary's "Sửa …" buttons, checked when pressed


@dataclass(frozen=True, slots=True)
class Send(CallbackData, prefix="ks", tag="send"):
    draft_id: str


@dataclass(frozen=True, slots=True)
class Resume(CallbackData, prefix="ks", tag="resume"):
    pass


@dataclass(frozen=True, slots=True)
class Fresh(CallbackData, prefix="ks", tag="new"):
    pass


@dataclass(frozen=True, slots=True)
class Discard(CallbackData, prefix="ks", tag="discard"):
    pass
