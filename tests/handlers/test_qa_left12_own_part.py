"""Round 12's leftovers (left12): a part after "còn" is its own question when it names its own subject, or when
alone it finds an entry that speaks of all it says: it does not inherit the first part's topic ("vks xét phê
chuẩn lệnh bắt khẩn cấp trong mấy tiếng, còn gia hạn tạm giữ lần 1 tối đa mấy ngày": 3 days, Đ118 k2, not the
VKS's 12 hours; "ban đêm …, còn thời hạn tính theo tháng thì sao": the month rule of Đ134, not the night's)."""

from __future__ import annotations

import pytest

from tests.conftest import World


async def parts(world: World, question: str) -> list[str]:
    chat = await world.staff_chat("left12-own")
    text = await chat.text(question)
    assert "Câu hỏi của anh/chị có 2 phần" in text, text
    return text.split("\n2. ", 1)


@pytest.mark.parametrize(
    "question",
    [
        "vks xét phê chuẩn lệnh bắt khẩn cấp trong mấy tiếng, còn gia hạn tạm giữ lần 1 tối đa mấy ngày",
        "vks xet phe chuan lenh bat khan cap trong may tieng, con gia han tam giu lan 1 toi da may ngay",
        "phê chuẩn lệnh bắt khẩn cấp bao nhiêu giờ còn gh tgiu lần đầu được mấy ngày",
        "chị ơi vks phê chuẩn bắt khẩn cấp trong bao lâu ạ, thế còn gia hạn tạm giữ lần thứ nhất tối đa bao nhiêu ngày ạ",
        "lệnh bắt khẩn cấp vks phải xét phê chuẩn trong bao nhiêu tiếng, còn tạm giữ gia hạn lần 1 được mấy ngày",
    ],
)
async def test_the_custody_extension_is_its_own_question(world: World, question: str) -> None:
    first, second = await parts(world, question)
    assert "12 giờ" in first and "Điều 110 khoản 6" in first, first
    assert "Về: Gia hạn tạm giữ" in second and "không quá 3 ngày" in second, second
    assert "Thời hạn VKS xét phê chuẩn" not in second and "Điều 118 khoản 2" in second, second


@pytest.mark.parametrize(
    "question",
    [
        "ban đêm tính từ mấy giờ, còn thời hạn tính theo tháng thì sao",
        "ban dem tinh tu may gio, con thoi han tinh theo thang thi sao",
        "ban đêm là từ mấy giờ đến mấy giờ, còn thời hạn theo tháng tính thế nào",
        "cho em hỏi ban đêm trong tố tụng tính từ mấy giờ ạ, vậy còn thời hạn tính bằng tháng thì tính sao ạ",
        "ban đêm từ mấy h, còn tính thời hạn theo tháng thế nào",
        "Đêm trong tố tụng tính từ mấy giờ, và thời hạn tính theo tháng thì hết vào ngày nào?",
    ],
)
async def test_the_month_rule_is_its_own_question(world: World, question: str) -> None:
    first, second = await parts(world, question)
    assert "22 giờ" in first, first
    assert "Cách tính thời hạn theo tháng" in second and "22 giờ" not in second, second


async def test_the_same_subject_asked_again_keeps_its_own_entry(world: World) -> None:
    _first, second = await parts(
        world, "vks xét phê chuẩn lệnh bắt khẩn cấp trong mấy tiếng, còn phê chuẩn gia hạn tạm giữ thì mấy tiếng"
    )
    assert "Thời hạn VKS xét phê chuẩn gia hạn tạm giữ" in second and "12 giờ" in second, second


async def test_a_follow_up_without_its_own_subject_stays_under_the_first(world: World) -> None:
    chat = await world.staff_chat("left12-own2")
    text = await chat.text("tạm giam điều tra tội rất nghiêm trọng tối đa bao lâu, còn gia hạn thì sao")
    assert text.startswith("4 tháng; có thể gia hạn 1 lần không quá 3 tháng"), text
