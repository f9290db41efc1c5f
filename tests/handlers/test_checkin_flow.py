"""/kiemsat through the real dispatcher on a real SQLite file: the happy path, every
"Sửa" jump, skip/back/cancel, restart, double submit, bad input, old drafts, alerts.

Transcripts tap the buttons shown (``FakeChat.tap``); ``press`` is kept for what a person cannot
tap on the current screen: forged data, a button left on an older message, a redelivery."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from bot.app import build_app
from bot.chat.messages import Incoming, Photo
from bot.config import Settings
from handlers.checkin.draft import FIELD_LABELS
from handlers.checkin.inputs import BUTTONS_ONLY, MID_FORM
from storage.conversations import Conversation
from storage.facilities import FacilityInput
from storage.users import Role
from tests.conftest import World
from tests.fakes import FakeChat, FakeClock, buttons, joined
from tests.handlers.test_checkin_support import add_sites, fill_to_summary, send_button


async def _conv(world: World, user_id: str, platform: str = "test") -> tuple[str | None, dict]:
    conv = await world.app.repos.conversations.load(platform, user_id, user_id)
    return conv.state, conv.data


async def test_happy_path_with_every_field(world: World) -> None:
    sites = await add_sites(world)
    chat = world.chat(world.staff_a)
    listing = buttons(await chat.send("/kiemsat"))
    assert (sites.a1.name, f"ks:f:{sites.a1.id}") in listing  # the packed form buttons have always had
    assert all(sites.b1.name != label for label, _ in listing)
    assert "Hình thức" in joined(await chat.tap(sites.a1.name))
    assert "tạm giữ" in joined(await chat.tap("Đột xuất"))
    for value in ("12", "30", "2", "1", "0"):
        await chat.send(value)
    await chat.tap("Có, liệt kê vi phạm")
    await chat.send("Buồng số 3 ẩm thấp")
    listed = joined(await chat.send("Thiếu sổ theo dõi"))
    assert "Đã ghi 2 vi phạm" in listed and "2. Thiếu sổ theo dõi" in listed
    await chat.tap("Xong")
    location_prompt = await chat.send("Kiến nghị khắc phục buồng giam số 3")
    assert location_prompt[-1].request_location
    await chat.send_location(21.0285, 105.8542)
    await chat.send_incoming(photos=(Photo("ph-1", 200_000, "https://x/1"), Photo("ph-2", 300_000)))
    await chat.send_photo("ph-3", 1000)
    await chat.tap("Xong")
    card = joined(await chat.send("Đã làm việc với Trưởng nhà tạm giữ"))
    for expected in ("Đột xuất", "12", "30", "Buồng số 3 ẩm thấp", "Kiến nghị khắc phục", "21.02850", "Ảnh: 3"):
        assert expected in card
    assert "⚠️" not in card
    done = joined(await chat.tap("Gửi"))
    assert "Đã gửi phiếu kiểm sát số" in done
    assert await _conv(world, "staff-a") == (None, {})
    [saved] = await world.app.repos.checkins.recent(world.staff_a)
    c = saved.content
    assert (c.kind, c.held_tam_giu, c.held_tam_giam, c.admitted, c.released, c.overdue) == ("dot_xuat", 12, 30, 2, 1, 0)
    assert c.violations == ("Buồng số 3 ẩm thấp", "Thiếu sổ theo dõi")
    assert c.requests == "Kiến nghị khắc phục buồng giam số 3" and c.notes == "Đã làm việc với Trưởng nhà tạm giữ"
    assert (c.latitude, c.longitude, c.location_flag) == (21.0285, 105.8542, False)
    assert c.photos == (("ph-1", 200_000, "https://x/1"), ("ph-2", 300_000, None), ("ph-3", 1000, None))
    assert c.facility_id == sites.a1.id
    assert saved.author_id == world.staff_a.id and saved.unit_id == sites.a1.unit_id


EDITS = [
    ("facility", lambda s: [("tap", s.a2.name)], "Trại tạm giam A"),
    ("kind", lambda s: [("tap", "Phúc tra")], "Phúc tra"),
    ("held_tam_giu", lambda s: [("send", "7")], "Số người đang bị tạm giữ: 7"),
    ("held_tam_giam", lambda s: [("send", "8")], "Số người đang bị tạm giam: 8"),
    ("admitted", lambda s: [("send", "4")], "nhận mới từ lần kiểm sát trước: 4"),
    ("released", lambda s: [("send", "5")], "ra khỏi cơ sở từ lần kiểm sát trước: 5"),
    ("overdue", lambda s: [("send", "1")], "⚠️ CÓ 1 NGƯỜI"),
    (
        "violations",
        lambda s: [("tap", "Có, liệt kê vi phạm"), ("send", "Thiếu nước"), ("tap", "Xong")],
        "1. Thiếu nước",
    ),
    ("requests", lambda s: [("send", "Yêu cầu tự kiểm tra")], "Kiến nghị, yêu cầu: Yêu cầu tự kiểm tra"),
    ("location", lambda s: [("location", (10.77, 106.70))], "10.77000, 106.70000"),
    ("photos", lambda s: [("photo", "p9"), ("tap", "Xong")], "Ảnh: 1"),
    ("notes", lambda s: [("send", "Ghi chú mới")], "Ghi chú: Ghi chú mới"),
]


@pytest.mark.parametrize(("field", "steps", "expected"), EDITS, ids=[e[0] for e in EDITS])
async def test_every_edit_jump_returns_to_the_summary(world: World, field: str, steps, expected: str) -> None:
    sites = await add_sites(world)
    chat = world.chat(world.staff_a)
    await fill_to_summary(chat, sites.a1)
    await chat.tap(f"Sửa {FIELD_LABELS[field]}")
    assert (await _conv(world, "staff-a"))[0] == f"ks.{field}"
    replies = []
    for kind, value in steps(sites):
        if kind == "tap":
            replies = await chat.tap(value)
        elif kind == "send":
            replies = await chat.send(value)
        elif kind == "location":
            replies = await chat.send_location(*value)
        else:
            replies = await chat.send_photo(value)
    assert "kiểm tra lại trước khi gửi" in joined(replies), field
    assert expected in joined(replies), field
    state, draft = await _conv(world, "staff-a")
    assert state == "ks.summary" and "editing" not in draft


async def test_back_from_an_edit_returns_to_the_summary_unchanged(world: World) -> None:
    sites = await add_sites(world)
    chat = world.chat(world.staff_a)
    await fill_to_summary(chat, sites.a1)
    await chat.tap("Sửa tạm giữ")
    card = joined(await chat.tap("Quay lại"))
    assert "Số người đang bị tạm giữ: 3" in card and "kiểm tra lại" in card


async def test_skip_back_and_cancel(world: World) -> None:
    sites = await add_sites(world)
    chat = world.chat(world.staff_a)
    await chat.send("/kiemsat")
    assert "Quay lại" not in [b.text for b in chat.visible()]  # the first step has no way back
    assert "bước đầu tiên" in joined(await chat.send("quay lại"))
    await chat.tap(sites.a1.name)
    assert "Chọn cơ sở" in joined(await chat.tap("Quay lại"))
    await chat.tap(sites.a1.name)
    await chat.tap("Hằng ngày")
    await chat.send("3")
    # Back from the second count shows the first again; the typed words work like the buttons.
    assert "tạm giữ?" in joined(await chat.send("Quay lai"))
    assert "bắt buộc" in joined(await chat.send("bo qua"))
    assert "Bỏ qua" not in [b.text for b in chat.visible()]
    assert "bắt buộc" in joined(await chat.press("ks:skip"))  # a Bỏ qua left on an older message
    for value in ("3", "2", "1", "0", "0"):
        await chat.send(value)
    await chat.tap("Không có vi phạm")
    await chat.tap("Bỏ qua")
    await chat.tap("Quay lại")  # from the location step
    state, _ = await _conv(world, "staff-a")
    assert state == "ks.requests"
    assert "Đã hủy phiếu nháp" in joined(await chat.send("Hủy"))
    assert await _conv(world, "staff-a") == (None, {})
    assert await world.app.repos.checkins.count() == 0
    await chat.send("/kiemsat")
    assert "Đã hủy" in joined(await chat.tap("Hủy"))
    assert await _conv(world, "staff-a") == (None, {})


async def test_restart_in_the_middle_continues_the_draft(settings: Settings, clock: FakeClock) -> None:
    first = await build_app(settings, clock=clock)
    unit = await first.repos.units.add("P", "VKSND tỉnh P", "tinh")
    staff = await first.repos.users.create("test", "u1", "Cán bộ", unit.id, Role.STAFF)
    admin = await first.repos.users.create("test", "ad", "Quản trị", unit.id, Role.ADMIN)
    site = await first.repos.facilities.add(admin, FacilityInput("Nhà tạm giữ P", "nha_tam_giu"))
    chat = FakeChat(first.dispatcher, "u1")
    await chat.send("/kiemsat")
    await chat.tap(site.name)
    await chat.tap("Hằng ngày")
    await chat.send("4")
    await first.close()

    clock.advance(days=1)
    second = await build_app(settings, clock=clock)
    try:
        chat = FakeChat(second.dispatcher, "u1")
        offer = await chat.send("/kiemsat")
        assert "phiếu nháp (Nhà tạm giữ P)" in joined(offer)
        assert ("Tiếp tục phiếu nháp", "ks:resume") in buttons(offer)
        assert "tạm giam?" in joined(await chat.tap("Tiếp tục phiếu nháp"))
        for value in ("5", "1", "0", "0"):
            await chat.send(value)
        await chat.tap("Không có vi phạm")
        for _ in range(4):
            await chat.tap("Bỏ qua")
        await chat.tap("Gửi")
        [saved] = await second.repos.checkins.recent(staff)
        assert (saved.content.held_tam_giu, saved.content.held_tam_giam) == (4, 5)
        assert saved.checked_at == clock.now() - timedelta(days=1)
    finally:
        await second.close()


async def test_double_submit_and_redelivery_store_one_record(world: World) -> None:
    sites = await add_sites(world)
    chat = world.chat(world.staff_a)
    await fill_to_summary(chat, sites.a1)
    data = send_button(chat)
    incoming = Incoming("test", "staff-a", "staff-a", callback=data, update_key="send-1")
    first = await world.app.dispatcher.handle(incoming)
    assert "Đã gửi" in joined(first)
    assert await world.app.dispatcher.handle(incoming) == []  # the same update redelivered
    again = joined(await chat.press(data))  # a second tap on the same card: a new update, same draft id
    assert "đã được gửi" in again
    assert await world.app.repos.checkins.count() == 1


async def test_a_question_typed_mid_form_is_told_about_huy_and_the_draft_is_kept(world: World) -> None:
    sites = await add_sites(world)
    chat = world.chat(world.staff_a)
    await chat.send("/kiemsat")
    question = "thời hạn tạm giữ là bao lâu"
    at_button = joined(await chat.send(question))
    assert at_button.startswith(f"{BUTTONS_ONLY}\n{MID_FORM}")
    await chat.tap(sites.a1.name)  # the question came again with its buttons
    await chat.tap("Đột xuất")
    at_count = joined(await chat.send(question))
    assert "bằng chữ số" in at_count and MID_FORM in at_count
    assert MID_FORM not in joined(await chat.send("2.5"))  # a mistyped number: the number hint only
    state, draft = await _conv(world, "staff-a")
    assert state == "ks.held_tam_giu" and draft["facility_id"] == sites.a1.id  # the draft is kept
    assert joined(await chat.send("/huy")).startswith("Đã hủy")


async def test_bad_input_is_answered_and_nothing_invalid_is_stored(world: World) -> None:
    sites = await add_sites(world)
    chat = world.chat(world.staff_a)
    await chat.send("/kiemsat")
    assert "chọn bằng các nút" in joined(await chat.send("Nhà tạm giữ"))
    # Forged presses: another unit's facility, one that does not exist, another step's button.
    assert "không thuộc đơn vị" in joined(await chat.press(f"ks:f:{sites.b1.id}"))
    assert "không thuộc đơn vị" in joined(await chat.press("ks:f:99999"))
    assert "câu hỏi hiện tại" in joined(await chat.press("ks:t:hang_ngay"))
    await chat.tap(sites.a1.name)  # the question came again, with its buttons
    assert "không hợp lệ" in joined(await chat.press("ks:t:khong_co"))
    assert "tạm giữ?" in joined(await chat.send("đột xuất"))  # the kind typed by name is accepted
    for bad, message in [
        ("ba", "bằng chữ số"),
        ("-2", "không thể âm"),
        ("2.5", "số nguyên"),
        ("2,5", "số nguyên"),
        ("5001", "quá lớn"),
        ("99999999999999999999", "quá lớn"),
    ]:
        assert message in joined(await chat.send(bad)), bad
    assert "chưa cần ảnh" in joined(await chat.send_photo("early"))
    assert "chưa cần vị trí" in joined(await chat.send_location(21, 105))
    state, draft = await _conv(world, "staff-a")
    assert state == "ks.held_tam_giu" and "held_tam_giu" not in draft
    for value in ("1", "1", "0", "0"):
        await chat.send(value)
    assert "lớn hơn tổng số" in joined(await chat.send("3"))  # 3 past term of 2 held
    await chat.send("0")
    assert "chọn bằng các nút" in joined(await chat.send("không"))
    assert "/huy" not in joined(await chat.send("2"))  # a number at a button step: no hint needed
    await chat.tap("Không có vi phạm")
    await chat.tap("Bỏ qua")
    flagged = joined(await chat.send_location(48.85, 2.35))
    assert "ngoài lãnh thổ Việt Nam" in flagged
    big = joined(await chat.send_incoming(photos=(Photo("huge", 11 * 1024 * 1024), Photo("ok", 5000))))
    assert "lớn hơn 10 MB" in big and "Đã nhận 1 ảnh" in big
    await chat.tap("Xong")
    card = joined(await chat.tap("Bỏ qua"))
    assert "ngoài lãnh thổ Việt Nam" in card
    await chat.tap("Gửi")
    [saved] = await world.app.repos.checkins.recent(world.staff_a)
    assert saved.content.location_flag and saved.content.photos == (("ok", 5000, None),)


async def test_old_draft_is_offered_for_discard_and_cannot_be_sent(world: World, clock: FakeClock) -> None:
    sites = await add_sites(world)
    chat = world.chat(world.staff_a)
    await fill_to_summary(chat, sites.a1)
    clock.advance(days=8)
    stale = await chat.tap("Gửi")
    assert "quá 7 ngày" in joined(stale)
    assert "quá 7 ngày" in joined(await chat.send("5"))
    offer = await chat.send("/kiemsat")
    assert "quá 7 ngày" in joined(offer) and "Tiếp tục phiếu nháp" not in [b.text for b in chat.visible()]
    assert "quá 7 ngày" in joined(await chat.press("ks:resume"))  # a Tiếp tục left on an older message
    assert "Chọn cơ sở" in joined(await chat.tap("Xóa nháp, làm phiếu mới"))
    assert await world.app.repos.checkins.count() == 0
    assert "Đã hủy" in joined(await chat.tap("Hủy"))


async def test_people_held_past_term_alert_the_heads_once(world: World) -> None:
    sites = await add_sites(world)
    chat = world.chat(world.staff_a)
    card = await fill_to_summary(chat, sites.a1, counts=("3", "2", "0", "0", "2"))
    assert "⚠️ CÓ 2 NGƯỜI BỊ GIỮ QUÁ HẠN" in card
    data = send_button(chat)
    done = joined(await chat.tap("Gửi"))
    assert "Đã báo ngay 2 lãnh đạo" in done  # head_a and admin_a
    await chat.press(data)  # the same Gửi again
    [saved] = await world.app.repos.checkins.recent(world.staff_a)
    for head in (world.head_a, world.admin_a):
        message = await world.app.repos.outbox.for_key(f"checkin-alert:{saved.id}:{head.id}")
        assert message is not None and "2 người bị giữ quá hạn" in message.text
        assert message.buttons == [[("Xem phiếu", f"kh:v:{saved.id}")]]
    assert await world.app.repos.outbox.for_key(f"checkin-alert:{saved.id}:{world.admin_b.id}") is None
    counts = await world.app.repos.outbox.count_by_status()
    assert sum(counts.values()) == 2


async def test_console_flow_with_numbered_buttons_and_typed_counts(world: World) -> None:
    sites = await add_sites(world)
    await world.app.repos.users.create("console", "local", "Quản trị demo", world.staff_a.unit_id, Role.STAFF)
    chat = FakeChat(world.app.dispatcher, "local", platform="console")
    await chat.send("/kiemsat")
    await chat.tap(sites.a1.name)  # sends its number
    await chat.tap("Hằng ngày")
    for value in ("1", "2", "3", "0", "0"):  # typed counts, not menu choices
        assert chat.visible() == []  # a count step shows no numbered options
        await chat.send(value)
    await chat.tap("Không có vi phạm")
    await chat.send("bỏ qua")  # requests
    await chat.tap("Bỏ qua")  # location: "1. Bỏ qua"
    assert chat.history[-1][0] == "1 [Bỏ qua]"
    await chat.send("bo qua")  # photos
    card = joined(await chat.send("Bỏ qua"))
    assert "Số người đang bị tạm giữ: 1" in card and "Số người ra khỏi cơ sở từ lần kiểm sát trước: 0" in card
    assert "Đã gửi" in joined(await chat.tap("Gửi"))  # 1. Gửi
    user = await world.app.repos.users.by_platform("console", "local")
    assert user is not None
    [saved] = await world.app.repos.checkins.recent(user)
    c = saved.content
    assert (c.kind, c.held_tam_giu, c.held_tam_giam, c.admitted, c.released, c.overdue) == ("hang_ngay", 1, 2, 3, 0, 0)


async def test_no_facilities_tells_staff_who_adds_them(world: World) -> None:
    chat = world.chat(world.staff_a)
    assert "/coso" in joined(await chat.send("/kiemsat"))
    assert await _conv(world, "staff-a") == (None, {})


async def test_photos_can_be_cleared_and_typed_text_in_the_photo_step_is_answered(world: World) -> None:
    sites = await add_sites(world)
    chat = world.chat(world.staff_a)
    await fill_to_summary(chat, sites.a1)
    await chat.tap("Sửa ảnh")
    assert "gửi ảnh" in joined(await chat.send("ảnh ở đâu")).lower()
    got = await chat.send_photo("p1")
    assert ("Xóa các ảnh đã gửi", "ks:pc") in buttons(got)
    assert "Đã xóa các ảnh" in joined(await chat.tap("Xóa các ảnh đã gửi"))
    assert "Ảnh: 0" in joined(await chat.tap("Xong"))


async def test_facilities_keep_their_order_after_an_inspection(world: World) -> None:
    """The numbered option "2" names the same facility in every session: facilities are listed
    by name, not with the last inspected first."""
    sites = await add_sites(world)
    chat = world.chat(world.staff_a)
    first = [data for _, data in buttons(await chat.send("/kiemsat")) if data.startswith("ks:f:")]
    assert first == [f"ks:f:{sites.a1.id}", f"ks:f:{sites.a2.id}"]  # "Nhà tạm giữ…" before "Trại tạm giam…"
    await chat.send("/huy")
    await fill_to_summary(chat, sites.a2)
    await chat.tap("Gửi")
    assert await world.app.repos.checkins.count() == 1
    again = [data for _, data in buttons(await chat.send("/kiemsat")) if data.startswith("ks:f:")]
    assert again == first


async def test_a_draft_stored_before_the_flow_table_resumes(world: World, clock: FakeClock) -> None:
    """A conversation saved by the version before the declarative flow (its state names and
    draft keys, a button of that version on screen) continues to a stored check-in."""
    sites = await add_sites(world)
    started = (clock.now() - timedelta(hours=2)).isoformat()
    old_draft = {
        "draft_id": "0123456789abcdef",
        "started": started,
        "violations": None,
        "photos": [],
        "facility_id": sites.a1.id,
        "facility_name": sites.a1.name,
        "kind": "dinh_ky",
        "held_tam_giu": 4,
        "held_tam_giam": 6,
        "admitted": 1,
        "released": 0,
        "overdue": 0,
    }
    conversations = world.app.repos.conversations
    stored = Conversation(state="ks.violations", data=old_draft)
    await conversations.save("test", "staff-a", "staff-a", stored)
    chat = world.chat(world.staff_a)
    assert f"phiếu nháp ({sites.a1.name})" in joined(await chat.send("/kiemsat"))
    assert "Có phát hiện vi phạm" in joined(await chat.tap("Tiếp tục phiếu nháp"))
    assert "Kiến nghị" in joined(await chat.press("ks:vn"))  # "Không có vi phạm" as the old version packed it
    for _ in range(4):
        await chat.tap("Bỏ qua")
    await chat.tap("Gửi")
    [saved] = await world.app.repos.checkins.recent(world.staff_a)
    assert saved.draft_id == "0123456789abcdef"
    c = saved.content
    assert (c.kind, c.held_tam_giu, c.held_tam_giam, c.admitted, c.violations) == ("dinh_ky", 4, 6, 1, ())
    assert saved.checked_at.isoformat() == started

    # A draft saved while offering to continue, with the step it was on, resumes there too.
    await conversations.save(
        "test",
        "staff-a",
        "staff-a",
        Conversation("ks.offer", {**old_draft, "draft_id": "fedcba9876543210", "resume": "notes"}),
    )
    await chat.send("/kiemsat")
    assert "Ghi chú thêm" in joined(await chat.tap("Tiếp tục phiếu nháp"))


def test_the_state_diagram_names_every_step_of_the_table() -> None:
    """The diagram in flow.py's docstring and in the README is of the table that runs."""
    from handlers.checkin import flow
    from tests import REPO_ROOT

    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    diagram = readme.split("The check-in flow (`handlers/checkin/flow.py`)", 1)[1].split("```")[1]
    for step in [*flow.FLOW.steps, "offer"]:
        assert re.search(rf"\b{step}\b", flow.__doc__ or ""), step
        assert re.search(rf"\b{step}\b", diagram), step
    assert [s for s in flow.FLOW.steps if flow.FLOW.steps[s].detour_of] == ["violation_items"]
    assert [s for s in flow.FLOW.order if flow.FLOW.steps[s].optional] == ["requests", "location", "photos", "notes"]
