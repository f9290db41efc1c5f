"""Extensions said by their number, through the dispatcher (brief calc3 item 2): a list is that many
extensions, each checked against its own limit and counted from the end of the one before; the
number of a rank is never a length. The fake clock: Monday 02/03/2026 08:00 in Hà Nội."""

from __future__ import annotations

from tests.conftest import World


async def test_custody_extensions_listed_after_the_card(world: World) -> None:
    chat = await world.staff_chat("n1")
    await chat.text("tạm giữ từ 9h 02/03/2026 hết lúc nào")
    both = await chat.text("gia hạn lần 1 3 ngày, lần 2 3 ngày thì hết lúc nào")
    assert both.startswith("TẠM GIỮ: gia hạn lần thứ hai (3 ngày): hết 09:00 Thứ Tư 11/03/2026")
    assert "lần thứ nhất (3 ngày) hết 09:00 08/03/2026" in both
    shorter = await chat.text("gia hạn lần 1 2 ngày, lần 2 3 ngày thì hết lúc nào")
    assert "hết 09:00 Thứ Ba 10/03/2026" in shorter and "lần thứ nhất (2 ngày) hết 09:00 07/03/2026" in shorter
    each = await chat.text("gia hạn 2 lần, mỗi lần 2 ngày thì hết lúc nào")
    assert "hết 09:00 Thứ Hai 09/03/2026" in each
    over = await chat.text("gia hạn lần 1 4 ngày, lần 2 3 ngày thì hết lúc nào")
    assert "không quá 3 ngày" in over and "/2026" not in over


async def test_custody_extended_without_lengths_is_asked_not_counted_as_one(world: World) -> None:
    chat = await world.staff_chat("n2")
    text = await chat.text("tạm giữ 3 ngày từ 9h 02/03/2026, kết thúc gia hạn lần 2 thì tạm giam 2 tháng, hết ngày nào")
    assert "mỗi lần gia hạn bao nhiêu ngày" in text and "/2026 " not in text.split("ví dụ")[0]
    assert "57 ngày" not in text and "05/03/2026" not in text
    listed = await chat.text(
        "tạm giữ 3 ngày từ 9h 02/03/2026, gia hạn lần 1 3 ngày, lần 2 2 ngày rồi tạm giam 2 tháng thì hết ngày nào"
    )
    assert "trừ 8 ngày tạm giữ = 52 ngày" in listed and "Thứ Ba 10/03/2026" in listed


async def test_a_rank_is_not_a_length(world: World) -> None:
    chat = await world.staff_chat("n3")
    await chat.text("tạm giam để điều tra tội nghiêm trọng từ 01/03/2026 hết ngày nào")
    first = await chat.text("kết thúc gia hạn lần 1 ngày nào")
    assert "1 ngày" not in first and "hết 24:00 Thứ Ba 28/07/2026" in first
    # Đ173 k2 b: one extension for a serious crime; a second is refused, not counted as the first.
    two = await chat.text("gia hạn lần 1 1 tháng, lần 2 1 tháng thì hết ngày nào")
    assert "chỉ được gia hạn 1 lần" in two and "không tính gia hạn lần thứ hai" in two and "28/06/2026" not in two


async def test_detention_extensions_listed_for_a_very_serious_crime(world: World) -> None:
    chat = await world.staff_chat("n4")
    await chat.text("tạm giam để điều tra tội đặc biệt nghiêm trọng từ 01/03/2026 hết ngày nào")
    # Base 120 days to 28/06/2026; 60 days to 27/08; 90 days to 25/11/2026.
    text = await chat.text("gia hạn lần 1 2 tháng, lần 2 3 tháng thì hết ngày nào")
    assert (
        "từ 28/08/2026 đến hết ngày Thứ Tư 25/11/2026" in text and "lần thứ nhất (2 tháng) hết 24:00 27/08/2026" in text
    )
    over = await chat.text("gia hạn lần 1 2 tháng, lần 2 5 tháng thì hết ngày nào")
    assert "không quá 4 tháng" in over and "/2026" not in over


async def test_investigation_extensions_listed_in_the_question(world: World) -> None:
    chat = await world.staff_chat("n5")
    text = await chat.text(
        "điều tra tội nghiêm trọng khởi tố vụ án ngày 01/03/2026, gia hạn lần 1 3 tháng, lần 2 2 tháng thì hết ngày nào"
    )
    answer = text.split("Tối đa nếu được gia hạn đủ")[-1]
    assert "ĐIỀU TRA VỤ ÁN: gia hạn lần thứ hai (2 tháng): hết 24:00 Thứ Hai 02/11/2026" in answer
    prosecution = await chat.text("truy tố tội nghiêm trọng nhận hồ sơ ngày 01/03/2026, gia hạn lần 2 thì hết ngày nào")
    assert "chỉ được gia hạn 1 lần" in prosecution and "không tính gia hạn lần thứ hai" in prosecution
