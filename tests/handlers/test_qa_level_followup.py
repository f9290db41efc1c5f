"""A follow-up naming only another level ("vks tỉnh thì sao") after a limit given for the same level and the
level above is answered by that limit, not by another entry (own phrasing, round 7), through the dispatcher."""

from __future__ import annotations

from tests.conftest import World


async def test_the_level_above_after_the_decisions_appeal_limit(world: World) -> None:
    chat = await world.staff_chat("lv1")
    first = await chat.text("vks kháng nghị quyết định sơ thẩm của tòa trong mấy ngày")
    assert "7 ngày" in first and "Điều 337 khoản 2" in first, first
    follow = await chat.text("còn vks tỉnh thì sao")
    assert "15 ngày" in follow and "Điều 337 khoản 2" in follow and "bản án" not in follow.lower(), follow
