"""An adjourned hearing ("tòa hoãn phiên tòa … bao lâu") is the first instance's 30 days (BLTTHS Điều 297
khoản 2), which the appeal's adjournment follows (Điều 352 khoản 2); it was answered with the cassation
panel's adjournment (Điều 382), or for the appeal with the days before the appeal hearing. The cassation's own
entry is for a question that names it."""

from __future__ import annotations

import pytest

from tests.conftest import World


@pytest.mark.parametrize(
    "question",
    [
        "tòa hoãn phiên tòa thì bao lâu phải mở lại",
        "toa hoan phien toa bao lau",
        "tòa hoãn phiên tòa tối đa bao lâu",
        "toa hoan xu thi bao lau moi xu lai",
        "tòa án hoãn phiên tòa phúc thẩm thì bao lâu",
        "hoãn phiên tòa phúc thẩm tối đa bao lâu",
        "e hỏi xíu, tòa phúc thẩm hoãn phiên tòa thì tối đa mấy ngày ạ",
    ],
)
async def test_an_adjourned_hearing_is_thirty_days_of_article_297(world: World, question: str) -> None:
    text = await (await world.staff_chat("hoan")).text(question)
    assert text.startswith("Không quá 30 ngày, kể từ ngày ra quyết định hoãn phiên tòa sơ thẩm"), text
    assert "Điều 352 khoản 2" in text and "Ủy ban Thẩm phán" not in text


@pytest.mark.parametrize(
    "question",
    ["hoãn phiên tòa giám đốc thẩm thì mở lại trong mấy ngày", "hoan phien toa gdt bao lau phai mo lai"],
)
async def test_the_cassation_named_is_its_own(world: World, question: str) -> None:
    text = await (await world.staff_chat("hoan-gdt")).text(question)
    assert "Điều 382" in text and "Ủy ban Thẩm phán" in text, text


@pytest.mark.parametrize(
    "question",
    [
        "Dạ anh ơi tòa tỉnh nhận hồ sơ phúc thẩm rồi thì trong bao lâu phải mở phiên tòa phúc thẩm vậy anh",
        "tòa phúc thẩm nhận hồ sơ thì bao lâu phải mở phiên tòa",
        "toa so tham nhan ho so thi bao lau phai mo phien toa",
    ],
)
async def test_no_adjournment_said_is_not_the_adjournment(world: World, question: str) -> None:
    text = await (await world.staff_chat("hoan-not")).text(question)
    assert "hoãn phiên tòa" not in text.split("\n", 1)[0], text
