"""The day by which an extension must be requested (brief calc3 item 3), through the dispatcher: Đ172 k2
and Đ173 k2 (V) say "chậm nhất là 10 ngày trước khi hết thời hạn"; the day is computed from the card's
ends and shown on the cards it matters on; nothing is made up where the law sets no such day. The fake
clock: Monday 02/03/2026 08:00 in Hà Nội."""

from __future__ import annotations

from datetime import date

from knowledge.deadlines.calculator import compute
from knowledge.deadlines.request_by import requests
from tests.conftest import World


async def test_asked_with_an_investigation(world: World) -> None:
    chat = await world.staff_chat("r1")
    text = await chat.text("điều tra tội nghiêm trọng từ 01/03/2026, phải đề nghị gia hạn trước ngày nào")
    card, answer = text.split("ĐIỀU TRA VỤ ÁN: hạn Cơ quan điều tra đề nghị")
    # The term ends 01/06/2026: requested by 22/05; the first extension ends 01/09 (a holiday, shifted
    # to 03/09): the second is requested 10 days before the unshifted end, 22/08/2026 (a working Saturday).
    assert "Gia hạn lần thứ nhất: chậm nhất Thứ Sáu 22/05/2026 (10 ngày trước khi hết hạn ngày 01/06/2026" in answer
    assert "Gia hạn lần thứ hai (nếu lần trước được gia hạn đủ): chậm nhất Thứ Bảy 22/08/2026" in answer
    assert "Điều 172 khoản 2" in answer
    assert "CQĐT đề nghị gia hạn lần thứ nhất: chậm nhất Thứ Sáu 22/05/2026" in card  # on the card too


async def test_asked_after_a_detention_card(world: World) -> None:
    chat = await world.staff_chat("r2")
    card = await chat.text("tạm giam để điều tra tội rất nghiêm trọng từ 01/03/2026 hết ngày nào")
    assert "CQĐT đề nghị gia hạn lần thứ nhất: chậm nhất Thứ Năm 18/06/2026" in card
    answer = await chat.text("hạn chót đề nghị gia hạn là ngày nào")
    assert "chậm nhất Thứ Năm 18/06/2026 (10 ngày trước khi hết hạn ngày 28/06/2026; Điều 173 khoản 2" in answer
    assert "lần thứ hai" not in answer  # RNT: one extension (Đ173 k2 c)


async def test_a_plain_order_and_a_day_off(world: World) -> None:
    chat = await world.staff_chat("r3")
    await chat.text("tạm giam 2 tháng từ 01/03/2026 hết ngày nào")
    answer = await chat.text("phải đề nghị gia hạn trước ngày nào")
    # 29/04/2026 − 10 = Sunday 19/04: not moved later; the working day before it is said.
    assert "Nếu là tạm giam để điều tra: chậm nhất Chủ nhật 19/04/2026" in answer
    assert "luật không lùi mốc này" in answer and "Thứ Sáu 17/04/2026" in answer
    rule = await chat.text("de nghi gia han truoc bao nhieu ngay")  # the rule, not a date: the Q&A
    assert "10 ngày trước khi hết thời hạn" in rule and "19/04/2026" not in rule


async def test_custody_has_no_request_day(world: World) -> None:
    chat = await world.staff_chat("r4")
    await chat.text("tạm giữ từ 9h 02/03/2026 hết lúc nào")
    answer = await chat.text("chậm nhất ngày nào phải đề nghị gia hạn")
    assert "Điều 118 không quy định hạn đề nghị gia hạn tạm giữ" in answer and "12 giờ" in answer
    assert "chậm nhất Thứ" not in answer


def test_only_the_extensions_the_paragraph_governs() -> None:
    # ĐBNT detention: k2 d's two extensions are requested; k6's exceptional one has no such day.
    result = compute("tam_giam_dieu_tra", date(2026, 3, 1), category="dac_biet_nghiem_trong")
    found = requests(result)
    assert sorted(found) == [0, 1] and result.steps[2].special
    assert found[0].by == date(2026, 6, 18) and found[1].by == date(2026, 10, 16)
    assert requests(compute("truy_to", date(2026, 3, 1), category="nghiem_trong")) == {}  # Đ240: none
