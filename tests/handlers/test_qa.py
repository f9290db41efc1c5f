"""Questions through the real dispatcher: answers with sources, suggestions, "don't know"
recorded for administrators, category menus, and a reload that refuses bad data."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.chat import texts
from knowledge.kb.library import Library
from storage.users import Role
from tests import REPO_ROOT
from tests.conftest import World
from tests.fakes import FakeChat, buttons, joined

DATA = REPO_ROOT / "knowledge" / "data"


async def test_free_text_question_gets_answer_with_source_and_related_buttons(world: World) -> None:
    chat = world.chat(world.staff_a)
    replies = await chat.send("thoi han tam giu la bao lau")
    text = joined(replies)
    assert "3 ngày" in text and "Căn cứ:" in text and "Điều 118" in text and "Rà soát lần cuối" in text
    related = buttons(replies)
    assert related and all(data.startswith("kb:") for _, data in related)
    follow = joined(await chat.press(related[0][1]))
    assert "Căn cứ:" in follow


async def test_hoi_command_and_its_usage(world: World) -> None:
    chat = world.chat(world.staff_a)
    assert "Cú pháp: /hoi" in await chat.text("/hoi")
    assert "9 ngày" in await chat.text("/hoi gia han tam giu toi da bao nhieu ngay")


async def test_secondary_source_answer_carries_a_warning(world: World) -> None:
    library = world.app.services.library
    assert library is not None
    entry = next(e for e in library.kb.entries if e.verified == "secondary")
    text = joined(await world.chat(world.staff_a).press(f"kb:{entry.id}"))
    assert "Chưa kiểm chứng" in text


async def test_out_of_scope_is_recorded_without_the_askers_name(world: World) -> None:
    staff = world.chat(world.staff_a)
    for _ in range(2):
        replies = await staff.send("giá vàng hôm nay bao nhiêu")
        assert "chưa có thông tin" in joined(replies)
        assert any(data.startswith("kbc:") for _, data in buttons(replies))
    await world.chat(world.staff_b).send("giá vàng hôm nay bao nhiêu")
    admin_a = await world.chat(world.admin_a).text("/chuatraloi")
    assert "giá vàng hôm nay bao nhiêu — 2 lần" in admin_a
    assert "Cán bộ A" not in admin_a
    province = await world.chat(world.province_admin).text("/chuatraloi")
    assert "— 3 lần" in province
    assert await world.chat(world.staff_a).text("/chuatraloi") == texts.NO_PERMISSION


async def test_most_asked_entries_this_month(world: World) -> None:
    staff = world.chat(world.staff_a)
    await staff.send("thoi han tam giu")
    await staff.send("thời hạn tạm giữ là bao lâu")
    stats = await world.chat(world.head_a).text("/thongke_hoi")
    assert "Thời hạn tạm giữ — 2 lần" in stats


async def test_category_menus_page_and_open_entries(world: World) -> None:
    chat = world.chat(world.staff_a)
    first = await chat.send("/thoihan")
    assert "trang 1/" in joined(first)
    options = buttons(first)
    assert options[-1][1] == "kbc:thoi_han:2"
    second = await chat.press("kbc:thoi_han:2")
    assert "trang 2/" in joined(second)
    assert all(len(data.encode()) <= 64 for _, data in buttons(second))
    assert "Phương châm" in joined(await chat.send("/phuongcham"))
    assert "không hợp lệ" in joined(await chat.press("kbc:nope:1"))
    assert "không còn" in joined(await chat.press("kb:no_such_entry"))


async def test_reload_refuses_bad_data_and_keeps_the_old_base(world: World, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    library = Library(data)
    world.app.services.library = library
    before = len(library.kb)
    admin = world.chat(world.admin_a)
    broken = data / "kb_thoi_han.yaml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("source:", "nguon:", 1), encoding="utf-8")
    text = await admin.text("/kb_reload")
    assert "Không nạp lại được" in text and "kb_thoi_han.yaml" in text
    assert len(library.kb) == before
    assert "3 ngày" in await world.chat(world.staff_a).text("thời hạn tạm giữ")
    shutil.copy(DATA / "kb_thoi_han.yaml", broken)
    assert "Đã nạp lại" in await admin.text("/kb_reload")
    assert await world.chat(world.staff_a).text("/kb_reload") == texts.NO_PERMISSION


async def test_hostile_questions_get_sensible_replies(world: World) -> None:
    chat = world.chat(world.staff_a)
    for question in [
        "'; DROP TABLE users; --",
        "**bold** <b>x</b> [link](http://x)",
        "🙂🙂🙂",
        "?!...",
        "What is the custody time limit?",
        "tạm giữ " * 400,
    ]:
        text = await chat.text(question)
        assert text and "mã lỗi" not in text, question
    assert await world.app.db.integrity_ok()
    assert await world.app.repos.users.get(world.staff_a.id) is not None


async def test_console_user_presses_numbered_related_entry(world: World) -> None:
    await world.app.repos.users.create("console", "local", "Q", world.staff_a.unit_id, Role.STAFF)
    chat = FakeChat(world.app.dispatcher, "local", platform="console")
    first = await chat.send("thoi han tam giu")
    assert buttons(first)
    assert "Căn cứ:" in await chat.text("1")


@pytest.mark.parametrize("platform", ["console", "zalo", "telegram"])
async def test_a_stray_number_with_no_list_open_is_no_question(world: World, platform: str) -> None:
    await world.app.repos.users.create(platform, "n1", "Q", world.staff_a.unit_id, Role.STAFF)
    chat = FakeChat(world.app.dispatcher, "n1", platform=platform)
    text = await chat.text("1")
    # Before: «chưa có thông tin về nội dung này», and "1" was listed for the admins in /chuatraloi.
    assert "không có danh sách nào để chọn số 1" in text, text
    assert "— 1 lần" not in await world.chat(world.admin_a).text("/chuatraloi")
