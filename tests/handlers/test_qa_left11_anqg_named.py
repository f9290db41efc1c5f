"""A crime against national security named settles a menu on the one entry titled by it: typed without
marks, "tạm giam ANQG ĐBNT tối đa bao lâu, gh mấy lần" was a menu between the ANQG detention entry and the
ordinary ĐBNT detention (which names ANQG in passing), and its second part, read alone, found nothing. The ANQG
entry (Điều 173 khoản 5) answers both parts. A question of the investigation itself (no detention named) is
not settled on the detention's entry; "không phải ANQG" is the ordinary entry."""

from __future__ import annotations

import pytest

from tests.conftest import World

ANQG = "Tội xâm phạm an ninh quốc gia: hết các lần gia hạn thường"


@pytest.mark.parametrize(
    "question",
    [
        "tgiam dt anqg dbnt max bn, gh may lan",
        "tam giam toi anqg dbnt toi da bao lau va gia han may lan",
        "tam giam anqg dbnt toi da bao lau",
        "tam giam toi xam pham an ninh quoc gia dac biet nghiem trong toi da bao lau, gh may lan",
        "tạm giam ANQG ĐBNT tối đa bao lâu, gh mấy lần",
        "tam giam anqg rnt toi da bao lau, gh may lan",
    ],
)
async def test_anqg_named_is_the_anqg_entry(world: World, question: str) -> None:
    text = await (await world.staff_chat("anqg")).text(question)
    assert ANQG in text and "Điều 173 khoản 5" in text and "Câu hỏi của anh/chị có 2 phần" not in text, text


async def test_not_anqg_is_the_ordinary_detention(world: World) -> None:
    text = await (await world.staff_chat("anqg-not")).text("tam giam dt dbnt ko phai anqg toi da bao lau")
    assert ANQG not in text and "4 tháng" in text, text


async def test_the_investigation_is_not_settled_on_the_detention(world: World) -> None:
    text = await (await world.staff_chat("anqg-dt")).text("dieu tra toi anqg dbnt toi da bao lau")
    assert not text.startswith(ANQG), text
