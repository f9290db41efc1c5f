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
