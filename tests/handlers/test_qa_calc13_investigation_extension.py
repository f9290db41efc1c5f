"""Session 13 (calc13): a dated investigation asked for its extension, the investigation typed "dt" beside the
crime's category ("dt NT khởi tố 2/12/2025"), through the real dispatcher. Fake clock: Monday 02/03/2026.

Đ172 k1, k2 (FACTS §4 V): NT = 3 months, extended first by ≤ 3 months; months end on the same-numbered day
(Đ134 k1), an extension is counted from the end of the period it extends (TTLT 01/2017 Đ11 k2, FACTS §1 S).
Before, "dt" next to "NT" was not read as the investigation and the rule was answered instead of the dates.
"""

from __future__ import annotations

import pytest

from tests.conftest import World


@pytest.mark.parametrize(
    ("question", "base", "extended"),
    [
        # NT: 02/12/2025 + 3 months = 02/03/2026 (Monday); + 3 months = 02/06/2026 (Tuesday)
        ("dt NT khoi to 2/12/2025 het han hom nay, gh lan 1 3 thang thi den ngay nao", "02/03/2026", "02/06/2026"),
        ("đt vụ NT khởi tố ngày 2/12/2025, gia hạn lần 1 thêm 3 tháng thì tới ngày nào", "02/03/2026", "02/06/2026"),
        # RNT: 15/01/2026 + 4 months = 15/05/2026 (Friday); + 4 months = 15/09/2026 (Tuesday)
        ("dt RNT khoi to 15/1/2026, gia han dt lan 1 thi het ngay nao", "15/05/2026", "15/09/2026"),
        # ít NT: 10/02/2026 + 2 months = 10/04/2026 (Friday); + 2 months = 10/06/2026 (Wednesday)
        ("dtra it nt kt vu an 10/2/2026 gh lan 1 2 thang den ngay nao", "10/04/2026", "10/06/2026"),
    ],
)
async def test_a_dated_investigation_extension_is_computed(
    world: World, question: str, base: str, extended: str
) -> None:
    chat = await world.staff_chat("investigation13")
    text = await chat.text(question)
    assert "ĐIỀU TRA VỤ ÁN" in text, text
    assert (
        f"Thời hạn điều tra ({'2' if 'it nt' in question else '4' if 'RNT' in question else '3'} tháng): hết 24:00"
        in text
    )
    assert base in text.split("Thời hạn điều tra")[1].splitlines()[0], text
    assert (
        "1. Gia hạn điều tra lần thứ nhất" in text
        and extended in text.split("1. Gia hạn điều tra lần thứ nhất")[1].splitlines()[0]
    ), text


async def test_a_bare_dt_stays_the_person(world: World) -> None:
    # "dt" alone is "đối tượng": a tạm giữ from 09:00 01/03/2026 + 72 h = 09:00 04/03/2026, no investigation
    chat = await world.staff_chat("subject13")
    text = await chat.text("dt bi tam giu 3 ngay tu 9h 1/3/2026 thi het luc nao")
    assert "TẠM GIỮ" in text and "ĐIỀU TRA" not in text, text
    assert "09:00 ngày 04/03/2026" in text, text
