"""Round 11 (tune11a, tune11b): a tạm giữ's start said in shorthand or beside a tạm giam that did not happen is
computed (Đ118 k1: from the decision for a surrender, from the receipt otherwise; 72 hours to the same clock time,
FACTS §1), through the real dispatcher. Fake clock: Monday 02/03/2026 08:00 (Hà Nội).

Before, "đầu thú, qđ tgiu ra lúc 15h hôm qua" asked for the decision's moment (the shorthand "qđ tgiu" was not read
as the decision), and "tạm giữ từ 15h 27/2 …, nếu ko có lệnh tgiam thì mấy giờ phải thả" was read as a tạm giam
(the only measure it negates) and asked for the order's length."""

from __future__ import annotations

import pytest

from tests.conftest import World


@pytest.mark.parametrize(
    ("question", "release"),
    [
        ("dau thu qd tgiu ra luc 15h hom qua thi het han tgiu luc nao", "15:00 ngày 04/03/2026"),
        ("nguoi dau thu, qđ tgiu luc 9h sang nay, het han luc nao", "09:00 ngày 05/03/2026"),
        ("đối tượng tự thú, QĐ t.giữ lúc 20h ngày 28/02/2026, tạm giữ hết lúc nào", "20:00 ngày 03/03/2026"),
        (
            "tam giu tu 15h ngay 27/2/2026 thi het han hom nay hay ngay mai? neu ko co lenh tgiam thi may gio phai tha",
            "15:00 ngày 02/03/2026",
        ),
        ("tam giu tu 9h 1/3/2026, chua co lenh tam giam, het han luc nao", "09:00 ngày 04/03/2026"),
        (
            "tạm giữ lúc 22h ngày 28/02/2026, nếu không kịp ra lệnh tạm giam thì hết lúc nào phải thả",
            "22:00 ngày 03/03/2026",
        ),
        ("tam giu luc 8h 28/2/2026, ko kip phe chuan lenh tam giam thi khi nao phai tha", "08:00 ngày 03/03/2026"),
        ("tam giu tu 15h hom kia thi het han hom nay hay ngay mai", "15:00 ngày 03/03/2026"),
    ],
)
async def test_the_custodys_start_is_counted(world: World, question: str, release: str) -> None:
    chat = await world.staff_chat("custodystart")
    text = await chat.text(question)
    assert "TẠM GIỮ" in text and f"Trả tự do chậm nhất: {release} nếu không gia hạn" in text, text


async def test_a_surrender_without_the_decision_is_still_asked(world: World) -> None:
    """Neighbour: the surrender's own moment is not the start (Đ118 k1): the decision's moment is asked."""
    chat = await world.staff_chat("custodystart2")
    text = await chat.text("tu thu luc 8h 1/3/2026 thi tam giu het luc nao")
    assert "ra quyết định tạm giữ" in text and "Bắt đầu:" not in text, text


async def test_a_detention_after_custody_is_still_a_detention(world: World) -> None:
    """Neighbour: a tạm giam that is ordered stays the tạm giam's card."""
    chat = await world.staff_chat("custodystart3")
    text = await chat.text("tam giu 3 ngay tu 10h 1/3/2026 roi tam giam 2 thang thi het ngay nao")
    assert "TẠM GIAM" in text, text


@pytest.mark.parametrize(
    ("question", "until"),
    [
        ("bat qua tang luc 23h hom qua, gio cqdt chua ra qd tgiu, han chot may gio", "11:00 ngày 02/03/2026"),
        (
            "bắt quả tang lúc 20h ngày 01/03/2026, cqđt chưa ra quyết định tạm giữ, hạn chót mấy giờ",
            "08:00 ngày 02/03/2026",
        ),
        ("bat nguoi dang bi truy na luc 22h 1/3/2026, chua co qd tam giu, cham nhat may gio", "10:00 ngày 02/03/2026"),
    ],
)
async def test_an_arrest_not_yet_decided_asks_the_twelve_hours(world: World, question: str, until: str) -> None:
    """Đ114 k1: after an arrest in the act or of a wanted person, tạm giữ or release within 12 hours — a "chưa ra
    qđ tgiu" is no decision (never the tạm giữ's card counted from the arrest)."""
    chat = await world.staff_chat("twelve")
    text = await chat.text(question)
    assert "QUYẾT ĐỊNH TẠM GIỮ HOẶC TRẢ TỰ DO" in text and until in text and "Thời hạn tạm giữ (3 ngày)" not in text, (
        text
    )


async def test_an_arrest_not_yet_decided_is_not_the_custodys_start(world: World) -> None:
    """Neighbour: "chưa có quyết định tạm giữ, tạm giữ hết lúc nào": the receipt is asked, not counted from the arrest."""
    chat = await world.staff_chat("twelve2")
    text = await chat.text("bắt quả tang lúc 20h ngày 01/03/2026, chưa có quyết định tạm giữ, tạm giữ hết lúc nào")
    assert "Cơ quan điều tra nhận người" in text and "Bắt đầu:" not in text, text


@pytest.mark.parametrize(
    "question",
    [
        "đối tượng bị bắt quả tang lúc 22g30 ngày 26/2, công an xã giải về tới trụ sở cqđt lúc 1h sáng 27/2 thì cqđt "
        "mới ra qđ tạm giữ 3 ngày. Vậy hết hạn tạm giữ là ngày nào, tính từ lúc bắt hay từ lúc cqđt nhận người?",
        "bat qua tang 22h 26/2/2026, dua ve den cqdt luc 1h 27/2/2026, tam giu 3 ngay het luc nao",
    ],
)
async def test_brought_to_the_cqdt_is_the_receipt(world: World, question: str) -> None:
    """Đ118 k1: from the CQĐT's receipt — "giải về tới trụ sở CQĐT lúc 1h" is that moment."""
    chat = await world.staff_chat("receipt11")
    text = await chat.text(question)
    assert "Bắt đầu: 01:00 Thứ Sáu 27/02/2026" in text and "01:00 ngày 02/03/2026" in text, text
