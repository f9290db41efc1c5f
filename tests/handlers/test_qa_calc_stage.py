"""A plain tạm giam order's extension asks the stage first (brief calc3 item 6), through the dispatcher:
only detention for investigation is extended (Đ173); in a later stage detention follows the stage's
limit (Đ241, Đ278, Đ347) and no extension date is given. The fake clock: Monday 02/03/2026 08:00."""

from __future__ import annotations

from tests.conftest import World
from tests.fakes import buttons, joined


async def test_a_later_stage_gets_its_rule_and_no_date(world: World) -> None:
    chat = await world.staff_chat("g1")
    await chat.text("tạm giam 2 tháng từ 01/03/2026 hết ngày nào")
    replies = await chat.send("gia hạn thêm 3 tháng tội rất nghiêm trọng thì đến ngày nào")
    assert [label for label, _ in buttons(replies)] == [
        "Điều tra",
        "Phục hồi điều tra",
        "Truy tố",
        "Xét xử sơ thẩm",
        "Xét xử phúc thẩm",
    ]
    assert "28/07/2026" not in joined(replies)
    prosecution = next(data for label, data in buttons(replies) if label == "Truy tố")
    text = joined(await chat.press(prosecution))
    assert "không gia hạn riêng" in text and "Điều 241" in text and "/05/2026" not in text
    again = joined(await chat.press(prosecution))  # used once: a second press is refused, nothing computed
    assert "đã cũ" in again and "/2026 " not in again.split("ví dụ")[0]


async def test_the_investigation_named_needs_no_question(world: World) -> None:
    chat = await world.staff_chat("g2")
    await chat.text("tạm giam 2 tháng từ 01/03/2026 hết ngày nào")
    text = await chat.text("gia hạn tạm giam để điều tra thêm 2 tháng tội nghiêm trọng thì đến ngày nào")
    assert "thuộc giai đoạn nào" not in text and "từ 30/04/2026 đến hết ngày Chủ nhật 28/06/2026" in text
    refused = await chat.text("gia hạn thêm 5 tháng thì đến ngày nào")  # refused whatever the stage: not asked
    assert "thuộc giai đoạn nào" not in refused and "/2026" not in refused


async def test_a_resumed_investigation_gets_its_own_limit(world: World) -> None:
    chat = await world.staff_chat("g3")
    await chat.text("tạm giam 2 tháng từ 01/03/2026 tội đặc biệt nghiêm trọng, hết ngày nào")
    replies = await chat.send("gia hạn thêm 4 tháng thì đến ngày nào")  # Đ173: 4; Đ174 k1: 3 for ĐBNT
    resumed = next(data for label, data in buttons(replies) if label == "Phục hồi điều tra")
    text = joined(await chat.press(resumed))
    assert "không quá 3 tháng" in text and "Điều 174 khoản 1" in text and "/2026" not in text


async def test_an_extension_lawful_in_every_extending_stage_is_not_asked(world: World) -> None:
    chat = await world.staff_chat("g4")
    await chat.text("tạm giam 2 tháng từ 01/03/2026 tội nghiêm trọng, hết ngày nào")
    text = await chat.text("gia hạn thêm 2 tháng thì đến ngày nào")  # NT: 2 months in Đ173 k2 and Đ174 k1
    assert "thuộc giai đoạn nào" not in text and "từ 30/04/2026 đến hết ngày Chủ nhật 28/06/2026" in text
