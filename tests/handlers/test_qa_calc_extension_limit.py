"""An investigation's extension longer than Đ172 k2 allows is refused with the article, however it is said:
after the date in the same question (the card, then the refusal; never read as the investigation's own
term), or as an extension order before its own start (no card: the date is the extension's). Through the
real dispatcher; the fake clock: Monday 02/03/2026 08:00 in Hà Nội."""

from __future__ import annotations

from tests.conftest import World


async def test_an_investigation_extension_over_the_law_after_the_date_is_refused(world: World) -> None:
    chat = await world.staff_chat("ext1")
    said = await chat.text("vụ án tội nghiêm trọng khởi tố 12/10/2026, CQĐT xin gia hạn điều tra 5 tháng")
    # The card counts the law's term (3 months: 12/01/2027) and the refusal names Đ172 k2's limit.
    assert "ĐIỀU TRA VỤ ÁN" in said and "Bắt đầu: Thứ Hai 12/10/2026" in said
    assert "không quá 3 tháng (Điều 172 khoản 2 BLTTHS 2015)" in said and "không tính gia hạn 5 tháng" in said
    asked = await (await world.staff_chat("ext2")).text(
        "điều tra tội rất nghiêm trọng từ 05/01/2027, gia hạn điều tra 6 tháng thì đến ngày nào"
    )
    assert "không quá 4 tháng (Điều 172 khoản 2 BLTTHS 2015)" in asked and "không tính gia hạn 6 tháng" in asked


async def test_an_investigation_extension_order_over_the_law_is_refused(world: World) -> None:
    chat = await world.staff_chat("ext3")
    refused = await chat.text("gia hạn điều tra 5 tháng tội ít nghiêm trọng từ 20/11/2026")
    assert "không quá 2 tháng (Điều 172 khoản 2 BLTTHS 2015)" in refused and "/2027" not in refused
    # No category said: 5 months is over every category's first extension (at most 4): refused for each.
    none = await chat.text("gh điều tra 5 tháng kể từ 20/11/2026 thì hết ngày nào")
    assert "Không loại tội nào" in none and "đặc biệt nghiêm trọng không quá 4 tháng" in none
    assert "/2027" not in none
