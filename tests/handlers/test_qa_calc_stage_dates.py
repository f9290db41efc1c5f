"""A stage's detention asked with both its own start and the stage's start ("tạm giam truy tố từ 10/12/2026,
VKS nhận hồ sơ ngày 05/12/2026"): the stage's start is carried into the card (or into /tinhhan's next
question), never asked again; either order of the two dates. Through the real dispatcher; the fake clock:
Monday 02/03/2026 08:00 in Hà Nội."""

from __future__ import annotations

from tests.conftest import World


async def test_both_dates_give_the_capped_card_without_asking(world: World) -> None:
    chat = await world.staff_chat("sd1")
    card = await chat.text(
        "tam giam giai doan truy to toi NT tu 14/12/2026, VKS nhan ho so ngay 07/12/2026 het ngay nao"
    )
    # Detention from 14/12 (20 days would be 02/01/2027), capped by Đ240 k1's 20 days from 07/12: 27/12/2026.
    assert "Bắt đầu: Thứ Hai 14/12/2026" in card and "Ngày cuối cùng: Chủ nhật 27/12/2026" in card
    assert "07/12/2026" in card and "Bỏ qua" not in card
    other = await (await world.staff_chat("sd2")).text(
        "tòa thụ lý vụ án ngày 03/12/2026; tạm giam chuẩn bị xét xử tội ít nghiêm trọng từ 10/12/2026 hết ngày nào"
    )
    # Đ277 k1: 30 days from the thụ lý: 02/01/2027 caps the detention from 10/12 (which would run to 08/01/2027).
    assert "Bắt đầu: Thứ Năm 10/12/2026" in other and "Ngày cuối cùng: Thứ Bảy 02/01/2027" in other


async def test_the_flow_asks_only_what_the_message_did_not_give(world: World) -> None:
    chat = await world.staff_chat("sd3")
    asked = await chat.text("tạm giam truy tố từ 14/12/2026, VKS nhận hồ sơ ngày 07/12/2026")
    assert "tội phạm thuộc loại nào" in asked  # the category only
    card = await chat.tap("Nghiêm trọng")
    text = "\n".join(r.text for r in card)
    assert "Ngày cuối cùng: Chủ nhật 27/12/2026" in text and "nhập ngày VKS nhận hồ sơ" not in text
