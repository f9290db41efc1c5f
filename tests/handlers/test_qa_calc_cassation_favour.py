"""A cassation protest in the convicted person's favour may be made at any time (Điều 379 khoản 2): the
answer's headline says there is no time limit, never the one-year card of a protest against them
(k1) nor «Thời hạn này đã hết» (review8 A3). A protest against them still gets its card."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.conftest import World
from tests.fakes import joined

NOW = datetime(2026, 12, 7, 3, 0, tzinfo=UTC)  # Monday 07/12/2026 in Hà Nội


@pytest.mark.parametrize(
    "question",
    [
        "giam doc tham co loi cho nguoi bi ket an ban an hieu luc 01/12/2024",
        "bản án có hiệu lực ngày 01/12/2024, kháng nghị giám đốc thẩm theo hướng có lợi cho bị cáo thì hạn đến ngày nào",
        "kn gdt để minh oan cho người bị kết án, án hiệu lực từ 01/12/2024, còn kháng nghị được không",
    ],
)
async def test_in_favour_has_no_time_limit(world: World, question: str) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    answer = joined(await world.chat(world.staff_a).send(question))
    first = answer.splitlines()[0]
    assert first == "KHÁNG NGHỊ GIÁM ĐỐC THẨM THEO HƯỚNG CÓ LỢI CHO NGƯỜI BỊ KẾT ÁN", answer
    assert "Không có thời hạn" in answer and "Điều 379 khoản 2" in answer, answer
    assert "BẤT LỢI" not in answer and "đã hết" not in answer, answer


async def test_against_them_keeps_the_one_year_card(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    question = "khang nghi gdt khong co loi cho nguoi bi ket an, ban an hieu luc 01/12/2026"
    card = joined(await world.chat(world.staff_a).send(question))
    assert "THEO HƯỚNG BẤT LỢI" in card and "hết 24:00 Thứ Tư 01/12/2027" in card, card
    assert "CÓ LỢI CHO NGƯỜI BỊ KẾT ÁN\n" not in card, card
