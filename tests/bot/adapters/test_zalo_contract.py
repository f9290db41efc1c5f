"""Contract tests from the Zalo Bot Platform's documented payloads: the webhook body wrapped
(``{"ok": true, "result": update}``) and bare, a photo with ``photo_url``, a sticker, a sender
without ``display_name`` or ``is_bot``, HTTP 200 with ``ok: false``, each documented error code,
a list from getUpdates, and an echo of the bot's own send. Through ``zalo.updates`` and the API
client over ``httpx.MockTransport`` (the real client code, no network)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from bot.adapters.contract import DeliveryError, Unreachable
from bot.adapters.zalo.api import (
    ZaloApiError,
    ZaloBadRequest,
    ZaloBotApi,
    ZaloForbidden,
    ZaloNotFound,
    ZaloRateLimited,
    ZaloServerError,
    ZaloUnauthorized,
)
from bot.adapters.zalo.sending import ZaloSender
from bot.adapters.zalo.updates import to_incoming, unwrap
from bot.chat.messages import Reply
from bot.config import Settings

BOT = "b0770000b0770000b077"
USER = "6ede9afa66b88fe6d6a9"

# As the documentation shows a text message (webhook body, wrapped form).
DOC_TEXT = {
    "ok": True,
    "result": {
        "message": {
            "from": {"id": USER, "is_bot": False, "display_name": "Ted"},
            "chat": {"id": USER, "chat_type": "PRIVATE"},
            "text": "Xin chào",
            "message_id": "2d758cb5e222177a4e35",
            "date": 1750316131602,
        },
        "event_name": "message.text.received",
    },
}
DOC_IMAGE = {
    "event_name": "message.image.received",
    "message": {
        "from": {"id": USER, "is_bot": False, "display_name": "Ted"},
        "chat": {"id": USER, "chat_type": "PRIVATE"},
        "photo_url": "https://photo-stal-6.zdn.vn/abc/def.jpg",
        "caption": "Buồng số 2",
        "message_id": "3e869dc6f333288b5f46",
        "date": 1750316131700,
    },
}
DOC_STICKER = {
    "event_name": "message.sticker.received",
    "message": {
        "from": {"id": USER, "is_bot": False, "display_name": "Ted"},
        "chat": {"id": USER, "chat_type": "PRIVATE"},
        "sticker": "d063f44dc80821567819",
        "url": "https://zalo-api.zadn.vn/api/emoticon/sticker/webpc?eid=1&size=130",
        "message_id": "4f97aed7a444399c6057",
        "date": 1750316131800,
    },
}


def test_wrapped_and_bare_bodies_are_the_same_message() -> None:
    wrapped = to_incoming(unwrap(DOC_TEXT))
    bare = to_incoming(unwrap(DOC_TEXT["result"]))
    assert wrapped is not None and bare is not None
    assert (wrapped.text, wrapped.user_id, wrapped.chat_id, wrapped.display_name) == ("Xin chào", USER, USER, "Ted")
    assert wrapped.update_key == bare.update_key == "message.text.received:2d758cb5e222177a4e35"
    assert not wrapped.group


def test_photo_with_photo_url_and_caption() -> None:
    image = to_incoming(DOC_IMAGE)
    assert image is not None and image.text == "Buồng số 2"
    [photo] = image.photos
    assert photo.url == "https://photo-stal-6.zdn.vn/abc/def.jpg"


def test_sticker_is_answered_as_unsupported() -> None:
    sticker = to_incoming(DOC_STICKER)
    assert sticker is not None and sticker.unsupported == "sticker" and sticker.text is None


def test_sender_without_display_name_or_is_bot_is_a_person() -> None:
    body = json.loads(json.dumps(DOC_TEXT["result"]))
    body["message"]["from"] = {"id": USER}
    incoming = to_incoming(body, bot_id=BOT)
    assert incoming is not None and incoming.display_name == "" and incoming.user_id == USER


def test_an_echo_of_our_own_send_is_dropped_even_without_is_bot() -> None:
    echo = json.loads(json.dumps(DOC_TEXT["result"]))
    echo["message"]["from"] = {"id": BOT}  # the bot's id (getMe), no is_bot, no name
    assert to_incoming(echo, bot_id=BOT) is None
    flagged = json.loads(json.dumps(DOC_TEXT["result"]))
    flagged["message"]["from"]["is_bot"] = True
    assert to_incoming(flagged, bot_id=None) is None
    assert to_incoming(DOC_TEXT["result"], bot_id=BOT) is not None  # a person still gets through


Responder = Callable[[httpx.Request], httpx.Response]


def _api(respond: Responder) -> tuple[ZaloBotApi, list[httpx.Request]]:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return respond(request)

    return ZaloBotApi(
        "12345:secret-token", "https://bot-api.zaloplatforms.com", transport=httpx.MockTransport(handler)
    ), seen


def _error(status: int, code: int, description: str) -> Responder:
    return lambda _: httpx.Response(status, json={"ok": False, "error_code": code, "description": description})


async def test_requests_follow_the_documented_shape() -> None:
    api, seen = _api(lambda _: httpx.Response(200, json={"ok": True, "result": {"message_id": "m1"}}))
    try:
        assert (await api.send_message(USER, "Chào"))["message_id"] == "m1"
    finally:
        await api.aclose()
    [request] = seen
    assert request.method == "POST" and request.url.path == "/bot12345:secret-token/sendMessage"
    assert json.loads(request.content) == {"chat_id": USER, "text": "Chào"}


@pytest.mark.parametrize(
    ("status", "code", "description", "expected"),
    [
        (400, 400, "Bad Request: text is empty", ZaloBadRequest),
        (401, 401, "Unauthorized", ZaloUnauthorized),
        (403, 403, "Forbidden", ZaloForbidden),
        (404, 404, "Not Found", ZaloNotFound),
        (429, 429, "Quota exceeded", ZaloRateLimited),
        (500, 500, "Internal Server Error", ZaloServerError),
        (502, 502, "Bad Gateway", ZaloServerError),
        (200, 403, "Forbidden", ZaloForbidden),  # HTTP 200 with ok: false still fails
        (200, 429, "Quota exceeded", ZaloRateLimited),
        (200, 999, "something new", ZaloApiError),
    ],
)
async def test_each_documented_error_code(status: int, code: int, description: str, expected: type) -> None:
    api, _ = _api(_error(status, code, description))
    try:
        with pytest.raises(expected) as raised:
            await api.send_message(USER, "x")
    finally:
        await api.aclose()
    assert raised.value.code == code and "secret-token" not in str(raised.value)


async def test_ok_false_without_a_code_is_an_error_not_a_result() -> None:
    api, _ = _api(lambda _: httpx.Response(200, json={"ok": False, "description": "failed"}))
    try:
        with pytest.raises(ZaloApiError):
            await api.send_message(USER, "x")
    finally:
        await api.aclose()


async def test_get_updates_one_object_a_list_or_none() -> None:
    one = DOC_TEXT["result"]
    answers: list[Any] = [
        httpx.Response(200, json={"ok": True, "result": one}),
        httpx.Response(200, json={"ok": True, "result": [one, DOC_IMAGE]}),
        httpx.Response(408, json={"ok": False, "error_code": 408, "description": "Request Timeout"}),
    ]
    api, _ = _api(lambda _: answers.pop(0))
    try:
        assert await api.get_updates(1) == [one]
        assert await api.get_updates(1) == [one, DOC_IMAGE]  # a list is taken whole, not its first
        assert await api.get_updates(1) == []
    finally:
        await api.aclose()


def _sender(respond: Responder) -> ZaloSender:
    api, _ = _api(respond)
    return ZaloSender(api, Settings(), retry_base=0.0)


@pytest.mark.parametrize(
    ("description", "gone"),
    [
        ("Forbidden", False),  # documented among server errors: retried later
        ("Internal error", False),
        ("User has blocked the bot", True),
        ("Forbidden: user not found", True),
        ("Người dùng đã chặn bot", True),
    ],
)
async def test_403_is_retried_unless_it_says_the_recipient_is_gone(description: str, gone: bool) -> None:
    sender = _sender(_error(403, 403, description))
    try:
        with pytest.raises(DeliveryError) as raised:
            await sender.deliver(USER, [Reply("Nhắc việc")])
    finally:
        await sender.api.aclose()
    assert isinstance(raised.value, Unreachable) is gone


async def test_replies_retry_a_plain_403_and_stop_at_blocked() -> None:
    calls: list[str] = []

    def flaky(request: httpx.Request) -> httpx.Response:
        calls.append(request.url.path)
        if len(calls) == 1:
            return httpx.Response(403, json={"ok": False, "error_code": 403, "description": "Forbidden"})
        return httpx.Response(200, json={"ok": True, "result": {"message_id": "m2"}})

    sender = _sender(flaky)
    try:
        assert await sender.send(USER, [Reply("Trả lời")]) == 1
    finally:
        await sender.api.aclose()
    assert len(calls) == 2
    blocked = _sender(_error(403, 403, "user blocked the bot"))
    try:
        with pytest.raises(ZaloForbidden):
            await blocked.send(USER, [Reply("Trả lời")])
    finally:
        await blocked.api.aclose()
