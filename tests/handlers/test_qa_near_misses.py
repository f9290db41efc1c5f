"""Near misses of the knowledge base (content8), through the dispatcher, with and without diacritics:
the length of a postponement is not the court's 7 days to decide it; the detainees' regime (visits,
parcels, meeting counsel) is not the custody limit; a question that one entry answers is not a menu."""

from __future__ import annotations

import pytest

from tests.conftest import World


def body(text: str) -> str:
    """The answer without its «Xem thêm» list (the related titles may name other figures)."""
    return text.split("Xem thêm")[0]


@pytest.mark.parametrize(
    "question",
    [
        "hoãn chấp hành án phạt tù tối đa bao lâu",
        "hoan chap hanh an phat tu toi da bao lau",
        # «lao động» alone names labour law (refused); «lao động duy nhất» is Đ67's ground
        "bị cáo là lao động duy nhất thì được hoãn thi hành án tối đa mấy năm ạ",
        "bi cao la lao dong duy nhat thi duoc hoan thi hanh an toi da may nam a",
    ],
)
async def test_the_length_of_a_postponement_is_the_penal_code_s(world: World, question: str) -> None:
    chat = await world.staff_chat("nm-hoan")
    text = body(await chat.text(question))
    assert text.startswith("1 năm") and "36 tháng" in text and "Điều 67" in text, text
    # The 7 days the Chánh án has to decide are mentioned as the procedure, never as the length.
    assert not text.startswith("7 ngày"), text


@pytest.mark.parametrize(
    "question", ["xét đơn hoãn chấp hành án phạt tù trong bao lâu", "xet don hoan chap hanh an phat tu trong bao lau"]
)
async def test_the_procedure_of_a_postponement_keeps_its_entry(world: World, question: str) -> None:
    chat = await world.staff_chat("nm-hoan-xet")
    text = body(await chat.text(question))
    assert text.startswith("7 ngày") and "Điều 24" in text, text


async def test_suspension_of_a_prison_sentence_is_not_counted_as_served(world: World) -> None:
    chat = await world.staff_chat("nm-tdc")
    text = body(await chat.text("thoi gian tam dinh chi chap hanh an co tinh vao thoi han tu khong"))
    assert "không được tính" in text and "Điều 68" in text, text


@pytest.mark.parametrize(
    "question",
    [
        "người bị tạm giữ được thăm gặp bao nhiêu lần",
        "nguoi bi tam giu duoc tham gap bao nhieu lan",
        "tạm giam được gửi quà mấy lần",
        "nguoi bi tam giam duoc nhan qua may lan mot thang",
        "người bị tạm giữ được gặp luật sư mấy lần",
        "bi can bi tam giam gap luat su may lan",
        "mấy lần được gửi quà",
        "luật sư được gặp bị can mấy lần",
        "luat su vao trai tam giam gap than chu may lan",
        "nguoi bi tam giam duoc goi dien ve nha may lan",
        "người bị tạm giữ được liên lạc với gia đình không",
        "tiêu chuẩn ăn của người bị tạm giam",
        "nguoi bi tam giam duoc viet thu may lan",
        "truy nã bị can bao lâu thì đình chỉ truy nã",
        "cqdt ra quyet dinh truy na thi gui vks khi nao",
    ],
)
async def test_the_detainees_regime_is_not_answered_with_the_custody_limit(world: World, question: str) -> None:
    chat = await world.staff_chat("nm-visit")
    text = await chat.text(question)
    assert "chưa có thông tin" in text and "Căn cứ:" not in text, text
    assert "9 ngày" not in text and "2 lần" not in text, text


async def test_a_refused_visit_question_is_recorded_for_administrators(world: World) -> None:
    chat = await world.staff_chat("nm-visit-log")
    await chat.text("người bị tạm giữ được thăm gặp bao nhiêu lần")
    unanswered = await world.chat(world.admin_a).text("/chuatraloi")
    assert "thăm gặp" in unanswered, unanswered


async def test_a_document_sent_through_the_camp_is_still_answered(world: World) -> None:
    chat = await world.staff_chat("nm-post")
    text = body(await chat.text("đơn kháng cáo gửi qua trại tạm giam thì ngày kháng cáo tính thế nào"))
    assert "Căn cứ:" in text and "Giám thị Trại tạm giam" in text and "Điều 333" in text, text


@pytest.mark.parametrize("question", ["nghị án tối đa mấy ngày", "nghi an toi da may ngay"])
async def test_deliberation_is_answered(world: World, question: str) -> None:
    chat = await world.staff_chat("nm-nghi-an")
    text = body(await chat.text(question))
    assert text.startswith("7 ngày") and "Điều 326 khoản 5" in text, text


@pytest.mark.parametrize("question", ["hiện nay có bao nhiêu vks tỉnh", "hien nay co bao nhieu vks tinh"])
async def test_the_number_of_provincial_procuracies(world: World, question: str) -> None:
    chat = await world.staff_chat("nm-tinh")
    text = body(await chat.text(question))
    assert text.startswith("34 Viện kiểm sát") and "nguồn thứ cấp" in text, text


@pytest.mark.parametrize("question", ["vksnd có mấy cấp sau 1/7/2025", "vksnd co may cap sau 1/7/2025"])
async def test_the_levels_after_the_reorganisation_are_secondary(world: World, question: str) -> None:
    chat = await world.staff_chat("nm-cap")
    text = body(await chat.text(question))
    assert text.startswith("3 cấp") and "355" in text and "Chưa kiểm chứng" in text, text


@pytest.mark.parametrize(
    "question",
    [
        "cqđt đề nghị gia hạn xác minh nguồn tin chậm nhất trước mấy ngày",
        "cqdt de nghi gia han xac minh nguon tin cham nhat truoc may ngay",
    ],
)
async def test_the_request_to_extend_a_crime_report_check(world: World, question: str) -> None:
    chat = await world.staff_chat("nm-147")
    text = body(await chat.text(question))
    assert text.startswith("Chậm nhất 5 ngày") and "Điều 147 khoản 2" in text, text


async def test_the_request_to_extend_an_investigation_keeps_its_10_days(world: World) -> None:
    chat = await world.staff_chat("nm-172")
    text = body(await chat.text("de nghi gia han dieu tra cham nhat truoc may ngay"))
    assert text.startswith("Chậm nhất 10 ngày"), text


@pytest.mark.parametrize("question", ["vks quân sự có mấy cấp", "vks quan su co may cap"])
async def test_military_procuracies_are_no_district(world: World, question: str) -> None:
    """Unmarked «quan su» is quân sự, not a quận named «Sư» that the assistant would say it has nothing on."""
    chat = await world.staff_chat("nm-vksqs")
    text = body(await chat.text(question))
    assert text.startswith("Song song") and "VKSQS quân khu" in text and "riêng của" not in text, text


@pytest.mark.parametrize("question", ["vks có mấy cấp", "vks co may cap"])
async def test_the_levels_asked_plainly(world: World, question: str) -> None:
    chat = await world.staff_chat("nm-cap-2")
    text = body(await chat.text(question))
    assert text.startswith("3 cấp") and "34 VKSND tỉnh" in text, text


@pytest.mark.parametrize(
    "question",
    [
        "cqđt phải liên lạc với gia đình người bị bắt trong bao lâu",
        "bat nguoi xong phai lien he voi gia dinh trong may gio",
    ],
)
async def test_the_notice_to_the_family_is_no_detainee_regime(world: World, question: str) -> None:
    """The refused regime («được liên lạc», «gọi điện») must not swallow the Đ116 notice to the family."""
    chat = await world.staff_chat("nm-family")
    text = body(await chat.text(question))
    assert text.startswith("24 giờ") and "Căn cứ:" in text, text


@pytest.mark.parametrize(
    "question",
    [
        "thay đổi thẩm phán chủ tọa phiên tòa thì hoãn phiên tòa bao lâu",
        "thay doi tham phan chu toa phien toa thi hoan phien toa bao lau",
    ],
)
async def test_a_judge_replaced_at_the_hearing_is_the_adjournment(world: World, question: str) -> None:
    chat = await world.staff_chat("nm-hoan-phien-toa")
    text = body(await chat.text(question))
    assert "30 ngày" in text and "Điều 297" in text and not text.startswith("3 ngày"), text


@pytest.mark.parametrize(
    ("question", "start", "article"),
    [
        ("vks nhận được hồ sơ kháng nghị phúc thẩm thì trả lại tòa trong bao lâu", "Theo văn bản 2015: 15 ngày", "341"),
        ("vks nhan duoc ho so khang nghi phuc tham thi tra lai toa trong bao lau", "Theo văn bản 2015: 15 ngày", "341"),
        ("khiếu nại quyết định của vks khu vực thì vks tỉnh giải quyết trong bao lâu", "7 ngày", "476"),
        ("khieu nai qd cua vks khu vuc thi vks tinh giai quyet trong bao lau", "7 ngày", "476"),
    ],
)
async def test_neighbouring_entries_no_longer_answer(world: World, question: str, start: str, article: str) -> None:
    """Before: the appeal notice's 7 days, and the complaint against a judge, answered these."""
    chat = await world.staff_chat("nm-neighbours")
    text = body(await chat.text(question))
    assert text.startswith(start) and f"Điều {article}" in text, text
