"""Session 13 (fix13a), legal review finding 3: the last extension of an ĐBNT detention for investigation (Đ173 k6;
k5 for ANQG crimes) is no "gia hạn lần thứ ba" with no approver: it is a further extension in a case of necessity that
the Viện trưởng VKSND tối cao decides, and after it, in a special case, detention may last until the investigation
ends (k6; k5 for ANQG). The "giả sử …" caveat stays; "ANQG" is written in capitals (it rendered "anqg"). Through the
real dispatcher; fake clock Monday 02/03/2026."""

from __future__ import annotations

import pytest

from tests.conftest import World


@pytest.mark.parametrize(
    "question",
    [
        "ĐBNT tạm giam 4 tháng từ hôm nay, nếu gia hạn tối đa thì đến ngày nào",
        "tội ĐBNT, lệnh tạm giam 4 tháng từ hôm nay, gia hạn hết cỡ thì tới bữa nào",
        "tạm giam 4 tháng từ 2/3/2026, tội đặc biệt nghiêm trọng, gia hạn đến mức tối đa thì hết ngày nào",
        "tam giam 4 thang tu 2/3/2026 toi dac biet nghiem trong, gia han lan 3 thi het ngay nao",
    ],
)
async def test_the_k6_extension_names_who_decides_and_what_follows(world: World, question: str) -> None:
    chat = await world.staff_chat("k6-13a")
    text = await chat.text(question)
    # 120 days from 02/03/2026 → 29/06/2026; + 120 → 27/10/2026; + 120 → 24/02/2027; + 120 → 24/06/2027
    assert "24:00 ngày 24/06/2027" in text and "Giả sử lần gia hạn trước đủ mức tối đa" in text, text
    assert "lần gia hạn thêm (trường hợp cần thiết, Viện trưởng VKSND tối cao quyết định)" in text, text
    assert "gia hạn lần thứ ba" not in text, text
    assert "tạm giam cho đến khi kết thúc việc điều tra" in text and "(Điều 173 khoản 6 BLTTHS 2015)" in text, text
    assert "không xâm phạm ANQG" in text and "anqg" not in text, text


async def test_the_anqg_extension_names_k5(world: World) -> None:
    chat = await world.staff_chat("k5-13a")
    text = await chat.text(
        "tạm giam 4 tháng từ 02/03/2026 tội đặc biệt nghiêm trọng xâm phạm an ninh quốc gia, gia hạn tối đa thì hết "
        "ngày nào"
    )
    # 120 × 5 days from 02/03/2026: … 24/06/2027 + 120 → 22/10/2027
    assert "24:00 ngày 22/10/2027" in text and "Viện trưởng VKSND tối cao quyết định" in text, text
    assert "tội đặc biệt nghiêm trọng xâm phạm ANQG): Viện trưởng VKSND tối cao quyết định (Điều 173 khoản 5" in text, (
        text
    )
    assert "anqg" not in text, text
