"""A question about who acts is no calculation, even with a date in it: "ai có thẩm quyền gia
hạn tạm giam sau 1/7/2025" was taken as a detention order without its length (the calculator's
prompt), while the Q&A has the answer, flagged for the 2025 reorganisation."""

from __future__ import annotations

from tests.conftest import World
from tests.fakes import joined

CALC_PROMPT = "cho biết thời hạn trong lệnh"


async def test_who_approves_after_a_date_is_answered_not_computed(world: World) -> None:
    chat = await world.staff_chat("who-1")
    text = joined(await chat.send("ai co tham quyen gia han tam giam sau 1/7/2025"))
    assert CALC_PROMPT not in text
    assert "Điều 173" in text and "cần đối chiếu" in text


async def test_who_with_an_end_asked_is_still_computed(world: World) -> None:
    chat = await world.staff_chat("who-2")
    text = joined(await chat.send("vks nào có thẩm quyền kháng nghị bản án tuyên 02/03/2026, đến ngày nào"))
    assert "17/03/2026" in text and "01/04/2026" in text
