"""Round 8's calculator classes through the real dispatcher (tune7a/7b/7c misses), each with several members
written with and without diacritics and in shorthand. Fake clock: Monday 02/03/2026 08:00 (Hà Nội).

* steps counted in hours from a stated moment (Đ117 k4, Đ118 k2, Đ154 k2, Đ179 k3): the moment + the hours,
  never the tạm giữ's 3 days (before: the tạm giữ card, a confident wrong answer);
* the summary hearing from the decision alone (Đ462 k2, Đ464 k3);
* an investigation of "2 tháng dt" ending on a month without the day, then on a day off (Đ134 k1);
* a date asked as a day off beside the start ("30/4 nghỉ lễ có lùi ko");
* a new tạm giam order after an old one's last day;
* a tạm giữ extended "2 lần" without the days, then tạm giam: the detention's last day does not depend on them.
"""

from __future__ import annotations

import pytest

from tests.conftest import World

TAM_GIU_CARD = "Thời hạn tạm giữ (3 ngày)"


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("7h sáng nay cqđt ra qđ tạm giữ, hạn chót gửi qđ cho vks là mấy giờ", "hết 19:00 Thứ Hai 02/03/2026"),
        (
            "ra quyết định tạm giữ lúc 15h ngày 01/03/2026 thì phải gửi cho VKS chậm nhất lúc mấy giờ",
            "hết 03:00 Thứ Hai 02/03/2026",
        ),
        ("cqdt ra qd tgiu 7h30 sang nay thi cham nhat may gio phai chuyen qd sang vks", "hết 19:30 Thứ Hai 02/03/2026"),
        (
            "vks nhận hồ sơ đề nghị gia hạn tạm giữ lúc 21h tối nay thì phải ra qđ phê chuẩn hay ko trước lúc nào",
            "hết 09:00 Thứ Ba 03/03/2026",
        ),
        ("vks nhan hs gh tgiu luc 23h30 ngay 05/03/2026, han phe chuan den may gio", "hết 11:30 Thứ Sáu 06/03/2026"),
        (
            "21h hôm qua cqđt khởi tố bị can, hạn chót gửi qđ khởi tố bị can cho vks là mấy giờ",
            "hết 21:00 Thứ Hai 02/03/2026",
        ),
        ("ra qđ khởi tố vụ án lúc 16h ngày 03/03/2026 thì gửi vks chậm nhất lúc nào", "hết 16:00 Thứ Tư 04/03/2026"),
        ("ra quyết định không khởi tố vụ án lúc 10h hôm nay, gửi vks chậm nhất lúc nào", "hết 10:00 Thứ Ba 03/03/2026"),
        (
            "nguoi dau thu luc 20h hom qua thi cqdt phai bao vks truoc may gio",
            "hết 20:00 Thứ Hai 02/03/2026",
        ),  # Đ152 k3
        ("bắt quả tang lúc 22h hôm qua thì hạn ra qđ tạm giữ là mấy giờ", "10:00 ngày 02/03/2026"),  # Đ114 k1
        ("bat nguoi bi truy na luc 9h sang nay, cham nhat may gio phai ra quyet dinh tam giu", "21:00 ngày 02/03/2026"),
        (
            "nhận người bị bắt quả tang lúc 14h hôm nay, phải thông báo cho gia đình trước mấy giờ",  # Đ116: 24 hours
            "hết 14:00 Thứ Ba 03/03/2026",
        ),
        (
            "ra qđ tạm đình chỉ giải quyết nguồn tin lúc 10h hôm nay thì gửi vks trước mấy giờ",  # Đ148 k2, not 20 days
            "hết 10:00 Thứ Ba 03/03/2026",
        ),
        (
            # Đ110 k6: from the VKS's receipt of the file, not from the hold said first.
            "giữ người khẩn cấp lúc 20h hôm qua, vks nhận hồ sơ phê chuẩn lệnh bắt lúc 8h sáng nay thì phải phê chuẩn "
            "trước mấy giờ",
            "hết 20:00 Thứ Hai 02/03/2026",
        ),
    ],
)
async def test_an_hour_step_from_a_stated_moment(world: World, question: str, expected: str) -> None:
    chat = await world.staff_chat("hour")
    text = await chat.text(question)
    assert expected in text, text
    assert TAM_GIU_CARD not in text and "Gia hạn tạm giữ lần thứ nhất" not in text  # not another step's figure
    assert "Thời hạn giải quyết (20 ngày)" not in text
    assert ("KHÔNG KHỞI TỐ" in text) == ("không khởi tố" in question)  # the step named, not its neighbour
    assert "hạn đề nghị gia hạn" not in text  # the request is the step's start, not asked about


async def test_an_hour_step_without_the_hour_says_what_it_needs(world: World) -> None:
    chat = await world.staff_chat("hour2")
    text = await chat.text("ra qđ tạm giữ hôm nay thì gửi VKS trước lúc nào")
    assert "chưa có giờ bắt đầu" in text and "12 giờ" in text and "Điều 117 khoản 4" in text
    custody = await chat.text("tạm giữ từ 9h sáng nay gửi VKS rồi, hết hạn tạm giữ lúc nào")
    assert TAM_GIU_CARD in custody and "09:00 ngày 05/03/2026" in custody


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "rút gọn, qđ đưa ra xét xử ngày 05/03/2026 thì phải mở phiên tòa chậm nhất ngày nào",
            "hết 24:00 Thứ Năm 12/03/2026",
        ),
        (
            "rut gon qd dua vu an ra xet xu ngay 06/03/2026 mo phien toa cham nhat ngay nao",
            "hết 24:00 Thứ Sáu 13/03/2026",
        ),
        ("vụ rg, tòa ra qđ đưa vụ án ra xx ngày 05/03/2026, hạn mở phiên tòa", "hết 24:00 Thứ Năm 12/03/2026"),
        (
            "phúc thẩm rút gọn, qđ đưa vụ án ra xét xử phúc thẩm ngày 24/04/2026, mở phiên tòa chậm nhất ngày nào",
            "hết 24:00 Thứ Hai 04/05/2026",  # 01/05 a holiday, then the weekend
        ),
    ],
)
async def test_the_summary_hearing_from_the_decision_alone(world: World, question: str, expected: str) -> None:
    chat = await world.staff_chat("hearing")
    text = await chat.text(question)
    assert expected in text and "(7 ngày)" in text and "hỏi kèm ngày thụ lý" in text, text


@pytest.mark.parametrize(
    "question",
    [
        "khởi tố vụ ít NT ngày 31/12/2025 thì 2 tháng dt hết ngày nào vậy",
        "khoi to vu an it nghiem trong ngay 31/12/2025 thi 2 thang dieu tra het ngay nao",
        "kt vụ án NT ngày 30/11/2025, 3 tháng đt hết ngày nào",
    ],
)
async def test_an_investigation_ending_on_a_missing_day_then_a_day_off(world: World, question: str) -> None:
    chat = await world.staff_chat("dt")
    text = await chat.text(question)
    # 28/02/2026 (no 29-31 Feb) is a Saturday: the next working day, Monday 02/03/2026 (Đ134 k1).
    assert "hết 24:00 Thứ Hai 02/03/2026" in text and "28/02/2026 là ngày nghỉ: Thứ Bảy" in text, text


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "tạm giữ từ 16h hôm nay 3 ngày rồi tạm giam 2 tháng tội ít NT, lệnh hết ngày nào, 30/4 nghỉ lễ có lùi ko",
            "Ngày cuối cùng: Thứ Năm 30/04/2026",
        ),
        ("tam giam 2 thang tu 01/03/2026, neu 30/4 la ngay le thi co lui khong", "Ngày cuối cùng: Thứ Tư 29/04/2026"),
        (
            "kháng cáo bản án tuyên ngày 15/04/2026 hết ngày nào, 30/4 nghỉ lễ có lùi không",
            "hết 24:00 Thứ Hai 04/05/2026",
        ),
    ],
)
async def test_a_date_asked_as_a_day_off_is_not_an_input(world: World, question: str, expected: str) -> None:
    chat = await world.staff_chat("off")
    text = await chat.text(question)
    assert expected in text and "Câu hỏi có cả ngày" not in text, text


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "lệnh tạm giam cũ hết ngày 10/03/2026, giờ ra lệnh tạm giam mới 1 tháng thì đến hết ngày nào",
            "Ngày cuối cùng: Thứ Năm 09/04/2026",
        ),
        (
            "lenh tam giam cu het ngay 10/03/2026, ra lenh tam giam moi 2 thang thi het ngay nao",
            "Ngày cuối cùng: Thứ Bảy 09/05/2026",
        ),
        (
            "lệnh tgiam trước hết hạn ngày 31/03/2026, lệnh tiếp theo 45 ngày thì hết ngày nào",
            "Ngày cuối cùng: Thứ Sáu 15/05/2026",
        ),
    ],
)
async def test_a_new_order_after_an_old_one(world: World, question: str, expected: str) -> None:
    chat = await world.staff_chat("order")
    text = await chat.text(question)
    assert expected in text and "ngày sau ngày cuối của lệnh cũ" in text, text
    followed = await chat.text("nếu trước đó tạm giữ 3 ngày thì sao")  # the new order is the card
    assert "Đã trừ 3 ngày tạm giữ" in followed


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "tạm giữ từ 10h ngày 25/02/2026, gia hạn 2 lần, sau đó tạm giam 2 tháng luôn thì lệnh tạm giam đến hết ngày nào",
            "25/04/2026",
        ),
        ("tam giu tu 8h ngay 01/03/2026, gia han 1 lan roi tam giam 3 thang thi het ngay nao", "29/05/2026"),
        ("tạm giữ 3 ngày từ 14h 02/03/2026, gh 2 lần, rồi tạm giam 1 tháng hết ngày nào", "31/03/2026"),
    ],
)
async def test_custody_extended_without_the_days_then_detention(world: World, question: str, expected: str) -> None:
    chat = await world.staff_chat("chain")
    text = await chat.text(question)
    assert "lệnh tạm giam đến hết ngày" in text and "Ngày cuối cùng: " in text and expected in text, text
    alone = await chat.text("tạm giữ từ 10h ngày 25/02/2026, gia hạn 2 lần thì hết lúc nào")  # the custody's end:
    assert "bao nhiêu ngày" in alone  # depends on the days, still asked


async def test_an_hour_step_without_a_kind_is_the_rule_not_a_neighbours_card(world: World) -> None:
    chat = await world.staff_chat("hour3")
    # Đ156 k2: the same 24 hours as Đ154, but another decision: its rule from the knowledge base, no card.
    text = await chat.text("thay đổi quyết định khởi tố vụ án lúc 9h hôm nay thì gửi vks trước mấy giờ")
    assert "24 giờ" in text and "Điều 156" in text and "GỬI QUYẾT ĐỊNH KHỞI TỐ VỤ ÁN" not in text
