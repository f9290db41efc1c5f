"""Button labels built from names (people, units, facilities, reports) are cut at a word boundary with
«…» by one helper (``bot.chat.messages.clip``; ``fit`` cuts only the name inside a label), so a long
Vietnamese name never ends mid-word, and what follows the name (a role, «[đã khóa]», a report's
period) always shows whole. Before, ``[:30]`` and ``[:60]`` cut names mid-word and could cut off
the lock mark or the period."""

from __future__ import annotations

from pathlib import Path

import yaml

from bot.chat.messages import clip, fit
from knowledge.reports.config import REPORTS_FILE, ReportBook
from storage.users import Role
from tests.conftest import World
from tests.fakes import buttons

LONG_PERSON = "Tôn Nữ Thị Phương Thảo Hoàng Nguyễn Bảo Ngọc Châu"
LONG_FACILITY = "Nhà tạm giữ Công an thành phố Thủ Dầu Một tỉnh Bình Dương trước sáp nhập"
LONG_REPORT = "Báo cáo công tác kiểm sát việc tạm giữ, tạm giam và thi hành án hình sự hằng tháng"


def whole_words_of(label: str, name: str) -> bool:
    """``label`` shows ``name`` whole, or a prefix of it that ends on a word, followed by «…»."""
    if name in label:
        return True
    shown = label.split("…", 1)[0]
    for cut in range(len(name), 0, -1):
        if shown.endswith(name[:cut]):
            return name[cut : cut + 1] in (" ", "") and "…" in label
    return False


def test_clip_and_fit_keep_whole_words_and_the_fixed_parts() -> None:
    assert clip(LONG_PERSON, 30) == "Tôn Nữ Thị Phương Thảo Hoàng…"
    rest = " · KV1 · Lãnh đạo đơn vị [đã khóa]"
    label = fit("", LONG_PERSON, rest, 60)
    assert label.endswith(rest) and len(label) <= 60 and whole_words_of(label, LONG_PERSON), label
    assert fit("KSV ", "Lê Văn An", "", 34) == "KSV Lê Văn An"
    assert len(fit("Đã gửi: ", LONG_REPORT, ", tháng 02/2026", 60)) <= 60
    # No room left for the name: the whole label is clipped, still within the limit.
    assert len(fit("x" * 55, LONG_PERSON, "", 60)) <= 60


async def test_user_list_labels_keep_the_lock_mark_and_whole_words(world: World) -> None:
    unit = await world.app.repos.units.by_code("A")
    assert unit is not None
    person = await world.app.repos.users.create("test", "long-1", LONG_PERSON, unit.id, Role.HEAD)
    await world.app.repos.users.set_active(world.admin_a, person.id, False)
    listing = await world.chat(world.admin_a).send("/nguoidung")
    [label] = [label for label, _ in buttons(listing) if label.startswith("Tôn Nữ")]
    assert label.endswith("· A · Lãnh đạo đơn vị [đã khóa]") and len(label) <= 60, label
    assert whole_words_of(label, LONG_PERSON), label


async def test_link_list_labels_end_on_whole_words(world: World) -> None:
    unit = await world.app.repos.units.by_code("A")
    assert unit is not None
    await world.app.repos.users.create("test", "long-2", LONG_PERSON, unit.id, Role.STAFF)
    listing = await world.chat(world.admin_a).send("/lienket")
    [label] = [label for label, _ in buttons(listing) if label.startswith("Tôn Nữ")]
    assert label.endswith(f"· test · {Role.STAFF.label}") and len(label) <= 60, label
    assert whole_words_of(label, LONG_PERSON), label


async def test_facility_labels_end_on_whole_words(world: World) -> None:
    chat = world.chat(world.admin_a)
    await chat.send("/coso")
    await chat.tap("Thêm cơ sở")
    await chat.send(LONG_FACILITY)
    await chat.tap("Nhà tạm giữ")
    await chat.tap("Bỏ qua")
    await chat.tap("Hằng ngày (mặc định)")
    listing = await chat.send("/coso")
    [label] = [label for label, _ in buttons(listing) if label.startswith("Nhà tạm giữ")]
    assert len(label) <= 60 and whole_words_of(label, LONG_FACILITY), label


async def test_report_mark_labels_keep_the_period_and_whole_words(world: World, tmp_path: Path) -> None:
    data = yaml.safe_load(REPORTS_FILE.read_text(encoding="utf-8"))
    data["reports"]["cong_tac_thang"]["name"] = LONG_REPORT
    path = tmp_path / "reports.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    world.app.services.reports = ReportBook(path)
    listing = await world.chat(world.head_a).send("/baocao")
    marks = [label for label, _ in buttons(listing) if label.startswith("Đã gửi: Báo cáo công tác kiểm sát")]
    assert marks, buttons(listing)
    for label in marks:
        assert label.endswith(", tháng 02/2026") or label.endswith(", tháng 01/2026"), label
        name = label.removeprefix("Đã gửi: ").rsplit(", tháng", 1)[0]
        assert len(label) <= 60 and whole_words_of(name, LONG_REPORT), label
