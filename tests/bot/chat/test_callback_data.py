"""Typed button data: pack and unpack round-trip; anything not exactly ours is refused."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import pytest

from bot.chat import texts
from bot.chat.callback_data import CallbackData
from bot.chat.context import Context
from bot.chat.messages import Reply
from tests.conftest import World
from tests.fakes import FakeChat, joined


class Action(StrEnum):
    OPEN = "o"
    CLOSE = "c"


@dataclass(frozen=True, slots=True)
class Item(CallbackData, prefix="it"):
    item_id: int
    action: Action
    page: int | None = None
    confirm: bool = False


@dataclass(frozen=True, slots=True)
class Named(CallbackData, prefix="nm"):
    code: str


def test_round_trip() -> None:
    data = Item(42, Action.CLOSE, 3, True)
    assert data.pack() == "it:42:c:3:1"
    assert Item.unpack("it:42:c:3:1") == data
    assert Item.unpack(Item(7, Action.OPEN).pack()) == Item(7, Action.OPEN, None, False)


@pytest.mark.parametrize(
    "forged",
    [
        "it:42:c:3",  # a part missing
        "it:42:c:3:1:9",  # one too many
        "it:x:c::0",  # not a number
        "it:-1:c::0",  # negative
        "it:²:c::0",  # a digit int() would refuse
        "it:1234567890123456789:c::0",  # over 18 digits
        "it:4:z::0",  # not an action
        "it:4:c::2",  # not a bool
        "xx:4:c::0",  # another prefix
        "it",
        "",
    ],
)
def test_forged_data_is_refused(forged: str) -> None:
    assert Item.unpack(forged) is None


def test_packing_refuses_what_cannot_come_back() -> None:
    with pytest.raises(ValueError):
        Named("a:b").pack()
    with pytest.raises(ValueError):
        Named("").pack()
    with pytest.raises(ValueError):
        Named("x" * 80).pack()  # over Telegram's 64 bytes


def test_a_prefix_is_required() -> None:
    with pytest.raises(ValueError):

        class Bad(CallbackData, prefix="a:b"):
            pass


async def test_the_dispatcher_hands_handlers_the_unpacked_fields(world: World) -> None:
    seen: list[Item] = []

    async def on_item(ctx: Context, data: Item) -> list[Reply]:
        seen.append(data)
        return [Reply("ok")]

    world.app.dispatcher.router.button(Item, on_item)
    chat = world.chat(world.staff_a)
    assert joined(await chat.press(Item(5, Action.OPEN).pack())) == "ok"
    assert seen == [Item(5, Action.OPEN)]
    assert joined(await chat.press("it:5:nope::0")) == texts.STALE_BUTTON
    assert joined(await chat.press("it:5")) == texts.STALE_BUTTON
    assert len(seen) == 1
    # Roles are still the dispatcher's: a stranger pressing it gets nothing from the handler.
    stranger = FakeChat(world.app.dispatcher, "nobody")
    assert joined(await stranger.press(Item(5, Action.OPEN).pack())) == texts.NOT_REGISTERED
    assert len(seen) == 1


@dataclass(frozen=True, slots=True)
class Pick(CallbackData, prefix="sh", tag="p"):
    item_id: int


@dataclass(frozen=True, slots=True)
class Done(CallbackData, prefix="sh", tag="ok"):
    pass


@dataclass(frozen=True, slots=True)
class Mode(CallbackData, prefix="sh"):
    action: Action


def test_tagged_kinds_share_a_prefix() -> None:
    assert Pick(12).pack() == "sh:p:12" and Done().pack() == "sh:ok" and Mode(Action.OPEN).pack() == "sh:o"
    assert Pick.unpack("sh:p:12") == Pick(12)
    assert Done.unpack("sh:ok") == Done()
    assert Pick.unpack("sh:ok") is None and Done.unpack("sh:p:12") is None and Done.unpack("sh:ok:1") is None
    assert Mode.unpack("sh:p") is None  # "p" is no action


async def test_the_router_tells_kinds_under_one_prefix_apart(world: World) -> None:
    seen: list[object] = []

    async def record(ctx: Context, data: object) -> list[Reply]:
        seen.append(data)
        return [Reply("ok")]

    router = world.app.dispatcher.router
    for kind in (Mode, Pick, Done):
        router.button(kind, record)
    with pytest.raises(ValueError):
        router.button(Pick, record)
    chat = FakeChat(world.app.dispatcher, world.staff_a.platform_user_id)
    for data in ("sh:o", "sh:p:3", "sh:ok"):
        assert joined(await chat.press(data)) == "ok"
    assert seen == [Mode(Action.OPEN), Pick(3), Done()]
    for stale in ("sh:p:x", "sh:ok:1", "sh:z", "sh"):
        assert joined(await chat.press(stale)) == texts.STALE_BUTTON
