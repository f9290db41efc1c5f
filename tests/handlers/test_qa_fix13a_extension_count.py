"""Session 13 (fix13a), legal review finding 5: "… chỉ được gia hạn có thời hạn tối đa 1 lần (Điều 173 khoản 2)"
left out that ANQG crimes have further extensions (Đ173 k5) and read unnaturally: now "chỉ được gia hạn 1 lần (Điều
173 khoản 2 BLTTHS 2015), trừ tội xâm phạm an ninh quốc gia (khoản 5)". Both places that say it: the plain order's
check (``detention_extension``) and a card's extension past its last (``extension_ask``). Through the real
dispatcher."""

from __future__ import annotations

import pytest

from tests.conftest import World

UNLESS = "trừ tội xâm phạm an ninh quốc gia (khoản 5)"


@pytest.mark.parametrize(
    ("card", "then", "count"),
    [
        # a plain order (no stage named): checked against Đ173 for the category
        ("tạm giam 3 tháng từ 2/3/2026 tội nghiêm trọng thì hết ngày nào", "gia hạn lần 2 thì sao", "1 lần"),
        ("tam giam 2 thang tu 2/3/2026 toi it nghiem trong het ngay nao", "gh lan 2 thi het ngay nao", "1 lần"),
        # a detention for investigation's card
        (
            "tạm giam để điều tra tội rất nghiêm trọng từ 02/03/2026 thì hết ngày nào",
            "còn gia hạn lần 2 thì sao",
            "1 lần",
        ),
    ],
)
async def test_one_extension_save_for_anqg(world: World, card: str, then: str, count: str) -> None:
    chat = await world.staff_chat("count13a")
    await chat.text(card)
    text = await chat.text(then)
    assert f"chỉ được gia hạn {count} (Điều 173 khoản 2 BLTTHS 2015), {UNLESS}" in text, text
    assert "có thời hạn tối đa" not in text, text


async def test_an_anqg_crime_has_no_such_exception(world: World) -> None:
    chat = await world.staff_chat("count13a-anqg")
    await chat.text("tạm giam để điều tra tội nghiêm trọng xâm phạm an ninh quốc gia từ 02/03/2026 hết ngày nào")
    text = await chat.text("gia hạn lần 4 thì sao")
    assert "chỉ được gia hạn 3 lần" in text and UNLESS not in text, text


async def test_custody_says_its_count_plainly(world: World) -> None:
    chat = await world.staff_chat("count13a-custody")
    await chat.text("tạm giữ từ 9h sáng nay thì hết lúc nào")
    text = await chat.text("gia hạn lần 3 thì sao")
    assert "chỉ được gia hạn 2 lần (Điều 118 khoản 2 BLTTHS 2015)" in text and UNLESS not in text, text


@pytest.mark.parametrize(
    ("question", "said"),
    [
        (
            "gia hạn tạm giam lần 2 tội rất nghiêm trọng từ 01/04/2026 thì hết ngày nào",
            "chỉ được gia hạn 1 lần (Điều 173 BLTTHS 2015), " + UNLESS,
        ),
        (
            "gia han tam giam lan 4 toi dac biet nghiem trong tu 1/4/2026 het ngay nao",
            "chỉ được gia hạn 3 lần có thời hạn (Điều 173 BLTTHS 2015), " + UNLESS,
        ),
    ],
)
async def test_an_extension_order_past_the_last_says_the_same(world: World, question: str, said: str) -> None:
    chat = await world.staff_chat("count13a-order")
    text = await chat.text(question)
    assert said in text and "có thời hạn tối đa" not in text, text
    assert ("kết thúc việc điều tra" in text) == ("3 lần" in said), text
