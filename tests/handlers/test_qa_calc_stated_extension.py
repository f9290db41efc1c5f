"""An extension whose length the question states is checked against Đ173 for the category however it
is phrased, not only when it ends "thì đến ngày nào": "tạm giam để điều tra tội RNT từ 15/11/2026 gia
hạn 4 tháng" is refused (k2: 3 months for a very serious crime), never passed over for the law's own
step; an extension order with its length before its start ("gia hạn tạm giam 4 tháng tội RNT từ …")
is never counted as a plain order of 4 months. Through the dispatcher; fake clock 02/03/2026."""

from __future__ import annotations

from tests.conftest import World

RNT = "Gia hạn tạm giam lần thứ nhất đối với tội phạm rất nghiêm trọng không quá 3 tháng (Điều 173 khoản 2"


async def test_a_stated_extension_over_the_law_is_refused_however_asked(world: World) -> None:
    for i, text in enumerate(
        (
            "tam giam de dieu tra toi RNT tu 15/11/2026 gia han 4 thang",
            "tam giam de dieu tra toi RNT tu 15/11/2026 gia han 4 thang thi den ngay nao",
            "tạm giam để điều tra tội rất nghiêm trọng từ 15/11/2026, đã gia hạn 4 tháng",
            "tạm giam để điều tra tội rất nghiêm trọng từ 15/11/2026, gia hạn lần 1 4 tháng",
        )
    ):
        chat = await world.staff_chat(f"s{i}")
        replies = await chat.send(text)
        assert "TẠM GIAM ĐỂ ĐIỀU TRA" in replies[0].text, text  # the law's card first
        assert RNT in replies[-1].text and "không tính gia hạn 4 tháng" in replies[-1].text, text
        assert "đối chiếu lại thời hạn ghi trong quyết định gia hạn" in replies[-1].text, text  # what to do next


async def test_a_lawful_stated_extension_is_counted(world: World) -> None:
    chat = await world.staff_chat("s10")
    replies = await chat.send("tam giam de dieu tra toi RNT tu 15/11/2026 gia han 3 thang")
    # 4 months to 14/03/2027; 3 months (90 days) from 15/03/2027 to 12/06/2027, never shifted.
    assert "từ 15/03/2027 đến hết ngày Thứ Bảy 12/06/2027" in replies[-1].text
    serious = await chat.send("tam giam de dieu tra toi nghiem trong tu 15/11/2026 gia han 3 thang")
    assert "nghiêm trọng không quá 2 tháng" in serious[-1].text and "không tính gia hạn 3 tháng" in serious[-1].text


async def test_an_extension_order_over_the_law_is_not_a_plain_order(world: World) -> None:
    chat = await world.staff_chat("s11")
    for text in (
        "gia hạn tạm giam 4 tháng tội RNT từ 15/03/2027",
        "gia hạn tạm giam lần 1 4 tháng tội rất nghiêm trọng từ 15/03/2027 đến ngày nào",
        "gia hạn tạm giam để điều tra 4 tháng tội RNT từ 15/03/2027",
    ):
        replies = await chat.send(text)
        assert len(replies) == 1 and RNT in replies[0].text, text
        assert "Ngày cuối cùng" not in replies[0].text and "12/07/2027" not in replies[0].text, text
    none = await chat.send("gia hạn tạm giam 5 tháng từ 15/03/2027")  # no category has it (Đ173 k2: ≤ 4)
    assert "Không loại tội nào" in none[0].text and "Ngày cuối cùng" not in none[0].text
    lawful = await chat.send("gia hạn tạm giam 2 tháng tội nghiêm trọng từ 15/03/2027")
    assert "Ngày cuối cùng: Thứ Năm 13/05/2027" in lawful[0].text  # within k2: the order's card


async def test_a_stated_extension_after_a_card_is_checked_too(world: World) -> None:
    chat = await world.staff_chat("s12")
    await chat.text("tạm giam để điều tra tội rất nghiêm trọng từ 15/11/2026 hết ngày nào")
    over = await chat.text("gia hạn 4 tháng")
    assert RNT in over and "không tính gia hạn 4 tháng" in over
    who = await chat.text("ai có thẩm quyền gia hạn 4 tháng")
    assert "không tính gia hạn 4 tháng" not in who  # a question of who: the Q&A's
