"""Menus where one answer is plainly right (round 10), through the dispatcher.

A question that names the court (thẩm phán, tòa, chánh án) and no stage asks of the first instance's trial: the
rút gọn judge's 10 days (Đ462), not a menu beside the appeal's 15 (Đ464) or the prosecution's days. And the
extension said alone after the length asked ("cbxx ít NT bn ngày, gh?") is a question of its own: the period and
its extension, never a menu of the period and the extension's entry."""

from __future__ import annotations

import pytest

from knowledge.kb.in_place import in_place
from tests.conftest import World
from tests.fakes import buttons, joined


async def ask(world: World, question: str) -> tuple[str, list[str]]:
    replies = await (await world.staff_chat("implied")).send(question)
    return joined(replies), [label for label, _ in buttons(replies)]


RUT_GON_JUDGE = "10 ngày, kể từ ngày thụ lý vụ án, Thẩm phán được phân công ra một trong các quyết định"


@pytest.mark.parametrize(
    "question",
    [
        "rút gọn thì thẩm phán thụ lý xong phải làm gì trong mấy ngày",
        "rút gọn thì thẩm phán thụ lý xong phải ra quyết định trong mấy ngày",
        "thủ tục rút gọn, thụ lý xong thẩm phán có bao nhiêu ngày",
        "rut gon tham phan thu ly xong may ngay phai ra quyet dinh",
        "vụ án rút gọn tòa thụ lý rồi thì bao lâu phải ra quyết định",
        "rút gọn thẩm phán được phân công ra quyết định trong bao lâu kể từ thụ lý",
        "án rút gọn tòa thụ lý xong bao nhiêu ngày thì phải mở phiên tòa",
        "rút gọn thụ lý xong thẩm phán phải làm gì",
        "rút gọn thẩm phán thụ lý bao lâu phải ra 1 trong các quyết định",
        "thủ tục rút gọn thì sau khi thụ lý thẩm phán có mấy ngày",
        "anh ơi án rút gọn thì thẩm phán thụ lý xong có mấy ngày để quyết định ạ",
    ],
)
async def test_the_court_named_without_a_stage_is_the_first_instance_trial(world: World, question: str) -> None:
    text, _ = await ask(world, question)
    assert text.startswith(RUT_GON_JUDGE), text


@pytest.mark.parametrize(
    "question",
    [
        "phúc thẩm rút gọn thụ lý xong mấy ngày phải ra quyết định",
        "rút gọn cấp phúc thẩm thẩm phán thụ lý xong mấy ngày",
    ],
)
async def test_the_appeal_named_is_the_appeal(world: World, question: str) -> None:
    text, _ = await ask(world, question)
    assert text.startswith("15 ngày, kể từ ngày thụ lý"), text


@pytest.mark.parametrize(
    "question",
    [
        "rút gọn thì trong bao nhiêu ngày kể từ ngày thụ lý vụ án phải ra quyết định",
        "án rút gọn thụ lý xong bao nhiêu ngày thì mở phiên tòa",  # the hearing is not the court
    ],
)
async def test_without_the_court_the_stage_is_still_asked(world: World, question: str) -> None:
    text, options = await ask(world, question)
    assert "Thời hạn khác nhau theo giai đoạn" in text and len(options) > 1, text


@pytest.mark.parametrize(
    ("question", "period", "extension"),
    [
        ("cbxx ít NT bn ngày, gh?", "30 ngày", "gia hạn 1 lần không quá 15 ngày"),
        ("cbxx ít NT bn ngày, gia hạn?", "30 ngày", "gia hạn 1 lần không quá 15 ngày"),
        ("cbxx ít NT bn ngày, còn gh?", "30 ngày", "gia hạn 1 lần không quá 15 ngày"),
        ("cbxx ít NT bn ngày? gh?", "30 ngày", "gia hạn 1 lần không quá 15 ngày"),
        ("cbxx it nt bn ngay, gh?", "30 ngày", "gia hạn 1 lần không quá 15 ngày"),
        ("cbxx ít NT mấy ngày, gh?", "30 ngày", "gia hạn 1 lần không quá 15 ngày"),
        ("cbxx ít NT bn ngày, gh ạ", "30 ngày", "gia hạn 1 lần không quá 15 ngày"),
        ("cbxx NT bn ngày, gh?", "45 ngày", "tối đa 15 ngày với tội ít nghiêm trọng và tội nghiêm trọng"),
        ("cbxx RNT bn ngày, gh?", "2 tháng", "gia hạn 1 lần không quá 30 ngày"),
        ("cbxx ĐBNT bn ngày, gh?", "3 tháng", "gia hạn 1 lần không quá 30 ngày"),
        ("cbxx ĐBNT bao lâu, gia hạn?", "3 tháng", "gia hạn 1 lần không quá 30 ngày"),
        ("đt ít NT bn tháng, gh?", "2 tháng", "gia hạn 1 lần không quá 2 tháng"),
        ("điều tra RNT bao lâu, gh?", "4 tháng", "gia hạn 2 lần, mỗi lần không quá 4 tháng"),
    ],
)
async def test_the_extension_said_alone_is_a_question_of_its_own(
    world: World, question: str, period: str, extension: str
) -> None:
    text, options = await ask(world, question)
    assert "Có phải anh/chị muốn hỏi" not in text and period in text and extension in text, (text, options)


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("cbxx ít NT bn ngày, gh?", "cbxx ít NT bn ngày, gh thì sao?"),
        ("tạm giữ bao lâu, còn gia hạn?", "tạm giữ bao lâu, còn gia hạn thì sao?"),
        # the extension asked of its own, or said inside the question: read as typed
        ("cbxx ít NT bn ngày, gh được không", "cbxx ít NT bn ngày, gh được không"),
        ("tạm giữ bao lâu gia hạn mấy lần", "tạm giữ bao lâu gia hạn mấy lần"),
        ("thời hạn tạm giữ có được gia hạn?", "thời hạn tạm giữ có được gia hạn?"),
        ("tạm giam 2 tháng gh", "tạm giam 2 tháng gh"),
    ],
)
def test_only_the_extension_said_alone_after_the_length_asked_is_read_as_a_question(typed: str, read: str) -> None:
    assert in_place(typed) == read
