"""Two questions typed as one message, their parts separated only by punctuation (",", ";", "?", "/", "+",
a new line) or by nothing (issue #15, guard9): each part answered with its own figure and source — never
one part's figure for both. A single question whose comma sets off a category or a clause stays one.
Through the dispatcher, with and without diacritics, in shorthand; own phrasings.
"""

from __future__ import annotations

import pytest

from tests.conftest import World

TWO = "Câu hỏi của anh/chị có 2 phần"


@pytest.mark.parametrize(
    ("question", "first", "second"),
    [
        ("tgiam RNT bn thang, dt bn thang?", "Tối đa 7 tháng tạm giam", "tối đa 12 tháng"),
        ("tgiam RNT bn thang dt bn thang", "Tối đa 7 tháng tạm giam", "tối đa 12 tháng"),
        ("tạm giam tội RNT tối đa bao lâu; điều tra RNT tối đa bao lâu", "Tối đa 7 tháng tạm giam", "tối đa 12 tháng"),
        ("tạm giam tội RNT tối đa bao lâu\nđiều tra RNT tối đa bao lâu", "Tối đa 7 tháng tạm giam", "tối đa 12 tháng"),
        ("tam giu bn ngay; gia han may lan", "Tối đa 3 ngày", "Gia hạn tối đa 2 lần"),
        ("tam giu toi da bao lau / gia han may lan", "Tối đa 3 ngày", "Gia hạn tối đa 2 lần"),
        ("tam giu toi da bao lau + gia han may lan", "Tối đa 3 ngày", "Gia hạn tối đa 2 lần"),
        ("tạm giữ tối đa bao lâu?gia hạn mấy lần?", "Tối đa 3 ngày", "Gia hạn tối đa 2 lần"),
        ("tgiu bn ng, tgiam NT bn th", "Tối đa 3 ngày", "Tối đa 5 tháng tạm giam"),
        ("thời hạn tạm giữ bao lâu thời hạn tạm giam điều tra tội NT bao lâu", "Tối đa 3 ngày", "Tối đa 5 tháng"),
        ("dt toi NT bn thang tt bn ngay", "tối đa 8 tháng", "20 ngày đối với tội ít nghiêm trọng"),
        ("truy tố RNT bao nhiêu ngày? cbxx RNT bao lâu?", "30 ngày đối với tội rất nghiêm trọng", "2 tháng, kể từ"),
        ("khang cao may ngay / khang nghi vks cap tren may ngay", "15 ngày, kể từ ngày tuyên án", "30 ngày"),
        ("kháng cáo quá hạn có được không kháng cáo bản án sơ thẩm mấy ngày", "Kháng cáo quá hạn", "15 ngày"),
        ("tam giu co duoc gia han khong tam giu toi da bao lau", "Gia hạn tối đa 2 lần", "Tối đa 3 ngày"),
        (
            "tam giam het han dung ngay chu nhat thi co lui sang thu 2 khong 1 thang tgiam tinh may ngay",
            "không lùi",
            "30 ngày",
        ),
        (
            "bac ho day can bo kiem sat 5 duc tinh gi nganh thanh lap ngay nao",
            "Công minh, chính trực",
            "26/7/1960",
        ),
        ("ky thong ke 6 thang tinh toi ngay nao che do bao cao thong ke theo qd so may", "Kỳ thống kê", "358"),
        # after a mark, a clause naming only a subject of its own asks what the clause before asks
        ("tgiam RNT bn thang, dt?", "Tối đa 7 tháng tạm giam", "tối đa 12 tháng"),
        ("tam giam RNT bao lau, dieu tra RNT", "Tối đa 7 tháng tạm giam", "tối đa 12 tháng"),
        ("kháng cáo bản án sơ thẩm bao nhiêu ngày? kháng nghị VKS cùng cấp?", "15 ngày, kể từ", "VKS cùng cấp"),
        ("tgiam NT bn thang - dt NT bn thang", "Tối đa 5 tháng tạm giam", "tối đa 8 tháng"),
    ],
)
async def test_each_part_gets_its_own_answer(world: World, question: str, first: str, second: str) -> None:
    chat = await world.staff_chat("joined")
    text = await chat.text(question)
    assert text.startswith(TWO), text
    one, two = text.split("\n2. ", 1)
    assert first.lower() in one.lower() and second.lower() in two.lower(), text
    assert one.count("Căn cứ:") == 1 and two.count("Căn cứ:") == 1, text  # each part with its source


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("tội RNT, tạm giam tối đa bao lâu", "Tối đa 7 tháng tạm giam"),
        ("toi RNT, dieu tra toi da bao lau", "tối đa 12 tháng"),
        ("đối với tội ít nghiêm trọng, thời hạn truy tố là bao nhiêu ngày", "20 ngày"),
        ("tội NT, tạm giam điều tra tối đa bao lâu", "Tối đa 5 tháng tạm giam"),
        ("tạm giữ, tối đa bao lâu", "Tối đa 3 ngày"),
    ],
)
async def test_a_comma_before_a_category_or_clause_keeps_one_question(world: World, question: str, figure: str) -> None:
    chat = await world.staff_chat("joined-one")
    text = await chat.text(question)
    assert not text.startswith(TWO) and figure in text, text


@pytest.mark.parametrize(
    ("question", "date"),
    [
        ("cqđt nhận tin báo hôm nay\nhạn 20 ngày là đến ngày nào", "23/03/2026"),
        ("toi qua 21h bat qt\n23h cqdt nhan nguoi\ntgiu 3 ngay den luc nao", "04/03/2026"),
        ("Tòa thụ lý vụ án tội nghiêm trọng sáng nay\nhạn chuẩn bị xét xử đến ngày nào?", "16/04/2026"),
    ],
)
async def test_one_clause_a_line_reads_as_one_message(world: World, question: str, date: str) -> None:
    """A line break between the facts and the question is the comma it stands for (the calculator reads it)."""
    chat = await world.staff_chat("joined-lines")
    text = await chat.text(question)
    assert date in text and "chưa trả lời được ngày cụ thể" not in text, text
