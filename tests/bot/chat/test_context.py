"""``ctx.member``: the registered user a route with a least role is guaranteed by the dispatcher."""

from __future__ import annotations

import pytest

from bot.chat.context import Context
from bot.chat.messages import Incoming, Reply
from bot.chat.routing import PUBLIC
from storage.conversations import Conversation
from tests.conftest import World
from tests.fakes import FakeChat, joined


async def test_member_is_the_user_on_a_route_with_a_least_role(world: World) -> None:
    seen: list[object] = []

    async def whoami(ctx: Context) -> list[Reply]:
        seen.append(ctx.member)
        return [Reply(ctx.member.display_name)]

    world.app.dispatcher.router.command("toila", whoami)
    assert await world.chat(world.staff_a).text("/toila") == "Cán bộ A"
    stranger = FakeChat(world.app.dispatcher, "stranger")
    assert "chưa được cấp quyền" in await stranger.text("/toila")  # refused before the handler runs
    assert seen == [world.staff_a]


async def test_member_on_a_public_route_is_a_bug_caught_by_the_error_boundary(world: World) -> None:
    async def careless(ctx: Context) -> list[Reply]:
        return [Reply(ctx.member.display_name)]

    world.app.dispatcher.router.command("congkhai", careless, min_role=PUBLIC)
    assert "mã lỗi" in joined(await FakeChat(world.app.dispatcher, "stranger").send("/congkhai"))
    incoming = Incoming("test", "x", "x", text="x")
    with pytest.raises(LookupError):
        _ = Context(incoming, None, Conversation(), world.app.services).member
