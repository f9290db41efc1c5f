"""Session 13 (calc13): the moment a tạm giữ counts from, through the real dispatcher. Fake clock: Monday
02/03/2026 08:00 (Hà Nội).

* A person who surrenders (tự thú, đầu thú): from the CQĐT's decision to hold, not the arrival (Đ118 k1, FACTS §3
  V). The decision typed in shorthand ("qd tgiu", "lệnh t.giữ") was not read as the decision, so the card counted
  from the arrival (20:00 instead of 01:30, a confident wrong hour).
* One moment said twice ("8h ra qđ tạm giữ (nhận người lúc 8h)"), or one day said twice ("hôm nay 2/3"): nothing to
  choose, the calculator asked for the receipt it had been given.
* A facility named by a measure ("em trực ở trại tạm giam") is where the story happens: the tạm giữ asked was read
  as a tạm giam order.
Tạm giữ = 72 hours from the start, ending at the same clock time (FACTS §1, TTLT 04/2018 Đ17 examples).
"""

from __future__ import annotations

import pytest

from tests.conftest import World


@pytest.mark.parametrize(
    ("question", "release"),
    [
        # 01:30 02/03/2026 + 72 h = 01:30 05/03/2026 (not 20:00 01/03 + 72 h = 20:00 04/03)
        (
            "doi tuong dau thu luc 20h toi qua nhung 1h30 sang nay cqdt moi ra qd tgiu 3 ngay. vay het han luc nao",
            "01:30 ngày 05/03/2026",
        ),
        # 02:00 02/03/2026 + 72 h = 02:00 05/03/2026
        ("nghi pham ra tu thu 21h hom qua, 2h sang nay co lenh t.giu 3 ngay thi het luc nao", "02:00 ngày 05/03/2026"),
        # 10:30 28/02/2026 + 72 h: 01/03, 02/03, 03/03 → 10:30 03/03/2026 (2026 is not a leap year)
        (
            "Đối tượng đến đầu thú lúc 7h sáng 28/2/2026, đến 10h30 cùng ngày CQĐT mới ra quyết định tạm giữ 3 ngày, "
            "hết hạn khi nào",
            "10:30 ngày 03/03/2026",
        ),
        # 23:00 01/03/2026 + 72 h = 23:00 04/03/2026 (not 19:00)
        (
            "bc dau thu 19h ngay 1/3, 23h ngay 1/3 moi co qd tam giu, tgiu 3 ngay het luc may gio",
            "23:00 ngày 04/03/2026",
        ),
    ],
)
async def test_a_surrender_counts_from_the_decision_in_shorthand(world: World, question: str, release: str) -> None:
    chat = await world.staff_chat("surrender13")
    text = await chat.text(question)
    assert "TẠM GIỮ" in text, text
    assert f"Trả tự do chậm nhất: {release}" in text, text


@pytest.mark.parametrize(
    ("question", "release"),
    [
        # the decision and the receipt both at 08:00 02/03/2026: + 72 h = 08:00 05/03/2026
        (
            "dạ em chào anh chị, sáng nay 8h cqđt ra qđ tạm giữ 1 đối tượng trộm cắp (nhận người lúc 8h). Em tính mãi "
            "không chắc, anh chị cho em hỏi 3 ngày tạm giữ thì hết hạn lúc nào ạ",
            "08:00 ngày 05/03/2026",
        ),
        # arrest and receipt both 22:00 01/03/2026: + 72 h = 22:00 04/03/2026
        (
            "bat qua tang luc 22h hom qua, cqdt nhan nguoi luc 22h hom qua, tgiu 3 ngay het luc nao",
            "22:00 ngày 04/03/2026",
        ),
        # "hôm nay 2/3" is one day; the receipt (09:00), not the arrest (06:00): 09:00 + 72 h = 09:00 05/03/2026
        (
            "hôm nay 2/3 bắt quả tang lúc 6h (CQĐT nhận người lúc 9h), tạm giữ 3 ngày hết lúc nào",
            "09:00 ngày 05/03/2026",
        ),
        # 07:00 02/03/2026 + 72 h = 07:00 05/03/2026
        ("sang nay 7h bat qua tang, cqdt nhan nguoi luc 7h, tam giu 3 ngay thi den may gio", "07:00 ngày 05/03/2026"),
    ],
)
async def test_one_moment_said_twice_is_no_choice(world: World, question: str, release: str) -> None:
    chat = await world.staff_chat("twice13")
    text = await chat.text(question)
    assert "TẠM GIỮ" in text, text
    assert f"Trả tự do chậm nhất: {release}" in text, text


@pytest.mark.parametrize(
    ("question", "release"),
    [
        # 23:50 01/03/2026 + 72 h = 23:50 04/03/2026
        (
            "Em đang trực đêm ở trại tạm giam, anh chị cho em hỏi chút: đối tượng bị tạm giữ lúc 23h50 tối qua, quyết "
            "định 3 ngày, nếu không có gì thêm thì đến lúc nào phải thả ạ?",
            "23:50 ngày 04/03/2026",
        ),
        # 21:00 01/03/2026 + 72 h = 21:00 04/03/2026
        ("e o trai tgiam, co ng bi tgiu tu 21h hom qua 3 ngay, may gio phai tha", "21:00 ngày 04/03/2026"),
        # 15:00 01/03/2026 + 72 h = 15:00 04/03/2026
        (
            "cán bộ trại tạm giam hỏi: tạm giữ 3 ngày từ 15h ngày 1/3/2026 thì hết lúc nào",
            "15:00 ngày 04/03/2026",
        ),
    ],
)
async def test_a_facility_named_by_a_measure_is_a_place(world: World, question: str, release: str) -> None:
    chat = await world.staff_chat("place13")
    text = await chat.text(question)
    assert "TẠM GIỮ" in text and "TẠM GIAM" not in text, text
    assert f"Trả tự do chậm nhất: {release}" in text, text


async def test_a_place_beside_its_own_measure_stays(world: World) -> None:
    # Đ286 k4: the court's detention decision delivered within 24 hours: 15:00 02/03 + 24 h = 15:00 03/03/2026
    chat = await world.staff_chat("court13")
    text = await chat.text("tòa ra qđ tạm giam bị cáo lúc 15h ngày 2/3/2026, phải giao cho trại tạm giam trước mấy giờ")
    assert "03/03/2026" in text, text


@pytest.mark.parametrize(
    ("question", "release"),
    [
        # "hqua" = hôm qua (01/03/2026): 21:00 + 72 h = 21:00 04/03/2026
        ("tgiu 3 ngay tu 21h hqua thi het luc nao", "21:00 ngày 04/03/2026"),
        # "hum qua" (spoken): 08:00 01/03/2026 + 72 h = 08:00 04/03/2026
        ("hum qua 8h tam giu 3 ngay het luc nao", "08:00 ngày 04/03/2026"),
        # "hnay" = hôm nay (02/03/2026): 07:00 + 72 h = 07:00 05/03/2026
        ("tam giu tu 7h hnay 3 ngay thi may gio het", "07:00 ngày 05/03/2026"),
    ],
)
async def test_a_relative_day_in_chat_shorthand(world: World, question: str, release: str) -> None:
    chat = await world.staff_chat("shorthand13")
    text = await chat.text(question)
    assert f"Trả tự do chậm nhất: {release}" in text, text
