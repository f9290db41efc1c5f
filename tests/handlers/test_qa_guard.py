"""Through the dispatcher: a subjectless follow-up that asks what the last answer already says, and
the guard against answering confidently with an entry that does not speak to the question."""

from __future__ import annotations

from tests.conftest import World

MENU = "Có phải anh/chị muốn hỏi"


async def test_follow_up_asking_what_the_answer_says_is_answered_by_it(world: World) -> None:
    chat = await world.staff_chat("g1")
    await chat.text("quy che kiem sat tam giu tam giam dang ap dung")
    replaced = await chat.text("no thay cho qd nao")  # "nó": the regulation just answered
    assert "501" in replaced and "Căn cứ:" in replaced and MENU not in replaced


async def test_tinh_tu_is_counting_not_a_province(world: World) -> None:
    for name, counted in (("g2", "tính từ ngày nào"), ("g3", "tinh tu ngay nao")):
        chat = await world.staff_chat(name)
        await chat.text("gđt theo hướng ko có lợi cho ng bị kết án thì hạn mấy năm")
        text = await chat.text(counted)
        # Read against the giám đốc thẩm limit (its own entry again), not a province's or the notice rule.
        assert "hiệu lực pháp luật" in text and "Điều 379" in text, text
    # "tỉnh" with its diacritics, or with a unit word, still names the province level.
    chat = await world.staff_chat("g4")
    await chat.text("vks khu vực kháng nghị bản án sơ thẩm trong bn ngày")
    level = await chat.text("vks tinh thi sao")
    assert "30 ngày" in level


async def test_an_answer_that_does_not_speak_of_the_stage_named_is_not_given(world: World) -> None:
    chat = await world.staff_chat("g5")
    text = await chat.text("gia hạn thời hạn kháng cáo được không")
    # The prosecution's extension ranks first, but it says nothing of kháng cáo: a question back.
    assert MENU in text and "Căn cứ:" not in text
    # The same words about the prosecution itself are answered.
    own = await chat.text("gia hạn thời hạn truy tố được không")
    assert "Căn cứ:" in own


async def test_an_amount_asked_in_a_unit_the_entry_lacks_is_not_answered(world: World) -> None:
    chat = await world.staff_chat("g6")
    times = await chat.text("khang nghi giam doc tham toi da may lan")
    assert MENU in times and "Căn cứ:" not in times  # the entry gives a period, not a number of times
    ok = await chat.text("tam giu duoc gia han may lan")
    assert "Căn cứ:" in ok and "2 lần" in ok


async def test_the_close_candidate_that_fits_is_answered_instead(world: World) -> None:
    chat = await world.staff_chat("g7")
    # The trial-preparation limit ranks first but says nothing of detention: the detention entry answers.
    text = await chat.text("tgiam chuẩn bị xét xử sơ thẩm tội RNT tối đa bao lâu")
    assert "2 tháng với tội rất nghiêm trọng" in text and "Điều 278" in text, text
    # "mấy giờ" is not answered by an entry whose only "giờ" is "không bao giờ".
    chat = await world.staff_chat("g7b")
    hours = await chat.text("thời hạn tính băng ngày thì hêt vào mấy giờ cua ngày cuôi")
    assert "24 giờ" in hours and "Căn cứ:" in hours
    # An indicator asked is an indicator's entry, not the VKS's powers that share its words.
    chat = await world.staff_chat("g7c")
    target = await chat.text("chỉ tiêu phát hiện tạm giữ tạm giam trái pháp luật")
    assert "100%" in target and "Phổ Yên" in target


async def test_what_the_law_does_is_not_another_law(world: World) -> None:
    chat = await world.staff_chat("g8")
    text = await chat.text("tand tỉnh báo gia hạn chuẩn bị xét xử vụ RNT, luật cho gia hạn tối đa bao nhiêu ngày")
    assert "30 ngày" in text and "Căn cứ:" in text  # "luật cho …" names no law of another branch
    other = await chat.text("theo luật khiếu nại thì thời hạn giải quyết khiếu nại là bao lâu")
    assert "Căn cứ:" not in other


async def test_where_the_asker_works_is_no_part_of_the_question(world: World) -> None:
    chat = await world.staff_chat("g9")
    text = await chat.text("A ơi phòng em bên VKS đang có vụ NT sắp hết hạn truy tố, gia hạn tối đa thêm mấy ngày hả a")
    assert "10 ngày" in text and "Điều 240" in text


async def test_a_subject_found_only_under_the_last_answer(world: World) -> None:
    chat = await world.staff_chat("g10")
    powers = await chat.text("vks phat hien nguoi bi giam qua han khong co lenh thi co quyen gi")
    assert "trả tự do" in powers
    which = await chat.text("theo quy chế nào")  # alone it finds nothing clear; under the powers, the regulation
    assert "259" in which and "Căn cứ:" in which
    # A subject that replaces the last answer's is not read under it: "thời hạn tạm giam" after tạm giữ
    # asks which stage, it is not the rule on deducting tạm giữ from tạm giam.
    chat = await world.staff_chat("g10b")
    await chat.text("thời hạn tạm giữ là bao lâu")
    stage = await chat.text("thời hạn tạm giam")
    assert "Có phải anh/chị muốn hỏi" in stage and "Căn cứ:" not in stage


async def test_who_is_not_answered_by_an_entry_that_names_nobody(world: World) -> None:
    chat = await world.staff_chat("g11")
    await chat.text("dieu tra toi rnt bao lau")
    who = await chat.text("ai gia han")  # the limit says how long, not who extends it
    assert MENU in who and "Căn cứ:" not in who
    chat = await world.staff_chat("g12")
    await chat.text("tam giu toi da bao lau")
    approves = await chat.text("ai phe chuan")
    assert "Viện kiểm sát" in approves and "Căn cứ:" in approves


async def test_a_substitute_must_name_what_the_answer_lacked(world: World) -> None:
    chat = await world.staff_chat("g13")
    text = await chat.text("kháng cáo bản án và kháng nghị của vks cùng cấp mỗi cái mấy ngày")
    first, second = text.split("2. «", 1)
    # "cùng cấp" is the VKS's own (split12): the first part is the appeal's 15 days, never the entry on when a
    # judgment takes effect (which speaks of "cùng cấp" only in passing).
    assert "có hiệu lực pháp luật khi nào" not in first and "Thời hạn kháng cáo bản án sơ thẩm" in first
    assert "15 ngày" in second


async def test_a_follow_up_keeps_the_procedure_of_the_last_answer(world: World) -> None:
    chat = await world.staff_chat("g14")
    first = await chat.text("tam giam rut gon giai doan truy to bao lau")
    assert "5 ngày" in first
    text = await chat.text("gia han duoc khong")
    # Not the general rule on when an extension counts from: it says nothing of the rút gọn procedure.
    assert "Thời hạn gia hạn tính từ khi nào" not in text and "Căn cứ:" not in text, text


async def test_a_paste_with_nothing_searchable_in_its_first_400_characters(world: World) -> None:
    chat = await world.staff_chat("g15")
    # Cut to the search's length, nothing is left to search: a polite answer, logged as not answered.
    text = await chat.text("/hoi " + ": " * 300 + "tạm giữ bao lâu")
    assert "Xin lỗi, đã có lỗi" not in text
