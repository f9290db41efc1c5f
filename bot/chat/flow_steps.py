"""The vocabulary of a declarative flow (``bot/chat/flow.py`` runs it): a table's ``Step`` rows,
what input functions return (``Next``, ``Again``, ``Done``), the navigation actions with their
typed words and buttons, and the texts the engine answers in a flow's own words."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from bot.chat.callback_data import CallbackData
from bot.chat.context import Context
from bot.chat.messages import Reply
from knowledge.kb.normalize import fold

DRAFT_ID = "draft_id"  # every draft has one: it identifies the form (sending it twice stores it once)
EDITING = "editing"  # set while one field is changed from the review step


class Action(StrEnum):
    SKIP = "skip"
    BACK = "back"
    CANCEL = "cancel"
    DONE = "ok"
    SEND = "send"


# Typed words that act as the navigation buttons (a step that takes numbers shows no numbered buttons).
WORDS = {"bo qua": Action.SKIP, "quay lai": Action.BACK, "huy": Action.CANCEL, "xong": Action.DONE, "gui": Action.SEND}


# Where a step takes numbers the console shows no numbered buttons: its question ends with this.
TYPED_HINT = "(Có thể gõ: quay lại, hủy)"


def word_action(text: str) -> Action | None:
    """``"Bỏ qua"``, ``"bo qua"``, ``"Hủy"``… typed instead of pressing the button."""
    return WORDS.get(fold(text)) if text else None


@dataclass(frozen=True, slots=True)
class NavButton(CallbackData, prefix="nav"):
    """The navigation buttons; each flow declares its own subclass with its prefix:
    ``class Nav(NavButton, prefix="ks")`` packs as ``ks:skip``, ``ks:back``, ``ks:cancel``, ``ks:ok``."""

    action: Action


@dataclass(frozen=True, slots=True)
class Next:
    step: str | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class Again:
    note: str = ""


@dataclass(frozen=True, slots=True)
class Done:
    replies: Sequence[Reply]


Outcome = Next | Again | Done | list[Reply]
Ask = Callable[[Context], Awaitable[list[Reply]]]
Take = Callable[[Context], Awaitable[Outcome]]
Press = Callable[[Context, Any], Awaitable[Outcome]]
# Before a message or a press reaches a step: the step, or the answer instead (no draft, too old…).
Guard = Callable[[Context, CallbackData | None], Awaitable["Step | list[Reply]"]]


@dataclass(frozen=True)
class Step:
    """One row of a flow's table: the state ``<flow>.<name>`` and everything about it."""

    name: str
    ask: Reply | Ask
    take: Take | None = None  # typed input; None: the step is answered with its buttons only
    press: Mapping[type[CallbackData], Press] = field(default_factory=dict)
    actions: Mapping[Action, Take] = field(default_factory=dict)  # Xong, Gửi (or its own Bỏ qua): typed or pressed
    optional: bool = False
    skip: Callable[[dict[str, Any]], None] | None = None  # what skipping stores (None: nothing)
    required: str = ""  # why it cannot be skipped, when it cannot
    numbers: bool = False  # a bare number typed here is input
    photos: bool = False
    location: bool = False
    # A detour is reached only from that step, outside the table's order: back returns to it,
    # and the flow goes on after it as it would after that step.
    detour_of: str | None = None
    keeps: tuple[str, ...] = ()  # draft keys that live only while the flow is on this step
    # Whether the step is asked at all, from the draft so far (None: always); going on or back
    # passes over a step that does not apply.
    applies: Callable[[dict[str, Any]], bool] | None = None


@dataclass(frozen=True)
class FlowTexts:
    """What the engine itself answers, in the flow's words."""

    lost: str
    cancelled: str
    first_step: str
    other_step: str = "Nút này thuộc một bước khác. Anh/chị trả lời câu hỏi hiện tại:"
    bad_button: str = "Nút này không hợp lệ. Anh/chị trả lời câu hỏi hiện tại:"
    buttons_only: str = "Anh/chị vui lòng chọn bằng các nút bên dưới."
    required: str = "Bước này không bỏ qua được. Anh/chị vui lòng trả lời câu hỏi:"
    not_a_photo_step: str = "Bước này chưa cần ảnh. Anh/chị trả lời câu hỏi:"
    not_a_location_step: str = "Bước này chưa cần vị trí. Anh/chị trả lời câu hỏi:"
