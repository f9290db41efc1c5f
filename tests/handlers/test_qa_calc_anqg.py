"""Extensions past the last one the law dates, for ANQG crimes (Đ173 k5, Đ172 k3) and the others,
asked after a card or in the same question, through the dispatcher (issue #15 item 7): the last
dated end, then either what the law leaves open (no date; the point to review) or that nothing
more is allowed. The fake clock: Monday 02/03/2026 08:00 in Hà Nội."""

from __future__ import annotations

from tests.conftest import World


async def test_anqg_dbnt_detention_after_the_last_dated_extension_is_open_ended(world: World) -> None:
    chat = await world.staff_chat("a1")
    card = await chat.text(
        "tạm giam để điều tra tội xâm phạm an ninh quốc gia đặc biệt nghiêm trọng từ 01/03/2026 hết ngày nào"
    )
    # 4 months + k2: 4 + 4, k5: 4 + 4 = 20 months = 600 days from 01/03/2026: 21/10/2027.
    assert "Tối đa nếu được gia hạn đủ: ngày cuối cùng Thứ Năm 21/10/2027" in card
    fourth = await chat.text("gia hạn lần 4 thì hết ngày nào")
    assert "lần thứ tư (4 tháng): hết 24:00 Thứ Năm 21/10/2027" in fourth and "Điều 173 khoản 5" in fourth
    fifth = await chat.text("gia hạn lần 5 thì sao")
    assert "chỉ được gia hạn 4 lần có thời hạn" in fifth and "không tính gia hạn lần thứ năm" in fifth
    assert "Lần gia hạn cuối cùng có thời hạn" in fifth and "21/10/2027" in fifth
    assert "luật không định ngày cụ thể" in fifth and "Mốc cần rà soát: khi kết thúc việc điều tra" in fifth
    assert "xâm phạm ANQG" in fifth  # the label keeps its capitals


async def test_anqg_serious_detention_stops_after_k5(world: World) -> None:
    chat = await world.staff_chat("a2")
    await chat.text("tam giam dieu tra toi ANQG nghiem trong tu 01/03/2026 het ngay nao")
    # 3 months + k2 2 months + k5 4 months + 1 month = 10 months = 300 days: 25/12/2026.
    third = await chat.text("gia han lan 3 thi sao")
    assert "lần thứ ba (1 tháng): hết 24:00 Thứ Sáu 25/12/2026" in third
    fourth = await chat.text("gia han lan 4 thi sao")
    assert "chỉ được gia hạn 3 lần" in fourth and "25/12/2026" in fourth
    assert "luật không quy định lần gia hạn nào khác" in fourth and "Mốc cần rà soát" not in fourth


async def test_beyond_the_last_extension_asked_in_the_same_question(world: World) -> None:
    chat = await world.staff_chat("a3")
    replies = await chat.send(
        "tạm giam điều tra tội ANQG rất nghiêm trọng từ 01/03/2026, gia hạn lần 4 thì hết ngày nào"
    )
    card, beyond = (r.text for r in replies)
    assert "Tối đa nếu được gia hạn đủ: ngày cuối cùng Thứ Năm 25/03/2027" in card
    assert "chỉ được gia hạn 3 lần" in beyond and "không tính gia hạn lần thứ tư" in beyond and "25/03/2027" in beyond
    investigation = await world.staff_chat("a4")
    replies = await investigation.send("kt vu an ANQG dbnt ngay 01/03/2026, han dieu tra gia han lan 5 den ngay nao")
    card, beyond = (r.text for r in replies)
    assert "ĐIỀU TRA VỤ ÁN" in card and "01/11/2027" in card
    assert "chỉ được gia hạn 4 lần" in beyond and "chưa thống nhất" in beyond  # Đ172 k3: the review point, said
    # An extension the card already shows is not answered twice.
    within = await world.staff_chat("a5")
    assert (
        len(await within.send("tạm giam điều tra tội nghiêm trọng từ 01/03/2026, gia hạn lần 1 thì hết ngày nào")) == 1
    )


async def test_whether_an_extension_is_allowed_is_answered_from_the_card(world: World) -> None:
    chat = await world.staff_chat("a6")
    await chat.text("tam giam de dieu tra toi nt tu 01/03/2026 het ngay nao")
    second = await chat.text("gia han lan 2 duoc ko")
    assert "chỉ được gia hạn 1 lần" in second and "không tính gia hạn lần thứ hai" in second
    first = await chat.text("gia han lan 1 duoc khong")
    assert "lần thứ nhất (2 tháng): hết 24:00 Thứ Ba 28/07/2026" in first


async def test_a_short_follow_up_names_the_other_protest(world: World) -> None:
    chat = await world.staff_chat("a7")
    await chat.text("tuyên án ngày 02/03/2026 hạn kháng cáo đến ngày nào")
    assert "VKS CÙNG CẤP" in await chat.text("còn vks kháng nghị thì sao")
    above = await chat.text("thế vks cấp trên")
    assert "VKS CẤP TRÊN TRỰC TIẾP" in above and "01/04/2026" in above  # 02/03 + 30 days
