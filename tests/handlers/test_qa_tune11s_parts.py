"""Classes of the session-11 tuning sets (tune11a, tune11b), through the dispatcher: a question typed without
punctuation whose first part ends in "là gì" and whose second asks yes or no of its own subject; "chưa có lệnh",
"cơ quan" are no yes-or-no question's end; "luật thay thế" names no law; what to do when a custody ends without
an order, asked with the moment it ends, is the law's rule (never a calculator's card)."""

from __future__ import annotations

import pytest

from knowledge.kb.what_to_do import asks_what_to_do, without_moments
from tests.conftest import World

PARTS = "Câu hỏi của anh/chị có 2 phần"


@pytest.mark.parametrize(
    ("question", "first", "second"),
    [
        ("dk ap dung rut gon la gi vks co dc ra qd ap dung ko", "quả tang", "Viện kiểm sát hoặc Tòa án"),
        ("điều kiện áp dụng thủ tục rút gọn là gì VKS có được ra quyết định áp dụng không", "quả tang", "24 giờ"),
        ("dieu kien rut gon la gi cqdt co duoc quyet dinh ap dung khong", "quả tang", "24 giờ"),
        ("đk áp dụng thủ tục rút gọn là gì viện kiểm sát có được áp dụng không", "quả tang", "24 giờ"),
        ("thu tuc rut gon dieu kien la gi vks co quyen ra qd ap dung khong", "quả tang", "24 giờ"),
    ],
)
async def test_what_it_is_then_a_yes_or_no_of_its_own_subject_is_two_questions(
    world: World, question: str, first: str, second: str
) -> None:
    text = await (await world.staff_chat("t11-what")).text(question)
    assert text.startswith(PARTS) and first in text and second in text, text


async def test_a_yes_or_no_after_what_with_no_subject_of_its_own_stays_one(world: World) -> None:
    text = await (await world.staff_chat("t11-what2")).text("điều kiện áp dụng thủ tục rút gọn là gì có bắt buộc không")
    assert not text.startswith(PARTS), text


@pytest.mark.parametrize(
    ("question", "figures"),
    [
        ("luat thi hanh tgiu tgiam 94 con hieu luc ko luat thay the so may tu ngay nao", ("128/2025", "01/7/2026")),
        ("luật thi hành tạm giữ tạm giam 94/2015 còn hiệu lực không, luật thay thế là luật nào", ("128/2025",)),
        ("luật thi hành tạm giữ tạm giam 94/2015 bị thay bằng luật nào", ("128/2025",)),
        ("luật thay thế luật thi hành tạm giữ tạm giam có hiệu lực từ ngày nào", ("01/7/2026",)),
        ("luat thi hanh tam giu tam giam bi thay the boi luat nao", ("128/2025",)),
    ],
)
async def test_the_law_that_replaced_one_is_asked_by_no_other_laws_name(
    world: World, question: str, figures: tuple[str, ...]
) -> None:
    text = await (await world.staff_chat("t11-law")).text(question)
    assert all(f in text for f in figures) and "Căn cứ" in text, text


async def test_another_law_named_is_still_refused(world: World) -> None:
    text = await (await world.staff_chat("t11-law2")).text("luật khiếu nại thì thời hạn giải quyết khiếu nại bao lâu")
    assert "Căn cứ" not in text or "khiếu nại" in text.split("Căn cứ")[1], text


@pytest.mark.parametrize(
    "question",
    [
        "tgiu het han 23h 4/3 ma cqdt chua co lenh tgiam duoc phe chuan thi sao",
        "tạm giữ hết hạn lúc 10h ngày 05/03/2026 mà chưa có lệnh tạm giam thì xử lý sao",
        "tam giam het han 24h ngay 10/3/2026 ma chua co lenh gia han thi phai lam sao",
        "tgiu het han 8h30 sang nay ma cqdt chua co lenh tgiam thi sao",  # a day relative to today is a moment too
        "lệnh tạm giam hết hạn ngày 20/3 mà không có lệnh gia hạn thì trại làm gì",
    ],
)
async def test_custody_ending_without_an_order_is_release(world: World, question: str) -> None:
    text = await (await world.staff_chat("t11-free")).text(question)
    assert "trả tự do" in text and "Căn cứ" in text, text


@pytest.mark.parametrize(
    ("first", "then"),
    [
        ("tgiu het han 23h 4/3 ma cqdt chua co lenh tgiam duoc phe chuan thi sao", "luc do ksv truc trai phai lam gi"),
        ("tạm giữ hết hạn mà cơ quan điều tra chưa có lệnh tạm giam thì sao", "vậy kiểm sát viên phải làm gì"),
    ],
)
async def test_what_the_prosecutor_does_then_is_asked_of_that_answer(world: World, first: str, then: str) -> None:
    chat = await world.staff_chat("t11-free2")
    await chat.text(first)
    text = await chat.text(then)
    assert "trả tự do" in text and "Căn cứ" in text, text


async def test_a_period_from_a_moment_is_still_computed(world: World) -> None:
    text = await (await world.staff_chat("t11-free3")).text("tạm giam 2 tháng từ 01/03/2026 thì hết ngày nào")
    assert "29/04/2026" in text, text


def test_the_moment_is_dropped_only_from_a_question_of_what_to_do() -> None:
    assert asks_what_to_do("tgiu het han 23h 4/3 ma cqdt chua co lenh tgiam thi sao")
    assert not asks_what_to_do("tạm giam 2 tháng từ 01/03/2026 thì sao")  # the calculator's
    assert not asks_what_to_do("hết hạn 23h 4/3 mà chưa có lệnh thì tha lúc nào")  # a moment asked
    assert without_moments("hết hạn lúc 10h30 ngày 05/03/2026 mà chưa có lệnh") == "hết hạn mà chưa có lệnh"
    assert without_moments("điều 173 khoản 2 thì sao") == "điều 173 khoản 2 thì sao"


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        (
            "Ca trực buồn ngủ quá 😅 hỏi nhanh: tạm giữ có tính cả thứ 7, chủ nhật với ngày Tết không hay trừ ra?",
            "liên tục",
        ),
        ("trực đêm mệt quá 🙏 tạm giam có tính cả ngày lễ, Tết không", "liên tục"),
        ("Hỏi nhanh chút: tạm giữ tối đa mấy ngày", "3 ngày"),
        (
            "Hi trợ lý, trực đêm nên hỏi hơi nhiều 🙏 bị can tạm giam rồi thì thời gian tạm giữ trước đó có được trừ không",
            "1 ngày",
        ),
        ("sáng giờ bận quá 😓😓 kháng cáo bản án sơ thẩm mấy ngày", "15 ngày"),
    ],
)
async def test_what_is_said_before_a_colon_or_an_emoji_is_no_part_of_the_question(
    world: World, question: str, figure: str
) -> None:
    text = await (await world.staff_chat("t11-pre")).text(question)
    assert figure in text and "Căn cứ" in text, text


async def test_a_heading_that_names_the_unit_and_year_is_kept(world: World) -> None:
    text = await (await world.staff_chat("t11-pre2")).text(
        "vks tp Phổ Yên 2024: chỉ tiêu kiểm sát ubnd xã là bao nhiêu"
    )
    assert "50%" in text, text


@pytest.mark.parametrize(
    "question",
    [
        "kc ban an bn ngay kc quyet dinh bn ngay",
        "khang cao ban an bao nhieu ngay, khang cao quyet dinh bao nhieu ngay",
        "kháng cáo bản án mấy ngày, kháng cáo quyết định mấy ngày",
        "kc bản án bao lâu còn kc quyết định bao lâu",
        "thời hạn kháng cáo bản án và kháng cáo quyết định sơ thẩm là bao nhiêu ngày",
    ],
)
async def test_an_appeal_against_a_decision_is_its_own_period(world: World, question: str) -> None:
    text = await (await world.staff_chat("t11-kc")).text(question)
    assert "15 ngày" in text and "7 ngày" in text, text
