"""Round 10 (tune8b): a tạm giữ extended "1 lần N ngày" whose own term is not said, then tạm giam, through the
real dispatcher. Fake clock: Monday 02/03/2026 08:00 (Hà Nội).

The detention starts when the custody ends and every day of custody is deducted (TTLT 04/2018 Đ17; FACTS
§1), so its last day is the custody's first day + 30 × months − 1 whatever the term: counted with the term at
1, 2 and 3 days and said only when they agree (``qa_calc_unsaid_extensions``). Before, "gh 1 lần 3 ngày" was
read as the third extension ("lần 3") and the days asked again; an extension over 3 days is still refused.
"""

from __future__ import annotations

import pytest

from tests.conftest import World


@pytest.mark.parametrize(
    ("question", "end"),
    [
        (
            "bên em có vụ đánh bạc, tgiu từ 14h ngày 02/03/2026, gh 1 lần 3 ngày rồi chuyển tgiam 2 tháng luôn. "
            "lệnh tgiam đến hết ngày nào a",
            "30/04/2026",
        ),
        (
            "tgiu tu 14h ngay 02/03/2026, gh 1 lan 3 ngay roi chuyen tgiam 2 thang luon, lenh tgiam den het ngay nao",
            "30/04/2026",
        ),
        ("tạm giữ từ 8h 01/03/2026, gia hạn 1 lần 2 ngày rồi tạm giam 2 tháng, lệnh đến hết ngày nào", "29/04/2026"),
        ("tam giu 3 ngay tu 14h 02/03/2026, gia han 1 lan 3 ngay roi tam giam 2 thang, het ngay nao", "30/04/2026"),
        ("tạm giữ 2 ngày từ 10h 01/03/2026, gh 1 lần 3 ngày, rồi tạm giam 3 tháng thì hết ngày nào", "29/05/2026"),
        ("tgiu từ 20h 25/02/2026, gh một lần 3 ngày rồi tgiam 1 tháng, hết ngày nào", "26/03/2026"),
        (
            "vụ trộm, tạm giữ từ 9h ngày 01/03/2026, gia hạn 1 lần 3 ngày, sau đó tạm giam 2 tháng, lệnh tạm giam đến "
            "hết ngày nào",
            "29/04/2026",
        ),
        ("tam giu tu 7h 03/03/2026 gh 1 lan 2 ngay roi tam giam 2 thang het ngay nao", "01/05/2026"),
    ],
)
async def test_one_extension_with_its_days_then_detention(world: World, question: str, end: str) -> None:
    chat = await world.staff_chat("oneext")
    text = await chat.text(question)
    assert "TẠM GIAM" in text and "Ngày cuối cùng: " in text, text
    assert end in text.split("Ngày cuối cùng:")[1].splitlines()[0], text


async def test_an_extension_over_three_days_is_refused(world: World) -> None:
    chat = await world.staff_chat("oneext2")
    text = await chat.text("tam giu tu 9h 01/03/2026, gh 1 lan 4 ngay roi tam giam 2 thang het ngay nao")
    assert "không quá 3 ngày" in text and "Ngày cuối cùng" not in text, text
