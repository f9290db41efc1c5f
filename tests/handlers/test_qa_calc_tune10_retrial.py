"""Round 10 (tune10b; the brief's round-9 leftover): a tái thẩm protest against the convicted person runs
at most 1 year from the day the VKS receives the news of the new fact, and only within the limitation
period (BLTTHS 2015 Đ401 k1; the Code's text); in their favour it has no limit (k2). Through the real
dispatcher; fake clock Monday 02/03/2026 08:00 (Hà Nội).

Computed when that day is given (the limitation period is said to be checked, never computed); a judgment's
date is not it, so the question says what the year counts from; in the person's favour, "no limit" heads
the answer. Before, every tái thẩm date was refused ("trợ lý không tính").
"""

from __future__ import annotations

import pytest

from tests.conftest import World


@pytest.mark.parametrize(
    ("question", "end"),
    [
        (
            "VKS tinh nhan duoc tin bao ve tinh tiet moi ngay 17/03/2025. han khang nghi tai tham theo huong khong co "
            "loi cho bi an het ngay nao (gia su van con thoi hieu truy cuu)",
            "Thứ Ba 17/03/2026",
        ),
        ("VKS nhận được tin báo về tình tiết mới ngày 10/3/2026, hạn kháng nghị tái thẩm đến ngày nào?", "10/03/2027"),
        ("VKS nhận tin báo tình tiết mới ngày 05/01/2026, hạn kháng nghị tái thẩm bất lợi", "05/01/2027"),
        ("vks nhan thong tin tinh tiet moi 15/06/2025, kn tai tham bat loi den het ngay nao", "15/06/2026"),
        (
            "ngày 20/08/2025 viện nhận được thông báo tình tiết mới, kháng nghị tái thẩm chậm nhất ngày nào",
            "20/08/2026",
        ),
        ("phat hien tinh tiet moi, vks nhan tin bao 02/01/2026, han khang nghi tai tham", "04/01/2027"),
        (
            "Chị ơi VKS nhận tin báo về tình tiết mới hôm 01/12/2025 thì kháng nghị tái thẩm tới hết ngày nào ạ",
            "01/12/2026",
        ),
        (
            "tai tham: vks nhan duoc tin bao ngay 09/09/2025, khang nghi theo huong khong co loi het han khi nao",
            "09/09/2026",
        ),
    ],
)
async def test_a_retrial_protest_runs_a_year_from_the_news(world: World, question: str, end: str) -> None:
    chat = await world.staff_chat("retrial")
    text = await chat.text(question)
    assert "KHÁNG NGHỊ TÁI THẨM" in text and "(1 năm): hết" in text and end in text, text
    assert "thời hiệu" in text and "Điều 401" in text, text


@pytest.mark.parametrize(
    "question",
    [
        "bản án có hiệu lực ngày 01/03/2025, hạn kháng nghị tái thẩm đến ngày nào",
        "tuyen an 10/02/2025, khang nghi tai tham het han khi nao",
    ],
)
async def test_a_judgments_date_is_not_what_the_year_runs_from(world: World, question: str) -> None:
    chat = await world.staff_chat("retrial2")
    text = await chat.text(question)
    assert "tin báo về tình tiết mới" in text and "Bắt đầu:" not in text, text


async def test_in_the_persons_favour_there_is_no_limit(world: World) -> None:
    chat = await world.staff_chat("retrial3")
    text = await chat.text(
        "kháng nghị tái thẩm theo hướng có lợi, VKS nhận tin báo tình tiết mới ngày 15/06/2025 thì đến hết ngày nào"
    )
    assert text.startswith("KHÁNG NGHỊ TÁI THẨM THEO HƯỚNG CÓ LỢI") and "Không có thời hạn" in text, text
    assert "Điều 401 khoản 2" in text and "15/06/2026" in text, text
