"""Patterns seen in real chats, through the dispatcher: shorthand in the free-text
calculator, follow-ups that change a year or a condition, two members of one group sharing
the rest of the question, another law named, and entries that lead with the asked figure."""

from __future__ import annotations

from tests.conftest import World
from tests.fakes import FakeChat


async def _chat(world: World, name: str) -> FakeChat:
    return await world.staff_chat(name)


async def test_calculator_reads_custody_shorthand(world: World) -> None:
    chat = await _chat(world, "p1")  # the fake clock: Monday 02/03/2026 08:00 in Hà Nội
    custody = await chat.text("tgiu tu 8h sang nay den khi nao")
    assert "TẠM GIỮ" in custody and "05/03/2026" in custody and "08:00" in custody
    detention = await chat.text("tamgiam tu 01/02/2026 2 thang het han ngay nao")
    assert "TẠM GIAM" in detention and "01/04/2026" in detention
    dotted = await chat.text("t.giam tu 01/02/2026 2 thang het ngay nao")
    assert "01/04/2026" in dotted


async def test_an_entry_whose_title_adds_a_topic_is_not_the_answer(world: World) -> None:
    chat = await _chat(world, "p2")
    levels = await chat.text("he thong vksnd gom nhung cap nao")
    assert levels.startswith("3 cấp từ 01/7/2025")
    assert "Song song với VKSND" not in levels
    appeal = await chat.text("phuc tham phai xet xu trong bao lau")
    assert "Điều 346" in appeal and "mở phiên tòa phúc thẩm trong 60 ngày" in appeal
    last_day = await chat.text("cách tính ngày cuối cùng của lệnh tạm giam")
    assert "ngày thứ nhất" in last_day and "Tính từ ngày tiếp theo ngày cuối cùng" not in last_day


async def test_two_members_sharing_the_question_are_answered_each(world: World) -> None:
    chat = await _chat(world, "p3")
    text = await chat.text("tội ít nghiêm trọng và tội đặc biệt nghiêm trọng điều tra tối đa bao lâu")
    assert "có 2 phần" in text
    first, second = text.split("2. «", 1)
    assert "Thời hạn điều tra tội ít nghiêm trọng" in first and "Điều 172" in first
    assert "Thời hạn điều tra tội đặc biệt nghiêm trọng" in second and "Điều 172" in second
    periods = await chat.text("kỳ thống kê 6 tháng và 12 tháng tính từ ngày nào")
    assert "31/5" in periods and "30/11" in periods


async def test_one_entry_for_both_members_is_not_cut(world: World) -> None:
    chat = await _chat(world, "p4")
    text = await chat.text("tạm giữ và tạm giam có tính ngày nghỉ không")
    assert "có 2 phần" not in text and "liên tục" in text and "Điều 134" in text
    compare = await chat.text("tạm giữ và tạm giam khác nhau thế nào")
    assert "có 2 phần" not in compare


async def test_second_part_keeps_the_first_parts_procedure(world: World) -> None:
    chat = await _chat(world, "p5")
    text = await chat.text("vu an rut gon thi dieu tra bao lau? tam giam toi da bao lau")
    first, second = text.split("2. «", 1)
    assert "Thời hạn điều tra theo thủ tục rút gọn" in first and "20 ngày" in first
    assert "theo thủ tục rút gọn" in second and "Tạm giam: giai đoạn điều tra không quá 20 ngày" in second
    # Without a procedure named before, the same second part is the ordinary detention.
    plain = await (await _chat(world, "p6")).text("tam giam dieu tra toi nghiem trong toi da bao lau")
    assert "rút gọn" not in plain


async def test_followup_changes_the_year(world: World) -> None:
    chat = await _chat(world, "p7")
    assert "2024" in await chat.text("chu de thi dua nam 2024")
    follow = await chat.text("con nam 2025")
    assert "2025" in follow and "chưa có thông tin" not in follow and "Căn cứ:" in follow


async def test_followup_adds_a_condition(world: World) -> None:
    chat = await _chat(world, "p8")
    assert "20 ngày" in await chat.text("thoi han giai quyet to giac tin bao")
    follow = await chat.text("neu dang cho giam dinh")
    assert "Về: Căn cứ tạm đình chỉ việc giải quyết nguồn tin" in follow and "giám định" in follow
    assert "Căn cứ: BLTTHS 2015, Điều 148" in follow


async def test_extension_after_an_investigation_answer(world: World) -> None:
    chat = await _chat(world, "p9")
    assert "3 tháng" in await chat.text("thoi han dieu tra toi nghiem trong")
    follow = await chat.text("con gia han thi sao")
    assert "Có phải anh/chị muốn hỏi" not in follow
    assert "tối đa 8 tháng" in follow and "Điều 172" in follow


async def test_followup_out_of_scope_is_still_refused(world: World) -> None:
    chat = await _chat(world, "p10")
    await chat.text("thoi han giai quyet to giac tin bao")
    assert "chưa có thông tin" in await chat.text("neu dang cho gia vang giam")


async def test_another_law_named_is_not_answered_with_this_codes_entry(world: World) -> None:
    chat = await _chat(world, "p11")
    other = await chat.text("theo luat khieu nai thoi han giai quyet khieu nai lan dau bao lau")
    assert "chưa có thông tin" in other and "Điều 477" not in other
    # Without the law named, the criminal-procedure entry is the answer.
    own = await chat.text("khiếu nại thẩm phán trước phiên tòa giải quyết trong mấy ngày")
    assert "Điều 477" in own and "7 ngày" in own


async def test_the_labour_code_named_for_holidays_is_answered(world: World) -> None:
    chat = await _chat(world, "p12")
    text = await chat.text("theo bo luat lao dong nghi tet may ngay")
    assert "Bộ luật Lao động 2019, Điều 112" in text and "11 ngày" in text
    # annual leave is no holiday: refused (as the staff's own personnel matter, round 10)
    leave = await chat.text("nghi phep nam theo bo luat lao dong bao nhieu ngay")
    assert "chưa có" in leave and "11 ngày" not in leave and "Điều 112" not in leave, leave


async def test_national_security_after_a_detention_answer_leads_with_its_figure(world: World) -> None:
    chat = await _chat(world, "p13")
    assert "4 tháng" in await chat.text("tam giam toi dac biet nghiem trong")
    follow = await chat.text("neu la an ninh quoc gia")
    lead = next(line for line in follow.splitlines() if line.startswith("▶"))
    assert "xâm phạm an ninh quốc gia" in lead and "4 tháng" in lead
    assert "không xâm phạm" not in lead  # a negated mention is never the lead


async def test_a_qualifier_is_not_carried_to_another_subject(world: World) -> None:
    chat = await _chat(world, "p14")
    text = await chat.text("toi rat nghiem trong truy to bao lau? khang cao may ngay")
    first, second = text.split("2. «", 1)
    assert "Điều 240" in first
    assert "Về: Thời hạn kháng cáo bản án sơ thẩm" in second and "Điều 172" not in second


async def test_the_assistants_own_laws_are_no_reason_to_refuse(world: World) -> None:
    chat = await _chat(world, "p15")
    text = await chat.text("theo luat to chuc vksnd vks co may cap")
    assert text.startswith("3 cấp từ 01/7/2025")
