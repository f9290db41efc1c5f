"""Classes found by two blind tuning sets of round 15 (tune14a, tune14b; scored blind, then read):

- a later part naming no unit, after a part a unit's entry answered, is asked of that unit and year (a confident
  wrong answer: "…, và phát hiện bao nhiêu % …" was a penalty's entry, "phát" folding onto "phạt");
- report periods are members asked together ("BC 6 tháng và BC năm … chốt số liệu đến ngày nào": both, not one);
- the VKS refusing to approve an emergency arrest: release at once (BLTTHS Đ110 k6, second paragraph);
- "pc" is phê chuẩn and "mấy h" mấy giờ for the calculator (the approval's 12 hours computed from the receipt);
- a Telex tone key typed before the final consonant ("tieesng": tiếng)."""

from __future__ import annotations

import pytest

from knowledge.kb.telex import plain_text
from tests.conftest import World


async def test_a_later_part_is_asked_of_the_earlier_parts_unit(world: World) -> None:
    chat = await world.staff_chat("r15-unit")
    text = await chat.text(
        "Phổ Yên năm 2024 đặt chỉ tiêu kiểm sát bao nhiêu % UBND xã có người chấp hành án treo, và phát hiện bao "
        "nhiêu % trường hợp giam giữ trái pháp luật ạ?"
    )
    assert "2 phần" in text and "Ít nhất 50%" in text, text
    second = text.split("2. ")[1]
    assert second.split("\n")[1].startswith("Về: Chỉ tiêu phát hiện giam giữ") and "100%" in second, text


async def test_two_report_periods_asked_together_are_both_answered(world: World) -> None:
    text = await (await world.staff_chat("r15-periods")).text(
        "BC 6 tháng và BC năm của ngành chốt số liệu đến ngày nào hả anh?"
    )
    assert "2 phần" in text and "31/5" in text and "30/11" in text, text


@pytest.mark.parametrize(
    "question",
    [
        "a oi neu vks ko pc lenh bat nguoi bi giu khan cap thi nguoi do xu ly sao a",
        "vks không phê chuẩn lệnh bắt người bị giữ khẩn cấp thì người đó xử lý thế nào",
    ],
)
async def test_an_emergency_arrest_not_approved_is_released(world: World, question: str) -> None:
    text = await (await world.staff_chat("r15-not-approved")).text(question)
    assert "trả tự do ngay" in text and "Điều 110 khoản 6" in text, text


async def test_pc_and_may_h_are_read_by_the_calculator(world: World) -> None:
    text = await (await world.staff_chat("r15-pc")).text(
        "vks nhan hs de nghi pc lenh bat khan cap luc 3h sang nay, e phai ra qd pc hay ko pc truoc may h"
    )
    assert "hết 15:00 Thứ Hai 02/03/2026" in text and "Điều 110 khoản 6" in text, text


async def test_a_telex_tone_before_the_final_consonant_is_read(world: World) -> None:
    text = await (await world.staff_chat("r15-telex")).text(
        "giuwx nguowif khaan caaps thif bao nhieu tieesng phair ra qd tgiu"
    )
    assert text.startswith("12 giờ") and "Điều 110 khoản 4" in text, text


def test_telex_tone_keys_inside_a_word() -> None:
    assert plain_text("bao nhieu tieesng nhaajt") == "bao nhieu tieng nhat"
    assert plain_text("trong thoi han thong tin") == "trong thoi han thong tin"  # syllables stay as typed


async def test_another_report_period_asked_after_one_is_that_period(world: World) -> None:
    chat = await world.staff_chat("r15-period-follow")
    await chat.text("Kỳ BC 6 tháng năm 2026 tính từ ngày nào đến ngày nào anh?")
    text = await chat.text("Còn BC năm 2025 thì sao?")
    assert "từ ngày 01/12/2024 đến hết ngày 30/11/2025" in text, text


async def test_if_the_extension_is_requested_until_when_is_the_extended_end(world: World) -> None:
    chat = await world.staff_chat("r15-if-requested")
    await chat.text("Tạm giữ từ 8h sáng nay thì hết hạn lúc nào anh?")
    text = await chat.text("Nếu CQĐT xin gia hạn lần 1 thì đến ngày nào?")
    assert "gia hạn lần thứ nhất (3 ngày): hết 08:00 Chủ nhật 08/03/2026" in text, text
    chat = await world.staff_chat("r15-request-day")
    await chat.text("Tạm giữ từ 8h sáng nay thì hết hạn lúc nào anh?")
    text = await chat.text("CQĐT phải xin gia hạn trước ngày nào?")
    assert "không quy định hạn đề nghị gia hạn tạm giữ" in text, text  # the request's day is still its own question
