"""The time to send is not what the receiver then does: "khởi tố bị can xong gửi qđ cho vks mấy ngày" was
answered with the VKS's 3 days to approve, while the same entry says that the investigating agency sends the
decision within 24 hours (BLTTHS Điều 179 khoản 3). A question that asks how long "gửi"/"chuyển" takes leads
with the answer's clause about sending (or "giao", "chuyển"); asking the approval ("… thì VKS phê chuẩn trong
mấy ngày") does not. Asked of an entry that gives no time to send, it is asked back: that entry's figure is the
receiver's ("lệnh bắt khẩn cấp gửi vks mấy giờ" is not the VKS's 12 hours to approve)."""

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
        "quyet dinh khoi to bi can gui vks toi da bao lau",
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


@pytest.mark.parametrize(
    "question",
    [
        "lệnh bắt khẩn cấp gửi vks mấy giờ",
        "quyết định gia hạn tạm giữ gửi vks bao lâu",
        "qd gia han tam giu gui vks may gio",
    ],
)
async def test_no_time_to_send_known_is_asked_back_not_the_approval(world: World, question: str) -> None:
    text = await (await world.staff_chat("send-none")).text(question)
    assert text.startswith("Có phải anh/chị muốn hỏi"), text  # the entries give the VKS's 12 hours to approve


@pytest.mark.parametrize(
    ("question", "opening"),
    [
        (
            "quyet dinh hoan phien toa gui vks trong may ngay",
            "▶ Gửi Viện kiểm sát cùng cấp và người vắng mặt trong 2 ngày",
        ),
        ("hoãn phiên tòa xong thì quyết định hoãn phải gửi viện kiểm sát trong mấy ngày", "▶ Gửi Viện kiểm sát"),
        ("bản kết luận điều tra gửi vks trong mấy ngày", "2 ngày, kể từ ngày ra bản kết luận điều tra"),
        ("ket luan dieu tra xong thi gui ho so cho vks trong bao lau", "2 ngày, kể từ ngày ra bản kết luận điều tra"),
        ("quyết định tạm giữ gửi vks trong mấy giờ", "12 giờ, kể từ khi ra quyết định tạm giữ"),
        ("qđ khởi tố vụ án gửi vks trong bao lâu", "24 giờ, kể từ khi ra quyết định khởi tố vụ án"),
    ],
)
async def test_a_time_to_send_given_answers(world: World, question: str, opening: str) -> None:
    text = await (await world.staff_chat("send-known")).text(question)
    assert text.startswith(opening), text
