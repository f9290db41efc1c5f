"""The time to send is not what the receiver then does: "khởi tố bị can xong gửi qđ cho vks mấy ngày" was
answered with the VKS's 3 days to approve, while the same entry says that the investigating agency sends the
decision within 24 hours (BLTTHS Điều 179 khoản 3). A question that asks how long "gửi"/"chuyển" takes leads
with the answer's clause about sending; asking the approval ("… thì VKS phê chuẩn trong mấy ngày") does not."""

from __future__ import annotations

import pytest

from tests.conftest import World

SENDING = "▶ Cơ quan điều tra phải gửi quyết định khởi tố bị can và tài liệu cho VKS cùng cấp trong 24 giờ"


@pytest.mark.parametrize(
    "question",
    [
        "khởi tố bị can xong gửi qđ cho vks mấy ngày",
        "cqdt gui quyet dinh khoi to bi can cho vks trong bao lau",
        "qđ khởi tố bị can phải gửi viện kiểm sát trong mấy ngày",
        "ra qd ktbc thi gui vks may ngay",
        "anh ơi khởi tố bị can rồi thì cqđt gửi quyết định sang vks trong mấy giờ ạ",
        "quyet dinh khoi to bi can chuyen vks toi da bao lau",
    ],
)
async def test_the_sending_asked_leads(world: World, question: str) -> None:
    text = await (await world.staff_chat("send")).text(question)
    assert text.startswith(SENDING), text
    assert "Điều 179" in text


@pytest.mark.parametrize(
    "question",
    [
        "vks phê chuẩn quyết định khởi tố bị can trong mấy ngày",
        "cqdt gui qd khoi to bi can thi vks phe chuan trong may ngay",
        "nhận qđ khởi tố bị can vks xét phê chuẩn bao lâu",
    ],
)
async def test_the_approval_asked_is_the_answer_itself(world: World, question: str) -> None:
    text = await (await world.staff_chat("approve")).text(question)
    assert text.startswith("3 ngày, kể từ ngày nhận quyết định khởi tố bị can"), text
