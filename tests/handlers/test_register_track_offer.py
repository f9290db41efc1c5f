"""«📋 Theo dõi trong sổ» is offered only under a card whose kind the register can take (review8 C4):
under điều tra bổ sung, a superior's protest or a hearing's own day it was offered and then answered that
it could not. Through the real dispatcher: no button where it cannot succeed; where shown, it works."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from handlers.register.trackable import trackable
from knowledge.deadlines.periods import load_periods
from tests.conftest import World
from tests.fakes import joined

TRACK = "📋 Theo dõi trong sổ"
CANNOT = "chưa theo dõi được trong sổ"
NOW = datetime(2026, 12, 7, 3, 0, tzinfo=UTC)  # 10:00 Monday 07/12/2026 in Hà Nội


@pytest.mark.parametrize(
    "question",
    [
        "thoi han dieu tra bo sung vks tra ho so 01/12/2026",
        "han khang nghi phuc tham cua vks cap tren ban an tuyen ngay 01/12/2026",
        "mo phien toa so tham, quyet dinh dua vu an ra xet xu ngay 01/12/2026 thi han mo phien toa",
    ],
)
async def test_no_track_button_under_a_kind_the_register_cannot_take(world: World, question: str) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = await world.staff_chat("KSV Hỏi")
    card = joined(await chat.send(question))
    assert "Căn cứ" in card, card  # a card was shown
    assert TRACK not in [b.text for b in chat.visible()], card
    assert "⏰ Nhắc tôi trước hạn" in [b.text for b in chat.visible()]  # its reminder is still offered


@pytest.mark.parametrize(
    "question",
    ["tam giu tu 10h 06/12/2026 het han khi nao", "dieu tra vu an toi nghiem trong khoi to ngay 01/12/2026 het han"],
)
async def test_where_the_button_is_shown_it_takes_the_card(world: World, question: str) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = await world.staff_chat("KSV Theo Dõi")
    await chat.send(question)
    asked = joined(await chat.tap(TRACK))
    assert CANNOT not in asked and "Không cần họ tên đầy đủ" in asked, asked


def test_the_kinds_not_offered_are_named() -> None:
    """The kinds review8 named are among those the register cannot take, and tracked kinds are not."""
    kinds = load_periods().kinds
    untracked = {k for k in kinds if not trackable(k)}
    assert {"dieu_tra_bo_sung_vks", "dieu_tra_bo_sung_toa_an", "khang_nghi_ban_an_cap_tren"} <= untracked
    assert not {"tam_giu", "tam_giam", "dieu_tra", "tam_giam_truy_to"} & untracked
