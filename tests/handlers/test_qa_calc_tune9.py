"""Round 9's calculator classes through the real dispatcher (tune9a/9b, tune6, tune7d misses), each with
several members written with and without diacritics and in shorthand. Fake clock: Monday 02/03/2026
08:00 (Hà Nội).

* "tg" with a clock-time start is tạm giữ (counted in hours, Đ118 k1), never asked as tạm giam;
* "tb" beside its receipt ("tb nhận ngày …", "tiếp nhận tb …") is a crime report: Đ147's 20 days;
* a follow-up naming Đ147 k2's complex case ("vụ phức tạp kéo dài tối đa") after a crime report's card
  is that step's day, not the 20 days nor an article (before: a confident wrong answer);
* a follow-up saying the tạm giữ ended on the card's day ("hết tạm giữ đúng ngày 20/03 rồi tạm giam
  liền") keeps the tạm giam's first day and deducts the days (before: the day read as the custody's
  start, three days late — a confident wrong answer).
"""

from __future__ import annotations

import pytest

from tests.conftest import World

TAM_GIU_CARD = "Thời hạn tạm giữ (3 ngày)"


@pytest.mark.parametrize(
    ("question", "start", "release"),
    [
        ("tg tu 22h hom qua thi het han luc nao vay", "22:00 Chủ nhật 01/03/2026", "22:00 ngày 04/03/2026"),
        ("tg từ 22h hôm qua thì hết hạn lúc nào", "22:00 Chủ nhật 01/03/2026", "22:00 ngày 04/03/2026"),
        ("anh ơi tg lúc 9h30 sáng nay thì hết hạn lúc nào ạ", "09:30 Thứ Hai 02/03/2026", "09:30 ngày 05/03/2026"),
        ("bi tg tu 14h ngay 05/03/2026 den khi nao het", "14:00 Thứ Năm 05/03/2026", "14:00 ngày 08/03/2026"),
        ("TG bắt đầu từ 7 giờ sáng nay, hết lúc mấy giờ", "07:00 Thứ Hai 02/03/2026", "07:00 ngày 05/03/2026"),
    ],
)
async def test_tg_from_a_clock_time_is_custody(world: World, question: str, start: str, release: str) -> None:
    chat = await world.staff_chat("tg")
    text = await chat.text(question)
    assert TAM_GIU_CARD in text and f"Bắt đầu: {start}" in text, text
    assert f"Trả tự do chậm nhất: {release} nếu không gia hạn" in text, text
    assert "TẠM GIAM" not in text


async def test_tg_without_an_hour_is_still_asked(world: World) -> None:
    chat = await world.staff_chat("tg2")
    for question in ("tg tu 01/03/2026 het ngay nao", "tg từ ngày 05/03/2026 thì hết hạn ngày nào"):
        text = await chat.text(question)
        assert "«tg» có thể là tạm giữ hoặc tạm giam" in text, text
    text = await chat.text("tg 2 thang tu 05/03/2026 het ngay nao")  # a length in months: tạm giam
    assert "TẠM GIAM" in text and "03/05/2026" in text, text


@pytest.mark.parametrize(
    ("question", "end"),
    [
        ("tb nhan ngay 10/3/2026 thi han 20 ngay la ngay nao", "hết 24:00 Thứ Hai 30/03/2026"),
        ("tb nhận ngày 04/03/2026 thì hết hạn giải quyết ngày nào", "hết 24:00 Thứ Ba 24/03/2026"),
        ("tiep nhan tb ngay 10/03/2026 het han ngay nao", "hết 24:00 Thứ Hai 30/03/2026"),
        ("nhan tb ngay 5/3/2026 han 20 ngay la ngay nao", "hết 24:00 Thứ Tư 25/03/2026"),
        ("nhận được tb hôm qua thì hết hạn ngày nào", "hết 24:00 Thứ Hai 23/03/2026"),  # 21/03: a Saturday
        ("TB về tội phạm nhận 20/3/2026 thì 20 ngày hết ngày nào", "hết 24:00 Thứ Năm 09/04/2026"),
    ],
)
async def test_tb_beside_its_receipt_is_a_crime_report(world: World, question: str, end: str) -> None:
    chat = await world.staff_chat("tb")
    text = await chat.text(question)
    assert "GIẢI QUYẾT NGUỒN TIN VỀ TỘI PHẠM" in text and f"Thời hạn giải quyết (20 ngày): {end}" in text, text


async def test_tb_that_is_a_notice_is_not_read_as_a_crime_report(world: World) -> None:
    chat = await world.staff_chat("tb2")
    text = await chat.text("nhận tb của tòa ngày 10/03/2026 thì kháng cáo đến ngày nào")
    assert "NGUỒN TIN" not in text and "KHÁNG CÁO" in text, text


@pytest.mark.parametrize(
    ("first", "followup", "complex_end", "extended"),
    [
        (
            "tb nhan 20/3/2026 thi 20 ngay het ngay nao",
            "vu phuc tap keo dai toi da thi den ngay nao",
            "hết 24:00 Thứ Tư 20/05/2026",
            "hết 24:00 Thứ Hai 20/07/2026",
        ),
        (
            "tin báo nhận ngày 10/3/2026 hết hạn ngày nào",
            "nếu phức tạp, phải xác minh nhiều địa điểm thì sao",
            "hết 24:00 Thứ Hai 11/05/2026 (10/05/2026 là ngày nghỉ",
            "hết 24:00 Thứ Sáu 10/07/2026",
        ),
        (
            "tiep nhan nguon tin ngay 05/03/2026 thi han giai quyet den ngay nao",
            "neu vu viec phuc tap thi het ngay nao",
            "hết 24:00 Thứ Ba 05/05/2026",
            "hết 24:00 Thứ Hai 06/07/2026",
        ),
    ],
)
async def test_the_complex_case_after_a_crime_report_card(
    world: World, first: str, followup: str, complex_end: str, extended: str
) -> None:
    chat = await world.staff_chat("complex")
    card = await chat.text(first)
    assert "Thời hạn giải quyết (20 ngày)" in card, card
    text = await chat.text(followup)
    assert f"vụ việc phức tạp (tối đa 2 tháng kể từ ngày tiếp nhận): {complex_end}" in text, text
    assert f"gia hạn 1 lần (2 tháng): {extended}" in text and "Điều 147 khoản 2" in text, text
    assert "Thời hạn giải quyết (20 ngày)" not in text  # the step asked, not the card again


@pytest.mark.parametrize(
    ("first", "followup", "days", "last"),
    [
        (
            "tam giam 3 thang tu 20/03/2026 het ngay nao",
            "neu truoc do bi tam giu 3 ngay, het tam giu dung ngay 20/03 roi tam giam lien thi sao",
            "Thời hạn tạm giam (87 ngày)",
            "Chủ nhật 14/06/2026",
        ),
        (
            "tạm giam 3 tháng từ 20/03/2026 hết ngày nào",
            "nếu trước đó tạm giữ 3 ngày, tạm giữ hết đúng vào ngày 20/03 rồi tạm giam luôn thì sao",
            "Thời hạn tạm giam (87 ngày)",
            "Chủ nhật 14/06/2026",
        ),
        (
            "tam giam 2 thang tu 05/03/2026",
            "neu truoc do tgiu 6 ngay, het tgiu dung ngay 05/03 roi chuyen tam giam thi sao",
            "Thời hạn tạm giam (54 ngày)",
            "Thứ Hai 27/04/2026",
        ),
    ],
)
async def test_custody_ending_on_the_cards_day_keeps_the_first_day(
    world: World, first: str, followup: str, days: str, last: str
) -> None:
    chat = await world.staff_chat("ended")
    await chat.text(first)
    text = await chat.text(followup)
    assert "Bắt đầu: " in text and days in text and f"Ngày cuối cùng: {last}" in text, text


@pytest.mark.parametrize(
    ("question", "day"),
    [
        (
            "tạm giam hết đúng ngày 30/04/2026 là ngày lễ thì có lùi sang ngày làm việc sau lễ không, hay vẫn thả "
            "ngày 30/4",
            "Thứ Năm 30/04/2026",
        ),
        ("tam giu het dung 10h ngay 01/05/2026, nghi le co lui ko", "Thứ Sáu 01/05/2026"),
        ("lenh tam giam het dung vao ngay 14/06/2026 la chu nhat thi co lui sang thu 2 khong", "Chủ nhật 14/06/2026"),
        ("lệnh tạm giam hết hạn ngày 02/05/2026 rơi vào thứ 7 thì có được lùi sang thứ 2 ko", "Thứ Bảy 02/05/2026"),
    ],
)
async def test_a_custody_end_said_on_a_day_off_never_moves(world: World, question: str, day: str) -> None:
    chat = await world.staff_chat("stays")
    text = await chat.text(question)
    assert text.startswith("Không lùi.") and f"Lệnh hết vào ngày ghi trong lệnh: {day}." in text, text
    assert "Điều 134 khoản 1" in text and "TTLT 04/2018" in text


@pytest.mark.parametrize(
    ("question", "days", "custody"),
    [
        ("tạm giữ 3 ngày xong chuyển tạm giam 2 tháng thì lệnh tạm giam ghi bao nhiêu ngày", 57, 3),
        ("tgiu 6 ngay roi tgiam 3 thang, lenh ghi may ngay", 84, 6),
        ("tam giu 3 ngay, gia han them 3 ngay roi tam giam 2 thang thi lenh tam giam bn ngay", 54, 6),
        ("anh ơi tạm giữ ba ngày rồi tạm giam hai tháng thì lệnh ghi mấy ngày ạ", 57, 3),
    ],
)
async def test_days_of_a_detention_order_after_custody(world: World, question: str, days: int, custody: int) -> None:
    chat = await world.staff_chat("orderdays")
    text = await chat.text(question)
    assert text.startswith(f"Lệnh tạm giam ghi {days} ngày:") and f"trừ {custody} ngày đã tạm giữ" in text, text
    assert "Điều 118 khoản 4" in text and "TTLT 04/2018" in text


async def test_the_total_time_held_is_not_the_orders_days(world: World) -> None:
    chat = await world.staff_chat("orderdays2")
    text = await chat.text("tam giu 3 ngay roi tam giam 2 thang, tong cong bi giam giu bao nhieu ngay")
    assert "Lệnh tạm giam ghi" not in text, text
    # Cut short: the days deducted are not settled (FACTS §1, U): never a count of our own.
    for cut in (
        "tạm giữ được 1 ngày thì cqđt hủy, sau đó bắt tạm giam 2 tháng thì trừ mấy ngày",
        "tgiu 2 ngay thi tha, sau do tam giam 2 thang, lenh ghi may ngay",
    ):
        text = await chat.text(cut)
        assert "Lệnh tạm giam ghi" not in text and "59 ngày" not in text and "58 ngày" not in text, text


@pytest.mark.parametrize(
    ("question", "span", "only"),
    [
        (
            "lệnh tạm giam cũ hết ngày 15/04/2026, gia hạn thêm 2 tháng thì lệnh mới đến hết ngày nào",
            "từ 16/04/2026 đến hết ngày Chủ nhật 14/06/2026",
            "Chỉ đúng nếu là tội phạm nghiêm trọng, tội phạm rất nghiêm trọng, tội phạm đặc biệt nghiêm trọng",
        ),
        (
            "lenh tgiam cu het ngay 15/04/2026, gh them 2 thang thi lenh moi den het ngay nao",
            "từ 16/04/2026 đến hết ngày Chủ nhật 14/06/2026",
            "Chỉ đúng nếu là tội phạm nghiêm trọng",
        ),
        (
            "lệnh tạm giam đến hết 30/06/2026, gia hạn thêm 4 tháng thì đến ngày nào",
            "từ 01/07/2026 đến hết ngày Thứ Tư 28/10/2026",
            "Chỉ đúng nếu là tội phạm đặc biệt nghiêm trọng: tội phạm ít nghiêm trọng, tội phạm nghiêm trọng, tội phạm "
            "rất nghiêm trọng không được",
        ),
    ],
)
async def test_an_old_orders_end_extended_without_a_category(world: World, question: str, span: str, only: str) -> None:
    chat = await world.staff_chat("oldorder")
    text = await chat.text(question)
    assert span in text and only in text and "Điều 173 khoản 2" in text, text


@pytest.mark.parametrize(
    "question",
    [
        "tgiu hết 9h ngày 05/03/2026 chuyển tạm giam tiếp 2 tháng, lệnh ghi đến hết ngày mấy",
        "tam giu het 9h ngay 05/03/2026 roi chuyen tam giam 2 thang thi lenh ghi den het ngay nao",
        "tạm giam 2 tháng từ 05/03/2026, trước đó có tạm giữ, hết ngày nào",
    ],
)
async def test_custody_days_unsaid_are_asked_beside_each_lawful_length(world: World, question: str) -> None:
    chat = await world.staff_chat("unsaid")
    text = await chat.text(question)
    assert "đã tạm giữ bao nhiêu ngày" in text and "Ngày cuối cùng" not in text, text  # no card: asked
    assert "- tạm giữ 3 ngày (không gia hạn): lệnh tạm giam 57 ngày, đến hết ngày Thứ Năm 30/04/2026" in text
    assert "- tạm giữ 6 ngày (gia hạn 1 lần): lệnh tạm giam 54 ngày, đến hết ngày Thứ Hai 27/04/2026" in text
    assert "- tạm giữ 9 ngày (gia hạn 2 lần): lệnh tạm giam 51 ngày, đến hết ngày Thứ Sáu 24/04/2026" in text
    assert "03/05/2026" not in text and "Căn cứ: Điều 118 khoản 1, 2, 4" in text  # never without the deduction


@pytest.mark.parametrize(
    ("question", "due", "how"),
    [
        (
            "tam giu het han luc 10h ngay 05/03/2026 thi cqdt phai chuyen ho so de nghi phe chuan lenh tam giam "
            "truoc may gio",
            "chậm nhất 10:00 Thứ Tư 04/03/2026",
            "tạm giữ hết 10:00 Thứ Năm 05/03/2026",
        ),
        (
            "người bị tạm giữ hết hạn tạm giữ 16h ngày 06/03/2026, CQĐT gửi hồ sơ đề nghị phê chuẩn khởi tố bị can và "
            "lệnh tạm giam chậm nhất lúc nào",
            "chậm nhất 16:00 Thứ Năm 05/03/2026",
            "tạm giữ hết 16:00 Thứ Sáu 06/03/2026",
        ),
        (
            "tạm giữ từ 9h sáng nay, hạn chót gửi hồ sơ đề nghị phê chuẩn lệnh tạm giam là lúc nào",
            "chậm nhất 09:00 Thứ Tư 04/03/2026",
            "tạm giữ 3 ngày từ 09:00 Thứ Hai 02/03/2026: hết 09:00 Thứ Năm 05/03/2026, nếu không gia hạn",
        ),
    ],
)
async def test_the_approval_file_is_due_a_day_before_custody_ends(
    world: World, question: str, due: str, how: str
) -> None:
    chat = await world.staff_chat("file")
    text = await chat.text(question)
    assert f"chuyển cho VKS {due} (24 giờ trước khi hết tạm giữ; {how}" in text, text
    assert "Điều 16 khoản 1 TTLT 04/2018" in text and "Thời hạn tạm giữ (3 ngày)" not in text
    assert "Thời hạn tạm giam" not in text  # never the detention's card


async def test_the_approval_file_without_the_hour_asks_for_it(world: World) -> None:
    chat = await world.staff_chat("file2")
    text = await chat.text(
        "tam giu het ngay 05/03/2026 thi ho so de nghi phe chuan lenh tam giam gui cham nhat luc nao"
    )
    assert "cho biết cả giờ hết tạm giữ" in text and "24 giờ trước khi hết thời hạn tạm giữ" in text, text
    assert "04/03/2026" not in text


@pytest.mark.parametrize(
    ("question", "end"),
    [
        (
            "tòa ra quyết định tạm giam bị cáo lúc 15h ngày 05/03/2026 thì phải giao cho VKS trước mấy giờ",
            "hết 15:00 Thứ Sáu 06/03/2026",
        ),
        (
            "toa an ra qd huy bo bien phap tam giam luc 9h sang nay thi gui vks cham nhat luc nao",
            "hết 09:00 Thứ Ba 03/03/2026",
        ),
        (
            "HĐXX ra lệnh tạm giam bị cáo lúc 20h tối qua, giao cho trại tạm giam chậm nhất lúc nào",
            "hết 20:00 Thứ Hai 02/03/2026",
        ),
    ],
)
async def test_a_courts_measure_decision_is_delivered_within_24_hours(world: World, question: str, end: str) -> None:
    chat = await world.staff_chat("court")
    text = await chat.text(question)
    assert "TÒA ÁN GIAO QUYẾT ĐỊNH ÁP DỤNG, THAY ĐỔI, HỦY BỎ BIỆN PHÁP NGĂN CHẶN" in text, text
    assert f"(24 giờ): {end}" in text and "Điều 286 khoản 4" in text
    assert "Thời hạn tạm giam" not in text


@pytest.mark.parametrize(
    ("question", "end"),
    [
        (
            "nhan ho so de nghi phe chuan lenh tam giam ngay 05/03/2026 thi vks phai quyet dinh truoc ngay nao",
            "Phê chuẩn hoặc không phê chuẩn (3 ngày): hết 24:00 Thứ Hai 09/03/2026",
        ),
        (
            "VKS nhận hồ sơ đề nghị phê chuẩn quyết định khởi tố bị can ngày 03/03/2026 thì hạn phê chuẩn đến ngày nào",
            "(3 ngày): hết 24:00 Thứ Sáu 06/03/2026",
        ),
    ],
)
async def test_an_approval_counted_from_the_files_receipt(world: World, question: str, end: str) -> None:
    chat = await world.staff_chat("approve")
    text = await chat.text(question)
    assert end in text and "Thời hạn tạm giam" not in text, text


async def test_complex_said_of_another_kind_is_not_the_reports_step(world: World) -> None:
    chat = await world.staff_chat("complex2")
    await chat.text("tin bao nhan ngay 05/03/2026 het han ngay nao")
    text = await chat.text("vu an phuc tap thi dieu tra den ngay nao")
    assert "vụ việc phức tạp (tối đa 2 tháng kể từ ngày tiếp nhận)" not in text, text


@pytest.mark.parametrize(
    ("question", "answer", "days", "last"),
    [
        (
            "tgiu hết 9h ngày 05/03/2026 chuyển tạm giam tiếp 2 tháng, lệnh ghi đến hết ngày mấy",
            "đã tạm giữ 6 ngày",
            "Thời hạn tạm giam (54 ngày)",
            "Thứ Hai 27/04/2026",
        ),
        (
            "tam giam 2 thang tu 05/03/2026, truoc do co tam giu, het ngay nao",
            "tam giu 3 ngay",
            "Thời hạn tạm giam (57 ngày)",
            "Thứ Năm 30/04/2026",
        ),
        (
            "tạm giam 2 tháng từ 05/03/2026, trước đó có tạm giữ, hết ngày nào",
            "3 ngày, gia hạn thêm 3 ngày ạ",
            "Thời hạn tạm giam (54 ngày)",
            "Thứ Hai 27/04/2026",
        ),
    ],
)
async def test_the_custody_days_asked_back_are_read_with_the_question(
    world: World, question: str, answer: str, days: str, last: str
) -> None:
    chat = await world.staff_chat("answered")
    asked = await chat.text(question)
    assert "đã tạm giữ bao nhiêu ngày" in asked, asked
    text = await chat.text(answer)
    assert days in text and f"Ngày cuối cùng: {last}" in text, text
    again = await chat.text(answer)  # used once: the same words later are not that question again
    assert days not in again


async def test_another_question_after_the_ask_is_its_own(world: World) -> None:
    chat = await world.staff_chat("answered2")
    await chat.text("tam giam 2 thang tu 05/03/2026, truoc do co tam giu, het ngay nao")
    text = await chat.text("khang cao ban an tuyen ngay 02/03/2026 het ngay nao")
    assert "KHÁNG CÁO BẢN ÁN SƠ THẨM" in text and "Thời hạn tạm giam" not in text, text
