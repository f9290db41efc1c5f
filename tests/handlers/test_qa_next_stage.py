"""A follow-up that moves to the next stage, told as a move ("sang truy tố thì …", "xong điều tra sang vks
truy tố …"), keeps the crime category asked before (own phrasings, round 7), through the dispatcher."""

from __future__ import annotations

from tests.conftest import World


async def test_sang_the_next_stage_keeps_the_category(world: World) -> None:
    chat = await world.staff_chat("ns1")
    assert "Căn cứ:" in await chat.text("điều tra tội rất nghiêm trọng bao lâu")
    follow = await chat.text("sang truy tố thì mấy ngày")
    assert "30 ngày" in follow and "Căn cứ:" in follow and "Có phải" not in follow, follow


async def test_a_subject_named_in_the_follow_up_takes_the_category_asked_before(world: World) -> None:
    chat = await world.staff_chat("ns2")
    assert "Căn cứ:" in await chat.text("truy tố tội ít nghiêm trọng mấy ngày")
    follow = await chat.text("chuyển sang chuẩn bị xét xử thì tòa có bao lâu")
    assert "ít nghiêm trọng" in follow.lower() and "30 ngày" in follow, follow


async def test_a_subject_with_no_category_is_answered_as_asked(world: World) -> None:
    chat = await world.staff_chat("ns3")
    assert "Căn cứ:" in await chat.text("tạm giam điều tra tội nghiêm trọng bao lâu")
    follow = await chat.text("kháng cáo bản án mấy ngày")
    assert "15 ngày" in follow, follow
