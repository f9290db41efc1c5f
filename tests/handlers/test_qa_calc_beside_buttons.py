"""Cards shown beside the one a follow-up names («còn VKS kháng nghị thì sao» after an appeal card: the
superior's protest beside the same level's) carry no reminder or register button: those act on the
conversation's last card, and «Nhắc tôi trước hạn» under the superior's 30 days set the same level's
reminder (21/12) instead. Each says how to ask for its own card, which then has its own buttons."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.conftest import World
from tests.fakes import joined

NOW = datetime(2026, 12, 7, 3, 0, tzinfo=UTC)  # 10:00 Monday 07/12/2026 in Hà Nội


async def test_a_beside_card_has_no_buttons_and_its_own_question_does(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = await world.staff_chat("KSV Kháng Nghị")
    await chat.send("thoi han khang cao ban an so tham tuyen ngay 05/12/2026")
    named, beside = await chat.send("còn VKS kháng nghị thì sao")
    assert "VKS CÙNG CẤP" in named.text and named.flat_buttons
    assert "VKS CẤP TRÊN TRỰC TIẾP" in beside.text and "hết 24:00 Thứ Hai 04/01/2027" in beside.text
    assert not beside.flat_buttons, beside.flat_buttons
    example = "Kháng nghị phúc thẩm bản án – VKS cấp trên trực tiếp, ngày tuyên án 05/12/2026"
    assert f"anh/chị hỏi riêng về nó, ví dụ «{example}»" in beside.text
    await chat.send(example)
    reminded = joined(await chat.tap("⏰ Nhắc tôi trước hạn"))
    assert "Đã đặt nhắc" in reminded and "04/01/2027" in reminded and "21/12/2026" not in reminded, reminded
