"""Session 13 (calc13): an extension asked after a tạm giam order that names no stage, through the real dispatcher.
Fake clock: Monday 02/03/2026 08:00 (Hà Nội).

Only detention for investigation (Đ173) and in a resumed or supplementary investigation (Đ174) is extended; in the
prosecution and trial stages detention follows the stage (Đ241, Đ278, Đ347). Đ174 k1, k4: detention no longer
than the continued investigation (ít NT, NT 2 months; RNT, ĐBNT 3 months), extended once (≤ 1 / 2 / 2 / 3 months).
So an ĐBNT order of 4 months, a second extension, or an extension longer than Đ174's can only be Đ173's: computed,
with why (before, the stage was asked, or the length of an unstated second extension).
Custody days: one month = 30 days, day 1 the start day; an extension runs from the day after (FACTS §1).
"""

from __future__ import annotations

import pytest

from tests.conftest import World


@pytest.mark.parametrize(
    ("first", "second", "end"),
    [
        # base 02/03 + 119 = 29/06/2026; gh1 120 days from 30/06: 30/06 + 119 = 27/10/2026
        (
            "tgiam ĐBNT 4 tháng từ 02/03/2026 (ko tgiu) thì hết ngày nào",
            "gh lần 1 thêm 4 tháng thì đến hết ngày nào",
            "27/10/2026",
        ),
        # gh1 at its longest ends 27/10/2026; gh2 120 days from 28/10: 28/10 + 119 = 24/02/2027
        ("ĐBNT tạm giam 4 tháng từ hôm nay thì hết ngày nào", "còn nếu gia hạn lần 2 thì hết ngày nào", "24/02/2027"),
        ("tam giam 4 thang tu 2/3/2026 toi dbnt", "gh lan 2 het ngay nao", "24/02/2027"),
    ],
)
async def test_only_investigation_extends_it(world: World, first: str, second: str, end: str) -> None:
    chat = await world.staff_chat("plain13")
    await chat.text(first)
    text = await chat.text(second)
    assert "Nên đây là tạm giam để điều tra" in text, text
    assert "đến hết ngày" in text and f"trả tự do chậm nhất 24:00 ngày {end}" in text, text


async def test_a_longer_rnt_order_is_computed(world: World) -> None:
    # RNT 4 months (longer than any later stage): 02/03 + 119 = 29/06; gh1 3 months = 90 days: 30/06 + 89 = 27/09/2026
    chat = await world.staff_chat("plain13-rnt")
    await chat.text("tạm giam 4 tháng từ 2/3/2026, tội RNT, hết ngày nào")
    text = await chat.text("gia hạn lần 1 thêm 3 tháng thì tới ngày mấy")
    assert "trả tự do chậm nhất 24:00 ngày 27/09/2026" in text and "Điều 173" in text, text


async def test_the_second_extension_assumes_the_first_at_its_longest(world: World) -> None:
    chat = await world.staff_chat("plain13-assumed")
    await chat.text("ĐBNT tạm giam 4 tháng từ hôm nay thì hết ngày nào")
    text = await chat.text("còn nếu gia hạn lần 2 thì hết ngày nào")
    assert "Giả sử lần gia hạn trước đủ mức tối đa (hết ngày 27/10/2026)" in text, text


async def test_a_second_extension_the_category_has_not_is_refused(world: World) -> None:
    # Đ173 k2: NT detention for investigation is extended once
    chat = await world.staff_chat("plain13-nt")
    await chat.text("tạm giam 3 tháng từ 2/3/2026 tội nghiêm trọng thì hết ngày nào")
    text = await chat.text("gia hạn lần 2 thì sao")
    assert (
        "chỉ được gia hạn 1 lần (Điều 173 khoản 2 BLTTHS 2015), trừ tội xâm phạm an ninh quốc gia" in text
        and "trả tự do chậm nhất" not in text
    ), text


async def test_an_extension_within_both_limits_keeps_its_answer(world: World) -> None:
    # NT 2 months (a resumed investigation's term too), gh1 2 months: 02/03 + 59 = 30/04; 01/05 + 59 = 29/06/2026
    chat = await world.staff_chat("plain13-both")
    await chat.text("tam giam 2 thang tu 2/3/2026 toi nghiem trong")
    text = await chat.text("gia han lan 1 thi het ngay nao")
    assert "trả tự do chậm nhất 24:00 ngày 29/06/2026" in text, text


async def test_the_most_of_a_plain_order_is_every_extension(world: World) -> None:
    # ĐBNT not ANQG (Đ173 k2 d: twice ≤ 4 months; k6: once more ≤ 4 months): 4 × 120 = 480 days from 02/03/2026,
    # 02/03/2026 + 479 = 24/06/2027 — the same as the investigation's own card ("Tối đa nếu được gia hạn đủ").
    # Before, "tối đa" gave the first extension only (27/10/2026).
    chat = await world.staff_chat("plain13-most")
    await chat.text("ĐBNT tạm giam 4 tháng từ hôm nay thì hết ngày nào")
    text = await chat.text("nếu gia hạn tối đa thì hết ngày nào")
    assert "trả tự do chậm nhất 24:00 ngày 24/06/2027" in text and "Điều 173 khoản 6" in text, text
    assert "27/10/2026 đến" not in text, text
