"""Free-text calculator questions about a tạm giữ chained into a tạm giam, through the dispatcher
(issue #15 item 7): the custody's extensions (Đ118 k2) are custody days, all deducted, and the
detention starts when the last of them ends. The fake clock: Monday 02/03/2026 08:00 in Hà Nội."""

from __future__ import annotations

from tests.conftest import World
from tests.fakes import FakeClock

# tạm giữ from 09:00 02/03/2026: 3 days + 3 days of extension end at 09:00 08/03/2026; the tạm giam of
# 2 months runs from 08/03 for 60 − 6 = 54 days, to 30/04/2026 (= 02/03 + 60 − 1).
SIX_DAYS = [
    "tạm giữ 3 ngày từ 9h 02/03/2026, gia hạn thêm 3 ngày rồi tạm giam 2 tháng",
    "tgiu 3 ngay tu 9h sang nay, gh 3 ngay, sau do tgiam 2 thang het ngay nao",
    "bị tạm giữ lúc 9 giờ 02/03/2026, tạm giữ ba ngày, được gia hạn tạm giữ ba ngày, hết hạn thì tạm giam hai tháng",
    "tạm giữ 3 ngày từ 9h hôm nay, gia hạn 3 ngày, hết 6 ngày tạm giữ thì chuyển tạm giam 2 tháng đến ngày nào",
]


async def test_custody_extension_is_deducted_and_moves_the_detention_start(world: World) -> None:
    for i, text in enumerate(SIX_DAYS):
        chat = await world.staff_chat(f"c{i}")
        card = await chat.text(text)
        assert "Bắt đầu: Chủ nhật 08/03/2026 (tính là ngày thứ nhất)" in card, text
        assert "(2 tháng, trừ 6 ngày tạm giữ = 54 ngày)" in card, text
        assert "Ngày cuối cùng: Thứ Năm 30/04/2026" in card, text
        assert "Đã trừ 6 ngày tạm giữ" in card, text


async def test_two_custody_extensions(world: World) -> None:
    chat = await world.staff_chat("c10")
    card = await chat.text("tạm giữ 3 ngày từ 14h 02/03/2026, gia hạn lần 1 3 ngày, lần 2 2 ngày, rồi tạm giam 3 tháng")
    # 8 days of custody: to 14:00 10/03; 90 − 8 = 82 days from 10/03 → 30/05/2026 (= 02/03 + 90 − 1).
    assert "Bắt đầu: Thứ Ba 10/03/2026" in card and "trừ 8 ngày tạm giữ = 82 ngày" in card
    assert "Ngày cuối cùng: Thứ Bảy 30/05/2026" in card
    each = await world.staff_chat("c11")
    card = await each.text("tạm giữ 3 ngày từ 14h 02/03/2026, gia hạn 2 lần mỗi lần 3 ngày, sau đó tạm giam 3 tháng")
    assert "Bắt đầu: Thứ Tư 11/03/2026" in card and "trừ 9 ngày tạm giữ = 81 ngày" in card
    assert "Ngày cuối cùng: Thứ Bảy 30/05/2026" in card


async def test_detention_with_its_own_date_deducts_the_extension_too(world: World) -> None:
    chat = await world.staff_chat("c12")
    card = await chat.text(
        "lệnh tạm giam 2 tháng từ 08/03/2026, trước đó tạm giữ 3 ngày và gia hạn 3 ngày, hết ngày nào"
    )
    assert "Bắt đầu: Chủ nhật 08/03/2026" in card and "trừ 6 ngày tạm giữ = 54 ngày" in card
    assert "Ngày cuối cùng: Thứ Năm 30/04/2026" in card


async def test_custody_extension_not_counted_without_its_length(world: World) -> None:
    chat = await world.staff_chat("c13")
    unsaid = await chat.text("tạm giữ 3 ngày từ 9h 02/03/2026, gia hạn 1 lần rồi tạm giam 2 tháng hết ngày nào")
    # Round 8: the detention's last day does not depend on the extension's days (it starts the day the custody
    # ends and every day is deducted): said, checked over several lawful lengths (qa_calc_unsaid_extensions).
    assert "không phụ thuộc số ngày đó" in unsaid and "lệnh tạm giam đến hết ngày Thứ Năm 30/04/2026" in unsaid
    assert "/05/2026" not in unsaid
    alone = await chat.text("tạm giữ 3 ngày từ 9h 02/03/2026, gia hạn 1 lần thì hết lúc nào")  # the custody's own end
    assert "gia hạn bao nhiêu ngày" in alone
    unlawful = await chat.text("tạm giữ 3 ngày từ 9h 02/03/2026, gia hạn thêm 5 ngày rồi tạm giam 2 tháng")
    assert "không quá 3 ngày" in unlawful and "Điều 118" in unlawful and "/04/2026" not in unlawful
    third = await chat.text(
        "tạm giữ 3 ngày từ 9h 02/03/2026, gh 3 ngay, gh lan 2 3 ngay, gh lan 3 2 ngay roi tam giam 2 thang"
    )
    assert "tối đa 2 lần" in third and "/04/2026" not in third


async def test_a_new_custody_length_after_a_chained_card_moves_the_detention_start(world: World) -> None:
    chat = await world.staff_chat("c20")
    card = await chat.text("tạm giữ 3 ngày từ 9h 02/03/2026 rồi tạm giam 2 tháng hết ngày nào")
    assert "Bắt đầu: Thứ Năm 05/03/2026" in card and "Ngày cuối cùng: Thứ Năm 30/04/2026" in card
    six = await chat.text("nếu tạm giữ 6 ngày thì sao")
    assert "Bắt đầu: Chủ nhật 08/03/2026" in six and "trừ 6 ngày tạm giữ = 54 ngày" in six
    assert "Ngày cuối cùng: Thứ Năm 30/04/2026" in six  # never 27/04: the start moves with the days
    again = await chat.text("nếu tạm giữ 3 ngày và gia hạn 2 ngày thì sao")
    assert "Bắt đầu: Thứ Bảy 07/03/2026" in again and "trừ 5 ngày tạm giữ = 55 ngày" in again
    assert "Ngày cuối cùng: Thứ Năm 30/04/2026" in again
    unsaid = await chat.text("nếu tg 3 ngày, gia hạn 1 lần thì sao")
    assert "gia hạn bao nhiêu ngày" in unsaid and "30/04/2026" not in unsaid


async def test_custody_length_said_after_a_card_counted_from_the_custody_start(world: World) -> None:
    chat = await world.staff_chat("c21")
    card = await chat.text("tạm giữ từ 9h 02/03/2026 rồi tạm giam 2 tháng thì hết ngày nào")
    assert "Ngày cuối cùng: Thứ Năm 30/04/2026" in card  # its 3-day term (Đ118 k1): from 05/03, 57 days
    three = await chat.text("nếu tạm giữ 3 ngày thì sao")
    assert "Bắt đầu: Thứ Năm 05/03/2026" in three and "trừ 3 ngày tạm giữ = 57 ngày" in three
    assert "Ngày cuối cùng: Thứ Năm 30/04/2026" in three


async def test_custody_before_a_dated_detention_keeps_its_start(world: World) -> None:
    chat = await world.staff_chat("c22")
    assert "29/04/2026" in await chat.text("tạm giam 2 tháng từ 01/03/2026 hết ngày nào")
    both = await chat.text("nếu trước đó tạm giữ 3 ngày, gia hạn thêm 2 ngày thì sao")
    assert "Bắt đầu: Chủ nhật 01/03/2026" in both and "trừ 5 ngày tạm giữ = 55 ngày" in both
    assert "Ngày cuối cùng: Thứ Sáu 24/04/2026" in both


async def test_the_custody_end_said_in_words_is_the_detention_start(world: World) -> None:
    chat = await world.staff_chat("c23")
    card = await chat.text("lệnh tạm giam 2 tháng kể từ ngày hết hạn tạm giữ 05/03/2026, trước đó tạm giữ 3 ngày")
    # 05/03 is the tạm giam's first day: 57 days to 30/04/2026 (never from 08/03, three days late).
    assert "Bắt đầu: Thứ Năm 05/03/2026" in card and "Ngày cuối cùng: Thứ Năm 30/04/2026" in card


async def test_custody_deducted_whichever_way_it_is_said(world: World) -> None:
    chat = await world.staff_chat("c24")
    before = await chat.text("tạm giam 2 tháng từ 04/03/2018, trừ 3 ngày tạm giữ thì hết ngày nào")
    assert "trừ 3 ngày tạm giữ = 57 ngày" in before and "Ngày cuối cùng: Chủ nhật 29/04/2018" in before  # FACTS §1
    net = await chat.text("lệnh tạm giam 57 ngày từ 04/03/2018 (đã trừ 3 ngày tạm giữ) hết ngày nào")
    assert "Ngày cuối cùng: Chủ nhật 29/04/2018" in net and "Đã trừ" not in net  # never 26/04


async def test_a_custody_extension_in_hours_is_not_the_three_day_step(world: World) -> None:
    chat = await world.staff_chat("c25")
    assert "09:00 ngày 05/03/2026" in await chat.text("tạm giữ từ 9h 02/03/2026 hết hạn lúc nào")
    hours = await chat.text("gia hạn thêm 24 giờ thì hết lúc nào")
    assert "hết 09:00 Thứ Sáu 06/03/2026" in hours and "08/03/2026" not in hours


async def test_a_custody_extension_said_after_the_card_adds_to_its_days(world: World) -> None:
    chat = await world.staff_chat("c26")
    await chat.text("tạm giữ 3 ngày từ 9h 02/03/2026 rồi tạm giam 2 tháng hết ngày nào")
    more = await chat.text("nếu gia hạn tạm giữ thêm 3 ngày thì sao")
    assert "Bắt đầu: Chủ nhật 08/03/2026" in more and "trừ 6 ngày tạm giữ = 54 ngày" in more
    assert "Ngày cuối cùng: Thứ Năm 30/04/2026" in more


async def test_shorthand_staff_type_for_the_measure_and_the_appeal(world: World) -> None:
    chat = await world.staff_chat("c27")
    # «tg» starting at a clock time is tạm giữ (counted in hours; a tạm giam is counted in days): its card.
    custody = await chat.text("tg tu 14h 1/3 thi het han luc may h")
    assert "TẠM GIỮ" in custody and "Trả tự do chậm nhất: 14:00 ngày 04/03/2026 nếu không gia hạn" in custody
    which = await chat.text("tg tu 1/3 thi het han ngay nao")
    assert "«tg» có thể là tạm giữ hoặc tạm giam" in which and "Bắt đầu:" not in which  # a day only: asked
    appeal = await chat.text("kc ban an tuyen 2/3/2026 toi ngay nao thi het han")
    assert "KHÁNG CÁO BẢN ÁN SƠ THẨM" in appeal and "17/03/2026" in appeal  # 02/03 + 15 days
    decision = await chat.text("bi cao kc qd so tham nhan ngay 02/03/2026 thi han kc den bao gio")
    assert "KHÁNG CÁO QUYẾT ĐỊNH SƠ THẨM" in decision and "09/03/2026" in decision  # 7 days


async def test_custody_with_its_extensions_asked_in_one_question(world: World) -> None:
    chat = await world.staff_chat("c28")
    replies = await chat.send("tam giu tu 7h sang 01/03/2026, gia han lan 1 3 ngay, lan 2 2 ngay, het han luc nao")
    total = replies[0].text
    assert "TẠM GIỮ 3 ngày + gia hạn 3 ngày + gia hạn 2 ngày = 8 ngày: hết 07:00 Thứ Hai 09/03/2026" in total
    chained = await world.staff_chat("c29")
    card = await chained.text(
        "bị can bị tạm giữ 3 ngày từ 8h ngày 25/02/2026, sau đó gia hạn tạm giữ 3 ngày, hết hạn gia hạn thì "
        "khởi tố và tạm giam 3 tháng. Hỏi lệnh tạm giam từ ngày nào đến ngày nào?"
    )
    # 6 days of custody: to 08:00 03/03/2026; 90 − 6 = 84 days from 03/03 → 25/05/2026 (= 25/02 + 90 − 1).
    assert "Bắt đầu: Thứ Ba 03/03/2026" in card and "Ngày cuối cùng: Thứ Hai 25/05/2026" in card


async def test_custody_extensions_the_law_does_not_allow_in_one_question(world: World) -> None:
    chat = await world.staff_chat("c30")
    replies = await chat.send(
        "tam giu tu 7h 01/03/2026, gia han lan 1 3 ngay, lan 2 3 ngay, lan 3 3 ngay, het han luc nao"
    )
    assert "tối đa 2 lần" in replies[0].text and "10/03/2026" not in replies[0].text


async def test_a_detention_asked_after_a_custody_card_follows_that_custody(world: World) -> None:
    chat = await world.staff_chat("c31")
    assert "09:00 ngày 05/03/2026" in await chat.text("tạm giữ từ 9h 02/03/2026 hết lúc nào")
    after = await chat.text("hết tạm giữ thì tạm giam 2 tháng, hết ngày nào?")
    assert "Bắt đầu: Thứ Năm 05/03/2026" in after and "trừ 3 ngày tạm giữ = 57 ngày" in after
    assert "Ngày cuối cùng: Thứ Năm 30/04/2026" in after
    extended = await world.staff_chat("c32")
    await extended.text("tạm giữ từ 9h 02/03/2026 hết lúc nào")
    six = await extended.text("nếu gia hạn thêm 3 ngày rồi tạm giam 2 tháng thì tạm giam đến ngày nào")
    assert "Bắt đầu: Chủ nhật 08/03/2026" in six and "trừ 6 ngày tạm giữ = 54 ngày" in six
    assert "Ngày cuối cùng: Thứ Năm 30/04/2026" in six
    # A question about tạm giam in general is the Q&A's, not a chain.
    general = await world.staff_chat("c33")
    await general.text("tạm giữ từ 9h 02/03/2026 hết lúc nào")
    rule = await general.text("tạm giam tối đa bao lâu")
    assert "Ngày cuối cùng" not in rule and "trừ 3 ngày tạm giữ" not in rule and "giai đoạn" in rule


async def test_another_start_after_a_card_recomputes_it(world: World) -> None:
    chat = await world.staff_chat("c34")
    await chat.text("tạm giam 2 tháng từ 01/03/2026 hết ngày nào")
    moved = await chat.text("còn nếu từ 05/03/2026 thì sao")
    assert "Bắt đầu: Thứ Năm 05/03/2026" in moved and "Ngày cuối cùng: Chủ nhật 03/05/2026" in moved
    chain = await world.staff_chat("c35")
    await chain.text("tạm giữ 3 ngày từ 9h 02/03/2026 rồi tạm giam 2 tháng hết ngày nào")
    later = await chain.text("nếu tạm giữ từ 9h 04/03/2026 thì sao")  # the custody's start moves: so does all
    assert "Bắt đầu: Thứ Bảy 07/03/2026" in later and "Ngày cuối cùng: Thứ Bảy 02/05/2026" in later
    longer = await chain.text("nếu tạm giữ 6 ngày từ 9h 04/03/2026 thì sao")
    assert "Bắt đầu: Thứ Ba 10/03/2026" in longer and "trừ 6 ngày tạm giữ = 54 ngày" in longer
    assert "Ngày cuối cùng: Thứ Bảy 02/05/2026" in longer
    clock = await world.staff_chat("c36")
    await clock.text("tạm giữ từ 14h 02/03/2026 hết lúc nào")
    hourless = await clock.text("còn nếu từ 05/03/2026 thì sao")
    assert "cả giờ bắt đầu" in hourless and "08/03/2026" not in hourless  # the hour is not guessed
    assert "08/03/2026" in await clock.text("còn nếu từ 8h 05/03/2026 thì sao")


async def test_a_question_in_two_lines_the_date_second(world: World, clock: FakeClock) -> None:
    chat = await world.staff_chat("c37")
    rule = await chat.text("tạm giam 2 tháng thì hết ngày nào")
    assert "Ngày cuối cùng" not in rule  # no date yet: the rule
    card = await chat.text("từ 01/03/2026")
    assert "TẠM GIAM" in card and "Ngày cuối cùng: Thứ Tư 29/04/2026" in card
    again = await chat.text("từ 05/03/2026")  # used once: not read with the same question again
    assert "Ngày cuối cùng" not in again
    custody = await world.staff_chat("c38")
    await custody.text("tạm giữ hết lúc nào")
    assert "14:00 ngày 04/03/2026" in await custody.text("từ 14h hôm qua")
    stale = await world.staff_chat("c39")
    await stale.text("tạm giam 2 tháng thì hết ngày nào")
    clock.advance(hours=1)
    assert "Ngày cuối cùng" not in await stale.text("từ 01/03/2026")


async def test_an_absent_defendants_appeal_from_the_day_the_judgment_is_received(world: World) -> None:
    chat = await world.staff_chat("c40")
    card = await chat.text(
        "tuyên án ngày 27/02/2026, bị cáo vắng mặt, nhận bản án ngày 05/03/2026, kháng cáo đến ngày nào"
    )
    assert "KHÁNG CÁO BẢN ÁN SƠ THẨM" in card and "20/03/2026" in card and "16/03/2026" not in card  # 05/03 + 15


async def test_a_custody_decision_shorter_than_the_law_is_counted_first(world: World) -> None:
    chat = await world.staff_chat("c41")
    days = await chat.send("tạm giữ 2 ngày từ 9h 02/03/2026 hết lúc nào")
    assert "TẠM GIỮ 2 ngày: hết 09:00 Thứ Tư 04/03/2026" in days[0].text  # not the law's 05/03 first
    # the whole answer: no law's 3-day card after it (fix13a, legal review: its 05/03 end is not this decision's)
    assert len(days) == 1 and "Thời hạn tạm giữ (3 ngày)" not in days[0].text
    hours = await chat.send("tạm giữ 48 giờ từ 9h 02/03/2026 hết lúc nào")
    assert "TẠM GIỮ 48 giờ: hết 09:00 Thứ Tư 04/03/2026" in hours[0].text
    plain = await chat.send("tạm giữ 3 ngày từ 9h 02/03/2026 hết lúc nào")
    assert len(plain) == 1 and "Thời hạn tạm giữ (3 ngày)" in plain[0].text


async def test_a_second_line_that_is_not_only_a_date_is_a_question_of_its_own(world: World) -> None:
    chat = await world.staff_chat("c42")
    await chat.text("thời hạn tạm giam")
    other = await chat.text("giá vàng hôm nay bao nhiêu")  # "hôm nay" is a date, but the line is not one
    assert "thời hạn trong lệnh" not in other and "Ngày cuối cùng" not in other
