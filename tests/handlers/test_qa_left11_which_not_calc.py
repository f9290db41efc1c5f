"""Which procuracy acts, which law applies: no date to compute. "sau 01/7/2025 vks nào gia hạn" got the
calculator's prompt for an order's length, and "luật thi hành tạm giữ tạm giam bây giờ là luật nào" ("bây giờ"
read as a start) the question back on the days of custody to deduct. A "… nào" of a procuracy, an agency, a
court, a law or an article (or "luật gì") asks who or which, like "ai"; with an end asked, it is still computed."""

from __future__ import annotations

import pytest

from tests.conftest import World

CALCULATOR = ("cho biết thời hạn trong lệnh", "đã tạm giữ bao nhiêu ngày", "Bắt đầu:", "Mốc tính:")


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("sau 01/7/2025 vks nào gia hạn tạm giam", "Điều 173"),
        ("luật thi hành tạm giữ tạm giam bây giờ là luật nào", "128/2025/QH15"),
        ("bây giờ thi hành tạm giữ tạm giam theo luật gì", "128/2025/QH15"),
        ("tu 1/7/2025 tam giam dieu tra thi vks nao phe chuan gia han", "Điều 173"),
        ("từ 01/07/2025 gia hạn tạm giữ do viện nào phê chuẩn", "Điều 118"),
        ("sau ngay 1/7/2025 gia han tam giam theo dieu nao", ""),  # a menu: any, but no calculation
    ],
)
async def test_which_is_answered_not_computed(world: World, question: str, said: str) -> None:
    text = await (await world.staff_chat("which")).text(question)
    assert not any(c in text for c in CALCULATOR), text
    assert said in text, text


@pytest.mark.parametrize(
    ("question", "day"),
    [
        ("tạm giam từ 01/7/2025 2 tháng thì hết ngày nào", "29/08/2025"),
        ("vks nào có thẩm quyền kháng nghị bản án tuyên 02/03/2026, đến ngày nào", "17/03/2026"),
    ],
)
async def test_an_end_asked_is_still_computed(world: World, question: str, day: str) -> None:
    text = await (await world.staff_chat("which-calc")).text(question)
    assert day in text, text
