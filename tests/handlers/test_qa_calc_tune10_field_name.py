"""Round 10 (tune10b): both custody measures named together as a field of work ("kế hoạch kiểm sát tạm giữ,
tạm giam") are not the period asked; the one named on its own is (a place, "trại tạm giam", stays: "giao cho
trại tạm giam" is the court's 24 hours, Đ286 k4). Through the
real dispatcher; fake clock Monday 02/03/2026 08:00 (Hà Nội). Before, "tạm giam" in the field's name made a
tạm giữ question a tạm giam one, and the order's length was asked.
"""

from __future__ import annotations

import pytest

from tests.conftest import World


@pytest.mark.parametrize(
    ("question", "card", "end"),
    [
        (
            "Anh em minh dang xay dung ke hoach kiem sat tam giu tam giam, co dong chi hoi la thoi gian tam giu co "
            "tinh lien tuc ca thu 7, chu nhat va ngay Tet khong hay chi tinh ngay lam viec. Em xac nhan giup anh nhe, "
            "vi du tam giu tu 8h sang nay 3 ngay thi den may gio ngay nao?",
            "TẠM GIỮ",
            "08:00 ngày 05/03/2026",
        ),
        (
            "Trong kế hoạch kiểm sát tạm giữ, tạm giam quý này có câu hỏi: tạm giữ từ 14h 01/03/2026 thì hết lúc nào",
            "TẠM GIỮ",
            "14:00 ngày 04/03/2026",
        ),
        (
            "đoàn kiểm sát việc tạm giữ, tạm giam hỏi: tạm giam 2 tháng từ 05/03/2026 hết ngày nào",
            "TẠM GIAM",
            "03/05/2026",
        ),
        ("cong tac kiem sat tam giu tam giam: tam giam 1 thang tu 10/03/2026 het ngay nao", "TẠM GIAM", "08/04/2026"),
        (
            "Luật thi hành tạm giữ, tạm giam có quy định tạm giữ tính liên tục không? vd tạm giữ từ 20h 01/03/2026 "
            "thì hết lúc nào",
            "TẠM GIỮ",
            "20:00 ngày 04/03/2026",
        ),
        ("phong kiem sat tam giu tam giam hoi: tgiu tu 9h sang nay het luc nao", "TẠM GIỮ", "09:00 ngày 05/03/2026"),
        ("ksv khâu tạm giữ, tạm giam: tạm giam 3 tháng từ 01/03/2026 thì tới hết ngày nào", "TẠM GIAM", "29/05/2026"),
        (
            "bao cao kiem sat tam giu va tam giam: tam giu 3 ngay tu 7h 02/03/2026 het luc nao",
            "TẠM GIỮ",
            "07:00 ngày 05/03/2026",
        ),
    ],
)
async def test_the_fields_name_is_not_the_period(world: World, question: str, card: str, end: str) -> None:
    chat = await world.staff_chat("field")
    text = await chat.text(question)
    assert text.startswith(card) and end in text, text
