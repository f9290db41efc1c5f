"""Transcripts over real HTTP: the Zalo adapter long-polls the loopback fake Bot API (or, where
``webhook`` is a parameter, receives the updates the fake posts to its webhook) and answers
through the real dispatcher and SQLite: registration, knowledge, numbered menus, a check-in
with a photo, redelivery, groups, stickers, files, charts, 429 and 5xx."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from bot.adapters.zalo import media as zalo_media
from bot.adapters.zalo.sending import CHART_AS_TEXT
from bot.chat import texts
from bot.chat.menus import NUMBER_HINT
from storage.users import Role
from tests.conftest import World, new_invite
from tests.handlers.test_checkin_support import add_sites
from tests.zalo_fake import FakeZalo
from tests.zalo_harness import Harness, zalo_running

ANH = "6ede9afa66b88fe6d6a9"  # Zalo ids are hex strings
CHI = "b1c2d3e4f5a6b7c8d9e0"


MODES = pytest.mark.parametrize("webhook", [False, True], ids=["polling", "webhook"])


async def _register(h: Harness, world: World, user_id: str, role: Role = Role.STAFF, unit: str = "A") -> None:
    code = await new_invite(world.app, unit, role)
    [answer] = await h.say(user_id, f"/start {code}")
    assert "Đăng ký thành công" in answer


@MODES
async def test_registration_with_an_invite_then_a_knowledge_answer(world: World, webhook: bool) -> None:
    async with zalo_running(world.app, webhook=webhook) as h:
        [welcome] = await h.say(ANH, "/start")
        assert "mã mời" in welcome
        [refused] = await h.say(ANH, "thoi han tam giu la bao lau")
        assert refused == texts.NOT_REGISTERED
        await _register(h, world, ANH)
        user = await world.app.repos.users.by_platform("zalo", ANH)
        assert user is not None and user.role is Role.STAFF and user.display_name.startswith("Người dùng")
        answer = "\n".join(await h.say(ANH, "thoi han tam giu la bao lau"))
        assert "3 ngày" in answer and "Căn cứ:" in answer
        # Related entries are numbered options; "1" opens the first one.
        assert "\n1. " in answer and NUMBER_HINT in answer
        related = "\n".join(await h.say(ANH, "1"))
        assert "Căn cứ:" in related
        # Every send went to the private chat, within Zalo's limit, after a "typing" action.
        assert all(len(t) <= 2000 for t in h.fake.texts(ANH))
        assert h.fake.sent("sendChatAction", ANH)


async def test_a_telegram_account_and_a_zalo_account_are_separate(world: World) -> None:
    """Platform ids are namespaced: the same id on another platform is a different person."""
    await world.app.repos.users.create("telegram", ANH, "Cán bộ Telegram", world.staff_a.unit_id, Role.ADMIN)
    async with zalo_running(world.app) as h:
        [answer] = await h.say(ANH, "/nguoidung")
        assert answer == texts.NOT_REGISTERED


@MODES
async def test_numbered_menu_flow_and_stale_numbers(world: World, webhook: bool) -> None:
    async with zalo_running(world.app, webhook=webhook) as h:
        await _register(h, world, ANH, Role.ADMIN)
        [menu] = await h.say(ANH, "/moi")
        assert menu.splitlines()[1:] == ["1. Cán bộ, kiểm sát viên", "2. Lãnh đạo đơn vị", "3. Quản trị", NUMBER_HINT]
        [stale] = await h.say(ANH, "7")
        assert "Số 7 không có" in stale and "2. Lãnh đạo đơn vị" in stale
        [invite] = await h.say(ANH, " 2. ")
        assert "Mã mời:" in invite and "Lãnh đạo đơn vị" in invite
        code = invite.split("Mã mời: ", 1)[1].split("\n", 1)[0]
        [registered] = await h.say(CHI, f"/start {code}")
        assert "Lãnh đạo đơn vị" in registered


@MODES
async def test_checkin_with_a_photo(world: World, webhook: bool, tmp_path: Path) -> None:
    sites = await add_sites(world)
    async with zalo_running(world.app, webhook=webhook, zalo_media_dir=str(tmp_path / "media")) as h:
        await _register(h, world, ANH)
        [listing] = await h.say(ANH, "/kiemsat")
        line = next(x for x in listing.splitlines() if sites.a1.name in x)
        await h.say(ANH, line.split(".", 1)[0])  # the facility's number
        await h.say(ANH, "1")  # the first inspection type
        for count in ("4", "3", "2", "1", "0"):  # typed counts, not menu choices
            await h.say(ANH, count)
        await h.say(ANH, "1")  # no violations
        [location] = await h.say(ANH, "bỏ qua")  # requests
        assert "Zalo không gửi vị trí" in location
        await h.say(ANH, "bỏ qua")  # location
        url = h.fake.photo("kiemsat-1.jpg", b"\xff\xd8 a jpeg")
        [after_photo] = await h.answer(ANH, h.fake.image(ANH, url, caption="Buồng số 1"))
        assert after_photo.startswith("Đã nhận 1 ảnh.")
        await h.say(ANH, "xong")
        summary = "\n".join(await h.say(ANH, "bỏ qua"))  # notes
        assert "Ảnh: 1" in summary and "Số người đang bị tạm giữ: 4" in summary
        send = next(x for x in summary.splitlines() if x.endswith(". Gửi"))
        [done] = await h.say(ANH, send.split(".", 1)[0])
        assert "Đã gửi phiếu kiểm sát số" in done
    user = await world.app.repos.users.by_platform("zalo", ANH)
    assert user is not None
    [saved] = await world.app.repos.checkins.recent(user)
    [(kept, size, fallback)] = saved.content.photos
    # Kept at once in the media folder, owner-only; the expiring CDN link only as a fallback.
    assert kept.startswith(zalo_media.LOCAL_PREFIX) and (size, fallback) == (len(b"\xff\xd8 a jpeg"), url)
    file = tmp_path / "media" / kept.removeprefix(zalo_media.LOCAL_PREFIX)
    assert file.read_bytes() == b"\xff\xd8 a jpeg"
    assert file.stat().st_mode & 0o777 == 0o600
    assert (saved.content.held_tam_giu, saved.content.held_tam_giam) == (4, 3)


@MODES
async def test_redelivery_of_the_same_message_is_ignored(world: World, webhook: bool) -> None:
    async with zalo_running(world.app, webhook=webhook) as h:
        await _register(h, world, ANH, Role.ADMIN)
        update = h.fake.text(ANH, "/moi canbo")
        [first] = await h.answer(ANH, update)
        assert "Mã mời:" in first
        assert await h.answer(ANH, update) == []  # same event_name + message_id
        # The same message id under another event is another message.
        other = {**update, "event_name": "message.sticker.received"}
        [sticker] = await h.answer(ANH, other)
        assert "chỉ đọc được tin nhắn chữ" in sticker
    invites = [e for e in await world.app.repos.audit.all() if e.action == "invite.create"]
    assert len(invites) == 2  # the registration's invite and one from /moi


@MODES
async def test_groups_are_refused_and_stickers_get_a_polite_answer(world: World, webhook: bool) -> None:
    async with zalo_running(world.app, webhook=webhook) as h:
        await _register(h, world, ANH)
        group = "9f8e7d6c5b4a39281706"
        [refused] = await h.answer(group, h.fake.text(ANH, "thoi han tam giu", chat_id=group, group=True))
        assert refused == texts.GROUP_CHAT
        [sticker] = await h.answer(ANH, h.fake.sticker(ANH))
        [other] = await h.answer(ANH, h.fake.unsupported(ANH))
        assert sticker == other == texts.UNSUPPORTED.format(extra="")
        bot_update = h.fake.text(ANH, "/start")
        bot_update["message"]["from"]["is_bot"] = True
        assert await h.answer(ANH, bot_update) == []


async def test_xlsx_export_is_replaced_by_a_clear_message(world: World) -> None:
    sites = await add_sites(world)
    await world.app.repos.users.create("zalo", ANH, "Lãnh đạo Zalo", world.head_a.unit_id, Role.HEAD)
    from tests.handlers.test_checkin_support import submit_one

    await submit_one(world.chat(world.staff_a), sites.a1)
    month = world.app.services.clock.now().strftime("%Y-%m")
    async with zalo_running(world.app) as h:
        [answer] = await h.say(ANH, f"/xuat {month}")
    assert "1 phiếu" in answer and ".xlsx" in answer
    assert "Zalo không gửi được tệp" in answer and "Telegram" in answer and "python -m bot export" in answer
    assert h.fake.sent("sendDocument") == []


async def test_chart_goes_out_as_a_photo_only_with_a_public_media_url(world: World, tmp_path: Path) -> None:
    await world.app.repos.users.create("zalo", ANH, "Lãnh đạo Zalo", world.head_a.unit_id, Role.HEAD)
    async with zalo_running(world.app) as h:
        summary, chart = await h.say(ANH, "/tinhhinh")
        assert chart.endswith(CHART_AS_TEXT) and h.fake.sent("sendPhoto") == []
    media = tmp_path / "media"
    async with zalo_running(world.app, zalo_media_url="https://vks.example.org/anh", zalo_media_dir=str(media)) as h:
        texts_sent = await h.say(ANH, "/tinhhinh")
        [photo] = h.fake.sent("sendPhoto", ANH)
    assert texts_sent[0] == summary and CHART_AS_TEXT not in texts_sent[1]
    name = photo["photo"].removeprefix("https://vks.example.org/anh/")
    assert (media / name).read_bytes().startswith(b"\x89PNG")


async def test_429_and_server_errors_on_send_are_retried_with_backoff(
    world: World, caplog: pytest.LogCaptureFixture
) -> None:
    async with zalo_running(world.app) as h:
        h.fake.fail("sendMessage", 429, times=2)
        h.fake.fail("sendMessage", 502)
        with caplog.at_level(logging.WARNING, logger="bot.adapters.zalo.adapter"):
            [welcome] = await h.say(ANH, "/start")
        assert "mã mời" in welcome
        assert [c.method for c in h.fake.refused] == ["sendMessage"] * 3
        # Exponential backoff from retry_base (0.01 s here, 1 s by default).
        waits = [r.getMessage().rsplit("retrying in ", 1)[1] for r in caplog.records if "retrying in" in r.getMessage()]
        assert waits == ["0.01 s", "0.02 s", "0.04 s"]
        ours = "\n".join(r.getMessage() for r in caplog.records if r.name.startswith("bot."))
        assert "sendMessage: 429" in ours and h.fake.token not in ours
        # A 429 that says how long to wait is obeyed.
        caplog.clear()
        h.fake.fail("sendMessage", 429, retry_after=0.05)
        with caplog.at_level(logging.WARNING, logger="bot.adapters.zalo.adapter"):
            assert len(await h.say(ANH, "/start")) == 1
        assert "retrying in 0.05 s" in caplog.text
        # Four failures in a row: the reply is given up and logged, the adapter keeps serving.
        h.fake.fail("sendMessage", 500, times=4)
        assert await h.say(ANH, "/start") == []
        assert len(await h.say(ANH, "/start")) == 1


async def test_a_reply_zalo_will_not_take_goes_to_the_outbox(world: World) -> None:
    """After the adapter's retries, a registered person's reply is queued in the outbox (retried
    there, visible to admins in /guiloi if it finally fails) instead of being dropped."""
    async with zalo_running(world.app) as h:
        await _register(h, world, ANH)
        h.fake.fail("sendMessage", 502, times=4)
        assert await h.say(ANH, "/tinhhan") == []
    assert await world.app.repos.outbox.count_by_status() == {"pending": 1}
    [queued] = await world.app.repos.outbox.due(("zalo",), world.app.services.clock.now())
    assert queued.chat_id == ANH and "Tính thời hạn" in queued.text
    assert "\n1. " in queued.text  # the numbered options that the user's stored menu refers to


async def test_polling_survives_getupdates_errors(world: World) -> None:
    fake = await FakeZalo().start()
    fake.fail("getUpdates", 500, times=2)
    fake.fail("getUpdates", 429, retry_after=0.01)
    async with zalo_running(world.app, fake=fake) as h:
        [welcome] = await h.say(ANH, "/start")
        assert "mã mời" in welcome
        assert [c.method for c in h.fake.refused] == ["getUpdates"] * 3
