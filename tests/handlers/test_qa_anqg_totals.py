"""Detention to investigate a crime against national security (Chương XIII BLHS, Điều 108-121): its
totals by category under BLTTHS Điều 173 k1, k2 and k5 (3 + 2 + 4 + 1 = 10 months for a serious crime …),
reached when the category is named with "an ninh quốc gia" or when a Chương XIII clause is cited. Round 10,
through the dispatcher; own phrasings."""

from __future__ import annotations

import pytest

from knowledge.kb.blhs_category import with_category
from tests.conftest import World


async def ask(world: World, question: str) -> str:
    return (await (await world.staff_chat("anqg-total")).text(question)).split("Xem thêm")[0]


def lead(text: str) -> str:
    return next((line for line in text.splitlines() if line.startswith("▶")), "")


@pytest.mark.parametrize(
    ("question", "total"),
    [
        ("tạm giam điều tra tội ĐBNT xâm phạm ANQG tối đa tổng cộng bao nhiêu tháng", "20 tháng"),
        ("tam giam dieu tra toi dac biet nghiem trong xam pham an ninh quoc gia tong cong bao lau", "20 tháng"),
        ("tam giam dieu tra toi RNT xam pham anqg tong cong toi da bao lau", "13 tháng"),
        ("tội rất nghiêm trọng xâm phạm an ninh quốc gia tạm giam điều tra tổng cộng tối đa mấy tháng", "13 tháng"),
        ("tgiam dt toi NT xam pham ANQG tong cong toi da bn thang", "10 tháng"),
        (
            "anh ơi tội nghiêm trọng xâm phạm an ninh quốc gia thì tạm giam điều tra tổng cộng tối đa bao lâu ạ",
            "10 tháng",
        ),
        ("tam giam dieu tra toi it nghiem trong xam pham an ninh quoc gia tong cong toi da bao lau", "7 tháng"),
        (
            "Đối với tội phá rối an ninh theo khoản 2 Điều 118 BLHS, tạm giam để điều tra tối đa tổng cộng là bao"
            " nhiêu tháng nếu Viện trưởng VKSND tối cao gia hạn hết các lần theo khoản 5 Điều 173",
            "10 tháng",
        ),
        ("tội gián điệp khoản 2 điều 110 blhs tạm giam điều tra tổng cộng tối đa bao nhiêu tháng", "13 tháng"),
    ],
)
async def test_the_total_for_the_category_named_leads(world: World, question: str, total: str) -> None:
    text = await ask(world, question)
    assert total in lead(text) and "Điều 173 khoản 5" in text, text


async def test_the_non_security_total_is_not_given_for_a_security_crime(world: World) -> None:
    text = await ask(world, "tội nghiêm trọng xâm phạm an ninh quốc gia tạm giam điều tra tổng cộng tối đa bao lâu")
    assert "5 tháng" not in lead(text), text


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("phá rối an ninh khoản 2 điều 118 blhs tạm giam bao lâu", "tội nghiêm trọng xâm phạm an ninh quốc gia"),
        ("khoan 1 dieu 109 blhs tam giam bao lau", "tội đặc biệt nghiêm trọng xâm phạm an ninh quốc gia"),
        ("k1 d121 blhs dieu tra bao lau", "xâm phạm an ninh quốc gia"),  # the chapter's last article
        ("k1 d108 blhs dieu tra bao lau", "xâm phạm an ninh quốc gia"),  # and its first
    ],
)
def test_a_chapter_xiii_clause_is_read_as_a_security_crime(text: str, label: str) -> None:
    assert label in with_category(text)


@pytest.mark.parametrize("text", ["trộm cắp khoản 1 điều 173 blhs điều tra bao lâu", "k1 d123 blhs điều tra bao lâu"])
def test_other_articles_are_not(text: str) -> None:
    read = with_category(text)
    assert "nghiêm trọng" in read and "an ninh quốc gia" not in read


@pytest.mark.parametrize(
    "question",
    [
        "tội ANQG RNT gia hạn tạm giam được bao lâu",
        "tội an ninh quốc gia đã gia hạn thêm 4 tháng theo khoản 5 mà chưa xong thì gia hạn tiếp được bao lâu",
        "tam giam toi anqg gia han them bao lau",
        "tạm giam tối đa tội ANQG ĐBNT bao lâu",
    ],
)
async def test_no_lead_gives_one_step_for_the_whole(world: World, question: str) -> None:
    # legal review, round 10: "▶ Không quá 2 tháng với tội rất nghiêm trọng" read as the whole extension
    text = await ask(world, question)
    assert not text.startswith("4 tháng") and "▶ Không quá" not in text, text
    assert "7 tháng" not in lead(text) or "ít nghiêm trọng" in question, text
