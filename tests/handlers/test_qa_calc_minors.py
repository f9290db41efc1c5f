"""Every free-text calculator card and answer about a person held carries the one minors' warning
(``register_minors``), as /tinhhan's card does: the follow-up cards and the extension answers built in
handlers/qa_calc*.py had none. No number is stated for minors, and the warning comes once."""

from __future__ import annotations

from tests.conftest import World

WARNING = "Nếu người bị giữ, tạm giữ, tạm giam dưới 18 tuổi: thời hạn có thể khác"


async def test_follow_up_cards_and_answers_carry_the_warning_once(world: World) -> None:
    chat = await world.staff_chat("m1")
    first = await chat.text("tạm giam 2 tháng từ 10/04/2026 hết ngày nào")
    assert first.count(WARNING) == 1
    deducted = await chat.text("nếu trước đó tạm giữ 3 ngày thì sao")  # qa_calc's own card
    assert "05/06/2026" in deducted and deducted.count(WARNING) == 1
    extended = await chat.text("gia hạn thêm 1 tháng thì đến ngày nào")  # an extension answer
    assert "/2026" in extended and extended.count(WARNING) == 1


async def test_custody_and_order_answers_carry_the_warning(world: World) -> None:
    chat = await world.staff_chat("m2")
    stated = await chat.text("tạm giữ 2 ngày từ 9h 02/03/2026 thì hết lúc nào")
    assert "09:00" in stated and WARNING in stated
    order_end = await world.staff_chat("m3")
    text = await order_end.text("lệnh tạm giam đến hết 20/04/2026, VKS gia hạn thêm 1 tháng thì đến hết ngày nào")
    assert "20/05/2026" in text and text.count(WARNING) == 1


async def test_no_warning_where_no_one_is_held(world: World) -> None:
    chat = await world.staff_chat("m4")
    appeal = await chat.text("kháng cáo bản án tuyên ngày 02/03/2026 hết ngày nào")
    assert "17/03/2026" in appeal and "18 tuổi" not in appeal
    other = await chat.text("còn VKS cấp trên kháng nghị thì sao")
    assert "/2026" in other and "18 tuổi" not in other
