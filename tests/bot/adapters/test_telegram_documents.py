"""A file sent on Telegram, offline with real PTB objects: the update becomes a neutral
``Document`` whose fetch downloads the bytes (getFile, then the file), and a head's sheet sent
in the import step goes through the adapter and the real dispatcher to the dry run and storage."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import pytest
from telegram import Bot, Update

from bot.adapters.telegram import TelegramAdapter, to_incoming
from bot.adapters.telegram_updates import MAX_DOCUMENT_BYTES, DocumentTooLarge
from bot.app import App
from bot.config import Secret, Settings
from storage.users import Role
from tests.conftest import World
from tests.handlers.test_register_import_chat import GOOD_ROWS, sheet_bytes
from tests.ptb_offline import TOKEN, RecordingRequest, _message_dict, _update, command_update

HEAD_TG = 6001
NOW = datetime(2026, 12, 6, 4, 0, tzinfo=UTC)


def document_update(
    bot: Bot, user_id: int, file_id: str, file_name: str, size: int, *, caption: str | None = None
) -> Update:
    """A file sent as a document (not as a photo)."""
    document = {
        "file_id": file_id,
        "file_unique_id": f"u-{file_id}",
        "file_name": file_name,
        "mime_type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "file_size": size,
    }
    content: dict[str, Any] = {"document": document}
    if caption is not None:
        content["caption"] = caption
    return _update(bot, None, message=_message_dict(user_id, **content))


@pytest.fixture
def request_() -> RecordingRequest:
    return RecordingRequest()


@pytest.fixture
async def adapter(app: App, settings: Settings, request_: RecordingRequest) -> AsyncIterator[TelegramAdapter]:
    telegram = TelegramAdapter(app.dispatcher, replace(settings, telegram_token=Secret(TOKEN)), request=request_)
    await telegram.application.initialize()
    request_.clear()
    yield telegram
    await telegram.application.shutdown()


async def test_a_document_becomes_a_neutral_document_that_fetches_its_bytes(
    adapter: TelegramAdapter, request_: RecordingRequest
) -> None:
    data = sheet_bytes(GOOD_ROWS)
    request_.files["doc-1"] = data
    update = document_update(adapter.application.bot, HEAD_TG, "doc-1", "bang-theo-doi.xlsx", len(data))
    incoming = to_incoming(update)
    assert incoming is not None and incoming.document is not None
    assert incoming.unsupported is None  # a document is no longer answered as unreadable here
    assert (incoming.document.file_id, incoming.document.file_name) == ("doc-1", "bang-theo-doi.xlsx")
    assert incoming.document.file_size == len(data)
    assert request_.methods() == []  # nothing downloaded until a handler asks
    assert incoming.document.fetch is not None
    assert await incoming.document.fetch() == data
    assert request_.methods() == ["getFile"]  # then the file itself, by its path


async def test_a_document_over_the_limit_is_not_downloaded(
    adapter: TelegramAdapter, request_: RecordingRequest
) -> None:
    size = MAX_DOCUMENT_BYTES + 1
    incoming = to_incoming(document_update(adapter.application.bot, HEAD_TG, "big", "lon.xlsx", size))
    assert incoming is not None and incoming.document is not None and incoming.document.fetch is not None
    with pytest.raises(DocumentTooLarge):
        await incoming.document.fetch()
    assert request_.methods() == []


async def test_a_head_imports_a_sheet_through_the_adapter(
    adapter: TelegramAdapter, request_: RecordingRequest, world: World
) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    unit = await world.app.repos.units.by_code("A")
    assert unit is not None
    await world.app.repos.users.create("telegram", str(HEAD_TG), "Lãnh đạo Telegram", unit.id, Role.HEAD)
    bot = adapter.application.bot
    await adapter.application.process_update(command_update(bot, HEAD_TG, "/theodoi_nhap"))
    data = sheet_bytes(GOOD_ROWS)
    request_.files["doc-2"] = data
    request_.clear()
    await adapter.application.process_update(document_update(bot, HEAD_TG, "doc-2", "bang.xlsx", len(data)))
    assert request_.methods() == ["getFile", "sendMessage"]
    checked = request_.sent("sendMessage")[-1]
    assert "Kiểm tra xong: 2 dòng hợp lệ" in checked.text
    markup = checked.markup
    assert markup is not None
    confirm = [b["callback_data"] for row in markup["inline_keyboard"] for b in row if b["text"] == "Nhập 2 mục"]
    assert len(confirm) == 1
    assert await world.app.repos.db.fetchval("SELECT COUNT(*) FROM register_items") == 0
