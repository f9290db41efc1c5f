"""Dates far in the past or the future are refused with the date and what to check, nothing stored
(review8 B15): a register start typed in chat (asked again), a row of an imported sheet, a start
from a card, and the day a unit's reports are tracked from (/donvi theodoi)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from handlers.date_window import too_far_ahead, too_old
from tests.conftest import World
from tests.fakes import joined
from tests.handlers.test_register_import_chat import HEADER, _count, _send_file, sheet_bytes

NOW = datetime(2026, 12, 7, 4, 0, tzinfo=UTC)  # 11:00 Monday 07/12/2026 in Hà Nội
TODAY = date(2026, 12, 7)


def test_the_window() -> None:
    assert too_old(date(2021, 12, 7), TODAY) is None and too_old(date(2021, 12, 6), TODAY) is not None
    assert too_old(date(1990, 1, 1), TODAY) is not None and "01/01/1990" in (too_old(date(1990, 1, 1), TODAY) or "")
    assert too_far_ahead(date(2027, 12, 7), TODAY) is None and too_far_ahead(date(2027, 12, 8), TODAY) is not None
    assert too_old(date(2020, 3, 1), date(2024, 2, 29)) is None  # 29/02 five years back is 28/02


@pytest.mark.parametrize("typed", ["01/01/1990 8h", "8h 01/12/1996", "10h 05/12/2016"])
async def test_a_far_past_start_is_asked_again(world: World, typed: str) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    await chat.send("/theodoi_moi")
    await chat.tap("Tạm giữ")
    await chat.tap("Không")
    refused = joined(await chat.send(typed))
    assert "cách hôm nay hơn 5 năm" in refused and "Mốc bắt đầu" in refused, refused
    assert "Nhãn ngắn" in joined(await chat.send("10h 05/12/2026"))  # the step goes on with a good date


async def test_an_imported_row_from_1990_is_refused(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.head_a)
    await chat.send("/theodoi_nhap")
    row = [1, "NVA", "12/2026", "Tạm giam", "nghiêm trọng", "01/01/1990", "02 tháng", None, None, "", None]
    assert len(row) == len(HEADER)
    refused = await _send_file(chat, "bang.xlsx", sheet_bytes([row]))
    assert "01/01/1990" in refused and "hơn 5 năm" in refused, refused
    assert await _count(world) == 0


async def test_a_card_with_a_far_past_start_is_not_tracked(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    card = await chat.send("tạm giữ từ 10h 01/01/1990 hết hạn khi nào")
    track = [b.text for r in card for b in r.flat_buttons if "Theo dõi" in b.text]
    assert track, card
    answer = joined(await chat.tap(track[0]))
    assert "hơn 5 năm" in answer, answer
    assert await _count(world) == 0


@pytest.mark.parametrize(("typed", "shown"), [("01/01/2090", "01/01/2090"), ("01/01/1990", "01/01/1990")])
async def test_donvi_theodoi_refuses_a_far_year(world: World, typed: str, shown: str) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    before = await world.app.repos.units.by_code("A")
    answer = await world.chat(world.province_admin).text(f"/donvi theodoi A {typed}")
    assert shown in answer and "nhầm năm" in answer and "Đã đặt" not in answer, answer
    after = await world.app.repos.units.by_code("A")
    assert before == after
    assert "Đã đặt" in await world.chat(world.province_admin).text("/donvi theodoi A 01/01/2027")


async def test_tinhhan_asks_to_confirm_a_far_year_then_calculates(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    await chat.send("/tinhhan")
    await chat.tap("Tạm giữ")
    asked = joined(await chat.send("01/01/1990 8h"))
    assert "01/01/1990 trước ngày BLTTHS 2015 có hiệu lực (01/01/2018)" in asked, asked
    assert "gõ lại đúng ngày ấy" in asked, asked
    assert "04/01/1990" not in asked  # nothing calculated yet
    other = joined(await chat.send("8h 01/01/2030"))  # another far day: asked about that one
    assert "01/01/2030 cách hôm nay hơn 1 năm" in other, other
    card = joined(await chat.send("8h 01/01/2030"))  # the same day again: taken
    assert "04/01/2030" in card, card


@pytest.mark.parametrize(("typed", "end"), [("8h 05/12/2026", "08/12/2026"), ("10h 01/03/2018", "04/03/2018")])
async def test_tinhhan_a_day_under_the_code_is_not_questioned(world: World, typed: str, end: str) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    await chat.send("/tinhhan")
    await chat.tap("Tạm giữ")
    card = joined(await chat.send(typed))  # (TTLT 04/2018 Đ17's own example: 10:00 01/03 → 10:00 04/03/2018)
    assert end in card and "nhầm năm" not in card, card
