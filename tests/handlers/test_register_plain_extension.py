"""Review B2: a tracked plain detention order is extended under Đ173, which holds only for detention
to investigate; the extension prompt says so and points to a stage change for the later stages."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.conftest import World
from tests.fakes import buttons, joined

NOW = datetime(2026, 12, 6, 4, 0, tzinfo=UTC)  # 11:00 Sunday 06/12/2026 in Hà Nội


def _press(replies_buttons: list[tuple[str, str]], label_part: str) -> str:
    return next(data for label, data in replies_buttons if label_part in label)


async def test_extending_a_plain_order_says_article_173_is_for_the_investigation(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    first = await chat.send("/theodoi_moi")
    cats = await chat.press(_press(buttons(first), "Tạm giam (theo lệnh)"))
    anqg = await chat.press(_press(buttons(cats), "Nghiêm trọng"))
    await chat.press(_press(buttons(anqg), "Không"))
    for answer in ("04/12/2026", "2 tháng", "0", "05/2026 LVB"):
        await chat.send(answer)
    summary = await chat.send("05/2026")
    saved = await chat.press(_press(buttons(summary), "Lưu"))
    assert "Đã lưu" in joined(saved)
    asked = joined(await chat.press(_press(buttons(saved), "Gia hạn")))
    assert "Gia hạn lần 1: tối đa 2 tháng (Điều 173 khoản 2 BLTTHS 2015)" in asked
    assert "Gia hạn theo Điều 173 chỉ áp dụng cho tạm giam để điều tra" in asked
    assert "«Giai đoạn mới»" in asked


async def test_a_stage_detention_extension_has_no_article_173_caveat(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    card = await chat.send("tạm giữ từ 10h 06/12/2026 hết hạn khi nào")
    await chat.press(_press(buttons(card), "Theo dõi"))
    await chat.send("12/2026 NVB")
    saved = await chat.press(_press(buttons(await chat.send("bỏ qua")), "Lưu"))
    asked = joined(await chat.press(_press(buttons(saved), "Gia hạn")))
    assert "Gia hạn lần 1: tối đa 3 ngày" in asked and "Điều 173" not in asked
