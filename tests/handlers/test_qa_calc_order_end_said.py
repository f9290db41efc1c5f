"""A tạm giam order known by its last day is never counted from that day: with an extension stated (no "thì
đến ngày nào" needed) the extension runs from the day after it; with nothing else, the reply says the date
is the order's end and what to ask. Through the real dispatcher; the fake clock: Monday 02/03/2026 08:00."""

from __future__ import annotations

from tests.conftest import World


async def test_an_extension_stated_after_the_orders_end_is_counted_from_the_day_after(world: World) -> None:
    chat = await world.staff_chat("oe1")
    said = await chat.text("lệnh tgiam 3 tháng hết ngày 10/06/2026, tội NT, VKS gia hạn thêm 2 tháng")
    # From 11/06/2026, 60 days: 09/08/2026 (never 10/06 as the order's first day).
    assert "từ 11/06/2026 đến hết ngày Chủ nhật 09/08/2026" in said and "Bắt đầu: " not in said


async def test_an_orders_end_alone_is_not_its_start(world: World) -> None:
    chat = await world.staff_chat("oe2")
    said = await chat.text("lệnh tạm giam 2 tháng hết ngày 10/06/2026 thì sao")
    assert "không phải ngày bắt đầu" in said
    assert "Bắt đầu: " not in said and "/08/2026" not in said
    span = await chat.text("tạm giam từ 12/04/2026 đến hết 10/06/2026 được bao nhiêu ngày")
    assert "60 ngày" in span  # both ends said: the span, as before
