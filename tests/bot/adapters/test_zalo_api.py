"""The Zalo Bot API client against the fake over real HTTP (envelope and error codes mapped to
exceptions, no token in any message), the update translation, and the rendering of replies
for a platform without buttons, documents or long messages."""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path

import pytest

from bot.adapters.zalo.adapter import ZaloAdapter
from bot.adapters.zalo.api import (
    ZaloBadRequest,
    ZaloBotApi,
    ZaloForbidden,
    ZaloNetworkError,
    ZaloNotFound,
    ZaloRateLimited,
    ZaloServerError,
    ZaloUnauthorized,
)
from bot.adapters.zalo.sending import CHART_AS_TEXT, FILE_UNAVAILABLE, Outgoing
from bot.adapters.zalo.updates import MalformedUpdate, to_incoming, unwrap
from bot.app import App
from bot.chat.menus import NUMBER_HINT
from bot.chat.messages import Button, OutFile, Photo, Reply, reply
from bot.config import Secret
from tests.zalo_fake import FakeZalo


@pytest.fixture
async def fake() -> AsyncIterator[FakeZalo]:
    server = await FakeZalo().start()
    yield server
    await server.stop()


async def test_client_calls_and_error_codes(fake: FakeZalo) -> None:
    api = ZaloBotApi(fake.token, fake.base_url)
    try:
        assert (await api.get_me())["account_name"] == "bot.TroLyVKS"
        assert (await api.send_message("u1", "Xin chào"))["message_id"]
        assert await api.get_updates(poll_seconds=0) == []  # 408: no update
        update = fake.queue(fake.text("u1", "hi"))
        assert await api.get_updates(poll_seconds=5) == [update]
        with pytest.raises(ZaloBadRequest, match="1-2000"):
            await api.send_message("u1", "x" * 2001)
        with pytest.raises(ZaloBadRequest):
            await api.set_webhook("http://not-https.example/zalo", "secret-123")
        await api.set_webhook("https://bot.example.org/zalo", "secret-123")
        with pytest.raises(ZaloBadRequest, match="webhook"):
            await api.get_updates(poll_seconds=0)
        await api.delete_webhook()
        with pytest.raises(ZaloNotFound):
            await api.call("sendDocument", {"chat_id": "u1"})
        fake.fail("sendMessage", 429, retry_after=3)
        with pytest.raises(ZaloRateLimited) as limited:
            await api.send_message("u1", "a")
        assert limited.value.retry_after == 3 and limited.value.code == 429
        fake.fail("sendMessage", 429)
        with pytest.raises(ZaloRateLimited) as plain:
            await api.send_message("u1", "a")
        assert plain.value.retry_after is None
        fake.fail("sendMessage", 503)
        with pytest.raises(ZaloServerError):
            await api.send_message("u1", "a")
        fake.fail("sendMessage", 403, description="Forbidden: user blocked")
        with pytest.raises(ZaloForbidden):
            await api.send_message("u1", "a")
    finally:
        await api.aclose()
    wrong = ZaloBotApi("0000:wrong-token-value", fake.base_url)
    try:
        with pytest.raises(ZaloUnauthorized) as refused:
            await wrong.get_me()
        assert "wrong-token-value" not in str(refused.value)
    finally:
        await wrong.aclose()


async def test_network_errors_never_show_the_url_or_token() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed again: nothing listens there
    api = ZaloBotApi("123:secret-token-xyz", f"http://127.0.0.1:{port}")
    try:
        with pytest.raises(ZaloNetworkError) as failed:
            await api.send_message("u1", "a")
    finally:
        await api.aclose()
    assert failed.value.code is None and "ConnectError" in str(failed.value)
    assert "secret-token-xyz" not in str(failed.value) and failed.value.__cause__ is None


def _message(event: str = "message.text.received", **fields: object) -> dict[str, object]:
    message = {
        "from": {"id": "aa11", "display_name": "Nguyễn Văn A", "is_bot": False},
        "chat": {"id": "aa11", "chat_type": "PRIVATE"},
        "message_id": "m-1",
        "date": 1767225600000,
        **fields,
    }
    return {"event_name": event, "message": message}


def test_updates_become_incoming_messages() -> None:
    text = to_incoming(_message(text="thoi han tam giu"))
    assert text is not None
    assert (text.platform, text.chat_id, text.user_id, text.text) == ("zalo", "aa11", "aa11", "thoi han tam giu")
    assert text.display_name == "Nguyễn Văn A" and text.update_key == "message.text.received:m-1" and not text.group
    image = to_incoming(_message("message.image.received", photo_url="https://f.zalo.example/p.jpg", caption="Buồng 1"))
    assert image is not None and image.text == "Buồng 1"
    assert image.photos == (Photo("https://f.zalo.example/p.jpg", None, "https://f.zalo.example/p.jpg"),)
    assert image.update_key == "message.image.received:m-1"
    older = to_incoming(_message("message.image.received", photo="https://f.zalo.example/q.jpg"))
    assert older is not None and older.photos[0].url == "https://f.zalo.example/q.jpg" and older.text is None
    broken = to_incoming(_message("message.image.received", photo_url="file:///etc/passwd"))
    assert broken is not None and broken.photos == () and broken.unsupported == "image"
    sticker = to_incoming(_message("message.sticker.received", sticker="s1"))
    assert sticker is not None and sticker.unsupported == "sticker"
    other = to_incoming(_message("message.unsupported.received"))
    assert other is not None and other.unsupported == "message.unsupported.received"
    group = _message(text="hi")
    group["message"]["chat"] = {"id": "g1", "chat_type": "GROUP"}  # type: ignore[index]
    grouped = to_incoming(group)
    assert grouped is not None and grouped.group and grouped.chat_id == "g1"
    bot = _message(text="hi")
    bot["message"]["from"]["is_bot"] = True  # type: ignore[index]
    assert to_incoming(bot) is None
    assert unwrap({"ok": True, "result": _message(text="x")}) == _message(text="x")


@pytest.mark.parametrize(
    "body",
    [
        None,
        [],
        {},
        {"event_name": "message.text.received"},
        {"event_name": "message.text.received", "message": {"chat": {"id": "c"}}},
        {"event_name": "message.text.received", "message": {"from": {"id": ""}, "chat": {"id": "c"}}},
        {"event_name": "message.text.received", "message": {"from": {"id": "u"}, "chat": {"id": True}}},
        {"event_name": 7, "message": {"from": {"id": "u"}, "chat": {"id": "c"}}},
    ],
)
def test_malformed_updates_are_refused(body: object) -> None:
    with pytest.raises(MalformedUpdate):
        to_incoming(unwrap(body))


def _adapter(app: App, **changes: object) -> ZaloAdapter:
    settings = replace(app.services.settings, zalo_token=Secret("1234567890:render-only"), **changes)
    return ZaloAdapter(app.dispatcher, settings, api=ZaloBotApi("x", "http://127.0.0.1:9"))


async def test_rendering_numbers_buttons_across_replies_and_splits_long_text(app: App) -> None:
    adapter = _adapter(app)
    try:
        out = adapter.sender.render(
            [
                reply("Chọn vai trò:", [Button("Cán bộ", "r:1"), Button("Lãnh đạo", "r:2")]),
                reply("Hoặc:", [Button("Hủy", "x")]),
            ]
        )
        assert out == [
            Outgoing("Chọn vai trò:\n1. Cán bộ\n2. Lãnh đạo"),
            Outgoing(f"Hoặc:\n3. Hủy\n{NUMBER_HINT}"),
        ]
        lines = [f"Dòng {i}: " + "nội dung " * 20 for i in range(40)]  # ~7,500 characters
        parts = adapter.sender.render([Reply("\n".join(lines), ((Button("Xem tiếp", "more"),),))])
        assert len(parts) > 3 and all(len(p.text) <= 2000 for p in parts)
        assert all(not p.text.startswith(" ") for p in parts)
        # Split on line boundaries: every line arrives whole, in order, options on the last part.
        assert "\n".join(p.text for p in parts).split("\n")[: len(lines)] == lines
        assert parts[-1].text.endswith(f"1. Xem tiếp\n{NUMBER_HINT}")
        one_line = adapter.sender.render([Reply("chữ " * 900)])  # one 3,600-character line: split between words
        assert [len(p.text) <= 2000 for p in one_line] == [True, True]
        assert adapter.sender.render([Reply("")]) == []
    finally:
        await adapter.aclose()


async def test_files_charts_and_location_requests(app: App, tmp_path: Path) -> None:
    xlsx = OutFile("kiemsat-A-2026-03.xlsx", b"PK...", "application/vnd.ms-excel")
    chart = OutFile("bieu-do.png", b"\x89PNG fake", "image/png")
    plain = _adapter(app)
    media = _adapter(app, zalo_media_url="https://media.example.org/vks", zalo_media_dir=str(tmp_path / "media"))
    try:
        [file_note] = plain.sender.render([Reply("Phiếu tháng 03/2026: 2 phiếu.", file=xlsx)])
        assert file_note.text == "Phiếu tháng 03/2026: 2 phiếu.\n\n" + FILE_UNAVAILABLE.format(name=xlsx.filename)
        [as_text] = plain.sender.render([Reply("Tỷ lệ đúng hạn: 95%", photo=chart)])
        assert as_text.text == f"Tỷ lệ đúng hạn: 95%\n{CHART_AS_TEXT}"
        photo, caption = media.sender.render([Reply("Tỷ lệ đúng hạn: 95%", photo=chart)])
        assert caption.text == "Tỷ lệ đúng hạn: 95%"
        assert photo.photo_url is not None and photo.photo_url.startswith("https://media.example.org/vks/")
        name = photo.photo_url.rsplit("/", 1)[1]
        assert name.endswith(".png") and len(name) > 20  # unguessable
        assert (tmp_path / "media" / name).read_bytes() == chart.data
        assert (tmp_path / "media" / name).stat().st_mode & 0o777 == 0o600
        [location] = plain.sender.render([Reply("Gửi vị trí", ((Button("Bỏ qua", "skip"),),), request_location=True)])
        assert location.text.startswith("Gửi vị trí\n1. Bỏ qua") and "Zalo không gửi vị trí" in location.text
    finally:
        await plain.aclose()
        await media.aclose()


async def test_long_reply_over_http_arrives_in_parts_under_2000(app: App, fake: FakeZalo) -> None:
    settings = replace(app.services.settings, zalo_token=Secret(fake.token), zalo_api_base=fake.base_url)
    adapter = ZaloAdapter(app.dispatcher, settings)
    text = "\n".join(f"{i}. " + "x" * 150 for i in range(30))
    try:
        assert await adapter.sender.send("u9", [Reply(text)]) == 3
    finally:
        await adapter.aclose()
    sent = fake.texts("u9")
    assert [len(t) <= 2000 for t in sent] == [True] * 3 and "\n".join(sent) == text
