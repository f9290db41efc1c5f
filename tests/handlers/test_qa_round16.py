"""Round 16 (session 15): readings found by tracing a rewritten tuning row and the words around it."""

from __future__ import annotations

from tests.conftest import World


async def test_a_claim_asked_by_its_mark_then_con_is_two_parts(world: World) -> None:
    # tune_14c:78 with a letter dropped ("Thiệt ông?" for "Thiệt hông?"): the told count asked to be confirmed
    # by its mark alone, then "Còn VKS tỉnh thì bao nhiêu cái?" — was one answer without the 34 provinces.
    chat = await world.staff_chat("r16-claim")
    text = await chat.text(
        "Hồi chiều đi họp về, nghe nói giờ cả nước có 355 VKS khu vực. Thiệt ông? Còn VKS tỉnh thì bao nhiêu cái?"
    )
    assert "2 phần" in text and "355" in text and "34 " in text, text


async def test_con_opening_a_question_is_not_a_child(world: World) -> None:
    # Folded, "còn" is "con" (a child), and "còn tạm giam thì bao lâu" was answered outright by the conditions of
    # detention ("phụ nữ nuôi con dưới 36 tháng"): a confident wrong answer to a question of how long.
    for i, turns in enumerate(
        (["còn tạm giam thì bao lâu"], ["con tam giam thi bao lau"], ["tạm giữ bao lâu", "còn tạm giam thì bao lâu"])
    ):
        chat = await world.staff_chat(f"r16-con{i}")
        for turn in turns:
            text = await chat.text(turn)
        assert "36 tháng" not in text and "Điều 119" not in text, (turns, text)
    # a child said with its marks is still one
    chat = await world.staff_chat("r16-child")
    text = await chat.text("con nhỏ dưới 36 tháng có bị tạm giam không")
    assert "36 tháng" in text, text


async def test_when_a_counted_period_ends_asked_of_it(world: World) -> None:
    # tune_14c:120: "vậy nó hết hạn tgiu lúc nào" after the custody's card referred to /tinhhan
    text = await world.last_reply(
        "r16-no",
        ["cqdt nhan nguoi bi bat luc 6h30 ngay 02/03/2026 roi ra qd tgiu", "vay no het han tgiu luc nao"],
    )
    assert "06:30 ngày 05/03/2026" in text, text
    # another measure named is another question: not the custody's end
    text = await world.last_reply(
        "r16-other",
        ["cqdt nhan nguoi bi bat luc 6h30 ngay 02/03/2026 roi ra qd tgiu", "vay tgiam het han luc nao"],
    )
    assert "05/03/2026" not in text, text


async def test_when_an_emergency_holds_decision_is_due(world: World) -> None:
    # tune_14c:131 (a confident wrong answer): the hour the decision is due, from the hold's card, not the 12 hours
    # to send a decision
    text = await world.last_reply(
        "r16-hold",
        ["giu nguoi khan cap luc 1h30 ngay 02/03/2026", "toi may gio phai ra qd tgiu, lenh bat hay tha"],
    )
    assert "13:30" in text and "02/03/2026" in text and "Điều 110" in text, text


async def test_story_words_that_fold_to_a_question_word_cut_nothing(world: World) -> None:
    # tune_14c:34: "xe máy" folded is "xe mấy": the story was cut into a part and nothing was answered
    text = await world.last_reply(
        "r16-xemay",
        [
            "Vụ trộm xe máy, bắt quả tang, thằng nhỏ có nhà cửa đàng hoàng, khai nhận hết. Tui tính cho đi rút gọn. "
            "Vậy hen, rút gọn thì điều tra được bao nhiêu ngày?"
        ],
    )
    assert "20 ngày" in text and "Điều 460" in text, text


async def test_the_askers_past_branch_of_law_is_no_case(world: World) -> None:
    # tune_14c:12: "hồi trước ở bên dân sự" is where the asker worked: the crime report's 20 days, not a refusal
    text = await world.last_reply(
        "r16-past",
        [
            "Chị mới về làm PVT VKS khu vực, hồi trước ở bên dân sự nên chưa rành hình sự. Cho chị hỏi tin báo về "
            "tội phạm thì cqđt có bao lâu để giải quyết vậy em?"
        ],
    )
    assert "20 ngày" in text and "Điều 147" in text, text


async def test_kq_and_kn_kt_are_read(world: World) -> None:
    # tune_14c:44 ("chưa có kq giám định") and :11 ("tố giác/tb/kn kt": kiến nghị khởi tố, not kháng nghị)
    text = await world.last_reply(
        "r16-kq",
        [
            "Hôm bữa đtv nói với tui tb mà chưa có kết quả giám định thì cứ để đó, hổng cần ra qđ gì hết. Nghe hổng "
            "ổn. Vậy hết hạn mà chưa có kq giám định thì cqđt phải ra qđ gì?"
        ],
    )
    assert "tạm đình chỉ" in text and "Điều 148" in text, text
    text = await world.last_reply("r16-knkt", ["tố giác/tb/kn kt thì cqđt phải gq trong bn ngày vậy hen"])
    assert "20 ngày" in text and "Điều 147" in text, text


async def test_words_typed_without_marks_in_capitals_still_ask(world: World) -> None:
    # robustness (tune_g:60 in capitals): "MAY" typed without marks was taken for a marked word that asks nothing
    text = await world.last_reply(
        "r16-upper",
        ["KY THONG KE 6 THANG TINH TOI NGAY NAO, CHE DO BAO CAO THONG KE HIEN NAY THEO QD SO MAY"],
    )
    assert "31/5" in text and "358" in text, text


async def test_con_before_a_subject_is_no_child(world: World) -> None:
    # robustness (tune_15d:41, shorthand): "…, con tgiam thi truoc may ng" after the notice before expiry was the
    # conditions of detention (a mother of a child under 36 months)
    text = await world.last_reply(
        "r16-con-mid",
        ["nha tgiu co phai bao cho cqdt truoc khi het han tgiu hong chi", "truoc may ng, con tgiam thi truoc may ng?"],
    )
    assert "5 ngày" in text and "36 tháng" not in text, text
