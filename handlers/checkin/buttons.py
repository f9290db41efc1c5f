"""The buttons of the check-in commands, typed (``bot/chat/callback_data.py``): /kiemsat (``ks``),
/lichsu (``kh``) and /coso (``cs``). Their packed form is the one buttons have always had
(``ks:f:12``, ``ks:vn``, ``kh:f:7:notes``, ``cs:x:3``…), so a button still on someone's screen
from before keeps working."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

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


# -- /lichsu: a submitted check-in (kh) ------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ViewCheckin(CallbackData, prefix="kh", tag="v"):
    checkin_id: int


@dataclass(frozen=True, slots=True)
class EditCheckin(CallbackData, prefix="kh", tag="e"):
    checkin_id: int


@dataclass(frozen=True, slots=True)
class EditCheckinField(CallbackData, prefix="kh", tag="f"):
    checkin_id: int
    field: str  # one of storage.checkins.EDITABLE, checked when pressed


@dataclass(frozen=True, slots=True)
class SetCheckinKind(CallbackData, prefix="kh", tag="k"):
    checkin_id: int
    kind: str  # a key of INSPECTION_KINDS, checked when pressed


@dataclass(frozen=True, slots=True)
class DeleteCheckin(CallbackData, prefix="kh", tag="d"):
    checkin_id: int


@dataclass(frozen=True, slots=True)
class CancelCheckinEdit(CallbackData, prefix="kh", tag="x"):
    pass


# -- /coso: facilities (cs) ------------------------------------------------------------------------
class SiteOp(StrEnum):
    VIEW = "v"
    RENAME = "n"
    READDRESS = "d"
    STOP = "x"
    RESUME = "r"


@dataclass(frozen=True, slots=True)
class SiteAction(CallbackData, prefix="cs"):
    """``cs:<op>:<facility id>``: open, rename, change the address of, stop or resume following."""

    op: SiteOp
    facility_id: int


@dataclass(frozen=True, slots=True)
class SiteFrequency(CallbackData, prefix="cs", tag="q"):
    facility_id: int
    frequency: str  # a key of storage.facilities.FREQUENCIES, checked when pressed


@dataclass(frozen=True, slots=True)
class SiteCancel(CallbackData, prefix="cs", tag="c"):
    pass


@dataclass(frozen=True, slots=True)
class SiteAdd(CallbackData, prefix="cs", tag="a"):
    pass


@dataclass(frozen=True, slots=True)
class SiteResume(CallbackData, prefix="cs", tag="r"):
    """«Tiếp tục thêm cơ sở»: the facility being added asks its step again."""


@dataclass(frozen=True, slots=True)
class NewSiteUnit(CallbackData, prefix="cs", tag="u"):
    unit_id: int


@dataclass(frozen=True, slots=True)
class NewSiteKind(CallbackData, prefix="cs", tag="k"):
    kind: str  # a key of storage.facilities.KINDS, checked when pressed


@dataclass(frozen=True, slots=True)
class NewSiteNoAddress(CallbackData, prefix="cs", tag="s"):
    pass


@dataclass(frozen=True, slots=True)
class NewSiteFrequency(CallbackData, prefix="cs", tag="f"):
    frequency: str  # a key of storage.facilities.FREQUENCIES, checked when pressed
