"""Round 10 (tune10a, tune8b): a tạm giữ story that dates the arrest, the CQĐT's receipt of the person and
the decision — the receipt is the start (Đ118 k1; FACTS §1, §3), through the real dispatcher. Fake clock:
Monday 02/03/2026 08:00 (Hà Nội).

Before, an arrest's date and a decision's date on different days were asked back ("trợ lý không tự
chọn … cho biết giờ, ngày CQĐT nhận người") even when the question said that moment; an hour written
before its date ("2h sáng 28/02") was read as the previous date's; and an arrest "hôm thứ 7" was no date
("bắt quả tang" was not an event word before a weekday).
"""

from __future__ import annotations

import pytest

from tests.conftest import World


@pytest.mark.parametrize(
    ("question", "start", "release"),
    [
        (
            "bat qua tang 23h toi qua, dan phong giai den cqdt luc 0h30 sang nay, cqdt ra qd tam giu. "
            "tam giu 3 ngay het luc nao",
            "00:30 Thứ Hai 02/03/2026",
            "00:30 ngày 05/03/2026",
        ),
        (
            "Bắt quả tang 23h tối qua, dân phòng giải đến CQĐT lúc 0h30 sáng nay, CQĐT ra QĐ tạm giữ. "
            "Tạm giữ 3 ngày hết lúc nào?",
            "00:30 Thứ Hai 02/03/2026",
            "00:30 ngày 05/03/2026",
        ),
        (
            "Đối tượng bị bắt quả tang 23h ngày 28/02/2026, CQĐT nhận người lúc 1h sáng 01/03/2026, ra QĐ tạm giữ "
            "3 ngày thì hết lúc nào",
            "01:00 Chủ nhật 01/03/2026",
            "01:00 ngày 04/03/2026",
        ),
        (
            "bắt quả tang lúc 22h ngày 27/02/2026, 2h sáng 28/02/2026 cqđt mới nhận người và ra lệnh tạm giữ, "
            "hết lúc nào",
            "02:00 Thứ Bảy 28/02/2026",
            "02:00 ngày 03/03/2026",
        ),
        (
            "bat khan cap 20h ngay 01/03/2026, giai ve tru so cqdt luc 23h ngay 01/03/2026, ngay 02/03/2026 ra qd "
            "tam giu, tam giu het luc nao",
            "23:00 Chủ nhật 01/03/2026",
            "23:00 ngày 04/03/2026",
        ),
        (
            "giữ người khẩn cấp 21h tối qua, 1h sáng nay bàn giao cho cqđt, sáng nay ra quyết định tạm giữ 3 ngày, "
            "hết lúc nào",
            "01:00 Thứ Hai 02/03/2026",
            "01:00 ngày 05/03/2026",
        ),
        (
            "vu trom xe may bat qua tang hom thu 7, cqdt nhan nguoi luc 15h, ra qd tam giu 3 ngay thi het luc nao",
            "15:00 Thứ Bảy 28/02/2026",
            "15:00 ngày 03/03/2026",
        ),
        (
            "bắt quả tang hôm thứ 6, cqđt nhận người lúc 20h, tạm giữ 3 ngày hết lúc nào",
            "20:00 Thứ Sáu 27/02/2026",
            "20:00 ngày 02/03/2026",
        ),
    ],
)
async def test_the_receipt_said_is_the_custodys_start(world: World, question: str, start: str, release: str) -> None:
    chat = await world.staff_chat("receipt")
    text = await chat.text(question)
    assert "TẠM GIỮ" in text and f"Bắt đầu: {start}" in text, text
    assert f"Trả tự do chậm nhất: {release}" in text, text


async def test_the_extension_asked_in_the_story_runs_on_from_the_receipt(world: World) -> None:
    chat = await world.staff_chat("receipt2")
    text = await chat.text(
        "vu trom xe may bat qua tang hom thu 7, cqdt nhan nguoi luc 15h, ra qd tam giu 3 ngay thi het luc nao, "
        "con neu gia han lan 1 them 3 ngay thi den bao gio"
    )
    assert "15:00 ngày 03/03/2026" in text and "hết 15:00 Thứ Sáu 06/03/2026" in text, text


@pytest.mark.parametrize(
    "question",
    [
        "bat 01/03/2026, den 03/03/2026 moi ra lenh tam giu, het han khi nao",
        "bị bắt ngày 27/02/2026, ngày 01/03/2026 ra quyết định tạm giữ 3 ngày, hết lúc nào",
    ],
)
async def test_an_arrest_and_a_decision_without_the_receipt_are_still_asked(world: World, question: str) -> None:
    chat = await world.staff_chat("receipt3")
    text = await chat.text(question)
    assert "Cơ quan điều tra nhận người" in text and "Bắt đầu:" not in text, text
