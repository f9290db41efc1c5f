"""Extending a tạm giam order that names no stage, and the most a tạm giam can last, asked in free
text through the dispatcher (issue #15 item 7). Only detention for investigation has extensions of
its own (Đ173 k2: ít NT once ≤ 1 month, NT once ≤ 2, RNT once ≤ 3, ĐBNT twice ≤ 4; k5 for ANQG
crimes): an extension is checked against the category named, and without one a length is computed
only for the categories that may have it (said so), never when none may. The fake clock: Monday 02/03/2026 08:00 in Hà Nội."""

from __future__ import annotations

from tests.conftest import World
from tests.fakes import FakeChat, buttons, joined

ORDER = "tạm giam 2 tháng từ 01/03/2026 hết ngày nào"  # 60 days: to 29/04/2026
STAGE_ASKED = "thuộc giai đoạn nào"


async def in_investigation(chat: FakeChat, message: str) -> str:
    """A plain order's extension the stage limits (over Đ174 k1's one in a resumed investigation): the
    stage is asked first (no date yet); «Điều tra» answers it under Đ173."""
    replies = await chat.send(message)
    assert STAGE_ASKED in replies[-1].text and "/2026" not in replies[-1].text
    pressed = next(data for label, data in buttons(replies) if label == "Điều tra")
    return joined(await chat.press(pressed))


async def test_plain_order_extension_without_a_category_lists_the_limits(world: World) -> None:
    chat = await world.staff_chat("d1")
    assert "29/04/2026" in await chat.text(ORDER)
    # Two months: not for ít NT (1 month), the same day for every other category: counted, said for them only.
    unsure = await in_investigation(chat, "gia hạn thêm 2 tháng thì đến ngày nào")
    assert "từ 30/04/2026 đến hết ngày Chủ nhật 28/06/2026" in unsure
    assert "Chỉ đúng nếu là tội phạm nghiêm trọng, tội phạm rất nghiêm trọng, tội phạm đặc biệt nghiêm trọng" in unsure
    assert "ít NT: 1 lần, không quá 1 tháng" in unsure and "RNT: 1 lần, không quá 3 tháng" in unsure
    assert "ĐBNT: 2 lần, mỗi lần không quá 4 tháng" in unsure and "Điều 173 khoản 2" in unsure
    # One month is within every category's first extension: computed, with the limits beside it.
    month = await chat.text("gia hạn thêm 1 tháng thì đến ngày nào")  # lawful in every stage that extends
    assert "từ 30/04/2026 đến hết ngày Thứ Sáu 29/05/2026" in month and "không vượt mức" in month
    unsaid = await chat.text("nếu gia hạn thì đến bao giờ")
    assert "gia hạn thêm bao lâu" in unsaid and "NT: 1 lần, không quá 2 tháng" in unsaid and "/2026" not in unsaid


async def test_plain_order_extension_checked_against_the_category_named(world: World) -> None:
    chat = await world.staff_chat("d2")
    await chat.text(ORDER)
    serious = await chat.text("gia hạn thêm 2 tháng, tội nghiêm trọng thì đến ngày nào")
    assert "từ 30/04/2026 đến hết ngày Chủ nhật 28/06/2026" in serious
    assert "tội phạm nghiêm trọng không quá 2 tháng (Điều 173 khoản 2" in serious
    too_long = await chat.text("gia han them 3 thang toi NT thi het ngay nao")
    assert "không quá 2 tháng" in too_long and "không tính gia hạn 3 tháng" in too_long and "/2026" not in too_long
    very = await in_investigation(chat, "gia han them 3 thang toi RNT thi het ngay nao")
    assert "đến hết ngày Thứ Ba 28/07/2026" in very
    # The stage named with the question ("để điều tra") is Đ173's: the same check.
    staged = await chat.text("gia hạn tạm giam để điều tra thêm 3 tháng tội nghiêm trọng thì đến ngày nào")
    assert "không quá 2 tháng" in staged and "/2026" not in staged


async def test_category_said_with_the_order_limits_its_extension(world: World) -> None:
    chat = await world.staff_chat("d3")
    assert "29/04/2026" in await chat.text("tạm giam 2 tháng từ 01/03/2026, tội ít nghiêm trọng, hết ngày nào")
    refused = await chat.text("gia hạn thêm 2 tháng thì đến ngày nào")
    assert "ít nghiêm trọng không quá 1 tháng" in refused and "/2026" not in refused
    most = await chat.text("nếu gia hạn thì đến bao giờ")  # the longest lawful one: 1 month
    assert "(1 tháng = 30 ngày): từ 30/04/2026 đến hết ngày Thứ Sáu 29/05/2026" in most


async def test_anqg_said_with_a_plain_order_is_kept_not_refused(world: World) -> None:
    chat = await world.staff_chat("d4")
    card = await chat.text("tạm giam 2 tháng từ 01/03/2026, tội xâm phạm an ninh quốc gia, hết ngày nào")
    assert "Ngày cuối cùng: Thứ Tư 29/04/2026" in card and "tam_giam_dieu_tra" not in card
    extended = await in_investigation(chat, "gia hạn thêm 4 tháng tội dbnt thì đến ngày nào")
    assert "đến hết ngày Thứ Năm 27/08/2026" in extended and "xâm phạm an ninh quốc gia" in extended


async def test_detention_without_extensions_is_not_extended(world: World) -> None:
    chat = await world.staff_chat("d5")
    assert "14/04/2026" in await chat.text("tạm giam sau tuyên án từ 01/03/2026 hết ngày nào")  # 45 days
    asked = await chat.text("gia hạn thêm 1 tháng thì đến ngày nào")
    assert "luật không quy định gia hạn" in asked and "Điều 329" in asked and "/05/2026" not in asked


async def test_the_most_a_detention_can_last_with_every_extension(world: World) -> None:
    chat = await world.staff_chat("d6")
    card = await chat.text("tạm giam tối đa đến ngày nào nếu gia hạn hết các lần, từ sáng nay, tội RNT")
    # Đ173: 4 months (120 days from 02/03: 29/06/2026) + one extension of 3 months (90 days: 27/09/2026).
    assert "TẠM GIAM ĐỂ ĐIỀU TRA" in card and "rất nghiêm trọng" in card
    assert "Ngày cuối cùng: Thứ Hai 29/06/2026" in card
    assert "Tối đa nếu được gia hạn đủ: ngày cuối cùng Chủ nhật 27/09/2026" in card
    unsaid = await world.staff_chat("d7")
    asked = await unsaid.text("tam giam tu hom nay neu gia han du cac lan thi toi da den ngay nao")
    assert "loại nào" in asked and "/2026" not in asked


async def test_an_extension_asked_with_the_order_is_answered_after_the_card(world: World) -> None:
    chat = await world.staff_chat("d8")
    card, extended = (
        r.text for r in await chat.send("tạm giam 2 tháng từ 01/03/2026, gia hạn thêm 1 tháng thì hết ngày nào")
    )
    assert "Ngày cuối cùng: Thứ Tư 29/04/2026" in card
    assert "từ 30/04/2026 đến hết ngày Thứ Sáu 29/05/2026" in extended
    rnt = await world.staff_chat("d12")  # 3 months: Đ173 for RNT, over Đ174 k1's 2 in a resumed investigation
    replies = await rnt.send("tạm giam 2 tháng từ 01/03/2026 tội RNT, gia hạn thêm 3 tháng thì hết ngày nào")
    card, stage = (r.text for r in replies)
    assert "Ngày cuối cùng: Thứ Tư 29/04/2026" in card and STAGE_ASKED in stage and "28/07/2026" not in stage
    pressed = next(data for label, data in buttons(replies) if label == "Điều tra")
    assert "từ 30/04/2026 đến hết ngày Thứ Ba 28/07/2026" in joined(await rnt.press(pressed))
    minor = await world.staff_chat("d9")
    replies = await minor.send(
        "tạm giam 2 tháng từ 01/03/2026 tội ít nghiêm trọng, gia hạn thêm 2 tháng thì hết ngày nào"
    )
    assert "ít nghiêm trọng không quá 1 tháng" in replies[-1].text and "/2026" not in replies[-1].text
    custody = await world.staff_chat("d10")
    replies = await custody.send("tạm giữ từ 9h 02/03/2026, gia hạn thêm 2 ngày thì hết lúc nào")
    assert "TẠM GIỮ 3 ngày + gia hạn 2 ngày = 5 ngày: hết 09:00 Thứ Bảy 07/03/2026" in replies[0].text


async def test_the_extensions_length_is_never_the_orders(world: World) -> None:
    chat = await world.staff_chat("d11")
    asked = await chat.text("tạm giam từ 01/03/2026, gia hạn thêm 1 tháng thì hết ngày nào")
    assert "thời hạn trong lệnh tạm giam" in asked and "30/03/2026" not in asked  # not a 1-month order
    # "gia hạn" before the date: the date and length are the extension order's own; the card answers.
    order = await world.staff_chat("d12")
    replies = await order.send("gia hạn tạm giam 2 tháng từ 01/03/2026 thì hết ngày nào")
    assert len(replies) == 1 and "Ngày cuối cùng: Thứ Tư 29/04/2026" in replies[0].text
    # The tạm giữ's extension in a chain is on the card (deducted), not answered again.
    chain = await world.staff_chat("d13")
    replies = await chain.send(
        "tạm giữ 3 ngày từ 9h 02/03/2026, gia hạn thêm 3 ngày rồi tạm giam 2 tháng thì hết ngày nào"
    )
    assert len(replies) == 1 and "trừ 6 ngày tạm giữ = 54 ngày" in replies[0].text


async def test_an_extension_order_asked_from_its_start_without_a_length(world: World) -> None:
    chat = await world.staff_chat("d14")
    serious = await chat.text("gia han tam giam lan 1 cho toi nghiem trong tu 01/04/2026 thi het ngay nao")
    assert "không quá 2 tháng (Điều 173 khoản 2" in serious
    assert "Nếu gia hạn đủ 2 tháng (60 ngày) từ 01/04/2026: đến hết ngày Thứ Bảy 30/05/2026" in serious
    gravest = await chat.text("gia hạn tạm giam lần 2 tội đặc biệt nghiêm trọng từ 01/04/2026 thì đến ngày nào")
    assert "lần thứ hai" in gravest and "đến hết ngày Thứ Tư 29/07/2026" in gravest  # 120 days
    unlawful = await chat.text("gia hạn tạm giam lần 2 tội nghiêm trọng từ 01/04/2026 thì hết ngày nào")
    assert "chỉ được gia hạn 1 lần" in unlawful and "/2026" not in unlawful.replace("01/04/2026", "")
    unsaid = await chat.text("gia hạn tạm giam từ 01/04/2026 thì hết ngày nào")
    assert "cho biết loại tội" in unsaid and "NT: 1 lần, không quá 2 tháng" in unsaid and "30/05" not in unsaid
    # With the order's own length it is that order's card.
    order = await chat.text("gia hạn tạm giam 2 tháng từ 01/04/2026 thì hết ngày nào")
    assert "Ngày cuối cùng: Thứ Bảy 30/05/2026" in order and "Nếu gia hạn đủ" not in order


async def test_an_investigation_order_shorter_than_the_law_ends_with_the_order(world: World) -> None:
    chat = await world.staff_chat("d15")
    card = await chat.text("tạm giam để điều tra tội nghiêm trọng 2 tháng từ 01/03/2026 hết ngày nào")
    assert "Ngày cuối cùng: Thứ Tư 29/04/2026" in card and "29/05/2026" not in card  # 60 days, not Đ173's 90
    extended = await chat.text("gia hạn thêm 3 tháng thì đến ngày nào")  # NT: once, up to 2 months
    assert "không quá 2 tháng" in extended and "/2026" not in extended
