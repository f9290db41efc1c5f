"""Round 10 (tune10a): the VKS's 12 hours to approve a tạm giữ extension, counted from its receipt of the
file (BLTTHS 2015 Đ118 k2; FACTS §3), asked as "hạn chót phê chuẩn (hay không) là lúc nào", through the
real dispatcher. Fake clock: Monday 02/03/2026 08:00 (Hà Nội). Before, "hạn chót phê chuẩn hay không là
lúc nào" was not read as the approval's own time and the file's arrival became a tạm giữ's start (a card
ending 06/03/2026 16:00: a confident wrong answer).
"""

from __future__ import annotations

import pytest

from tests.conftest import World


@pytest.mark.parametrize(
    ("question", "end"),
    [
        (
            "16h ngay mai ho so de nghi gia han tam giu moi sang toi vks thi han chot phe chuan hay khong la luc nao",
            "04:00 Thứ Tư 04/03/2026",
        ),
        (
            "16h ngày mai hồ sơ đề nghị gia hạn tạm giữ mới sang tới VKS thì hạn chót phê chuẩn hay không là lúc nào",
            "04:00 Thứ Tư 04/03/2026",
        ),
        (
            "VKS nhận hồ sơ đề nghị gia hạn tạm giữ lúc 21h tối nay, hạn chót phê chuẩn là mấy giờ",
            "09:00 Thứ Ba 03/03/2026",
        ),
        (
            "hs de nghi gh tam giu den vks 9h sang nay, han chot phe chuan hay khong la luc nao",
            "21:00 Thứ Hai 02/03/2026",
        ),
        ("vks nhan hs gia han tam giu luc 14h 05/03/2026, han chot phe chuan luc nao", "02:00 Thứ Sáu 06/03/2026"),
        (
            "Anh ơi, 20h hôm nay VKS mới nhận hồ sơ đề nghị gia hạn tạm giữ, phê chuẩn hay không là trước lúc nào ạ",
            "08:00 Thứ Ba 03/03/2026",
        ),
        (
            "ho so gia han tam giu toi vks 7h30 ngay 03/03/2026, phe chuan hay ko la han luc nao",
            "19:30 Thứ Ba 03/03/2026",
        ),
        (
            "vks nhận hồ sơ đề nghị gh tạm giữ lúc 10h sáng mai, hạn chót phê chuẩn hay không phê chuẩn",
            "22:00 Thứ Ba 03/03/2026",
        ),
    ],
)
async def test_the_approval_runs_twelve_hours_from_the_files_receipt(world: World, question: str, end: str) -> None:
    chat = await world.staff_chat("approval")
    text = await chat.text(question)
    assert "PHÊ CHUẨN GIA HẠN TẠM GIỮ" in text and f"(12 giờ): hết {end}" in text, text
