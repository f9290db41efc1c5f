"""The free-text calculator, round 8 (issue #15): the hearing's deadline from the decision to try, a
numbered extension of a stage said in shorthand, the tạm giữ counted from the CQĐT's receipt (not the
arrest), a tạm giam ordered after a released tạm giữ (its days deducted), an extension's answer that
names its basis. Own phrasings, through the real dispatcher; the fake clock: Monday 02/03/2026 08:00
in Hà Nội."""

from __future__ import annotations

from tests.conftest import World
from tests.fakes import buttons, joined


async def test_the_hearing_opens_within_15_days_of_the_decision_to_try(world: World) -> None:
    chat = await world.staff_chat("r8a")
    card = await chat.text("tòa ra qđ đưa vụ án ra xét xử hôm nay, hạn mở phiên tòa là ngày nào")
    # Đ277 k3: 15 days from the day after the decision; Tuesday 17/03/2026 is a working day.
    assert "MỞ PHIÊN TÒA SƠ THẨM" in card and "hết 24:00 Thứ Ba 17/03/2026" in card
    assert "Điều 277 khoản 3" in card and "trở ngại khách quan" in card and "01/04/2026" in card
    # A Sunday end moves to Monday (Đ134 k1; for a court's own limit: practice, said on the card).
    late = await (await world.staff_chat("r8a2")).text(
        "quyết định đưa vụ án ra xét xử ký ngày 28/03/2026 thì phải mở tòa chậm nhất ngày nào"
    )
    assert "12/04/2026 là ngày nghỉ" in late and "hết 24:00 Thứ Hai 13/04/2026" in late
    assert "nguồn thứ cấp" in late
    appeal = await (await world.staff_chat("r8a3")).text(
        "qđ đưa vụ án ra xét xử phúc thẩm ngày 10/03/2026 thì mở phiên tòa phúc thẩm hạn chót ngày nào"
    )
    assert "MỞ PHIÊN TÒA PHÚC THẨM" in appeal and "25/03/2026" in appeal and "Điều 346 khoản 3" in appeal


async def test_a_notice_before_the_hearing_is_not_the_hearings_deadline(world: World) -> None:
    chat = await world.staff_chat("r8b")
    reply = await chat.text(
        "qđ đưa vụ án ra xét xử ngày 05/03/2026, giao quyết định cho bị cáo trước khi mở phiên tòa bao nhiêu ngày"
    )
    assert "MỞ PHIÊN TÒA SƠ THẨM" not in reply and "20/03/2026" not in reply
    sent = await (await world.staff_chat("r8b2")).text(
        "qđ đưa vụ án ra xét xử ngày 05/03/2026, phiên tòa mở ngày 15/03/2026, hạn gửi qđ cho VKS là khi nào"
    )
    assert "MỞ PHIÊN TÒA" not in sent and "20/03/2026" not in sent


async def test_detention_for_investigation_in_shorthand_takes_its_numbered_extension(world: World) -> None:
    chat = await world.staff_chat("r8c")
    reply = await chat.text("tgiam dt tội rnt 4 thang tu 10/02/2026, gh lan 1 them 3 thang thi het ngay nao")
    # Đ173: 4 months = 120 days from 10/02 → 09/06/2026; the first extension (≤ 3 months for RNT) from
    # 10/06, 90 days → 07/09/2026.
    assert "TẠM GIAM ĐỂ ĐIỀU TRA" in reply and "09/06/2026" in reply
    assert "từ 10/06/2026 đến hết ngày Thứ Hai 07/09/2026" in reply
    over = await (await world.staff_chat("r8c2")).text(
        "tgiam de dt toi nt 3 thang tu 10/02/2026, gh lan 1 them 3 thang thi het ngay nao"
    )
    assert "không quá 2 tháng" in over and "trợ lý không tính gia hạn 3 tháng" in over
    assert "đối chiếu lại thời hạn ghi trong quyết định gia hạn" in over  # what to do next


async def test_custody_counts_from_the_receipt_not_the_arrest(world: World) -> None:
    chat = await world.staff_chat("r8d")
    reply = await chat.text(
        "bắt người phạm tội quả tang lúc 22h30 tối qua, 2h sáng nay mới giải về cqđt, tạm giữ 3 ngày hết lúc mấy giờ"
    )
    # Đ118 k1: from 02:00 02/03 (the receipt), 72 hours: 02:00 05/03/2026 — not 22:30 04/03.
    assert "Bắt đầu: 02:00 Thứ Hai 02/03/2026" in reply and "02:00 ngày 05/03/2026" in reply
    assert "22:30" not in reply
    unclear = await (await world.staff_chat("r8d2")).text(
        "bắt quả tang 21h hôm qua, cqđt nhận người lúc 3h, tạm giữ thì hết khi nào"
    )
    assert "Cơ quan điều tra nhận người" in unclear and "Điều 118 khoản 1" in unclear and "Bắt đầu" not in unclear


async def test_a_detention_after_a_released_custody_deducts_its_days(world: World) -> None:
    chat = await world.staff_chat("r8e")
    reply = await chat.text(
        "tạm giữ 6 ngày từ 14h 05/03/2018 thì trả tự do, ngày 11/04/2018 bắt lại tạm giam 2 tháng, lệnh đến hết ngày nào"
    )
    # FACTS §1, the official example: 60 − 6 = 54 days from 11/04/2018 → 03/06/2018.
    assert "Bắt đầu: Thứ Tư 11/04/2018" in reply and "03/06/2018" in reply and "trừ 6 ngày tạm giữ" in reply
    # A tạm giữ that would still run on the tạm giam's day (cut short: FACTS §1 U): not counted.
    short = await (await world.staff_chat("r8e2")).text(
        "tạm giữ 3 ngày từ 9h 02/03/2026 thì thả, ngày 03/03/2026 bắt tạm giam 2 tháng hết ngày nào"
    )
    assert "Ngày cuối cùng" not in short


async def test_an_extension_after_the_card_names_its_basis(world: World) -> None:
    chat = await world.staff_chat("r8f")
    await chat.text("lệnh tạm giam 3 tháng từ 12/03/2026 hết ngày nào")
    reply = await chat.text("tội nghiêm trọng, gia hạn thêm tối đa thì hết ngày nào")
    # Đ173 k2: NT ≤ 2 months; from 10/06 (the day after 09/06), 60 days → 08/08/2026.
    assert "08/08/2026" in reply and "Căn cứ: Điều 173 khoản 2 BLTTHS 2015" in reply


async def test_the_receipt_later_the_same_evening_is_the_start(world: World) -> None:
    chat = await world.staff_chat("r8g")
    reply = await chat.text(
        "tối qua 20h giữ người khẩn cấp, 22h30 cqđt tiếp nhận người, tạm giữ 3 ngày thì hết lúc nào"
    )
    # One day, two hours: the receipt's (22:30 on Sunday 01/03), later than the hold's: 22:30 04/03/2026.
    assert "Bắt đầu: 22:30 Chủ nhật 01/03/2026" in reply and "22:30 ngày 04/03/2026" in reply


async def test_an_extension_told_without_a_question_is_answered_then_asked_again(world: World) -> None:
    chat = await world.staff_chat("r8h")
    told = await chat.text("lệnh tạm giam 3 tháng hết ngày 20/05/2026, tội nghiêm trọng, vks gia hạn thêm 2 tháng")
    # From the day after the order's last day, 60 days, never shifted: 21/05 + 59 = 19/07/2026; the
    # chaining is practice (FACTS §1 S): said so. 20/05 is not read as the order's start.
    assert "từ 21/05/2026 đến hết ngày Chủ nhật 19/07/2026" in told and "nguồn thứ cấp" in told
    assert "Bắt đầu: " not in told
    again = await chat.text("vậy thì đến hết ngày nào ạ")
    assert "19/07/2026" in again and "Căn cứ:" in again
    card = await (await world.staff_chat("r8h2")).text(
        "tạm giam 2 tháng từ 09/03/2026, tội ít nghiêm trọng, gia hạn thêm 1 tháng"
    )
    # The card (09/03 + 59 = 07/05/2026), then the extension told: 08/05 + 29 = 06/06/2026.
    assert "07/05/2026" in card and "từ 08/05/2026 đến hết ngày Thứ Bảy 06/06/2026" in card


async def test_custody_never_moves_off_a_day_off_other_limits_do(world: World) -> None:
    chat = await world.staff_chat("r8i")
    await chat.text("lệnh tạm giam 1 tháng từ 10/04/2026 đến hết ngày nào")
    # 10/04 + 29 = Saturday 09/05/2026: the order's day, never moved (Đ134 k1).
    kept = await chat.text("hôm đó thứ 7 thì có được lùi sang thứ 2 không")
    assert kept.startswith("Không lùi.") and "Thứ Bảy 09/05/2026" in kept and "Điều 134 khoản 1" in kept
    appeal = await world.staff_chat("r8i2")
    await appeal.text("tuyên án ngày 20/03/2026 thì hạn kháng cáo hết ngày nào")
    # 15 days: Sunday 04/04 → Monday 06/04/2026 (Đ134 k1, on the card too).
    moved = await appeal.text("nếu rơi vào ngày nghỉ thì sao")
    assert moved.startswith("Có.") and "06/04/2026" in moved
    told = await world.staff_chat("r8i3")
    await told.text("lệnh tạm giam hết ngày 03/05/2026, tội nghiêm trọng, gia hạn thêm 2 tháng")
    general = await told.text("CN có lùi ko")
    assert general.startswith("Không lùi.") and "Căn cứ:" in general


async def test_a_question_of_its_own_after_a_card_is_not_read_as_a_follow_up(world: World) -> None:
    chat = await world.staff_chat("r8j")
    await chat.text("tạm giam 2 tháng từ 05/03/2026 đến hết ngày nào")
    other = await chat.text("có phải chuyển hồ sơ cho VKS không")
    assert "Không lùi" not in other and "03/05/2026" not in other


async def test_summary_and_returned_file_hearings_count_from_their_own_day(world: World) -> None:
    summary = await (await world.staff_chat("r8k")).text(
        "vụ án rg, tòa thụ lý 02/03/2026, qđ đưa vụ án ra xét xử ngày 05/03/2026 thì chậm nhất ngày nào mở phiên tòa"
    )
    # Đ462 k2: 7 days from the decision (not 10 + 7 from the acceptance): 12/03/2026; not the ordinary 15 days.
    assert "12/03/2026" in summary and "Điều 462" in summary and "Điều 277 khoản 3" not in summary
    returned = await (await world.staff_chat("r8k3")).text(
        "tòa nhận lại hồ sơ điều tra bổ sung ngày 05/03/2026 thì phải ra qđ đưa vụ án ra xét xử trước ngày nào"
    )
    # Đ277 k2: 15 days from the file's return: 20/03/2026; not the investigation's card.
    assert "Điều 277 khoản 2" in returned and "20/03/2026" in returned and "loại nào" not in returned


async def test_a_day_counted_limit_moved_off_a_day_off_says_the_rule_is_practice(world: World) -> None:
    chat = await world.staff_chat("r8l")
    card = await chat.text("tuyên án sơ thẩm ngày 27/02/2026, bị cáo kháng cáo đến hết ngày nào")
    # 15 days: Saturday 14/03 → Monday 16/03/2026; the shift of a day-counted limit is S (FACTS §1).
    assert "16/03/2026" in card and "NQ 05/2005/NQ-HĐTP), nguồn thứ cấp" in card
    unmoved = await (await world.staff_chat("r8l2")).text("tuyên án ngày 02/03/2026, kháng cáo hết ngày nào")
    assert "17/03/2026" in unmoved and "NQ 05/2005" not in unmoved  # Tuesday: nothing moved, nothing said


async def test_a_surrender_counts_from_the_custody_decision(world: World) -> None:
    chat = await world.staff_chat("r8m")
    reply = await chat.text(
        "đối tượng ra đầu thú lúc 7h sáng nay, 11h cqđt ra quyết định tạm giữ, 3 ngày thì hết lúc nào"
    )
    # Đ118 k1: a person who surrendered is held from the decision (11:00), not from 07:00.
    assert "Bắt đầu: 11:00 Thứ Hai 02/03/2026" in reply and "11:00 ngày 05/03/2026" in reply
    unclear = await (await world.staff_chat("r8m2")).text(
        "người tự thú lúc 22h hôm qua, qđ tạm giữ lúc 1h, tạm giữ hết khi nào"
    )
    assert "ra quyết định tạm giữ" in unclear and "Bắt đầu" not in unclear


async def test_a_release_date_between_custody_and_detention_is_not_the_detentions_start(world: World) -> None:
    chat = await world.staff_chat("r8n")
    asked = await chat.text(
        "tạm giữ từ 20h 01/03/2026, được thả ngày 03/03/2026, đến 10/03/2026 bắt tạm giam 2 tháng thì hết ngày nào"
    )
    # The tạm giam starts 10/03, not on the release day; the tạm giữ's days are not said: asked.
    assert "số ngày tạm giữ" in asked and "Ngày cuối cùng" not in asked
    counted = await (await world.staff_chat("r8n2")).text(
        "tam giu 3 ngay tu 10h 01/03/2026, tha ngay 04/03/2026, 15/03/2026 bat tam giam 2 thang het ngay nao"
    )
    # 60 − 3 = 57 days from 15/03/2026 → 10/05/2026.
    assert "Bắt đầu: Chủ nhật 15/03/2026" in counted and "10/05/2026" in counted


async def test_the_decision_to_try_from_the_acceptance_is_the_trial_preparation(world: World) -> None:
    chat = await world.staff_chat("r8o")
    reply = await chat.text("tòa thụ lý vụ án ngày 05/03/2026, tội nghiêm trọng, hạn ra qđ đưa vụ án ra xét xử")
    # Đ277 k1: 45 days → Sunday 19/04 → Monday 20/04/2026.
    assert "CHUẨN BỊ XÉT XỬ SƠ THẨM" in reply and "20/04/2026" in reply


async def test_when_asked_again_after_a_follow_up_answers_from_the_card(world: World) -> None:
    chat = await world.staff_chat("r8p")
    await chat.text("lệnh tạm giam 3 tháng từ 01/03/2026")
    await chat.text("gia hạn thêm 2 tháng tội nghiêm trọng")
    again = await chat.text("thì tới hết ngày nào")
    # 01/03 + 89 = 29/05; the extension from 30/05, 60 days → 28/07/2026 — not the formula's entry.
    assert "28/07/2026" in again and "Căn cứ:" in again and "công thức" not in again
    other = await world.staff_chat("r8p2")
    await other.text("tạm giam 2 tháng từ 01/03/2026 hết ngày nào")
    await other.text("nếu trước đó tạm giữ 3 ngày thì sao")
    end = await other.text("vậy hết ngày nào")
    # The new card's end: 60 − 3 = 57 days from 01/03 → 26/04/2026.
    assert "26/04/2026" in end and "29/04/2026" not in end


async def test_a_question_between_forgets_the_calculator_answer(world: World) -> None:
    chat = await world.staff_chat("r8q")
    await chat.text("lệnh tạm giam hết ngày 03/05/2026, tội nghiêm trọng, gia hạn thêm 2 tháng")
    await chat.text("thời hạn kháng cáo bản án sơ thẩm là bao lâu")
    later = await chat.text("thì tới hết ngày nào")
    assert "02/07/2026" not in later  # the extension is no longer the subject


async def test_whether_to_hold_or_release_after_an_arrest_is_the_12_hours(world: World) -> None:
    chat = await world.staff_chat("r8r")
    reply = await chat.text("bắt quả tang lúc 14h hôm nay thì chậm nhất mấy giờ phải ra qđ tạm giữ hay thả")
    # Đ114 k1: 12 hours, not the custody's 3 days: 02:00 on 03/03/2026.
    assert "Điều 114 khoản 1" in reply and "02:00 ngày 03/03/2026" in reply and "05/03/2026" not in reply
    held = await (await world.staff_chat("r8r2")).text(
        "giữ người khẩn cấp lúc 20h tối qua, hạn ra qđ tạm giữ hoặc trả tự do"
    )
    assert "Điều 110 khoản 4" in held and "08:00 ngày 02/03/2026" in held  # the emergency hold's own 12 hours


async def test_the_orders_last_day_is_never_read_as_its_start(world: World) -> None:
    chat = await world.staff_chat("r8s")
    alone = await chat.text("lệnh tạm giam 3 tháng hết ngày 10/06/2026")
    assert "ngày hết lệnh tạm giam, không phải ngày bắt đầu" in alone and "Bắt đầu:" not in alone
    told = await chat.text("lệnh tạm giam hết hạn ngày 10/06/2026, tội nghiêm trọng gia hạn thêm 2 tháng?")
    # From 11/06, 60 days → 09/08/2026 (not a card counted from 10/06).
    assert "từ 11/06/2026 đến hết ngày Chủ nhật 09/08/2026" in told and "Bắt đầu:" not in told
    chained = await (await world.staff_chat("r8s2")).text(
        "tạm giữ hết ngày 01/09/2026 rồi chuyển tạm giam 2 tháng, đã tạm giữ 3 ngày thì tạm giam hết ngày nào"
    )
    assert "không phải ngày bắt đầu" not in chained  # the tạm giữ's end: the tạm giam's first day


async def test_custody_days_said_after_the_detention_are_deducted_not_added(world: World) -> None:
    chat = await world.staff_chat("r8t")
    reply = await chat.text(
        "tạm giữ hết ngày 01/09/2026 rồi chuyển tạm giam 2 tháng, đã tạm giữ 3 ngày thì tạm giam hết ngày nào"
    )
    # From 01/09 (the day the tạm giữ ended), 60 − 3 = 57 days → 27/10/2026; never 2 months + 3 days.
    assert "(57 ngày)" in reply and "27/10/2026" in reply and "63 ngày" not in reply


async def test_an_end_said_with_the_day_off_question_is_answered_as_it_stands(world: World) -> None:
    chat = await world.staff_chat("r8u")
    reply = await chat.text("lệnh tạm giam ghi hết ngày 09/05/2026 là thứ bảy, có được tính qua thứ 2 không")
    assert reply.startswith("Không lùi.") and "Thứ Bảy 09/05/2026" in reply and "Điều 134 khoản 1" in reply
    custody = await (await world.staff_chat("r8u2")).text(
        "tạm giữ hết hạn lúc 10h ngày 08/03/2026, gia hạn thêm 3 ngày thì hết lúc nào"
    )
    # The tạm giữ's end is not its start (counting 3 + 3 days from it would be three days late): asked.
    assert "lúc hết tạm giữ, không phải lúc bắt đầu" in custody and "14/03/2026" not in custody


async def test_an_orders_length_rules_out_the_categories_too_short_for_it(world: World) -> None:
    chat = await world.staff_chat("r8v")
    await chat.text("tạm giam 3 tháng từ 10/01/2026 hết ngày nào")
    replies = await chat.send("gia hạn thêm 2 tháng thì đến hết ngày nào")
    # No category: a 3-month order is not an ít NT detention for investigation (Đ173 k1: 2 months), and
    # 2 months is within every other category's first extension; the stage is asked first, then counted.
    investigation = next(data for label, data in buttons(replies) if label == "Điều tra")
    text = joined(await chat.press(investigation))
    # 10/01 + 89 = 09/04; from 10/04, 60 days → 08/06/2026.
    assert "từ 10/04/2026 đến hết ngày Thứ Hai 08/06/2026" in text and "từ 90 ngày trở lên" in text
    two = await world.staff_chat("r8v2")
    await two.text("tạm giam 2 tháng từ 10/01/2026 hết ngày nào")
    replies = await two.send("gia hạn thêm 2 tháng thì đến hết ngày nào")
    pressed = next(data for label, data in buttons(replies) if label == "Điều tra")
    counted = joined(await two.press(pressed))
    # ít NT is still possible (a 2-month term) and may not have it: the day is said for NT and above only.
    assert "từ 11/03/2026 đến hết ngày Thứ Bảy 09/05/2026" in counted
    assert "Chỉ đúng nếu là tội phạm nghiêm trọng" in counted and "tội phạm ít nghiêm trọng không được" in counted


async def test_a_release_before_the_detention_date_is_not_the_custodys_end(world: World) -> None:
    chat = await world.staff_chat("r8w")
    reply = await chat.text("tạm giữ 72 giờ từ 9h 01/03/2026 rồi thả, 10/03/2026 bắt tạm giam 2 tháng hết ngày nào")
    # Not "tạm giữ 01/03 → 10/03, 9 days deducted": released in between, its days said in hours: asked.
    assert "số ngày tạm giữ" in reply and "9 ngày" not in reply and "Ngày cuối cùng" not in reply
    straight = await (await world.staff_chat("r8w2")).text(
        "tạm giữ từ 20h 01/03/2026, 04/03/2026 chuyển tạm giam 2 tháng hết ngày nào"
    )
    assert "(57 ngày)" in straight and "29/04/2026" in straight  # its two ends: 3 days, deducted
