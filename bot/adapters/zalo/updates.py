"""Zalo updates as neutral messages: the four documented events, private or group chats,
the dedupe key (``event_name:message_id``; Zalo has no update id), and what is malformed."""

from __future__ import annotations

from typing import Any

from bot.chat.messages import Incoming, Photo

PLATFORM = "zalo"
TEXT, IMAGE, STICKER = "message.text.received", "message.image.received", "message.sticker.received"


class MalformedUpdate(ValueError):
    """The body is not a Zalo update (no event name, message, sender or chat)."""


def unwrap(body: Any) -> Any:
    """Webhook bodies come either bare or wrapped as ``{"ok": true, "result": update}``."""
    if isinstance(body, dict) and "event_name" not in body and isinstance(body.get("result"), dict):
        return body["result"]
    return body


def _id(part: object, what: str) -> str:
    value = part.get("id") if isinstance(part, dict) else None
    if not isinstance(value, str | int) or isinstance(value, bool) or not str(value).strip():
        raise MalformedUpdate(f"update without {what} id")
    return str(value)


def to_incoming(update: Any, bot_id: str | None = None) -> Incoming | None:
    """Translate one update into the neutral message; None for updates we do not act on: from a
    bot, or from this bot itself (Zalo may echo the bot's own sends back as updates, and the
    sender then need not say ``is_bot``: answering would loop)."""
    if not isinstance(update, dict):
        raise MalformedUpdate("update is not an object")
    event, message = update.get("event_name"), update.get("message")
    if not isinstance(event, str) or not isinstance(message, dict):
        raise MalformedUpdate("update without event_name or message")
    sender, chat = message.get("from"), message.get("chat")
    user_id, chat_id = _id(sender, "sender"), _id(chat, "chat")
    if not isinstance(sender, dict) or not isinstance(chat, dict):  # _id has refused them already
        raise MalformedUpdate("update without sender or chat")
    if sender.get("is_bot") is True or (bot_id is not None and user_id == bot_id):
        return None
    message_id = message.get("message_id")
    name = sender.get("display_name") or sender.get("name") or ""
    base: dict[str, Any] = {
        "platform": PLATFORM,
        "chat_id": chat_id,
        "user_id": user_id,
        "display_name": str(name)[:100],
        # Zalo has no update id: the message id within its event kind identifies a delivery.
        "update_key": f"{event}:{message_id}" if message_id not in (None, "") else None,
        "group": str(chat.get("chat_type") or "PRIVATE").upper() != "PRIVATE",
        "raw": update,
    }
    text = message.get("text")
    if event == TEXT:
        return Incoming(text=text if isinstance(text, str) else "", **base)
    caption = message.get("caption")
    caption = caption if isinstance(caption, str) and caption.strip() else None
    if event == IMAGE:
        url = message.get("photo_url") or message.get("photo")
        if isinstance(url, str) and url.startswith(("https://", "http://")):
            return Incoming(text=caption, photos=(Photo(url, None, url),), **base)
        return Incoming(unsupported="image", **base)
    return Incoming(unsupported="sticker" if event == STICKER else event[:40], **base)
