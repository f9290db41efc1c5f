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
        ("du toan ngan sach nam 2027 cua vien kiem sat khu vuc nop truoc ngay nao", "du toan"),
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
