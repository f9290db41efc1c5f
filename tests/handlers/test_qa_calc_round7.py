"""The free-text calculator, round 7 (issue #15): both protest levels asked at once, an extension
counted from an order's stated end, a tạm giam date after a released tạm giữ, Telex keys left in
words, a card's order given another length, and a tạm giữ said as its total. Through the real
dispatcher; the fake clock: Monday 02/03/2026 08:00 in Hà Nội."""

from __future__ import annotations

from tests.conftest import World


async def test_both_protest_levels_of_a_judgment_give_both_cards(world: World) -> None:
    chat = await world.staff_chat("r7a")
    both = await chat.text(
        "bản án sơ thẩm tuyên ngày 10/03/2026, kháng nghị của viện cùng cấp và viện cấp trên hết hạn ngày nào"
    )
    # Đ337 k1: 15 days for the same level, 30 for the one above, from the day after the judgment.
    assert "VKS CÙNG CẤP" in both and "hết 24:00 Thứ Tư 25/03/2026" in both
    assert "VKS CẤP TRÊN TRỰC TIẾP" in both and "hết 24:00 Thứ Năm 09/04/2026" in both
    assert both.index("VKS CÙNG CẤP") < both.index("VKS CẤP TRÊN TRỰC TIẾP")  # in the order asked
    one = await (await world.staff_chat("r7a2")).text("bản án tuyên 10/03/2026, vks cấp trên kháng nghị hạn chót")
    assert "VKS CẤP TRÊN TRỰC TIẾP" in one and "VKS CÙNG CẤP" not in one and "09/04/2026" in one


async def test_both_protest_levels_of_a_decision_give_both_cards(world: World) -> None:
    chat = await world.staff_chat("r7b")
    both = await chat.text(
        "quyết định tạm đình chỉ vụ án của tòa sơ thẩm ngày 04/03/2026, vks cùng cấp và vks cấp trên kháng nghị "
        "đến ngày nào"
    )
    # Đ337 k2: 7 and 15 days from the decision.
    assert "QUYẾT ĐỊNH – VKS CÙNG CẤP" in both and "Thứ Tư 11/03/2026" in both
    assert "QUYẾT ĐỊNH – VKS CẤP TRÊN TRỰC TIẾP" in both and "Thứ Năm 19/03/2026" in both


async def test_extension_counted_from_the_orders_stated_end(world: World) -> None:
    chat = await world.staff_chat("r7c")
    extended = await chat.text(
        "lệnh tạm giam hết hạn ngày 15/05/2026, được gia hạn thêm 2 tháng, tội nghiêm trọng, thì tới ngày nào"
    )
    # From the day after the order's last day, 60 days, never shifted: 16/05 + 59 = 14/07/2026.
    assert "từ 16/05/2026 đến hết ngày Thứ Ba 14/07/2026" in extended and "Căn cứ:" in extended
    assert "không quá 2 tháng" in extended
    # Over Đ173 k2's limit for the category: refused, no date.
    over = await chat.text(
        "lệnh tạm giam đến hết 15/05/2026, tội ít nghiêm trọng, gia hạn thêm 2 tháng thì tới ngày nào"
    )
    assert "không quá 1 tháng" in over and "/07/2026" not in over and "trợ lý không tính" in over
    # No category: 3 months only for RNT and ĐBNT (the same day for both): counted, said to hold for them only.
    unsaid = await chat.text("lệnh tgiam đến hết 15/05/2026, gia hạn thêm 3 tháng thì đến ngày nào")
    assert "từ 16/05/2026 đến hết ngày Thứ Năm 13/08/2026" in unsaid
    assert (
        "Chỉ đúng nếu là tội phạm rất nghiêm trọng, tội phạm đặc biệt nghiêm trọng: tội phạm ít nghiêm trọng" in unsaid
    )
    # 5 months: no category's extension is that long: which limit is whose, no date.
    none = await chat.text("lệnh tgiam đến hết 15/05/2026, gia hạn thêm 5 tháng thì đến ngày nào")
    assert "khi chưa biết loại tội" in none and "/2026" not in none.split("ví dụ")[0].replace("15/05/2026", "")
    # Without a length, for a category: the longest extension, said as such.
    full = await chat.text("lệnh tạm giam đến hết ngày 15/05/2026, tội rất nghiêm trọng, gia hạn thì đến ngày nào")
    assert "đủ mức tối đa" in full and "(3 tháng = 90 ngày)" in full and "13/08/2026" in full


async def test_the_date_after_a_released_custody_is_the_detentions(world: World) -> None:
    chat = await world.staff_chat("r7d")
    card = await chat.text(
        "đã tạm giữ 3 ngày rồi được thả, đến ngày 20/03/2026 bắt tạm giam 2 tháng, trừ ngày tạm giữ thì hết ngày nào"
    )
    # The tạm giam starts on its own date; 60 − 3 = 57 days: 20/03 + 56 = 15/05/2026.
    assert "Bắt đầu: Thứ Sáu 20/03/2026" in card and "Ngày cuối cùng: Thứ Sáu 15/05/2026" in card
    # A date said as the custody's start still moves the tạm giam to the custody's end.
    chained = await (await world.staff_chat("r7d2")).text(
        "tạm giữ 3 ngày từ 9h 02/03/2026 rồi tạm giam 2 tháng thì hết ngày nào"
    )
    assert "Bắt đầu: Thứ Năm 05/03/2026" in chained and "30/04/2026" in chained


async def test_telex_keys_left_in_words_are_read(world: World) -> None:
    chat = await world.staff_chat("r7e")
    card = await chat.text("tamj giam 2 thangs tuwf 10/03/2026 ddeens heets ngayf naof")
    assert "Ngày cuối cùng: Thứ Sáu 08/05/2026" in card


async def test_a_cards_order_given_another_length(world: World) -> None:
    chat = await world.staff_chat("r7f")
    assert "08/06/2026" in await chat.text("tạm giam 2 tháng từ 10/04/2026 hết ngày nào")
    longer = await chat.text("thế nếu lệnh ghi 4 tháng thì sao")
    assert "Bắt đầu: Thứ Sáu 10/04/2026" in longer and "Ngày cuối cùng: Thứ Sáu 07/08/2026" in longer
    # Days left are not a new length, nor another period's.
    left = await chat.text("còn 10 ngày nữa thì sao")
    assert "TẠM GIAM (THEO" not in left
    other_period = await chat.text("còn truy tố 30 ngày thì sao")
    assert "Thời hạn tạm giam (30 ngày)" not in other_period
    # An order for investigation is held to Đ173 k1 as when first asked.
    other = await world.staff_chat("r7f2")
    await other.text("tạm giam để điều tra tội ít nghiêm trọng 1 tháng từ 10/04/2026 thì hết ngày nào")
    over = await other.text("nếu lệnh 3 tháng thì sao")
    assert "không quá 2 tháng" in over and "/2026" not in over.replace("10/04/2026", "")


async def test_custody_said_as_its_total(world: World) -> None:
    chat = await world.staff_chat("r7g")
    card = await chat.text(
        "tạm giữ từ 20h 05/03/2026, gia hạn 1 lần tổng cộng 5 ngày, rồi tạm giam 2 tháng thì lệnh tạm giam hết ngày nào"
    )
    # The tạm giữ ends 20:00 10/03; the tạm giam from 10/03, 60 − 5 = 55 days: 03/05/2026.
    assert "Bắt đầu: Thứ Ba 10/03/2026" in card and "Ngày cuối cùng: Chủ nhật 03/05/2026" in card
    over = await chat.text(
        "tạm giữ từ 20h 05/03/2026, gia hạn 1 lần tổng cộng 8 ngày, rồi tạm giam 2 tháng hết ngày nào"
    )
    assert "vượt mức 6 ngày" in over and "Ngày cuối cùng" not in over


async def test_a_time_of_day_is_not_a_custody_length(world: World) -> None:
    chat = await world.staff_chat("r7h")
    card = await chat.text("tam giu tu 8 gio sang nay, het han luc may gio")
    # 08:00 today + 72 h; never "TẠM GIỮ 8 giờ: hết 16:00".
    assert "TẠM GIỮ 8 giờ" not in card and "16:00" not in card and "08:00 ngày 05/03/2026" in card
    stated = await chat.text("tạm giữ 48 giờ từ 8 giờ sáng nay thì hết lúc nào")
    assert "TẠM GIỮ 48 giờ: hết 08:00 Thứ Tư 04/03/2026" in stated


async def test_a_weekday_of_a_named_week(world: World) -> None:
    chat = await world.staff_chat("r7i")
    custody = await chat.text("tgiu tu 10h sang thu 7 tuan truoc het han chua")
    assert "Bắt đầu: 10:00 Thứ Bảy 28/02/2026" in custody and "10:00 ngày 03/03/2026" in custody
    appeal = await chat.text("bản án tuyên hôm thứ sáu, hạn kháng cáo đến ngày nào")
    # The last Friday before Monday 02/03: 27/02; + 15 = Sat 14/03 → Mon 16/03/2026.
    assert "Bắt đầu: Thứ Sáu 27/02/2026" in appeal and "hết 24:00 Thứ Hai 16/03/2026" in appeal
    # A bare weekday does not say which week: no card is computed from a guessed day.
    bare = await chat.text("tuyên án thứ 6 thì kc đến hết ngày nào")
    assert "Bắt đầu:" not in bare


async def test_a_custody_without_its_hour_is_asked_in_chat_words(world: World) -> None:
    chat = await world.staff_chat("r7j")
    asked = await chat.text("tạm giữ từ tối qua hết lúc nào")
    assert "cả giờ bắt đầu" in asked and "21h tối qua" in asked and "2026-05-03" not in asked


async def test_a_protest_is_not_counted_from_the_procuracys_receipt(world: World) -> None:
    chat = await world.staff_chat("r7k")
    asked = await chat.text("vks nhận qđ sơ thẩm ngày 10/03/2026 thì kháng nghị đến ngày nào")
    # Đ337 k2 counts from the court's decision: a count from the receipt would end later.
    assert "tính từ ngày Tòa án ra quyết định" in asked and "17/03/2026" not in asked
    judgment = await chat.text("ngày 10/03/2026 viện nhận được bản án sơ thẩm, hạn kháng nghị của vks cùng cấp")
    assert "tính từ ngày Tòa án tuyên án" in judgment and "25/03/2026" not in judgment
    # The pronouncement said beside the receipt: counted from it.
    said = await chat.text(
        "tuyên án ngày 05/03/2026, vks nhận bản án ngày 09/03/2026, vks cùng cấp kháng nghị hạn chót"
    )
    assert "Bắt đầu: Thứ Năm 05/03/2026" in said and "hết 24:00 Thứ Sáu 20/03/2026" in said
    # The appeal of a decision does run from its receipt (Đ333 k2).
    appeal = await chat.text("bị cáo nhận quyết định sơ thẩm ngày 10/03/2026, kháng cáo đến ngày nào")
    assert "hết 24:00 Thứ Ba 17/03/2026" in appeal


async def test_stage_kinds_are_not_taken_for_neighbouring_ones(world: World) -> None:
    chat = await world.staff_chat("r7l")
    trial = await chat.text("tòa nhận hồ sơ phúc thẩm ngày 10/03/2026, hạn xét xử phúc thẩm")
    # Đ346 k1: 45 days to decide, 60 days to open the hearing; not the appeal's 15 days.
    assert "CHUẨN BỊ XÉT XỬ PHÚC THẨM" in trial and "24/04/2026" in trial and "11/05/2026" in trial
    assert "KHÁNG CÁO" not in trial
    complaint = await chat.text("người bị tạm giữ khiếu nại lúc 9h 02/03/2026, viện phải giải quyết đến khi nào")
    assert "GIẢI QUYẾT KHIẾU NẠI" in complaint and "09:00 Thứ Năm 05/03/2026" in complaint
    approval = await chat.text("vks nhận lệnh tạm giam và hồ sơ đề nghị phê chuẩn ngày 05/03/2026, hạn phê chuẩn")
    assert "VKS XÉT PHÊ CHUẨN LỆNH TẠM GIAM" in approval and "09/03/2026" in approval
    approved = await chat.text("lệnh tạm giam 2 tháng từ 05/03/2026 đã được vks phê chuẩn, hết ngày nào")
    assert "Ngày cuối cùng: Chủ nhật 03/05/2026" in approved
    hearing = await chat.text("tòa nhận kháng nghị giám đốc thẩm kèm hồ sơ ngày 05/03/2026, hạn mở phiên tòa")
    assert "MỞ PHIÊN TÒA GIÁM ĐỐC THẨM" in hearing and "06/07/2026" in hearing
    # The Tòa án cấp cao's appeal limits are not the table's: no card.
    high = await chat.text("tòa cấp cao nhận hồ sơ phúc thẩm ngày 10/03/2026, hạn xét xử phúc thẩm")
    assert "Bắt đầu:" not in high


async def test_no_appeal_runs_from_a_judgment_on_appeal(world: World) -> None:
    chat = await world.staff_chat("r7m")
    final = await chat.text("tuyên án phúc thẩm 05/03/2026, hạn kháng cáo")
    assert "có hiệu lực pháp luật kể từ ngày tuyên án" in final and "20/03/2026" not in final
    assert "05/03/2027" in final and "Điều 355 khoản 2" in final
    # "kháng cáo phúc thẩm" of a first-instance judgment is the ordinary appeal.
    ordinary = await chat.text("kháng cáo phúc thẩm bản án tuyên 05/03/2026")
    assert "hết 24:00 Thứ Sáu 20/03/2026" in ordinary


async def test_a_bare_rank_after_a_card_is_its_extension(world: World) -> None:
    chat = await world.staff_chat("r7n")
    await chat.text("tạm giữ từ 9h sáng nay thì hết lúc nào")
    await chat.text("gia hạn thì sao")
    second = await chat.text("còn lần 2")
    assert "gia hạn lần thứ hai" in second and "09:00 Thứ Tư 11/03/2026" in second
    third = await chat.text("thế lần 3 thì sao")
    assert "chỉ được gia hạn 2 lần" in third and "không tính gia hạn lần thứ ba" in third


async def test_a_protest_asked_after_an_appeal_card_gives_both_levels(world: World) -> None:
    chat = await world.staff_chat("r7o")
    await chat.text("bản án tuyên 05/03/2026 thì kháng cáo đến ngày nào")
    both = await chat.text("còn vks kháng nghị")
    assert "VKS CÙNG CẤP" in both and "Thứ Sáu 20/03/2026" in both
    assert "VKS CẤP TRÊN TRỰC TIẾP" in both and "Thứ Hai 06/04/2026" in both
    above = await chat.text("còn cấp trên thì sao")
    assert "VKS CẤP TRÊN TRỰC TIẾP" in above and "VKS CÙNG CẤP" not in above


async def test_an_orders_range_and_the_request_day(world: World) -> None:
    chat = await world.staff_chat("r7p")
    ranged = await chat.text("lệnh tạm giam từ 05/03/2026 đến hết 03/05/2026, gia hạn thêm 1 tháng thì đến ngày nào")
    assert "từ 04/05/2026 đến hết ngày Thứ Ba 02/06/2026" in ranged
    # When to ask for the extension is another question: never answered with the extension's end.
    request = await chat.text(
        "lệnh tạm giam hết hạn ngày 03/05/2026 tội RNT, muốn gia hạn thì CQĐT phải đề nghị trước ngày nào"
    )
    assert "01/08/2026" not in request
    asked = await chat.text(
        "cqđt đề nghị gia hạn, lệnh tạm giam đến hết 03/05/2026, gia hạn thêm 1 tháng thì đến ngày nào"
    )
    assert "đến hết ngày Thứ Ba 02/06/2026" in asked


async def test_an_absent_defendants_appeal_is_not_counted_from_the_pronouncement(world: World) -> None:
    chat = await world.staff_chat("r7q")
    asked = await chat.text(
        "bị cáo vắng mặt tại phiên tòa, tòa tuyên án 05/03/2026, hạn kháng cáo của bị cáo đến ngày nào"
    )
    assert "Điều 333 khoản 1" in asked and "nhận được bản án" in asked and "20/03/2026" not in asked
    received = await chat.text("bi cao vang mat, nhan ban an ngay 20/03/2026, han khang cao den het ngay nao")
    assert "hết 24:00 Thứ Hai 06/04/2026" in received  # 20/03 + 15 = Sat 04/04 → Mon 06/04
    other = await chat.text("tuyên án 05/03/2026, bị hại vắng mặt, bị cáo kháng cáo đến ngày nào")
    assert "hết 24:00 Thứ Sáu 20/03/2026" in other


async def test_a_clock_period_without_its_hour_gives_the_rule_and_asks_the_hour(world: World) -> None:
    chat = await world.staff_chat("r7r")
    rule = await chat.text("hôm nay tạm giữ một người thì tối đa được giữ mấy ngày")
    assert rule.startswith("Trợ lý chưa trả lời được giờ hết hạn") and "tổng tối đa nếu gia hạn đủ: 9 ngày" in rule
    assert "Thời hạn tạm giữ: 3 ngày" in rule
    assert "Căn cứ: Điều 117, Điều 118" in rule and "cả giờ bắt đầu" in rule and "/03/2026" not in rule
    held = await chat.text("giữ người khẩn cấp từ hôm qua thì hết khi nào")
    assert "12 giờ" in held and "Điều 110 khoản 4" in held and "cả giờ bắt đầu" in held


async def test_a_day_that_only_sets_the_scene_leaves_the_question_to_the_qa(world: World) -> None:
    chat = await world.staff_chat("r7s")
    approval = await chat.text(
        "bên em có người bị tạm giữ, hôm nay là ngày thứ 3, cqđt đề nghị gia hạn thì vks phải phê chuẩn trong mấy giờ"
    )
    assert "12 giờ" in approval and "cả giờ bắt đầu" not in approval


async def test_days_of_detention_between_two_days(world: World) -> None:
    chat = await world.staff_chat("r7t")
    span = await chat.text("tạm giam từ 05/03/2026 đến 03/05/2026 thì được bao nhiêu ngày")
    assert "60 ngày (= 2 tháng tạm giam" in span and "Căn cứ: Điều 17 TTLT 04/2018" in span
    today = await chat.text("tgiam tu 01/02/2026 den nay duoc bn ngay roi")
    assert "hôm nay 02/03/2026: 30 ngày" in today  # 28 days of February, then 01 and 02/03
    backwards = await chat.text("tạm giam từ 05/03/2026 đến 03/02/2026 là mấy ngày")
    assert "trước ngày bắt đầu" in backwards and "ví dụ «tạm giam từ" in backwards  # and what to type


async def test_southern_words_in_calculator_questions(world: World) -> None:
    chat = await world.staff_chat("r7u")
    await chat.text("tgiu tu 9h sang nay het luc nao")
    first = await chat.text("dzay gia han lan 1 toi bua nao")
    assert "gia hạn lần thứ nhất" in first and "09:00 Chủ nhật 08/03/2026" in first
    most = await chat.text("gia han het co thi toi bua nao")
    assert "09:00 Thứ Tư 11/03/2026" in most
    report = await chat.text("tin báo nhận bữa thứ 6 tuần trước thì hạn giải quyết tới bữa nào")
    assert "Bắt đầu: Thứ Sáu 27/02/2026" in report and "hết 24:00 Thứ Năm 19/03/2026" in report


async def test_the_stages_start_given_as_the_only_date(world: World) -> None:
    chat = await world.staff_chat("r7v")
    card = await chat.text(
        "vks nhận hồ sơ và kết luận điều tra ngày 05/03/2026 tội NT, bị can đang bị tạm giam thì tạm giam truy tố "
        "tối đa đến ngày nào"
    )
    # Counted from the receipt, capped by Đ240 k1 from the same day: 20 days, then 10 more.
    assert "TẠM GIAM TRONG GIAI ĐOẠN TRUY TỐ" in card and "Ngày cuối cùng: Thứ Ba 24/03/2026" in card
    assert "hết 24:00 Thứ Sáu 03/04/2026" in card and "nhập ngày VKS nhận hồ sơ" not in card
    # The detention's own start ("từ 05/03") is not the stage's: that one is asked.
    own = await chat.text("tạm giam để truy tố tội RNT từ 05/03/2026 hết ngày nào")
    assert "nhập ngày VKS nhận hồ sơ" in own
    # The category is still asked when missing.
    asked = await (await world.staff_chat("r7v2")).text(
        "tạm giam chuẩn bị xét xử, tòa thụ lý 05/03/2026 thì tạm giam tối đa đến ngày nào"
    )
    assert "tội phạm thuộc loại nào" in asked


async def test_another_hour_on_the_cards_day(world: World) -> None:
    chat = await world.staff_chat("r7w")
    await chat.text("tạm giữ từ 9h sáng nay hết lúc nào")
    later = await chat.text("nếu từ 14h thì sao")
    assert "Bắt đầu: 14:00 Thứ Hai 02/03/2026" in later and "14:00 ngày 05/03/2026" in later
    evening = await chat.text("còn bắt lúc 9 giờ tối thì sao")
    assert "Bắt đầu: 21:00 Thứ Hai 02/03/2026" in evening
    left = await chat.text("còn 2 giờ nữa thì sao")
    assert "Bắt đầu: 02:00" not in left
    # A day-counted card takes no hour.
    other = await world.staff_chat("r7w2")
    await other.text("tuyên án 05/03/2026 hạn kháng cáo")
    assert "Bắt đầu:" not in await other.text("nếu 14h thì sao")


async def test_custody_said_before_without_a_cue_word(world: World) -> None:
    chat = await world.staff_chat("r7x")
    await chat.text("tạm giam 3 tháng từ 05/03/2026 tội NT hết ngày nào")
    deducted = await chat.text("trước đó tạm giữ 3 ngày")
    assert "Thời hạn tạm giam (87 ngày)" in deducted and "Ngày cuối cùng: Thứ Bảy 30/05/2026" in deducted


async def test_custody_days_unsaid_before_a_detention_are_asked(world: World) -> None:
    chat = await world.staff_chat("r7y")
    asked = await chat.text("tạm giam 2 tháng kể từ ngày hết tạm giữ 05/03/2026")
    assert "đã tạm giữ bao nhiêu ngày" in asked and "Điều 118 khoản 4" in asked and "03/05/2026" not in asked
    none = await chat.text("tạm giam 2 tháng từ 05/03/2026 (ko qua tgiu), hết ngày nào")
    assert "Ngày cuối cùng: Chủ nhật 03/05/2026" in none
    said = await chat.text("tạm giam 2 tháng từ 05/03/2026, đã tạm giữ 3 ngày")
    assert "Ngày cuối cùng: Thứ Năm 30/04/2026" in said
