"""«còn lần 2 thì sao» after an extension counted from an order's end (review8 leftover): the next extension
is counted from the day after the one just counted, by Đ173's limit for the category (30 days a month, never
shifted), as the first was; where Đ173 gives none (ít NT, NT, RNT: one extension), the answer says so. It was
answered by the knowledge base with the investigation's table (Đ172), not the detention's. Through the real
dispatcher; dates checked by hand against Đ173 k2 and FACTS §4, §15 (k6: one more for non-ANQG ĐBNT)."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.conftest import World
from tests.fakes import joined

NOW = datetime(2026, 12, 7, 3, 0, tzinfo=UTC)  # 10:00 Monday 07/12/2026 in Hà Nội


async def test_the_second_extension_of_a_very_serious_crime_is_counted_after_the_first(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = await world.staff_chat("KSV Chuỗi")
    first = joined(await chat.send("tam giam den het ngay 31/03/2027 toi dbnt gia han 4 thang thi den ngay nao"))
    assert "đến hết ngày Thứ Năm 29/07/2027" in first, first  # 31/03 + 120 days
    second = joined(await chat.send("còn lần 2 thì sao"))
    # Đ173 k2 d: a second one of at most 4 months, from 30/07/2027: 29/07 + 120 = 26/11/2027.
    assert "gia hạn tạm giam lần thứ hai đủ mức tối đa (4 tháng = 120 ngày): từ 30/07/2027" in second, second
    assert "đến hết ngày Thứ Sáu 26/11/2027" in second and "Điều 173 khoản 2 điểm d" in second
    assert "Giả sử" not in second  # the first was stated (4 months), not assumed
    assert "Điều 172" not in second  # not the investigation's table
    third = joined(await chat.send("con lan 3 thi sao"))
    # FACTS §15: Đ173 k6, one more (≤ 4 months) for an ĐBNT crime that is not ANQG; after an assumed second.
    assert "từ 27/11/2027 đến hết ngày Thứ Bảy 25/03/2028" in third and "Điều 173 khoản 6" in third, third
    assert "Giả sử lần gia hạn thứ 2 đủ mức tối đa (hết ngày 26/11/2027)" in third


async def test_no_second_extension_for_a_category_the_law_extends_once(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = await world.staff_chat("KSV Một Lần")
    await chat.send(
        "lệnh tạm giam đến hết 20/04/2027, tội rất nghiêm trọng, VKS gia hạn thêm 1 tháng thì đến hết ngày nào"
    )
    refused = joined(await chat.send("còn lần 2 thì sao"))
    assert "rất nghiêm trọng chỉ được gia hạn 1 lần" in refused, refused
    assert "trợ lý không tính gia hạn lần 2" in refused and "/2027" not in refused.replace("20/05/2027", "")


async def test_without_a_category_it_says_which_one_has_a_second_and_follows_the_answer(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = await world.staff_chat("KSV Chưa Rõ")
    await chat.send("lệnh tạm giam đến hết 20/04/2027, gia hạn thêm 1 tháng thì đến hết ngày nào")  # ends 20/05/2027
    asked = joined(await chat.send("còn lần 2 thì sao"))
    assert "Lần gia hạn thứ 1 hết ngày 20/05/2027" in asked and "chỉ tội phạm đặc biệt nghiêm trọng" in asked, asked
    counted = joined(await chat.send("gia hạn lần 2 thì sao, tội đặc biệt nghiêm trọng"))
    assert "từ 21/05/2027 đến hết ngày Thứ Sáu 17/09/2027" in counted, counted  # 20/05 + 120 days


async def test_only_the_next_message_follows_the_count(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = await world.staff_chat("KSV Hỏi Khác")
    await chat.send("tam giam den het ngay 31/03/2027 toi dbnt gia han 4 thang thi den ngay nao")
    await chat.send("thời hạn tạm giữ là bao lâu")  # another question in between
    later = joined(await chat.send("còn lần 2 thì sao"))
    assert "26/11/2027" not in later, later
