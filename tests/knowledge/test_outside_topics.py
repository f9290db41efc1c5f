"""The unit's own administration (budget, funds) is out of scope even when the procuracy is named: never a
report's deadline (tune9h: a unit head's "dự toán chi thường xuyên … hạn nộp khi nào" was answered with the
monthly report's unverified deadline). Through the real dispatcher; a report question still answers."""

from __future__ import annotations

import pytest

from knowledge.kb.outside_topics import outside_topic
from tests.conftest import World

REFUSED = "Xin lỗi, trợ lý chỉ có thông tin về tố tụng hình sự và công tác của ngành Kiểm sát, chưa có về"


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("Dự toán chi thường xuyên năm 2027 của vks khu vực lập theo thông tư nào, hạn nộp khi nào em", "Dự toán"),
        ("dự toán chi thường xuyên của vks khu vực hạn nộp khi nào", "dự toán"),
        ("du toan ngan sach nam 2027 cua vien kiem sat khu vuc nop truoc ngay nao", "dự toán"),
        ("quyết toán kinh phí năm 2026 của vks tỉnh hạn gửi khi nào", "quyết toán"),
        ("anh hỏi tiền lương của kiểm sát viên khu vực tháng này trả trước ngày nào", "tiền lương"),
    ],
)
async def test_the_units_budget_is_refused(world: World, question: str, named: str) -> None:
    chat = await world.staff_chat("budget")
    text = await chat.text(question)
    assert f"{REFUSED} {named}." in text, text
    assert "Chưa kiểm chứng" not in text and "báo cáo" not in text.lower()


async def test_a_report_question_still_answers(world: World) -> None:
    chat = await world.staff_chat("report")
    text = await chat.text("vks khu vực gửi báo cáo tháng lên tỉnh trước ngày nào")
    assert "mốc do từng Viện kiểm sát (VKS) tỉnh quy định" in text and REFUSED not in text, text


def test_an_entry_speaking_of_the_subject_answers() -> None:
    topics = (("du", "toan"), ("kinh", "phi"))
    asked = ["han", "nop", "du", "toan", "kinh", "phi"]
    assert outside_topic(asked, ["han", "nop", "bao", "cao", "thang"], topics) == ("du", "toan")
    assert outside_topic(asked, ["lap", "du", "toan", "kinh", "phi", "hang", "nam"], topics) is None
    assert outside_topic(["han", "nop", "bao", "cao"], [], topics) is None


@pytest.mark.parametrize(
    ("question", "named"),
    [
        # round 10: "bổ nhiệm lại" found the count of provincial procuracies
        ("Phó Viện trưởng VKSND cấp tỉnh hết thời hạn giữ chức vụ thì bổ nhiệm lại theo quy trình nào?", "bổ nhiệm"),
        ("bo nhiem lai kiem sat vien trung cap can dieu kien gi", "bổ nhiệm"),
        ("thi tuyen ksv cao cap nam 2026 khi nao", "thi tuyển"),
        ("ksv vks khu vuc duoc huong phu cap bao nhieu %", "phụ cấp"),
        ("quy trình luân chuyển cán bộ lãnh đạo vks tỉnh", "luân chuyển cán bộ"),
        ("e muốn hỏi thủ tục nghỉ phép năm của ksv", "nghỉ phép"),
        ("vks khu vực có bao nhiêu biên chế", "biên chế"),
        ("miễn nhiệm kiểm sát viên trong trường hợp nào", "miễn nhiệm"),
    ],
)
async def test_the_units_personnel_work_is_refused(world: World, question: str, named: str) -> None:
    chat = await world.staff_chat("personnel")
    text = await chat.text(question)
    assert f"{REFUSED} {named}." in text, text


async def test_a_question_before_the_outside_subject_is_still_answered(world: World) -> None:
    chat = await world.staff_chat("personnel-two")
    text = await chat.text("tạm giữ tối đa mấy ngày, còn nghỉ phép năm của ksv do ai duyệt")
    assert "3 ngày" in text and f"{REFUSED} nghỉ phép." in text, text


async def test_what_follows_the_outside_subject_is_about_it(world: World) -> None:
    chat = await world.staff_chat("budget-two")
    text = await chat.text("dự toán chi thường xuyên của vks khu vực lập theo thông tư nào, hạn nộp khi nào")
    assert f"{REFUSED} dự toán." in text and "báo cáo" not in text.lower(), text
