"""Small texts a new user met: a filtered register view that is empty while items are tracked,
list buttons without a second number, menu labels cut at a word, impossible days named as such,
and /theodoi_nhap where the platform cannot send files."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.chat.menus import render_numbered
from bot.chat.messages import clip
from handlers.deadlines import kinds
from storage.register_model import NewItem
from storage.users import Role
from tests.conftest import World
from tests.fakes import FakeChat, buttons, joined

NOW = datetime(2026, 12, 6, 4, 0, tzinfo=UTC)  # 11:00 Sunday 06/12/2026 in Hà Nội


def _press(replies_buttons: list[tuple[str, str]], label_part: str) -> str:
    return next(data for label, data in replies_buttons if label_part in label)


async def _track_far(world: World) -> None:
    from handlers.register import service

    data = {"kind": "tam_giam", "months": 2, "category": "nghiem_trong", "start": "2026-12-01"}
    new = NewItem(world.staff_a.unit_id, "TGB 01", world.staff_a.id, data)
    await service.create(world.app.repos, world.staff_a, [new], NOW, world.app.services.settings.timezone)


async def test_soon_view_empty_while_items_are_tracked_says_so(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    await _track_far(world)
    head = world.chat(world.head_a)
    soon = await head.text("/theodoi sắp")
    assert "không có mục nào hết hạn trong 72 giờ tới" in soon and "1 mục đang theo dõi" in soon
    assert "không có mục nào đang theo dõi" not in soon
    overdue = await head.press(_press(buttons(head.history[-1][1]), "Quá hạn"))
    assert "không có mục nào quá hạn" in joined(overdue)
    # Nothing tracked at all: that is what it says.
    other = world.chat(world.admin_b)
    assert "không có mục nào đang theo dõi" in await other.text("/theodoi sắp")


async def test_list_buttons_carry_the_label_once_numbered(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    await _track_far(world)
    listing = await world.chat(world.staff_a).send("/theodoi")
    assert "TGB 01" in [label for label, _ in buttons(listing)], buttons(listing)
    shown = "\n".join(render_numbered(listing))
    assert "1. TGB 01" in shown and "1. 1. TGB 01" not in shown


def test_labels_are_cut_at_a_word_boundary() -> None:
    long = "Giải quyết tiếp nguồn tin sau khi VKS hủy quyết định tạm đình chỉ"
    assert clip(long, 60) == "Giải quyết tiếp nguồn tin sau khi VKS hủy quyết định tạm…"
    assert clip("TGB 01", 40) == "TGB 01"
    assert len(clip("x" * 70, 60)) == 60


async def test_calculator_menu_labels_end_on_whole_words(world: World) -> None:
    chat = world.chat(world.staff_a)
    replies = await chat.send("/tinhhan")
    seen: list[str] = []
    for _ in range(10):
        seen += [label for label, _ in buttons(replies)]
        following = [data for label, data in buttons(replies) if label == "Sau »"]
        if not following:
            break
        replies = await chat.press(following[0])
    full = [k.label for k in kinds().values()]
    cut = [label for label in seen if label.endswith("…")]
    assert "Giải quyết tiếp nguồn tin sau khi VKS hủy quyết định tạm…" in cut, seen
    for label in cut:  # the shown words are whole words of a full label (a space or a comma follows)
        kept = label[:-1]
        assert any(f.startswith(kept) and not f[len(kept)].isalnum() for f in full), label


async def test_an_impossible_decision_day_at_an_extension_is_named(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    card = await chat.send("tạm giữ từ 10h 06/12/2026 hết hạn khi nào")
    await chat.press(_press(buttons(card), "Theo dõi"))
    await chat.send("12/2026 NVA")
    summary = await chat.send("bỏ qua")
    saved = await chat.press(_press(buttons(summary), "Lưu"))
    await chat.press(_press(buttons(saved), "Gia hạn"))
    answer = await chat.text("3 ngay ngay 31/02/2026")
    assert "31/02/2026 không tồn tại" in answer and "Không có gì được lưu" in answer
    (item,) = await world.app.repos.register.in_scope(world.staff_a)
    assert [e.type for e in item.events] == ["start"]


async def test_unit_tracking_day_that_does_not_exist_is_named(world: World) -> None:
    before = await world.app.repos.units.by_code("A")
    admin = world.chat(world.admin_a)
    answer = await admin.text("/donvi theodoi A 31/02/2026")
    assert "Ngày 31/02/2026 không tồn tại: tháng 2/2026 chỉ có 28 ngày" in answer
    assert "phải ghi dạng" not in answer
    assert "phải ghi dạng dd/mm/yyyy" in await admin.text("/donvi theodoi A mai")
    assert await world.app.repos.units.by_code("A") == before  # nothing changed


async def test_import_from_chat_where_files_cannot_be_sent_points_to_the_cli(world: World) -> None:
    unit = await world.app.repos.units.by_code("A")
    assert unit is not None
    for platform in ("zalo", "console"):
        user = await world.app.repos.users.create(platform, f"{platform}-head", "Lãnh đạo", unit.id, Role.HEAD)
        chat = FakeChat(world.app.dispatcher, user.platform_user_id, platform=platform)
        answer = joined(await chat.send("/theodoi_nhap"))
        assert "không gửi được tệp" in answer and "python -m bot track import" in answer and "--unit A" in answer
        assert "Anh/chị gửi tệp .xlsx" not in answer
