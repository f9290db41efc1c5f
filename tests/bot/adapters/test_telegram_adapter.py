"""The Telegram adapter end to end, offline: real PTB objects, the real dispatcher and
storage, and a recording stand-in for the Bot API (tests/ptb_offline.py)."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Callable
from dataclasses import replace
from typing import Any

import pytest
from telegram import Update
from telegram.error import NetworkError

from bot.adapters.telegram import MAX_MESSAGE, SEND_ATTEMPTS, TelegramAdapter, to_incoming
from bot.app import App
from bot.chat import texts
from bot.chat.messages import Button, Location, OutFile, Photo, Reply, utf16_units
from bot.config import Secret, Settings
from bot.delivery.outbox_worker import DeliveryError, RetryLater, Unreachable
from handlers.common import WELCOME_NEW
from storage.users import Role, User
from tests.conftest import World, new_invite
from tests.ptb_offline import (
    BLOCKED,
    CHAT_NOT_FOUND,
    NETWORK,
    TOKEN,
    TOO_LONG,
    Call,
    RecordingRequest,
    callback_update,
    command_update,
    edited_text_update,
    group_text_update,
    location_update,
    photo_update,
    sticker_update,
    text_update,
)

CODE = re.compile(r"\b[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}\b")
STRANGER = 424242
ADMIN_TG = 5001


@pytest.fixture
def request_() -> RecordingRequest:
    return RecordingRequest()


@pytest.fixture
async def adapter(
    app: App, settings: Settings, request_: RecordingRequest, sleeps: list[float]
) -> AsyncIterator[TelegramAdapter]:
    tg_settings = replace(settings, telegram_token=Secret(TOKEN))
    telegram = TelegramAdapter(app.dispatcher, tg_settings, request=request_)
    await telegram.application.initialize()
    assert request_.initialized and request_.methods() == []
    request_.clear()
    yield telegram
    await telegram.application.shutdown()


@pytest.fixture
async def tg_admin(world: World) -> User:
    unit = await world.app.repos.units.by_code("A")
    assert unit is not None
    return await world.app.repos.users.create("telegram", str(ADMIN_TG), "Quản trị Telegram", unit.id, Role.ADMIN)


def _sent_messages(request: RecordingRequest) -> list[Call]:
    return request.sent("sendMessage")


async def _process(adapter: TelegramAdapter, make: Callable[..., Update], *args: Any) -> Update:
    update = make(adapter.application.bot, *args)
    await adapter.application.process_update(update)
    return update


def _callback_data(call: Call) -> list[str]:
    markup = call.markup
    assert markup is not None, f"{call.method} has no reply_markup"
    return [button["callback_data"] for row in markup["inline_keyboard"] for button in row]


# -- what an update becomes ------------------------------------------------------------------


async def test_text_message_becomes_incoming(adapter: TelegramAdapter) -> None:
    update = text_update(adapter.application.bot, STRANGER, "thời hạn tạm giữ")
    incoming = to_incoming(update)
    assert incoming is not None
    assert (incoming.platform, incoming.chat_id, incoming.user_id) == ("telegram", str(STRANGER), str(STRANGER))
    assert incoming.text == "thời hạn tạm giữ"
    assert incoming.update_key == str(update.update_id)
    assert incoming.display_name == "Nguyễn Văn A"
    assert incoming.callback is None and incoming.photos == () and incoming.location is None
    assert not incoming.group and incoming.unsupported is None


async def test_photo_becomes_its_largest_size_with_caption_as_text(adapter: TelegramAdapter) -> None:
    incoming = to_incoming(photo_update(adapter.application.bot, STRANGER, caption="Ảnh buồng giam số 2"))
    assert incoming is not None
    assert incoming.photos == (Photo("ph-1280", 128_000),)
    assert incoming.text == "Ảnh buồng giam số 2"
    assert incoming.unsupported is None


async def test_location_becomes_incoming_location(adapter: TelegramAdapter) -> None:
    incoming = to_incoming(location_update(adapter.application.bot, STRANGER, 21.0285, 105.8542))
    assert incoming is not None
    assert incoming.location == Location(21.0285, 105.8542)
    assert incoming.text is None


async def test_sticker_is_marked_unsupported(adapter: TelegramAdapter) -> None:
    incoming = to_incoming(sticker_update(adapter.application.bot, STRANGER))
    assert incoming is not None
    assert incoming.unsupported == "sticker"
    assert incoming.text is None and incoming.photos == ()


async def test_group_chat_is_flagged(adapter: TelegramAdapter) -> None:
    incoming = to_incoming(group_text_update(adapter.application.bot, STRANGER, "/help", chat_id=-100777))
    assert incoming is not None
    assert incoming.group is True
    assert incoming.chat_id == "-100777" and incoming.user_id == str(STRANGER)


async def test_edited_message_is_not_acted_on(adapter: TelegramAdapter, request_: RecordingRequest) -> None:
    assert to_incoming(edited_text_update(adapter.application.bot, STRANGER, "/help")) is None
    await _process(adapter, edited_text_update, STRANGER, "/help")
    assert request_.methods() == []


async def test_callback_query_becomes_incoming_callback(adapter: TelegramAdapter) -> None:
    update = callback_update(adapter.application.bot, STRANGER, "inv:1:staff")
    incoming = to_incoming(update)
    assert incoming is not None
    assert incoming.callback == "inv:1:staff"
    assert incoming.text is None
    assert incoming.chat_id == str(STRANGER) and incoming.update_key == str(update.update_id)


# -- which Bot API calls a reply produces ----------------------------------------------------


async def test_start_from_unregistered_user_sends_one_welcome(
    adapter: TelegramAdapter, request_: RecordingRequest
) -> None:
    await _process(adapter, command_update, STRANGER, "/start")
    assert request_.methods() == ["sendMessage"]
    call = request_.sent("sendMessage")[0]
    assert call.params["chat_id"] == STRANGER
    assert call.text == WELCOME_NEW
    assert "mã mời" in call.text
    assert "reply_markup" not in call.params


async def test_staff_command_from_unregistered_user_is_refused(
    adapter: TelegramAdapter, request_: RecordingRequest
) -> None:
    await _process(adapter, command_update, STRANGER, "/huy")
    assert [c.text for c in _sent_messages(request_)] == [texts.NOT_REGISTERED]


async def test_admin_invite_menu_is_an_inline_keyboard(
    adapter: TelegramAdapter, request_: RecordingRequest, tg_admin: User
) -> None:
    await _process(adapter, command_update, ADMIN_TG, "/moi")
    assert request_.methods() == ["sendMessage"]
    call = request_.sent("sendMessage")[0]
    data = _callback_data(call)
    assert len(data) == len(Role)
    assert all(d.startswith(f"inv:{tg_admin.unit_id}:") for d in data)
    assert all(len(d.encode()) <= 64 for d in data)
    labels = [b["text"] for row in call.markup["inline_keyboard"] for b in row]  # type: ignore[index]
    assert labels == [role.label for role in Role]


async def test_user_list_buttons_fit_callback_limit(
    adapter: TelegramAdapter, request_: RecordingRequest, tg_admin: User, world: World
) -> None:
    unit_id = tg_admin.unit_id
    for n in range(12):  # enough for a second page, with long Vietnamese names
        await world.app.repos.users.create(
            "telegram", f"9{n:04d}", "Nguyễn Thị Hồng Nhung Phương " * 3, unit_id, Role.STAFF
        )
    await _process(adapter, command_update, ADMIN_TG, "/nguoidung")
    data = _callback_data(_sent_messages(request_)[0])
    assert any(d.startswith("usp:") for d in data)
    assert all(len(d.encode()) <= 64 for d in data)


async def test_button_press_answers_query_then_sends_invite(
    adapter: TelegramAdapter, request_: RecordingRequest, tg_admin: User
) -> None:
    await _process(adapter, command_update, ADMIN_TG, "/moi")
    staff_button = next(d for d in _callback_data(_sent_messages(request_)[0]) if d.endswith(":staff"))
    request_.clear()

    update = await _process(adapter, callback_update, ADMIN_TG, staff_button)

    assert request_.methods() == ["answerCallbackQuery", "sendMessage"]
    answer, message = request_.sent()
    assert answer.params["callback_query_id"] == update.callback_query.id  # type: ignore[union-attr]
    assert message.params["chat_id"] == ADMIN_TG
    assert CODE.search(message.text), message.text
    assert Role.STAFF.label in message.text


async def test_invite_from_button_registers_a_new_telegram_user(
    adapter: TelegramAdapter, request_: RecordingRequest, tg_admin: User, world: World
) -> None:
    await _process(adapter, command_update, ADMIN_TG, "/moi")
    staff_button = next(d for d in _callback_data(_sent_messages(request_)[0]) if d.endswith(":staff"))
    await _process(adapter, callback_update, ADMIN_TG, staff_button)
    match = CODE.search(_sent_messages(request_)[-1].text)
    assert match is not None
    request_.clear()

    await _process(adapter, command_update, STRANGER, f"/start {match.group(0)}")

    assert "Đăng ký thành công" in _sent_messages(request_)[0].text
    user = await world.app.repos.users.by_platform("telegram", str(STRANGER))
    assert user is not None and user.role is Role.STAFF and user.unit_id == tg_admin.unit_id


async def test_start_with_invite_code_registers_through_the_adapter(
    adapter: TelegramAdapter, request_: RecordingRequest, world: World
) -> None:
    code = await new_invite(world.app, "B", Role.HEAD)
    assert await world.app.repos.users.by_platform("telegram", str(STRANGER)) is None

    await _process(adapter, command_update, STRANGER, f"/start {code.lower()}")

    [welcome] = _sent_messages(request_)
    assert "Đăng ký thành công" in welcome.text and "VKSND khu vực B" in welcome.text
    user = await world.app.repos.users.by_platform("telegram", str(STRANGER))
    assert user is not None
    assert user.role is Role.HEAD and user.display_name == "Nguyễn Văn A"

    request_.clear()
    await _process(adapter, command_update, STRANGER, "/start")
    assert _sent_messages(request_)[0].text.startswith("Chào Nguyễn Văn A!")

    request_.clear()
    await _process(adapter, command_update, STRANGER + 1, f"/start {code}")
    assert "đã được sử dụng" in _sent_messages(request_)[0].text
    assert await world.app.repos.users.by_platform("telegram", str(STRANGER + 1)) is None


async def test_long_reply_is_split_on_lines_with_buttons_on_the_last_part(
    adapter: TelegramAdapter, request_: RecordingRequest
) -> None:
    lines = [f"Dòng {n:04d}: thời hạn tạm giữ, gia hạn tạm giữ, phê chuẩn lệnh bắt." for n in range(300)]
    long_text = "\n".join(lines)
    assert len(long_text) > 2 * MAX_MESSAGE
    buttons = ((Button("Tiếp", "more:1"), Button("Thôi", "stop")),)

    sent = await adapter.send(STRANGER, [Reply(long_text, buttons)])

    calls = _sent_messages(request_)
    assert len(calls) >= 3 and len(sent) == len(calls)
    assert all(len(c.text) <= MAX_MESSAGE for c in calls)
    assert all(set(c.text.split("\n")) <= set(lines) for c in calls), "a line was cut in the middle"
    assert "\n".join(c.text for c in calls) == long_text
    assert all("reply_markup" not in c.params for c in calls[:-1])
    assert _callback_data(calls[-1]) == ["more:1", "stop"]


async def test_emoji_text_is_split_in_utf16_units(adapter: TelegramAdapter, request_: RecordingRequest) -> None:
    """Telegram counts 4,096 UTF-16 code units; an emoji outside the BMP counts 2. A text of
    3,750 characters, most of them emoji, is under 4,096 characters but over 4,096 units."""
    lines = ["🔔" * 10 + f" {n:03d}" for n in range(250)]  # 14 characters, 24 units each
    text = "\n".join(lines)
    assert len(text) <= MAX_MESSAGE < utf16_units(text)
    await adapter.send(STRANGER, [Reply(text)])
    calls = _sent_messages(request_)
    assert len(calls) == 2 and all(utf16_units(c.text) <= MAX_MESSAGE for c in calls)  # 6,249 units
    assert "\n".join(c.text for c in calls) == text
    one_line = "😀" * 3000  # no line break, no space: cut between emoji, never inside one
    request_.clear()
    await adapter.send(STRANGER, [Reply(one_line)])
    parts = [c.text for c in _sent_messages(request_)]
    assert "".join(parts) == one_line and all(utf16_units(p) <= MAX_MESSAGE for p in parts)


async def test_caption_limit_counts_utf16_units(adapter: TelegramAdapter, request_: RecordingRequest) -> None:
    chart = OutFile("c.png", b"\x89PNG fake", "image/png")
    text = "📊" * 600  # 600 characters, 1,200 units: over the 1,024 caption limit
    await adapter.send(STRANGER, [Reply(text, photo=chart)])
    assert request_.methods() == ["sendPhoto", "sendMessage"]  # not a caption Telegram would refuse


async def test_file_reply_is_sent_as_a_document(adapter: TelegramAdapter, request_: RecordingRequest) -> None:
    data = "Đơn vị;Ngày\nKV1;02/03/2026\n".encode()
    reply = Reply("Báo cáo tháng 3", file=OutFile("bao-cao-thang-3.csv", data, "text/csv"))

    await adapter.send(STRANGER, [reply])

    assert request_.methods() == ["sendDocument", "sendMessage"]
    document, message = request_.sent()
    assert document.params["chat_id"] == STRANGER
    [(filename, content)] = document.files.values()
    assert (filename, content) == ("bao-cao-thang-3.csv", data)
    assert message.text == "Báo cáo tháng 3"


async def test_photo_reply_carries_its_text_as_caption(adapter: TelegramAdapter, request_: RecordingRequest) -> None:
    image = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
    await adapter.send(STRANGER, [Reply("Sơ đồ buồng giam", photo=OutFile("so-do.png", image, "image/png"))])
    assert request_.methods() == ["sendPhoto"]
    [photo] = request_.sent()
    assert photo.params["caption"] == "Sơ đồ buồng giam"
    assert [content for _, content in photo.files.values()] == [image]


async def test_flood_control_is_retried_and_the_message_sent_once(
    adapter: TelegramAdapter, request_: RecordingRequest, sleeps: list[float]
) -> None:
    request_.fail_next("sendMessage", 1)
    await _process(adapter, command_update, STRANGER, "/start")
    assert request_.attempts == [("sendMessage", "flood"), ("sendMessage", "ok")]
    assert [c.text for c in _sent_messages(request_)] == [WELCOME_NEW]
    assert any(delay >= 1 for delay in sleeps), "waited less than Telegram's retry_after"


async def test_flood_control_beyond_the_rate_limiter_is_retried_by_the_adapter(
    adapter: TelegramAdapter, request_: RecordingRequest
) -> None:
    # PTB's rate limiter retries twice itself; a third 429 reaches the adapter's own retry loop.
    request_.fail_next("sendMessage", 3)
    await adapter.send(STRANGER, [Reply("Nhắc báo cáo tháng")])
    assert [outcome for _, outcome in request_.attempts] == ["flood", "flood", "flood", "ok"]
    assert [c.text for c in _sent_messages(request_)] == ["Nhắc báo cáo tháng"]


async def test_network_error_is_retried_with_growing_backoff(
    adapter: TelegramAdapter, request_: RecordingRequest, sleeps: list[float]
) -> None:
    request_.fail_next("sendMessage", 2, kind=NETWORK)
    await _process(adapter, command_update, STRANGER, "/start")
    assert [outcome for _, outcome in request_.attempts] == ["network", "network", "ok"]
    assert [c.text for c in _sent_messages(request_)] == [WELCOME_NEW]
    backoff = [d for d in sleeps if d > 0]
    assert len(backoff) == 2 and backoff[1] > backoff[0] > 0


async def test_network_error_gives_up_after_the_last_attempt(
    adapter: TelegramAdapter, request_: RecordingRequest
) -> None:
    request_.fail_next("sendMessage", SEND_ATTEMPTS, kind=NETWORK)
    with pytest.raises(NetworkError):
        await adapter.send(STRANGER, [Reply("Không gửi được")])
    assert len(request_.attempts) == SEND_ATTEMPTS
    assert _sent_messages(request_) == []


async def test_redelivered_update_is_ignored(adapter: TelegramAdapter, request_: RecordingRequest) -> None:
    first = command_update(adapter.application.bot, STRANGER, "/help", update_id=777_001)
    await adapter.application.process_update(first)
    assert len(_sent_messages(request_)) == 1
    request_.clear()

    again = command_update(adapter.application.bot, STRANGER, "/help", update_id=777_001)
    await adapter.application.process_update(again)
    assert _sent_messages(request_) == []


async def test_markup_characters_are_sent_as_plain_text(adapter: TelegramAdapter, request_: RecordingRequest) -> None:
    tricky = "Điều *47* _khoản 1_ [BLTTHS](x) <b>2015</b> & `mã` \\ ~"
    await adapter.send(STRANGER, [Reply(tricky)])
    [call] = _sent_messages(request_)
    assert call.text == tricky
    assert "parse_mode" not in call.params and "entities" not in call.params


async def test_user_text_echoed_by_a_handler_is_plain_text(
    adapter: TelegramAdapter, request_: RecordingRequest, tg_admin: User
) -> None:
    await _process(adapter, command_update, ADMIN_TG, "/x_*y*_<i>")
    [call] = _sent_messages(request_)
    assert "/x_*y*_<i>" in call.text
    assert "parse_mode" not in call.params


async def test_group_chat_gets_the_private_chat_notice(adapter: TelegramAdapter, request_: RecordingRequest) -> None:
    await _process(adapter, group_text_update, STRANGER, "/help", -100555)
    [call] = _sent_messages(request_)
    assert call.params["chat_id"] == -100555
    assert call.text == texts.GROUP_CHAT


async def test_sticker_gets_the_unsupported_notice(adapter: TelegramAdapter, request_: RecordingRequest) -> None:
    await _process(adapter, sticker_update, STRANGER)
    [call] = _sent_messages(request_)
    assert call.text == texts.UNSUPPORTED.format(extra="")


async def test_stale_button_press_is_still_answered(
    adapter: TelegramAdapter, request_: RecordingRequest, tg_admin: User
) -> None:
    await _process(adapter, callback_update, ADMIN_TG, "gone:1")
    assert request_.methods() == ["answerCallbackQuery", "sendMessage"]
    assert _sent_messages(request_)[0].text == texts.STALE_BUTTON


async def test_press_still_counts_when_the_acknowledgement_fails(
    adapter: TelegramAdapter, request_: RecordingRequest, tg_admin: User
) -> None:
    request_.fail_next("answerCallbackQuery", 1, kind=NETWORK)
    await _process(adapter, callback_update, ADMIN_TG, f"inv:{tg_admin.unit_id}:staff")
    messages = _sent_messages(request_)
    assert len(messages) == 1 and CODE.search(messages[0].text)


# -- outbox delivery: platform errors become the outbox's decisions ----------------------------


async def test_deliver_sends_to_the_chat(adapter: TelegramAdapter, request_: RecordingRequest) -> None:
    await adapter.deliver(str(STRANGER), [Reply("Nhắc: báo cáo tháng 3 hạn 05/04")])
    [call] = _sent_messages(request_)
    assert call.params["chat_id"] == STRANGER and call.text == "Nhắc: báo cáo tháng 3 hạn 05/04"


@pytest.mark.parametrize("kind", [BLOCKED, CHAT_NOT_FOUND])
async def test_deliver_to_a_gone_recipient_is_unreachable(
    adapter: TelegramAdapter, request_: RecordingRequest, kind: str
) -> None:
    request_.fail_next("sendMessage", 1, kind=kind)
    with pytest.raises(Unreachable):
        await adapter.deliver(str(STRANGER), [Reply("Nhắc")])
    assert len(request_.attempts) == 1, "a permanent failure was retried"


async def test_deliver_rejected_message_is_a_plain_delivery_error(
    adapter: TelegramAdapter, request_: RecordingRequest
) -> None:
    request_.fail_next("sendMessage", 1, kind=TOO_LONG)
    with pytest.raises(DeliveryError) as error:
        await adapter.deliver(str(STRANGER), [Reply("Nhắc")])
    assert not isinstance(error.value, Unreachable | RetryLater)


async def test_deliver_under_lasting_flood_control_asks_to_retry_later(
    adapter: TelegramAdapter, request_: RecordingRequest
) -> None:
    request_.fail_next("sendMessage", 100)
    with pytest.raises(RetryLater) as error:
        await adapter.deliver(str(STRANGER), [Reply("Nhắc")])
    assert error.value.seconds == 1
    assert _sent_messages(request_) == []
    assert {outcome for _, outcome in request_.attempts} == {"flood"}


async def test_deliver_after_lasting_network_errors_is_a_delivery_error(
    adapter: TelegramAdapter, request_: RecordingRequest
) -> None:
    request_.fail_next("sendMessage", SEND_ATTEMPTS, kind=NETWORK)
    with pytest.raises(DeliveryError) as error:
        await adapter.deliver(str(STRANGER), [Reply("Nhắc")])
    assert not isinstance(error.value, Unreachable | RetryLater)
