"""The next detention extension asked from the previous extension order's last day runs from the day
after it (TTLT 04/2018 Đ17; FACTS §1): "lệnh gia hạn lần 1 hết ngày 31/03/2027, gia hạn lần 2 thêm 4
tháng" ends 29/07/2027, not 28/07/2027 (review8 A4); said the other way round, the date is the previous
order's end, not a start of the detention and of the extension at once (review8 B19)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.conftest import World
from tests.fakes import joined

NOW = datetime(2026, 12, 7, 3, 0, tzinfo=UTC)  # Monday 07/12/2026 in Hà Nội


async def _ask(world: World, question: str) -> str:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    return joined(await world.chat(world.staff_a).send(question))


@pytest.mark.parametrize(
    "question",
    [
        "lệnh gia hạn tạm giam lần 1 hết ngày 31/03/2027, tội đặc biệt nghiêm trọng, gia hạn lần 2 thêm 4 tháng "
        "thì đến ngày nào",
        "lenh gia han tam giam lan thu nhat toi dbnt den het ngay 31/03/2027, gh lan 2 them 4 thang thi het ngay nao",
        "gia han tam giam lan 2 toi dbnt, lenh gia han lan 1 het ngay 31/03/2027",
        "tội ĐBNT, gia hạn tạm giam lần hai 4 tháng, quyết định gia hạn lần 1 hết hạn ngày 31/03/2027 thì đến bao giờ",
    ],
)
async def test_second_extension_runs_from_the_next_day(world: World, question: str) -> None:
    answer = await _ask(world, question)
    assert "lần thứ hai" in answer and "4 tháng = 120 ngày" in answer, answer
    assert "từ 01/04/2027 đến hết ngày Thứ Năm 29/07/2027" in answer, answer
    assert "28/07/2027" not in answer and "ngày bắt đầu tạm giam" not in answer, answer
    assert "thuộc giai đoạn nào" not in answer, answer


async def test_a_shorter_second_extension_is_counted_as_said(world: World) -> None:
    answer = await _ask(
        world, "lệnh gia hạn tạm giam lần 1 hết ngày 31/03/2027 tội đbnt, gia hạn lần 2 thêm 2 tháng thì đến ngày nào"
    )
    assert "từ 01/04/2027 đến hết ngày Chủ nhật 30/05/2027" in answer, answer  # 60 days: 01/04 is day 1


async def test_a_second_extension_the_category_does_not_have_is_refused(world: World) -> None:
    answer = await _ask(
        world,
        "tội rất nghiêm trọng, lệnh gia hạn tạm giam lần thứ nhất đến hết ngày 31/03/2027, gia hạn tiếp thì đến ngày nào",
    )
    assert "chỉ được gia hạn 1 lần" in answer and "không tính gia hạn lần 2" in answer, answer
    assert "/2027" not in answer.replace("31/03/2027", ""), answer
