"""Round 14 (source13): "tạm đình chỉ" and "phục hồi" exist for a crime report (BLTTHS Đ148, Đ149), the
investigation (Đ229, Đ235) and the prosecution (Đ247), each with its own figures (the suspension sent to the VKS in
24 hours, 2 days, 3 days). "cqđt" is a body, not the investigation stage: a question that names no branch gets a
menu of the branches' entries, never one branch's figure; a question that names a crime report (tố giác, tin báo,
nguồn tin, kiến nghị khởi tố, "giải quyết" beside the step) gets the crime report's entry. Through the dispatcher.
"""

from __future__ import annotations

import pytest

from knowledge.kb.render import ASK_HEADER
from knowledge.kb.reply import BRANCH_NOTE
from tests.conftest import World

_INVESTIGATION = "2 ngày, kể từ ngày ra quyết định tạm đình chỉ điều tra"


async def last_reply(world: World, *turns: str) -> str:
    chat = await world.staff_chat("source13-tdc")
    text = ""
    for turn in turns:
        text = await chat.text(turn)
    return text


@pytest.mark.parametrize(
    "question",
    [
        "vks khu vuc nhan qđ tam dinh chi cua cqđt ma thay ko co can cu thi lam j",
        "cơ quan điều tra gửi qđ tạm đình chỉ sang, viện thấy không có căn cứ thì xử lý sao",
        "qđ phục hồi của cqđt phải gửi vks trong mấy ngày",
        "het ly do tam dinh chi thi cqđt ra qđ j",
        "cqdt ra qd tam dinh chi thi gui vien trong bao lau",
    ],
)
async def test_a_step_of_no_branch_named_is_a_menu(world: World, question: str) -> None:
    text = await last_reply(world, question)
    assert ASK_HEADER in text, text
    assert "Căn cứ:" not in text, text  # no one branch's answer


async def test_the_menu_says_that_the_branch_decides(world: World) -> None:
    text = await last_reply(world, "vks khu vuc nhan qđ tam dinh chi cua cqđt ma thay ko co can cu thi lam j")
    assert BRANCH_NOTE in text and ASK_HEADER in text, text


@pytest.mark.parametrize(
    "question",
    [
        "vks thay qđ tam dinh chi gq to giac ko co can cu thi lam j",
        "tin báo bị tạm đình chỉ mà không có căn cứ thì viện làm gì",
        "cqđt tạm đình chỉ giải quyết kiến nghị khởi tố không đúng thì vks xử lý thế nào",
        "a oi vks khu vuc minh nhan qđ tam dinh chi cua cqđt ma thay ko co can cu thi lam j, xong cqđt con bn lau de gq",
        "vụ tố giác cqđt cho tạm đình chỉ, bên viện thấy ko có căn cứ thì sao anh",
    ],
)
async def test_a_crime_reports_suspension_without_grounds_is_annulled(world: World, question: str) -> None:
    text = await last_reply(world, question)
    assert "hủy bỏ" in text and "1 tháng" in text and "Điều 148" in text, text
    assert _INVESTIGATION not in text and "Điều 229" not in text, text


@pytest.mark.parametrize(
    "question",
    [
        "tam dinh chi gq tin bao ma vks huy thi cqđt con bn tg de gq tiep",
        "tin bao bi tam dinh chi, vks huy qd thi con may tg nua",
        "nguồn tin tạm đình chỉ bị viện hủy thì cqđt còn bao nhiêu thời gian giải quyết",
    ],
)
async def test_time_left_after_the_annulment_is_one_month(world: World, question: str) -> None:
    text = await last_reply(world, question)
    assert "1 tháng" in text and "Điều 148" in text, text


@pytest.mark.parametrize(
    "turns",
    [
        ("vks thay qđ tam dinh chi gq to giac ko co can cu thi lam j", "sau khi huy thi cqđt con bn lau de gq vu đó"),
        ("tin báo tạm đình chỉ không có căn cứ thì vks làm gì", "hủy xong thì cqđt còn mấy tháng"),
    ],
)
async def test_after_the_annulment_the_follow_up_is_one_month(world: World, turns: tuple[str, str]) -> None:
    text = await last_reply(world, *turns)
    assert "1 tháng" in text and "Điều 148" in text, text
    assert "20 ngày, kể từ ngày nhận được tố giác" not in text, text


@pytest.mark.parametrize(
    "question",
    [
        "cqđt tạm đình chỉ điều tra thì gửi qđ cho vks mấy ngày",
        "tam dinh chi dieu tra vu an thi qd gui vks bao lau",
    ],
)
async def test_the_investigations_suspension_named_stays_its_own(world: World, question: str) -> None:
    text = await last_reply(world, question)
    assert _INVESTIGATION in text and "Điều 229" in text and BRANCH_NOTE not in text, text


@pytest.mark.parametrize(
    "question",
    [
        "cqđt phuc hoi gq to giac thi gui vks may ngay",
        "phục hồi giải quyết tin báo thì qđ gửi viện trong mấy ngày",
    ],
)
async def test_a_crime_reports_resumption_is_sent_within_3_days(world: World, question: str) -> None:
    text = await last_reply(world, question)
    assert "3 ngày" in text and "Điều 149" in text and BRANCH_NOTE not in text, text


@pytest.mark.parametrize(
    "question",
    [
        "tin bao qua han 20 ngay ma chua co ket qua giam dinh thi cqdt ra qd gi",
        "em chào anh ạ, vụ tố giác lừa đảo quá 20 ngày rồi mà vẫn chờ kết quả định giá tài sản, cqđt phải ra qđ gì ạ",
        "hết hạn giải quyết nguồn tin mà chưa có kết luận giám định thì xử lý sao",
    ],
)
async def test_a_crime_report_past_its_limit_awaiting_an_expert_is_suspended(world: World, question: str) -> None:
    """Đ148 k1: the answer says the decision (tạm đình chỉ), not only its grounds."""
    text = await last_reply(world, question)
    assert "tạm đình chỉ việc giải quyết" in text and "Điều 148" in text, text
