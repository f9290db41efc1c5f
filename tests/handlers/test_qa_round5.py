"""Patterns from the round-5 blind tuning sets, through the dispatcher: several stages listed in one
question, a stage asked under the last answer, a document named by its number, staff shorthand."""

from __future__ import annotations

from tests.conftest import World


async def test_stages_listed_together_are_answered_by_the_entry_that_gives_them_all(world: World) -> None:
    chat = await world.staff_chat("r1")
    text = await chat.text("tgiam theo thu tuc rut gon tung giai doan dt, truy to, st, pt bn ngay")
    assert all(days in text for days in ("20 ngày", "5 ngày", "17 ngày", "22 ngày")), text
    assert "Điều 459" in text


async def test_a_stage_asked_after_an_answer_that_gives_it(world: World) -> None:
    chat = await world.staff_chat("r2")
    await chat.text("rut gon tgiam giai doan dt bn ngay")
    text = await chat.text("so tham thi")
    # Read under the rút gọn detention limits (alone, "sơ thẩm thì" is a menu), which give it.
    assert "Về: Thời hạn tạm giữ, tạm giam theo thủ tục rút gọn" in text and "xét xử sơ thẩm không quá 17 ngày" in text
    chat = await world.staff_chat("r3")
    assert "20 ngày" in await chat.text("tin bao bn ngay")
    complex_case = await chat.text("phuc tap thi toi da")
    assert "2 tháng" in complex_case and "Căn cứ:" in complex_case


async def test_a_document_named_by_number_outweighs_its_titles_other_words(world: World) -> None:
    chat = await world.staff_chat("r4")
    text = await chat.text("qd 259 ban hanh ngay nao, thay qd nao")
    assert "20/7/2023" in text and "501" in text


async def test_shorthand_for_holding_in_an_emergency(world: World) -> None:
    chat = await world.staff_chat("r5")
    text = await chat.text("gnkc xong bn h phai lay loi khai")
    assert "12 giờ" in text and "Điều 110" in text


async def test_which_document_is_answered_by_the_document(world: World) -> None:
    chat = await world.staff_chat("r6")
    text = await chat.text("thống kê bc ngành giờ theo qđ số mấy")  # "giờ": now
    assert "358" in text and "Căn cứ:" in text
    issued = await chat.text("ban hành ngày nào")  # its date, not another document's
    assert "23/9/2025" in issued and "Căn cứ:" in issued
    # "kỳ" (a period) is no document attribute: the monthly period's entry, flagged, answers it.
    chat = await world.staff_chat("r7")
    period = await chat.text("qđ 358 có đổi kỳ báo cáo tháng không, kỳ tháng giờ chốt ngày nào")
    # (both parts are the monthly period's entry since it names QĐ 358 in its questions: one answer)
    assert "chưa kiểm chứng" in period and "kỳ thống kê tháng" in period and "Căn cứ:" in period


async def test_clause_shorthand_and_the_court_reorganisation(world: World) -> None:
    chat = await world.staff_chat("r8")
    text = await chat.text("tội anqg loại RNT, đã gh thêm 4 tháng theo k5 rồi vẫn chưa xong thì gh tiếp đc bn")
    assert "2 tháng với tội rất nghiêm trọng" in text and "Điều 173 khoản 5" in text
    chat = await world.staff_chat("r9")
    court = await chat.text(
        "sau sap xep toa an 2025 thi toa cap tinh con phai mo phien toa phuc tham trong 60 ngay nua ko"
    )
    assert "Điều 346" in court and "đối chiếu" in court  # the 2015 rule, said to be checked against Luật 99/2025


async def test_a_qualifier_said_not_to_apply_is_not_named(world: World) -> None:
    chat = await world.staff_chat("r10")
    text = await chat.text("tgiam dt dbnt ko phai anqg het gh roi thi sao")
    # Đ173 k6 (ĐBNT outside ANQG), not the ANQG entry of k5.
    assert "Điều 173" in text and "khoản 5" not in text.split("Căn cứ:", 1)[1].splitlines()[0], text
    anqg = await (await world.staff_chat("r11")).text("tam giam toi anqg gia han them bao lau")
    assert "Điều 173 khoản 5" in anqg


async def test_each_time_refers_back_without_a_separator(world: World) -> None:
    chat = await world.staff_chat("r12")
    text = await chat.text("dt toi ít nt gh may lan moi lan bn thang")
    # One question about the extension, not a second part answered with the supplementary investigation.
    assert "có 2 phần" not in text and "2 tháng" in text and "bổ sung" not in text
