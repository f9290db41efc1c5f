"""guard13: the branch a story names stays with its answer when the story is read as parts: "em đang kiểm sát 1
tin báo …, hết 20 ngày nên họ ra qđ tạm đình chỉ giải quyết. … qđ tạm đình chỉ đó gửi sang vks trong bao lâu, và
nếu vks … hủy thì giải quyết tiếp bao lâu" got the investigation's 2 days (Điều 229), not the report's 24 hours
and 1 month (Điều 148 khoản 2): the introduction that named the tin báo was left out of the parts."""

from __future__ import annotations

import pytest

from tests.conftest import World


@pytest.mark.parametrize(
    "question",
    [
        "dạ em chào anh chị, em đang kiểm sát 1 tin báo cố ý gây thương tích, cqđt đã trưng cầu giám định tỷ lệ thương "
        "tật mà chưa có kết quả, hết 20 ngày nên họ ra qđ tạm đình chỉ giải quyết. Cho em hỏi qđ tạm đình chỉ đó cqđt "
        "phải gửi sang vks trong thời hạn bao lâu ạ, và nếu vks thấy ko có căn cứ mà ra qđ hủy thì thời hạn giải quyết "
        "tiếp là bao lâu ạ",
        "em đang kiểm sát 1 tin báo trộm cắp, cqđt ra qđ tạm đình chỉ giải quyết vì chờ định giá. qđ đó phải gửi vks "
        "trong bao lâu ạ",
        "a ơi vụ tố giác lừa đảo bên em cqđt tạm đình chỉ rồi, quyết định tạm đình chỉ gửi sang vks trong mấy giờ ạ",
    ],
)
async def test_the_reports_suspension(world: World, question: str) -> None:
    text = await (await world.staff_chat("g13-branch")).text(question)
    assert "24 giờ" in text and "1 tháng" in text and "Điều 148" in text and "Điều 229" not in text, text


async def test_the_investigations_suspension_stays(world: World) -> None:
    question = "vụ án đang điều tra thì cqđt tạm đình chỉ, quyết định tạm đình chỉ điều tra gửi vks trong bao lâu"
    text = await (await world.staff_chat("g13-branch-inv")).text(question)
    assert "2 ngày" in text and "Điều 229" in text, text
