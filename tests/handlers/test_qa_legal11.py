"""The legal review of round 12 (legal11), through the dispatcher as a fresh staff member: days held are credited
only to what is served in days (BLHS Đ38 k1 prison, Đ36 k1 cải tạo không giam giữ), never to a suspended term or a
fine (BLTTHS Đ328 k3, k4: release at the hearing); days held that cover the prison term say so (Đ328 k5); a
prisoner "ở trại cải tạo" is serving prison; an extended custody ends at the hour of its extension (Đ118 k2)."""

from __future__ import annotations

import pytest

from tests.conftest import World


async def reply(world: World, question: str) -> str:
    chat = await world.staff_chat("legal11")
    return await chat.text(question)


SUSPENDED = [
    "bị cáo tạm giữ 3 ngày, tạm giam 57 ngày, xử 2 năm tù cho hưởng án treo thì được trừ bao nhiêu ngày",
    "tgiu 3 ngay tgiam 57 ngay, toa xu 3 nam tu cho huong an treo thi tru bn ngay",
    "tạm giam 57 ngày, xử 2 năm tù cho hưởng án treo thì được trừ bao nhiêu ngày",
    "bi can tam giam 40 ngay, toa cho huong an treo 2 nam tu thi duoc tru may ngay",
]


@pytest.mark.parametrize("question", SUSPENDED)
async def test_nothing_is_counted_against_a_suspended_term(world: World, question: str) -> None:
    text = await reply(world, question)
    assert text.startswith("Án treo không phải chấp hành hình phạt tù"), text
    assert "Điều 328 khoản 4" in text and "cần đối chiếu" in text, text
    assert "Được trừ" not in text, text


FINE = [
    "bị cáo bị phạt tiền 20 triệu, trước đó tạm giữ 3 ngày tạm giam 30 ngày thì được trừ bao nhiêu ngày",
    "tgiu 3 ngay, tgiam 30 ngay, toa xu phat tien 50 trieu thi tru bn ngay",
    "tạm giam 25 ngày rồi bị phạt tiền thì được trừ mấy ngày",
]


@pytest.mark.parametrize("question", FINE)
async def test_a_fine_is_not_counted_in_days(world: World, question: str) -> None:
    text = await reply(world, question)
    assert text.startswith("Phạt tiền không tính theo ngày"), text
    assert "Điều 328 khoản 3" in text and "Lệnh tạm giam ghi" not in text, text


@pytest.mark.parametrize(
    ("question", "days"),
    [
        ("tạm giữ 3 ngày, tạm giam 100 ngày, xử 3 tháng tù thì được trừ bao nhiêu ngày", "103"),
        ("tgiu 3 ngay tgiam 57 ngay, toa xu 1 thang tu thi tru bn ngay", "60"),
        ("bi tam giu 9 ngay, tam giam 400 ngay, bi xu 1 nam tu thi duoc tru bao nhieu ngay", "409"),
    ],
)
async def test_days_held_that_cover_the_term_release_at_the_hearing(world: World, question: str, days: str) -> None:
    text = await reply(world, question)
    assert text.startswith(f"Được trừ {days} ngày vào thời hạn chấp hành hình phạt tù"), text
    assert "Điều 328 khoản 5" in text, text


async def test_a_term_longer_than_the_days_held_has_no_release_note(world: World) -> None:
    text = await reply(world, "tạm giữ 3 ngày, tạm giam 57 ngày, xử 2 năm tù thì được trừ bao nhiêu ngày")
    assert text.startswith("Được trừ 60 ngày vào thời hạn chấp hành hình phạt tù"), text
    assert "Điều 328" not in text, text


@pytest.mark.parametrize(
    "question",
    [
        "bị cáo tạm giữ 3 ngày, tạm giam 57 ngày, xử 2 năm tù đang ở trại cải tạo thì được trừ bao nhiêu ngày",
        "tgiu 3 ngay tgiam 57 ngay xu 2 nam tu, dang o trai cai tao, duoc tru bn ngay",
    ],
)
async def test_a_prison_camp_is_prison(world: World, question: str) -> None:
    text = await reply(world, question)
    assert text.startswith("Được trừ 60 ngày vào thời hạn chấp hành hình phạt tù"), text
    assert "cải tạo không giam giữ:" not in text, text


@pytest.mark.parametrize(
    "question",
    [
        "tạm giữ đã gia hạn lần 1, hết hạn gia hạn mà không có gia hạn lần 2 thì tha lúc nào",
        "tam giu da gia han 1 lan, het han ma khong gia han tiep thi tra tu do luc nao",
    ],
)
async def test_an_extended_custody_ends_at_its_extensions_hour(world: World, question: str) -> None:
    text = await reply(world, question)
    assert "144 giờ" in text and "khi đủ 72 giờ" not in text, text


@pytest.mark.parametrize(
    "question",
    [
        "tạm giữ 3 ngày, tòa xử phạt tiền 20 triệu thì kháng cáo mấy ngày",
        "tam giam 40 ngay, toa cho huong an treo thi khang cao trong bao nhieu ngay",
        "tạm giữ 3 ngày tạm giam 57 ngày, xử 2 năm tù thì kháng cáo mấy ngày",
    ],
)
async def test_a_sentence_named_beside_another_question_is_not_the_credit(world: World, question: str) -> None:
    text = await reply(world, question)
    assert not text.startswith(("Được trừ", "Án treo không phải", "Phạt tiền không tính")), text
