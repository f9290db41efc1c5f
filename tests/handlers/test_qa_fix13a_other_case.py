"""Session 13 (fix13a), legal review finding 1: a tạm giữ in another case (another crime, another matter) is not
deducted from the tạm giam (TTLT 04/2018 Đ17 k1; both its examples are one bị can in one case). Before, "tạm giữ 3
ngày … rồi thả, hôm nay bắt lại tạm giam 2 tháng trong vụ án khác" gave 57 days (3 deducted). Through the real
dispatcher; fake clock Monday 02/03/2026 08:00 (Hà Nội)."""

from __future__ import annotations

import pytest

from tests.conftest import World


@pytest.mark.parametrize(
    ("question", "days", "end"),
    [
        # 60 days from 02/03/2026 (day 1): 30 in March (2–31), 30 in April → 30/04/2026
        (
            "tạm giữ 3 ngày từ 8h 01/02/2026 rồi thả, hôm nay bắt lại tạm giam 2 tháng trong vụ án khác",
            60,
            "30/04/2026",
        ),
        ("tgiu 3 ngay roi tha, hnay bat tam giam 2 thang ve toi khac, het ngay nao", 60, "30/04/2026"),
        # 30 days from 02/03/2026 → 31/03/2026
        (
            "bị can từng bị tạm giữ 6 ngày trong vụ khác, nay bắt tạm giam 1 tháng từ 2/3/2026 thì hết ngày nào",
            30,
            "31/03/2026",
        ),
        # 90 days from 02/03/2026: 30 + 30 + 30 → 30/05/2026
        (
            "hồi trước nó bị tạm giữ 3 ngày vì việc khác rồi cho về, bữa nay 2/3 bắt tạm giam 3 tháng, tính giùm ngày hết",
            90,
            "30/05/2026",
        ),
    ],
)
async def test_a_custody_in_another_case_is_not_deducted(world: World, question: str, days: int, end: str) -> None:
    chat = await world.staff_chat("othercase13")
    text = await chat.text(question)
    assert "Bắt đầu: Thứ Hai 02/03/2026" in text, text
    assert f"Thời hạn tạm giam ({days} ngày)" in text and f"Trả tự do chậm nhất: 24:00 ngày {end}" in text, text
    assert "trừ 3 ngày" not in text and "trừ 6 ngày" not in text, text
    assert "chỉ trừ thời gian tạm giữ trong cùng vụ án (Điều 17 khoản 1 TTLT 04/2018)" in text, text


@pytest.mark.parametrize(
    "question",
    [
        "tạm giữ từ 8h 01/03/2026 rồi chuyển tạm giam 2 tháng về tội khác thì hết ngày nào",
        "tgiu 3 ngay tu 10h 1/3/2026 xong tam giam luon 2 thang trong vu an khac, het ngay may",
        # the date read as the tạm giữ's (no day of the tạm giam's own): asked, not counted on from it
        "bị can từng bị tạm giữ 6 ngày trong vụ khác, nay (2/3/2026) bắt tạm giam 1 tháng thì hết ngày nào",
    ],
)
async def test_counted_on_from_that_custody_the_start_is_asked(world: World, question: str) -> None:
    chat = await world.staff_chat("othercase13-chain")
    text = await chat.text(question)
    assert "ngày bắt đầu ghi trong lệnh tạm giam" in text and "/04/2026" not in text, text


async def test_the_same_case_still_deducts(world: World) -> None:
    # 60 − 3 = 57 days from 02/03/2026 → 27/04/2026
    chat = await world.staff_chat("othercase13-same")
    text = await chat.text(
        "tạm giữ 3 ngày rồi được thả, hôm nay bắt lại tạm giam 2 tháng (cùng vụ, không phải vụ khác), hết ngày nào"
    )
    assert "Thời hạn tạm giam (57 ngày)" in text and "24:00 ngày 27/04/2026" in text, text
    assert "cùng vụ án (Điều 17" not in text, text
