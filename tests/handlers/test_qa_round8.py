"""Round 8 (search9), through the dispatcher, own phrasings: a follow-up naming the year before or after
the one answered, shorthand read by its neighbours, Central speech, and the law's number asked."""

from __future__ import annotations

from tests.conftest import World


async def test_the_year_after_the_one_answered(world: World) -> None:
    chat = await world.staff_chat("r8-year-1")
    first = await chat.text("chủ đề thi đua năm 2022 là gì")
    assert "Chủ đề thi đua năm 2022" in first or "2022" in first, first
    text = await chat.text("thế năm liền sau thì sao")
    assert "năm 2023" in text and "gương mẫu" in text, text


async def test_the_year_before_the_one_answered(world: World) -> None:
    chat = await world.staff_chat("r8-year-2")
    await chat.text("chu de thi dua 2023 la gi")
    text = await chat.text("con nam truoc do")
    assert "năm 2022" in text and "năm 2023" not in text.split("Xem thêm")[0], text


async def test_last_year_is_still_counted_from_today(world: World) -> None:
    chat = await world.staff_chat("r8-year-3")
    await chat.text("chủ đề thi đua năm 2022")
    text = await chat.text("còn năm nay thì sao")
    assert "năm 2022" not in text.split("Xem thêm")[0], text


async def test_shorthand_read_by_its_neighbours(world: World) -> None:
    chat = await world.staff_chat("r8-short")
    text = await chat.text("tb tp thì cqđt phải gq xong trong mấy ngày")
    assert text.startswith("20 ngày") and "Căn cứ:" in text, text
    text = await chat.text("giữ người kc thì trong bn h phải ra qđ tạm giữ")
    assert text.startswith("12 giờ") and "Căn cứ:" in text, text
    text = await chat.text("3 th tạm giam tính ra là bn ng")
    assert "90 ngày" in text and "Căn cứ:" in text, text


async def test_central_speech(world: World) -> None:
    chat = await world.staff_chat("r8-central")
    text = await chat.text("kiểm sát viên mần công tác kiểm sát ở nhà tạm giữ theo quy chế mô rứa")
    assert "259" in text and "Căn cứ:" in text, text


async def test_the_number_of_a_law_asked_is_no_other_law(world: World) -> None:
    chat = await world.staff_chat("r8-law")
    text = await chat.text("luật thi hành tạm giữ, tạm giam mới là luật số mấy vậy")
    assert "128/2025" in text, text


async def test_a_second_part_of_another_stage_is_answered_apart(world: World) -> None:
    chat = await world.staff_chat("r8-two-1")
    text = await chat.text("tgiam dt toi ĐBNT toi da bn thang con thoi han dt toi da bn thang")
    assert "2 phần" in text and "Thời hạn điều tra tội đặc biệt nghiêm trọng" in text, text
    assert "16 tháng" in text and "12 tháng" in text, text


async def test_a_second_part_carries_the_category_and_leads_with_it(world: World) -> None:
    chat = await world.staff_chat("r8-two-2")
    text = await chat.text("truy tố tội RNT bao nhiêu ngày, còn tạm giam trong giai đoạn truy tố bao lâu")
    second = text.split("2. «")[1]
    assert "Tạm giam trong giai đoạn truy tố" in second and "▶ 30 ngày" in second, text


async def test_a_supposed_case_reads_the_answer_again(world: World) -> None:
    chat = await world.staff_chat("r8-cue-1")
    await chat.text("có quyết định đưa vụ án ra xét xử thì mấy ngày phải mở phiên tòa")
    text = await chat.text("nhỡ có lý do bất khả kháng thì sao")
    assert "30 ngày" in text and "Căn cứ:" in text, text


async def test_the_same_asked_of_another_case(world: World) -> None:
    chat = await world.staff_chat("r8-cue-2")
    await chat.text("tòa tuyên phạt tù bị cáo đang bị tạm giam thì hđxx ra qđ tạm giam bao lâu")
    text = await chat.text("xử phúc thẩm cũng thế à")
    assert "45 ngày" in text and "phúc thẩm" in text and "Căn cứ:" in text, text


async def test_a_follow_up_whose_rare_words_the_answer_speaks_of(world: World) -> None:
    chat = await world.staff_chat("r8-rare")
    await chat.text("thời gian tạm giam được trừ vào hình phạt tù như thế nào")
    text = await chat.text("vậy nếu bị tuyên cải tạo không giam giữ thì sao")
    assert "3 ngày cải tạo không giam giữ" in text and "Căn cứ:" in text, text


async def test_which_document_asked_with_a_job_named(world: World) -> None:
    chat = await world.staff_chat("r8-doc")
    text = await chat.text("kiểm sát viên làm ở trại tạm giam thì theo quy chế nào")
    assert "259" in text and "Căn cứ:" in text, text


async def test_a_measure_at_a_stage_of_the_summary_procedure(world: World) -> None:
    chat = await world.staff_chat("r8-measure")
    text = await chat.text("rút gọn phúc thẩm thì tạm giam bị cáo tối đa bao nhiêu ngày")
    assert "xét xử phúc thẩm không quá 22 ngày" in text and "Điều 459" in text, text


async def test_a_yes_no_tail_is_no_second_question(world: World) -> None:
    chat = await world.staff_chat("r8-tail")
    text = await chat.text(
        "bị cáo trước đó bị tạm giữ 2 ngày rồi tạm giam luôn thì mấy ngày tạm giữ đó có được trừ vô án tù hông"
    )
    assert "2 phần" not in text and "1 ngày tù" in text, text


async def test_the_appeal_instance_replaces_the_first_instance_not_the_stage(world: World) -> None:
    chat = await world.staff_chat("r8-appeal-1")
    await chat.text("tạm giam chuẩn bị xét xử sơ thẩm tội đặc biệt nghiêm trọng tối đa bao lâu")
    text = await chat.text("còn phúc thẩm thì sao")
    assert "Tạm giam để chuẩn bị xét xử phúc thẩm" in text and "Căn cứ:" in text, text
    chat = await world.staff_chat("r8-appeal-2")
    await chat.text("thoi han chuan bi xet xu so tham toi rat nghiem trong")
    text = await chat.text("phuc tham thi sao")
    assert "Thời hạn chuẩn bị xét xử phúc thẩm" in text and "Căn cứ:" in text, text


async def test_a_period_run_out_with_the_stage_unfinished_is_no_other_limit(world: World) -> None:
    chat = await world.staff_chat("r8-overdue")
    await chat.text("tạm giam để điều tra tội rất nghiêm trọng bao lâu")
    text = await chat.text("lỡ hết hạn rồi mà chưa kết thúc điều tra thì sao")
    assert "12 tháng" not in text and "Căn cứ:" not in text.split("Xem thêm")[0], text


async def test_how_many_levels_after_a_date_counts_no_thing(world: World) -> None:
    chat = await world.staff_chat("r8-levels")
    text = await chat.text("vksnd có mấy cấp sau ngày 1/7/2025")
    assert text.startswith("3 cấp") and "Căn cứ:" in text, text


async def test_a_rate_worked_out_for_the_length_told(world: World) -> None:
    chat = await world.staff_chat("r8-rate")
    text = await chat.text("bị cáo bị tạm giam 25 ngày, sau đó tòa xử cải tạo không giam giữ thì được trừ mấy ngày")
    assert "▶ 25 ngày tạm giữ, tạm giam = 75 ngày cải tạo không giam giữ." in text, text
    text = await chat.text("tạm giam 2 tháng rồi bị phạt tù thì được trừ bao nhiêu ngày tù")
    assert "▶ 60 ngày tạm giữ, tạm giam = 60 ngày tù." in text, text


async def test_a_stage_asked_without_a_measure_is_the_stages_limit(world: World) -> None:
    chat = await world.staff_chat("r8-stage")
    text = await chat.text(
        "vụ xâm phạm anqg đã hết gia hạn điều tra thì vkstc có gia hạn thêm được nữa không, mấy tháng"
    )
    assert "Gia hạn tạm giam" not in text and "4 tháng" in text and "Căn cứ:" in text, text


async def test_a_year_and_the_one_before_it_in_one_message(world: World) -> None:
    chat = await world.staff_chat("r8-years")
    text = await chat.text("chủ đề thi đua năm 2023 và năm trước đó là gì")
    assert "2 phần" in text and "Chủ đề thi đua năm 2023" in text and "Chủ đề thi đua năm 2022" in text, text


async def test_southern_vo_after_a_fall_on_a_day(world: World) -> None:
    chat = await world.staff_chat("r8-vo")
    text = await chat.text("tạm giam mà hết hạn rơi vô ngày chủ nhật thì có lùi qua thứ hai hông")
    assert "Căn cứ:" in text and ("không" in text.lower() or "liên tục" in text), text


async def test_how_long_is_not_answered_by_who_may_extend(world: World) -> None:
    chat = await world.staff_chat("r8-who")
    text = await chat.text(
        "anh ơi, bị can đang tạm giam, hết hạn điều tra lần đầu mà chưa xong, "
        "gia hạn tạm giam lần 1 được tối đa bao lâu nghen, tội nghiêm trọng á"
    )
    assert text.startswith("▶ Tội nghiêm trọng gia hạn 1 lần tối đa 2 tháng"), text
    text = await chat.text("vks cấp nào được gia hạn tạm giam tội nghiêm trọng")
    assert "Căn cứ:" in text and "cấp" in text, text


async def test_a_length_asked_in_another_unit_leads_with_that_unit(world: World) -> None:
    chat = await world.staff_chat("r8-hours")
    text = await chat.text("tgiu 3 ng = bn h")
    assert text.startswith("▶ Tạm giữ tính theo giờ: 3 ngày = 72 giờ."), text


async def test_who_appeals_is_kept_by_a_follow_up(world: World) -> None:
    chat = await world.staff_chat("r8-appeal-who")
    await chat.text("thời hạn kháng cáo bản án sơ thẩm")
    text = await chat.text("còn bản án phúc thẩm thì sao")
    assert "kháng nghị phúc thẩm bản án của VKS cùng cấp" not in text, text
    chat = await world.staff_chat("r8-appeal-who-2")
    await chat.text("thời hạn kháng cáo bản án sơ thẩm")
    text = await chat.text("còn quyết định sơ thẩm thì sao")
    assert text.startswith("Về: Thời hạn kháng cáo quyết định sơ thẩm") and "7 ngày" in text, text


async def test_where_the_period_starts_is_asked_of_the_answer(world: World) -> None:
    chat = await world.staff_chat("r8-start")
    await chat.text("kháng cáo bản án sơ thẩm mấy ngày")
    text = await chat.text("mốc tính từ đâu")
    assert text.startswith("Về: Thời hạn kháng cáo bản án sơ thẩm") and "kể từ ngày tuyên án" in text, text
