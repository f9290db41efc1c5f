"""Follow-ups and close calls of the session-11 tuning sets (tune11a, tune11b), through the dispatcher: the same
question asked again of an adult after one about a minor ("còn người lớn thì sao"); "còn gia hạn tiếp được
không, bao nhiêu tháng" after limits whose answer gives the extensions; and a tie between the extensions' table
and the category's own entry settled by the category the question names."""

from __future__ import annotations

import pytest

from tests.conftest import World


@pytest.mark.parametrize(
    ("first", "then", "figure"),
    [
        ("bi can 17t tgiam dt toi NT bn thang", "con nguoi lon thi sao", "3 tháng"),
        ("bị cáo 16 tuổi chuẩn bị xét xử tội RNT bao lâu", "thế người đã thành niên thì sao", "2 tháng"),
        ("bi can chua thanh nien tam giam dieu tra toi RNT bao lau", "con nguoi lon thi sao", "4 tháng"),
        (
            "bị can dưới 18 tuổi tạm giam điều tra tội ít nghiêm trọng tối đa bao lâu",
            "nếu đủ 18 tuổi thì sao",
            "2 tháng",
        ),
        ("doi tuong 15t toi DBNT thi dieu tra bao lau", "vay nguoi lon thi bao lau", "4 tháng"),
    ],
)
async def test_the_minors_question_asked_again_of_an_adult(world: World, first: str, then: str, figure: str) -> None:
    chat = await world.staff_chat("t11-adult")
    await chat.text(first)
    text = await chat.text(then)
    assert figure in text and "Căn cứ" in text, text


async def test_an_adult_follow_up_with_its_own_subject_is_read_alone(world: World) -> None:
    chat = await world.staff_chat("t11-adult2")
    await chat.text("bi can 17t tgiam dt toi NT bn thang")
    text = await chat.text("con nguoi lon thi tam giu toi da bao lau")
    assert "3 ngày" in text and "Căn cứ" in text, text  # the custody asked, not the detention before


async def test_a_follow_up_on_a_minor_stays_a_minors(world: World) -> None:
    chat = await world.staff_chat("t11-adult3")
    await chat.text("bi can 17t tgiam dt toi NT bn thang")
    text = await chat.text("con bi can 16 tuoi thi sao")
    assert "Căn cứ" not in text or "chưa kiểm chứng" in text.lower(), text


@pytest.mark.parametrize(
    ("first", "then", "figure"),
    [
        ("dt DBNT gh het 3 lan ma chua xong", "con gh tiep dc ko dc bn thang", "4 tháng"),
        (
            "điều tra tội đặc biệt nghiêm trọng tối đa bao lâu",
            "gia hạn hết 3 lần rồi còn gia hạn tiếp được không",
            "4 tháng",
        ),
        ("dieu tra toi DBNT bao lau", "het 3 lan gh roi thi con gh tiep duoc khong, bn thang", "4 tháng"),
        ("dieu tra toi it nghiem trong bao lau", "gia han tiep duoc khong", "1 lần"),
        ("tam giam dieu tra toi RNT bao lau", "gh them lan nua dc ko", "1 lần"),
    ],
)
async def test_another_extension_asked_after_the_limits(world: World, first: str, then: str, figure: str) -> None:
    chat = await world.staff_chat("t11-next")
    await chat.text(first)
    text = await chat.text(then)
    assert figure in text and "Căn cứ" in text, text


async def test_who_extends_after_the_limits_is_still_who(world: World) -> None:
    chat = await world.staff_chat("t11-next2")
    await chat.text("dieu tra toi DBNT bao lau")
    text = await chat.text("ai co tham quyen gia han")
    assert "thẩm quyền" in text or "Có phải anh/chị muốn hỏi" in text, text  # who, not the length again


@pytest.mark.parametrize(
    ("question", "figures"),
    [
        ("gia hạn tam giam tôi nghiem trong dc may lần, bao lau", ("1 lần", "2 tháng")),
        ("gia han tam giam toi nghiem trong duoc may lan bao lau", ("1 lần", "2 tháng")),
        ("gh tgiam toi NT dc may lan, moi lan bao lau", ("1 lần", "2 tháng")),
        ("tạm giam tội nghiêm trọng được gia hạn mấy lần, bao lâu", ("1 lần", "2 tháng")),
        ("gia hạn tạm giam tội rất nghiêm trọng được mấy lần bao lâu", ("1 lần", "3 tháng")),
        ("gia han tam giam toi it nghiem trong duoc may lan", ("1 lần", "1 tháng")),
    ],
)
async def test_how_many_extensions_of_a_category_is_its_own_entry(
    world: World, question: str, figures: tuple[str, ...]
) -> None:
    text = await (await world.staff_chat("t11-tie")).text(question)
    assert all(f in text for f in figures) and "Căn cứ" in text, text


async def test_how_many_extensions_with_no_category_is_still_asked_or_the_table(world: World) -> None:
    text = await (await world.staff_chat("t11-tie2")).text("gia han tam giam duoc may lan")
    assert "Có phải anh/chị muốn hỏi" in text or "tội ít nghiêm trọng" in text, text
