"""Replies a platform would not take are queued in the outbox for the person who asked."""

from __future__ import annotations

import logging

import pytest

from bot.chat.messages import Button, Incoming, OutFile, Reply
from bot.delivery.outbox_worker import OutboxWorker
from bot.delivery.undelivered import queue_undelivered
from tests.conftest import World
from tests.fakes import FakeClock


class RecordingPlatform:
    platforms = ("test",)

    def __init__(self) -> None:
        self.sent: list[tuple[str, Reply]] = []

    async def deliver(self, chat_id: str, replies: list[Reply]) -> None:
        self.sent.extend((chat_id, r) for r in replies)


def _incoming(user_id: str, **fields: object) -> Incoming:
    return Incoming(platform="test", chat_id=user_id, user_id=user_id, text="x", update_key="42", **fields)  # type: ignore[arg-type]


async def test_replies_are_queued_with_their_buttons_and_a_note_for_attachments(world: World) -> None:
    replies = [
        Reply("Câu trả lời", ((Button("Xem thêm", "kb:1"),),)),
        Reply("Báo cáo tháng", file=OutFile("thang.xlsx", b"x")),
    ]
    services = world.app.services
    assert await queue_undelivered(services, _incoming("staff-a"), replies, "NetworkError") == 2
    platform = RecordingPlatform()
    assert await OutboxWorker(world.app.repos, platform, services.clock).run_once() == 2
    sent = sorted(platform.sent, key=lambda item: item[1].text)
    assert [(chat, r.text.split("\n")[0]) for chat, r in sent] == [
        ("staff-a", "Báo cáo tháng"),
        ("staff-a", "Câu trả lời"),
    ]
    assert sent[1][1].flat_buttons == [Button("Xem thêm", "kb:1")]
    assert "thang.xlsx" in sent[0][1].text and "yêu cầu lại" in sent[0][1].text
    assert await world.app.repos.outbox.count_by_status() == {"sent": 2}


async def test_a_stranger_or_a_group_cannot_be_queued_and_it_is_logged(
    world: World, caplog: pytest.LogCaptureFixture
) -> None:
    services = world.app.services
    with caplog.at_level(logging.ERROR):
        assert await queue_undelivered(services, _incoming("nobody"), [Reply("Chào")], "NetworkError") == 0
        assert await queue_undelivered(services, _incoming("staff-a", group=True), [Reply("Chào")], "Forbidden") == 0
    assert caplog.text.count("cannot be queued") == 2
    assert await world.app.repos.outbox.count_by_status() == {}


async def test_a_flood_control_wait_holds_the_queued_reply_back(world: World, clock: FakeClock) -> None:
    services = world.app.services
    assert await queue_undelivered(services, _incoming("staff-a"), [Reply("Chào")], "RetryAfter", retry_after=30) == 1
    platform = RecordingPlatform()
    worker = OutboxWorker(world.app.repos, platform, services.clock)
    assert await worker.run_once() == 0  # the platform asked for 30 s: nothing goes out yet
    clock.advance(seconds=31)
    assert await worker.run_once() == 1
    assert [r.text for _, r in platform.sent] == ["Chào"]
