"""Telegram updates as neutral messages: messages and button presses in, everything else (edits,
channel posts, member updates) ignored; kinds we cannot read are named so the user is told."""

from __future__ import annotations

from functools import partial

from telegram import Document as TgDocument
from telegram import Update

from bot.chat.messages import Document, Incoming, Location, Photo

PLATFORM = "telegram"
# The largest file a handler may ask to download (a unit's sheet is far smaller).
MAX_DOCUMENT_BYTES = 5 * 1024 * 1024
_UNSUPPORTED_KINDS = (
    "sticker",
    "voice",
    "audio",
    "video",
    "video_note",
    "animation",
    "contact",
    "poll",
    "dice",
    "venue",
    "game",
)


def to_incoming(update: Update) -> Incoming | None:
    """Translate a PTB update into the neutral message, or None for updates we do not act on."""
    user = update.effective_user
    chat = update.effective_chat
    if user is None or user.is_bot:
        return None
    key = str(update.update_id)
    if update.callback_query is not None:
        query = update.callback_query
        chat_id = str(chat.id) if chat else str(user.id)
        return Incoming(
            platform=PLATFORM,
            chat_id=chat_id,
            user_id=str(user.id),
            callback=query.data or "",
            display_name=user.full_name,
            update_key=key,
            group=bool(chat and chat.type != "private"),
            raw=update,
        )
    message = update.message
    if message is None or chat is None:
        return None  # edited messages, channel posts, polls, member updates...
    photos: tuple[Photo, ...] = ()
    if message.photo:
        largest = message.photo[-1]
        photos = (Photo(largest.file_id, largest.file_size),)
    location = Location(message.location.latitude, message.location.longitude) if message.location else None
    document = None
    if message.document is not None:
        doc = message.document
        fetch = partial(download, doc)
        document = Document(doc.file_id, doc.file_name or "", doc.file_size, doc.mime_type, fetch)
    unsupported = next((kind for kind in _UNSUPPORTED_KINDS if getattr(message, kind, None)), None)
    text = message.text if message.text is not None else message.caption
    return Incoming(
        platform=PLATFORM,
        chat_id=str(chat.id),
        user_id=str(user.id),
        text=text,
        location=location,
        photos=photos,
        document=document,
        display_name=user.full_name,
        update_key=key,
        unsupported=unsupported,
        group=chat.type != "private",
        raw=update,
    )


class DocumentTooLarge(ValueError):
    pass


async def download(document: TgDocument) -> bytes:
    """The document's bytes (getFile, then the file itself), refused above MAX_DOCUMENT_BYTES."""
    if document.file_size is not None and document.file_size > MAX_DOCUMENT_BYTES:
        raise DocumentTooLarge(f"document of {document.file_size} bytes")
    file = await document.get_file()
    data = bytes(await file.download_as_bytearray())
    if len(data) > MAX_DOCUMENT_BYTES:
        raise DocumentTooLarge(f"document of {len(data)} bytes")
    return data
