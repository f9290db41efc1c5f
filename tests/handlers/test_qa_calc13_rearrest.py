"""Session 13 (calc13): a tạm giữ that ended in release, then a tạm giam on a later day, through the real
dispatcher. Fake clock: Monday 02/03/2026 08:00 (Hà Nội).

The tạm giam starts on its own day and the tạm giữ's days are deducted; one month of detention = 30 days, day 1 is
the start day (TTLT 04/2018 Đ17, official example: 6 days of tạm giữ, released, re-arrested 11/04/2018 for 2 months:
60 − 6 = 54 days, 11/04 → 03/06/2018; FACTS §1 V). Before:
* "hôm nay 2/3", "bữa nay 2/3" were two dates of one day, so the question looked like a tạm giữ with many dates
  and was refused;
* "bắt bị can để tạm giam", "bắt lại để tạm giam" did not lead the date into the tạm giam, so the tạm giam was
  counted on from the tạm giữ's end (a confident wrong 05/05/2026);
* "cho cấm đi khỏi nơi cư trú" was not read as a release.
"""

from __future__ import annotations

import pytest

from tests.conftest import World


@pytest.mark.parametrize(
    ("question", "net", "end"),
    [
        # 60 − 6 = 54 days from 02/03/2026: 02/03 + 53 = 24/04/2026
        (
            "Bị can bị tgiu đủ 6 ngày rồi được thả, tới bữa nay 2/3 bắt lại tgiam 2 tháng thì lệnh ghi tới hết ngày nào",
            54,
            "24/04/2026",
        ),
        # 90 − 6 = 84 days from 02/03/2026: 02/03 + 83 = 24/05/2026 (March 29 left after the 2nd, April 30, May 24)
        (
            "tgiu 6 ngay tu 14h 5/2/2026 den 14h 11/2/2026 r cho cam di khoi noi cu tru. sang nay bat bi can de tam "
            "giam 3 thang (NT). tinh giup ngay het han",
            84,
            "24/05/2026",
        ),
        # 60 − 3 = 57 days from 02/03/2026: 02/03 + 56 = 27/04/2026
        (
            "bị can bị tạm giữ 3 ngày (10h 24/2 đến 10h 27/2/2026) rồi được tại ngoại, hôm nay 2/3 bắt lại để tạm giam "
            "2 tháng. Lệnh tạm giam ghi đến hết ngày nào ạ",
            57,
            "27/04/2026",
        ),
        # 60 − 3 = 57 days from 02/03/2026 → 27/04/2026 ("2/3 (hôm nay)": one day)
        (
            "tam giu 3 ngay tu 8h 10/2 roi tha, 2/3 (hom nay) bat doi tuong de tam giam 2 thang, het ngay nao",
            57,
            "27/04/2026",
        ),
        # 30 − 6 = 24 days from 02/03/2026: 02/03 + 23 = 25/03/2026
        (
            "bi tgiu 6 ngay roi cho tai ngoai, hom nay ngay 2/3 bat lai bi can de tgiam 1 thang thi het ngay may",
            24,
            "25/03/2026",
        ),
        # "hnay" (chat shorthand for hôm nay): 60 − 3 = 57 days from 02/03/2026 → 27/04/2026
        ("đã tgiữ 3 ngày rồi thả, hnay bắt lại tgiam 2 tháng, lệnh đến ngày nào", 57, "27/04/2026"),
        # 120 − 3 = 117 days from 02/03/2026: 02/03 + 116 = 26/06/2026 (29 + 30 + 31 + 26)
        (
            "tạm giữ 3 ngày từ 9h 1/2/2026 rồi được thả cho cấm đi khỏi nơi cư trú, bữa nay 2/3 bắt lại đối tượng để "
            "tạm giam 4 tháng, lệnh ghi tới ngày nào",
            117,
            "26/06/2026",
        ),
    ],
)
async def test_a_detention_after_a_release_starts_on_its_own_day(
    world: World, question: str, net: int, end: str
) -> None:
    chat = await world.staff_chat("rearrest13")
    text = await chat.text(question)
    assert "TẠM GIAM" in text, text
    assert "Bắt đầu: Thứ Hai 02/03/2026" in text, text
    assert f"Thời hạn tạm giam ({net} ngày)" in text, text
    assert f"Trả tự do chậm nhất: 24:00 ngày {end}" in text, text


@pytest.mark.parametrize(
    ("question", "net", "end"),
    [
        # 10:00 24/02 → 10:00 27/02 = 3 whole days; 60 − 3 = 57 from 02/03/2026: 02/03 + 56 = 27/04/2026
        (
            "tạm giữ từ 10h 24/2 đến 10h 27/2/2026 rồi được tại ngoại, hôm nay bắt lại tạm giam 2 tháng thì hết ngày nào",
            57,
            "27/04/2026",
        ),
        # 09:00 05/02 → 09:00 11/02 = 6 days (TTLT 04/2018 Đ17 ví dụ 2's shape); 90 − 6 = 84: 02/03 + 83 = 24/05/2026
        (
            "dt bi tam giu tu 9h ngay 5/2 den 9h ngay 11/2/2026 thi tha, 2/3/2026 bat tam giam 3 thang, het ngay nao",
            84,
            "24/05/2026",
        ),
    ],
)
async def test_a_custody_said_by_its_two_ends_deducts_its_whole_days(
    world: World, question: str, net: int, end: str
) -> None:
    chat = await world.staff_chat("span13")
    text = await chat.text(question)
    assert "Bắt đầu: Thứ Hai 02/03/2026" in text, text
    assert f"Thời hạn tạm giam ({net} ngày)" in text and f"Trả tự do chậm nhất: 24:00 ngày {end}" in text, text


async def test_ends_at_other_hours_are_not_guessed(world: World) -> None:
    # 10:00 24/02 → 15:00 26/02: not whole days (cut short?): the deduction is open (FACTS §1 U), asked
    chat = await world.staff_chat("span13-cut")
    text = await chat.text(
        "tạm giữ từ 10h 24/2 đến 15h 26/2/2026 rồi được tại ngoại, hôm nay bắt lại tạm giam 2 tháng thì hết ngày nào"
    )
    assert "Anh/chị cho biết số ngày tạm giữ" in text and "/04/2026" not in text, text
