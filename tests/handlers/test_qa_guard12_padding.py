"""guard12: "nha" after "cho hỏi" is the particle ("cho em hỏi nha, …") or the house ("cho hỏi nhà tạm giữ phải
báo trước …"); the padding cut took the house with it and the question became "tạm giữ phải báo trước …": the
release rule's 72 hours answered instead of the notice's days. Typed with its mark, or without marks before
"tạm giữ/giam", it is the house and stays; with a comma after it, or as "nhé", it is the particle."""

from __future__ import annotations

import pytest

from knowledge.kb.padding import strip_padding
from tests.conftest import World


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("cho hỏi nha tam giu phai canh bao truoc khi het han tam giam da gia han bao nhieu ngay", "10 ngày"),
        ("anh ơi em hỏi, nha tam giu phai bao truoc het han gia han tam giam may ngay vậy", "10 ngày"),
        ("cho e hoi chut nha tam giu bao truoc khi het han tam giam bn ngay a", "5 ngày"),
        ("cho em hỏi nhà tạm giữ phải thông báo trước khi hết hạn tạm giam mấy ngày ạ", "5 ngày"),
        ("a ơi cho em hỏi với nha tam giu phai bao truoc het han tgiam da gh bao nhieu ngay", "10 ngày"),
        ("a ơi cho em hỏi, nha tgiu phai canh bao truoc khi het han tgiam da gh bn ng với ạ", "10 ngày"),
    ],
)
async def test_the_house_after_may_i_ask_stays_in_the_question(world: World, question: str, lead: str) -> None:
    text = await (await world.staff_chat("g12-nha")).text(question)
    assert f"▶ {lead} trước khi hết hạn" in text, text
    assert "trả tự do" not in text.split("\n")[1], text


@pytest.mark.parametrize(
    ("typed", "bare"),
    [
        ("cho hỏi nhà tạm giữ phải báo trước mấy ngày", "nhà tạm giữ phải báo trước mấy ngày"),
        ("cho e hoi chut nha tam giam phai bao truoc", "nha tam giam phai bao truoc"),
        ("cho em hỏi nha, tạm giữ mấy ngày", "tạm giữ mấy ngày"),
        ("cho hoi nha, tam giu may ngay", "tam giu may ngay"),
        ("cho em hỏi nhé tạm giữ mấy ngày", "tạm giữ mấy ngày"),
        ("cho hoi nha gia han may lan", "gia han may lan"),
        ("em hỏi chút nha, trại tạm giam báo trước mấy ngày", "trại tạm giam báo trước mấy ngày"),
    ],
)
def test_nha_is_the_particle_only_where_it_cannot_be_the_house(typed: str, bare: str) -> None:
    assert strip_padding(typed) == bare
