"""python-telegram-bot without a network: a recording Bot API stand-in and real ``Update``
objects built offline from Bot API dicts.

``RecordingRequest`` is what PTB's ``Bot`` talks to instead of HTTPS: every call is recorded
(method, parameters) and answered with canned Bot API JSON, or made to fail (429, network, 403/400).
"""

from __future__ import annotations

import itertools
import json
from collections import defaultdict, deque
from dataclasses import dataclass, field
from typing import Any

from telegram import Bot, Update
from telegram._utils.defaultvalue import DEFAULT_NONE
from telegram._utils.types import ODVInput
from telegram.error import NetworkError
from telegram.request import BaseRequest, RequestData

BOT_ID = 123456
BOT_USER: dict[str, Any] = {
    "id": BOT_ID,
    "is_bot": True,
    "first_name": "Trợ lý VKS",
    "username": "tro_ly_vks_test_bot",
    "can_join_groups": False,
    "can_read_all_group_messages": False,
    "supports_inline_queries": False,
}
TOKEN = f"{BOT_ID}:" + "A" * 35
FIXED_DATE = 1_772_413_200  # 2026-03-02 01:00 UTC; dates in canned answers are not checked

FLOOD = "flood"
NETWORK = "network"
BLOCKED = "blocked"
CHAT_NOT_FOUND = "chat_not_found"
TOO_LONG = "too_long"
_PASS = "pass"  # a scripted call that goes through
# Bot API error answers: kind -> (HTTP status, body).
_ERRORS: dict[str, tuple[int, dict[str, Any]]] = {
    FLOOD: (
        429,
        {
            "ok": False,
            "error_code": 429,
            "description": "Too Many Requests: retry after 1",
            "parameters": {"retry_after": 1},
        },
    ),
    BLOCKED: (403, {"ok": False, "error_code": 403, "description": "Forbidden: bot was blocked by the user"}),
    CHAT_NOT_FOUND: (400, {"ok": False, "error_code": 400, "description": "Bad Request: chat not found"}),
    TOO_LONG: (400, {"ok": False, "error_code": 400, "description": "Bad Request: message is too long"}),
}


@dataclass(frozen=True, slots=True)
class Call:
    """One Bot API call as Telegram would have received it."""

    method: str
    params: dict[str, Any]
    files: dict[str, tuple[str | None, bytes]] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return str(self.params.get("text", ""))

    @property
    def markup(self) -> dict[str, Any] | None:
        value = self.params.get("reply_markup")
        if isinstance(value, str):
            value = json.loads(value)
        return value


class RecordingRequest(BaseRequest):
    """A ``BaseRequest`` that never touches the network: records calls, answers from a script."""

    def __init__(self) -> None:
        self.calls: list[Call] = []
        # Every attempt, including the ones made to fail: (method, outcome).
        self.attempts: list[tuple[str, str]] = []
        self._failures: dict[str, deque[str]] = defaultdict(deque)
        self._message_ids = itertools.count(1)
        self.initialized = False
        self.shut_down = False
        # Files users sent, by file_id: getFile answers a path whose download gives the bytes.
        self.files: dict[str, bytes] = {}

    # -- BaseRequest -------------------------------------------------------------------------
    @property
    def read_timeout(self) -> float | None:
        return 1.0

    async def initialize(self) -> None:
        self.initialized = True

    async def shutdown(self) -> None:
        self.shut_down = True

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = DEFAULT_NONE,
        write_timeout: ODVInput[float] = DEFAULT_NONE,
        connect_timeout: ODVInput[float] = DEFAULT_NONE,
        pool_timeout: ODVInput[float] = DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        name = url.rstrip("/").rsplit("/", 1)[-1]
        if "/file/bot" in url and name in self.files:
            return 200, self.files[name]
        params = dict(request_data.parameters) if request_data is not None else {}
        failures = self._failures.get(name)
        kind = failures.popleft() if failures else _PASS
        if kind != _PASS:
            self.attempts.append((name, kind))
            if kind == NETWORK:
                raise NetworkError("offline test: connection reset")
            status, body = _ERRORS[kind]
            return status, _dump(body)
        self.attempts.append((name, "ok"))
        files: dict[str, tuple[str | None, bytes]] = {}
        if request_data is not None and request_data.contains_files:
            for part, value in request_data.multipart_data.items():
                filename, content = value[0], value[1]
                data = content if isinstance(content, bytes) else content.read()
                files[part] = (filename, data)
        self.calls.append(Call(name, params, files))
        return 200, _dump({"ok": True, "result": self._result(name, params)})

    # -- scripting ---------------------------------------------------------------------------
    def fail_next(self, method: str, times: int = 1, *, kind: str = FLOOD, after: int = 0) -> None:
        """Make the next ``times`` calls of ``method`` fail (once ``after`` more have succeeded): a 429
        (``FLOOD``), a ``NETWORK`` error, a 403 (``BLOCKED``) or a 400 (``CHAT_NOT_FOUND``, ``TOO_LONG``)."""
        if kind != NETWORK and kind not in _ERRORS:
            raise ValueError(f"unknown failure kind {kind!r}")
        self._failures[method].extend([_PASS] * after + [kind] * times)

    def sent(self, method: str | None = None) -> list[Call]:
        """The successful calls, optionally of one method (``getMe`` and the like included)."""
        return [c for c in self.calls if method is None or c.method == method]

    def methods(self, *, skip: tuple[str, ...] = ("getMe",)) -> list[str]:
        return [c.method for c in self.calls if c.method not in skip]

    def clear(self) -> None:
        self.calls.clear()
        self.attempts.clear()

    # -- canned answers ----------------------------------------------------------------------
    def _message(self, params: dict[str, Any], **content: Any) -> dict[str, Any]:
        chat_id = params.get("chat_id", 0)
        chat_id = int(chat_id) if str(chat_id).lstrip("-").isdigit() else 0
        message: dict[str, Any] = {
            "message_id": next(self._message_ids),
            "date": FIXED_DATE,
            "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "group", "title": "x"},
            "from": BOT_USER,
        }
        message.update(content)
        return message

    def _result(self, name: str, params: dict[str, Any]) -> Any:
        if name == "getMe":
            return BOT_USER
        if name == "sendMessage":
            return self._message(params, text=params.get("text", ""))
        if name == "sendDocument":
            document = {"file_id": "doc-file", "file_unique_id": "doc-unique", "file_name": "tep"}
            return self._message(params, document=document, caption=params.get("caption"))
        if name == "sendPhoto":
            photo = [{"file_id": "photo-file", "file_unique_id": "photo-unique", "width": 90, "height": 90}]
            return self._message(params, photo=photo, caption=params.get("caption"))
        if name == "getUpdates":
            return []
        if name == "getFile":
            fid = str(params["file_id"])
            return {"file_id": fid, "file_unique_id": f"u-{fid}", "file_path": f"documents/{fid}"}
        if name in ("answerCallbackQuery", "deleteWebhook", "setWebhook", "sendChatAction"):
            return True
        raise AssertionError(f"RecordingRequest has no canned answer for {name}")


def _dump(data: dict[str, Any]) -> bytes:
    return json.dumps(data).encode()


# -- updates built offline -------------------------------------------------------------------
_update_ids = itertools.count(1000)


def next_update_id() -> int:
    return next(_update_ids)


def tg_user(user_id: int, first_name: str = "Nguyễn", last_name: str | None = "Văn A") -> dict[str, Any]:
    user: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": first_name, "language_code": "vi"}
    if last_name:
        user["last_name"] = last_name
    return user


def private_chat(user_id: int) -> dict[str, Any]:
    return {"id": user_id, "type": "private", "first_name": "Nguyễn"}


def group_chat(chat_id: int = -100123) -> dict[str, Any]:
    return {"id": chat_id, "type": "supergroup", "title": "Nhóm VKS"}


def _message_dict(user_id: int, chat: dict[str, Any] | None = None, **content: Any) -> dict[str, Any]:
    message = {
        "message_id": next(_update_ids),
        "date": FIXED_DATE,
        "chat": chat or private_chat(user_id),
        "from": tg_user(user_id),
    }
    message.update(content)
    return message


def _update(bot: Bot, update_id: int | None, **fields: Any) -> Update:
    data = {"update_id": update_id if update_id is not None else next_update_id(), **fields}
    update = Update.de_json(data, bot)
    assert update is not None
    return update


def text_update(bot: Bot, user_id: int, text: str, *, update_id: int | None = None) -> Update:
    return _update(bot, update_id, message=_message_dict(user_id, text=text))


def command_update(bot: Bot, user_id: int, command: str, *, update_id: int | None = None) -> Update:
    """``command`` as typed, e.g. ``"/start ABCD-EFGH"``; carries the bot_command entity Telegram adds."""
    name = command.split(" ", 1)[0]
    entities = [{"type": "bot_command", "offset": 0, "length": len(name)}]
    return _update(bot, update_id, message=_message_dict(user_id, text=command, entities=entities))


def callback_update(bot: Bot, user_id: int, data: str, *, update_id: int | None = None) -> Update:
    """A button press on a message the bot sent earlier in the private chat."""
    bot_message = {
        "message_id": next(_update_ids),
        "date": FIXED_DATE,
        "chat": private_chat(user_id),
        "from": BOT_USER,
        "text": "Chọn:",
    }
    query = {
        "id": f"cq-{next(_update_ids)}",
        "from": tg_user(user_id),
        "chat_instance": "ci-1",
        "data": data,
        "message": bot_message,
    }
    return _update(bot, update_id, callback_query=query)


def photo_update(
    bot: Bot, user_id: int, *, caption: str | None = None, sizes: tuple[int, ...] = (90, 320, 1280)
) -> Update:
    """A photo as Telegram sends it: several sizes, smallest first."""
    photo = [
        {"file_id": f"ph-{side}", "file_unique_id": f"u-{side}", "width": side, "height": side, "file_size": side * 100}
        for side in sizes
    ]
    content: dict[str, Any] = {"photo": photo}
    if caption is not None:
        content["caption"] = caption
    return _update(bot, None, message=_message_dict(user_id, **content))


def location_update(bot: Bot, user_id: int, latitude: float, longitude: float) -> Update:
    return _update(bot, None, message=_message_dict(user_id, location={"latitude": latitude, "longitude": longitude}))


def sticker_update(bot: Bot, user_id: int) -> Update:
    sticker = {
        "file_id": "st-1",
        "file_unique_id": "st-u1",
        "type": "regular",
        "width": 512,
        "height": 512,
        "is_animated": False,
        "is_video": False,
        "emoji": "👍",
    }
    return _update(bot, None, message=_message_dict(user_id, sticker=sticker))


def group_text_update(bot: Bot, user_id: int, text: str, chat_id: int = -100123) -> Update:
    return _update(bot, None, message=_message_dict(user_id, chat=group_chat(chat_id), text=text))


def edited_text_update(bot: Bot, user_id: int, text: str) -> Update:
    edited = _message_dict(user_id, text=text, edit_date=FIXED_DATE + 60)
    return _update(bot, None, edited_message=edited)
