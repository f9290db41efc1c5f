"""Round-12 tuning (tune12c): the branch a message names (tin báo / nguồn tin, điều tra, truy tố, xét xử) decides
between entries whose subjects share their words. A tin báo's story whose question reads alone as the
investigation's ("vụ tin báo này đang chờ định giá nên cqđt tạm đình chỉ, qđ tạm đình chỉ gửi vks trong bao lâu")
is the nguồn tin's tạm đình chỉ: sent to the VKS within 24 hours (BLTTHS Đ148 k2), not the investigation's
2 days (Đ229). Through the real dispatcher."""

from __future__ import annotations

import pytest

from tests.conftest import World

_INVESTIGATION = "2 ngày, kể từ ngày ra quyết định tạm đình chỉ điều tra"


@pytest.mark.parametrize(
    "question",
    [
        "vụ tin báo này đang chờ kết quả định giá nên cqđt tạm đình chỉ, qđ tạm đình chỉ phải gửi vks trong bao lâu",
        "em chào anh, vụ tin báo này đang chờ kết quả định giá nên cqđt tạm đình chỉ, cho em hỏi qđ tạm đình chỉ "
        "phải gửi vks trong bao lâu ạ",
        "vu tin bao nay cho ket qua dinh gia nen cqdt tam dinh chi, qd tam dinh chi gui vks trong bao lau",
        "a ơi tb này chờ giám định nên cqđt tạm đình chỉ rồi, qđ tđc gửi vks mấy tiếng",
        "anh ơi cái tb trộm chó bên em cqđt cho tạm đình chỉ vì chờ giám định, vậy qđ tạm đình chỉ gửi qua viện mấy giờ",
        "ng tin bị tạm đình chỉ do chờ định giá thì qđ tđc gửi vks trong bao lâu anh",
        "nguồn tin đang tạm đình chỉ vì chờ định giá, cqđt gửi qđ cho vks trong thời hạn bao lâu",
        "kiến nghị khởi tố mà cqđt tạm đình chỉ giải quyết thì gửi qđ cho vks trong bao lâu",
    ],
)
async def test_a_crime_reports_suspension_is_sent_within_24_hours(world: World, question: str) -> None:
    text = await (await world.staff_chat("t12cd-tb")).text(question)
    assert "24 giờ" in text and "Điều 148" in text, text
    assert _INVESTIGATION not in text and "Điều 229" not in text, text


@pytest.mark.parametrize(
    "question",
    [
        "tạm đình chỉ điều tra thì qđ gửi vks trong bao lâu",
        "vụ án đang điều tra, chờ giám định nên cqđt tạm đình chỉ, qđ gửi vks mấy ngày",
    ],
)
async def test_the_investigations_suspension_stays_its_own(world: World, question: str) -> None:
    text = await (await world.staff_chat("t12cd-dt")).text(question)
    assert _INVESTIGATION in text and "Điều 229" in text and "24 giờ" not in text, text


async def test_the_prosecutions_suspension_stays_its_own(world: World) -> None:
    text = await (await world.staff_chat("t12cd-tt")).text(
        "vụ án đang truy tố mà bị can bị bệnh hiểm nghèo, vks tạm đình chỉ thì qđ gửi trong bao lâu"
    )
    assert "Điều 247" in text and "24 giờ" not in text and "Điều 229" not in text, text


async def test_a_two_part_story_keeps_the_crime_reports_branch(world: World) -> None:
    text = await (await world.staff_chat("t12cd-tb2")).text(
        "em chào anh, vụ tin báo này đang chờ kết quả định giá nên cqđt tạm đình chỉ, cho em hỏi qđ tạm đình chỉ "
        "phải gửi vks trong bao lâu, và khi phục hồi thì giải quyết tiếp tối đa bao lâu ạ"
    )
    assert "24 giờ" in text and "1 tháng" in text and _INVESTIGATION not in text, text
