"""An extension at the law's longest («Tối đa») asks its decision's day like the stage's decision
does (recorded in ``decided_on``, checked against the period it extends and today; «Bỏ qua» keeps
it optional as for a typed length), and «hủy», «huy», «thôi» typed at any register event step
end the event politely and record nothing — on Telegram (where a typed button label may press
«Hủy»), on the console and on Zalo (numbered platforms, whose typed-number steps show no buttons)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from handlers.register import service
from storage.register_model import NewItem
from storage.users import Role, User
from tests.conftest import World
from tests.fakes import FakeChat, joined

NOW = datetime(2026, 12, 6, 4, 0, tzinfo=UTC)  # 11:00 Sunday 06/12/2026 in Hà Nội
DETAINED = {"kind": "tam_giam_dieu_tra", "category": "rat_nghiem_trong", "start": "2026-10-01"}


async def _person(world: World, platform: str, key: str, role: Role = Role.STAFF) -> tuple[User, FakeChat]:
    user = await world.app.repos.users.create(platform, key, f"Người {key}", world.staff_a.unit_id, role)
    return user, FakeChat(world.app.dispatcher, key, platform=platform)


async def _item(world: World, user: User, label: str, start: dict[str, Any]) -> int:
    tz = world.app.services.settings.timezone
    [item_id] = await service.create(world.app.repos, user, [NewItem(user.unit_id, label, user.id, start)], NOW, tz)
    return item_id


async def _open(chat: FakeChat, label: str) -> None:
    await chat.send("/theodoi")
    await chat.tap(chat.label(label))


async def _events(world: World, user: User, item_id: int) -> list[tuple[str, dict[str, object]]]:
    item = await world.app.repos.register.get(user, item_id)
    assert item is not None
    return [(e.type, dict(e.data)) for e in item.live_events]


async def test_the_longest_extension_asks_and_records_its_decision_day(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    user, chat = await _person(world, "test", "d1")
    item_id = await _item(world, user, "D1", DETAINED)  # RNT: 4 months → 29/01/2027 (Đ173 k1)
    await _open(chat, "D1")
    await chat.tap("Gia hạn")
    asked = joined(await chat.tap(chat.label("Tối đa")))
    assert "Ngày ra quyết định gia hạn" in asked and await _events(world, user, item_id) == [("start", DETAINED)]
    assert "ở tương lai" in await chat.text("07/12/2026")
    refused = await chat.text("30/09/2026")  # before the detention began: refused with the reason
    assert "trước ngày bắt đầu (01/10/2026)" in refused and "Không có gì được lưu" in refused
    assert len(await _events(world, user, item_id)) == 1
    recorded = await chat.text("05/12/2026")
    assert "Đã ghi sự kiện" in recorded and "(quyết định ngày 05/12/2026)" in recorded, recorded
    assert (await _events(world, user, item_id))[-1] == ("extend", {"decided_on": "2026-12-05"})


async def test_today_and_no_day_are_buttons_and_the_step_comes_back_after_another_form(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    user, chat = await _person(world, "test", "d2")
    first = await _item(world, user, "D2", DETAINED)
    second = await _item(world, user, "D3", DETAINED)
    await _open(chat, "D2")
    await chat.tap("Gia hạn")
    await chat.tap(chat.label("Tối đa"))
    kept = joined(await chat.send("/tinhhan"))
    assert "(đến bước «gia hạn «D2»: ngày quyết định gia hạn»)" in kept, kept
    await chat.send("/huy")
    assert "Ngày ra quyết định gia hạn" in await chat.text("làm tiếp")
    await chat.tap("Hôm nay")
    assert (await _events(world, user, first))[-1] == ("extend", {"decided_on": "2026-12-06"})
    await _open(chat, "D3")
    await chat.tap("Gia hạn")
    await chat.tap(chat.label("Tối đa"))
    await chat.tap("Bỏ qua (không ghi ngày)")
    assert (await _events(world, user, second))[-1] == ("extend", {})


@pytest.mark.parametrize("platform", ["telegram", "console", "zalo"])
@pytest.mark.parametrize("word", ["hủy", "huy", "Thôi"])
async def test_a_stop_word_typed_at_an_event_step_ends_it_and_records_nothing(
    world: World, platform: str, word: str
) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    user, chat = await _person(world, platform, f"{platform}-s")
    item_id = await _item(world, user, "S1", DETAINED)
    stored = await _events(world, user, item_id)
    steps = [
        ("Gia hạn", None),  # tde_len
        ("Gia hạn", "Tối đa"),  # tde_day
        ("Giai đoạn mới", "Tạm giam trong giai đoạn truy tố"),  # tde_start
    ]
    for action, then in steps:
        await _open(chat, "S1")
        await chat.tap(action)
        if then == "Tối đa":  # typed: the button is not shown where the step takes numbers
            assert "Ngày ra quyết định gia hạn" in await chat.text("tối đa")
        elif then is not None:
            await chat.tap(then)
        state = (await world.app.repos.conversations.load(platform, chat.user_id, chat.user_id)).state
        assert state is not None and state.startswith("tde_")
        ended = await chat.text(word)
        assert ended.startswith("Đã hủy"), (action, ended)
        assert (await world.app.repos.conversations.load(platform, chat.user_id, chat.user_id)).state is None
        assert await _events(world, user, item_id) == stored


@pytest.mark.parametrize("platform", ["telegram", "console", "zalo"])
async def test_stop_words_end_a_stage_decisions_length_and_day(world: World, platform: str) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    head, chat = await _person(world, platform, f"{platform}-h", Role.HEAD)
    staged = {"kind": "tam_giam_truy_to", "category": "nghiem_trong", "start": "2026-12-01"}
    item_id = await _item(world, head, "H1", {**staged, "stage_start": "2026-11-25"})
    extended = [("start", {**staged, "stage_start": "2026-11-25"})]
    for action, word in (("Gia hạn giai đoạn", "thôi"), ("Gia hạn giai đoạn", "hủy")):
        await _open(chat, "H1")
        assert "Quyết định gia hạn thời hạn" in joined(await chat.tap(action))
        assert (await chat.text(word)).startswith("Đã hủy")
        assert await _events(world, head, item_id) == extended
    await _open(chat, "H1")
    await chat.tap("Gia hạn giai đoạn")
    await chat.send("5 ngày")
    assert (await chat.text("Thôi")).startswith("Đã hủy")  # at the decision's day
    assert await _events(world, head, item_id) == extended
