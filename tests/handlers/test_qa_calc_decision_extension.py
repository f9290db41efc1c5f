"""An extension asked after a summary hearing's card (Đ462): the hearing counted from the decision is no
extension, so the answer says there is none to count, before and after the decision's day is given
(it used to fail on an assertion: the decision's step was read as an extension). Fake clock: 02/03/2026."""

from __future__ import annotations

from tests.conftest import World

NONE = "không có lần gia hạn nào cho thời hạn này (căn cứ: Điều 462 khoản 1, 2 BLTTHS 2015)"


async def test_summary_hearing_has_no_extension_before_or_after_the_decision(world: World) -> None:
    chat = await world.staff_chat("x1")
    await chat.text("xét xử rút gọn thụ lý ngày 02/03/2026 hết hạn ngày nào")
    before = await chat.text("gia hạn lần 1 thì sao")
    assert NONE in before and "mã lỗi" not in before
    dated = await chat.text("quyết định đưa vụ án ra xét xử ngày 05/03/2026")
    assert "hết 24:00 Thứ Năm 12/03/2026" in dated
    after = await chat.text("gia hạn lần 1 thì sao")
    assert NONE in after and "mã lỗi" not in after
