"""Round-12 tuning (tune11c/d), long polite messages that tell a story: where the asker works ("em ở văn phòng tổng
hợp nè") and a new appointment ("em mới được bổ nhiệm kiểm tra viên") introduce the asker and are no personnel
question; who set the asker the task ("anh KSV giao em lập bảng …", "sếp kêu em …") is no handover of a file (Đ232);
a part that greets and then asks a question of its own is read, not dropped as a greeting."""

from __future__ import annotations

import pytest

from tests.conftest import World

_TWO = "Câu hỏi của anh/chị có 2 phần"


@pytest.mark.parametrize(
    ("question", "figures"),
    [
        (
            "Chị ơi em ở văn phòng tổng hợp nè, sếp biểu soạn báo cáo năm mà em quên hông biết kỳ 12 tháng tính từ "
            "bữa nào tới bữa nào, chỉ em với",
            ("1/12", "30/11"),
        ),
        (
            "anh ơi em làm bên văn phòng, sếp kêu em làm báo cáo 6 tháng mà em hông nhớ kỳ 6 tháng chốt số tới bữa nào",
            ("31/5",),
        ),
        (
            "Dạ em chào anh chị ạ, em mới được bổ nhiệm kiểm tra viên ở VKSND khu vực, đang tập theo dõi sổ thụ lý "
            "nguồn tin. Cho em hỏi CQĐT phải giải quyết tố giác, tin báo về tội phạm trong bao nhiêu ngày ạ?",
            ("20 ngày",),
        ),
        ("em mới được phân công kiểm sát tin báo, cho em hỏi tin báo phải giải quyết trong mấy ngày ạ", ("20 ngày",)),
    ],
)
async def test_the_asker_introduced_then_the_question(world: World, question: str, figures: tuple[str, ...]) -> None:
    text = await (await world.staff_chat("t11-intro")).text(question)
    assert all(f in text for f in figures) and "Căn cứ" in text, text


@pytest.mark.parametrize(
    ("question", "limit", "extension"),
    [
        (
            "da em chao anh chi a, phong em vua nhan ho so va ban ket luan dieu tra vu co y gay thuong tich khoan 2 "
            "(toi nghiem trong), anh KSV giao em lap bang theo doi thoi han. Cho em hoi thoi han quyet dinh truy to la "
            "bao nhieu ngay, neu can thi vien truong gia han them duoc bao nhieu ngay a?",
            "20 ngày",
            "10 ngày",
        ),
        (
            "Dạ em chào anh chị, phòng em vừa nhận hồ sơ vụ trộm tài sản (tội ít nghiêm trọng), sếp giao em theo dõi "
            "thời hạn. Cho em hỏi thời hạn quyết định truy tố là bao nhiêu ngày, nếu cần thì gia hạn thêm được bao "
            "nhiêu ngày ạ?",
            "20 ngày",
            "10 ngày",
        ),
    ],
)
async def test_the_task_set_is_no_handover(world: World, question: str, limit: str, extension: str) -> None:
    text = await (await world.staff_chat("t11-giao")).text(question)
    assert "Thời hạn VKS quyết định việc truy tố" in text and limit in text and extension in text, text
    assert "Điều 232" not in text, text


async def test_a_handover_asked_is_still_the_handover(world: World) -> None:
    text = await (await world.staff_chat("t11-giao2")).text(
        "cqđt giao hồ sơ cho vks sau khi kết luận điều tra trong mấy ngày"
    )
    assert text.startswith("2 ngày") and "Điều 232" in text, text


async def test_a_greeting_part_that_asks_is_answered(world: World) -> None:
    text = await (await world.staff_chat("t11-greet")).text(
        "dạ em chào anh chị, em đang kiểm sát hồ sơ vụ trộm, bị can bị tạm giữ rồi mới tạm giam. Em hỏi là thời gian "
        "tạm giữ có được trừ vào tạm giam không ạ, và tạm giam điều tra tội nghiêm trọng tối đa bao lâu ạ?"
    )
    assert text.startswith(_TWO) and "được trừ vào thời hạn tạm giam" in text and "3 tháng" in text, text


@pytest.mark.parametrize(
    "question",
    [
        "em ở văn phòng, chị cho em hỏi nghỉ phép năm được mấy ngày",
        "em mới được bổ nhiệm kiểm sát viên, nhiệm kỳ kiểm sát viên mấy năm",
    ],
)
async def test_an_office_matter_after_the_introduction_is_still_refused(world: World, question: str) -> None:
    text = await (await world.staff_chat("t11-office")).text(question)
    assert text.startswith("Xin lỗi") and "Căn cứ" not in text, text


async def test_a_greeting_that_asks_nothing_is_still_dropped(world: World) -> None:
    text = await (await world.staff_chat("t11-greet2")).text(
        "Chào anh chị, em mới chuyển sang phòng 2 được mấy tuần, cho em hỏi tạm giữ tối đa mấy ngày"
    )
    assert text.startswith("Tối đa 3 ngày") and _TWO not in text, text
