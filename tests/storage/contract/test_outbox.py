"""The outbox's contract: a message is queued once per key, due in order, attempted by one
sender, and never sent again once it may have arrived."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from storage.outbox import NewMessage
from storage.repositories import Repositories
from tests.storage.contract.conftest import NOW, Opened, person


class TestOutbox:
    async def test_a_key_is_queued_once(self, repos: Repositories) -> None:
        user = await person(repos)
        assert await repos.outbox.enqueue(key="r:1", user=user, text="Nhắc báo cáo", now=NOW) is True
        assert await repos.outbox.enqueue(key="r:1", user=user, text="lần hai", now=NOW) is False
        batch = [NewMessage("r:1", user, "lần ba"), NewMessage("r:2", user, "Khác"), NewMessage("r:2", user, "trùng")]
        assert await repos.outbox.queue(batch, NOW) == 1
        first = await repos.outbox.for_key("r:1")
        assert first is not None and first.text == "Nhắc báo cáo"
        assert await repos.outbox.count_by_status() == {"pending": 2}

    async def test_due_messages_come_oldest_first_for_the_platforms_asked(self, repos: Repositories) -> None:
        tg = await person(repos, "tg", "telegram")
        zl = await person(repos, "zl", "zalo")
        buttons = [[("1. Đã gửi báo cáo", "rp:s:1")]]
        await repos.outbox.enqueue(key="b", user=tg, text="B", now=NOW, not_before=NOW + timedelta(minutes=2))
        await repos.outbox.enqueue(key="a", user=tg, text="A", now=NOW, buttons=buttons)
        await repos.outbox.enqueue(key="z", user=zl, text="Z", now=NOW)
        await repos.outbox.enqueue(key="later", user=tg, text="L", now=NOW, not_before=NOW + timedelta(hours=1))
        await repos.outbox.enqueue(key="gone", user=tg, text="G", now=NOW, expires_at=NOW + timedelta(minutes=1))
        due = await repos.outbox.due(("telegram",), NOW + timedelta(minutes=5))
        assert [m.key for m in due] == ["a", "b"]
        assert due[0].buttons == [[("1. Đã gửi báo cáo", "rp:s:1")]] and due[0].chat_id == "tg"
        expired = await repos.outbox.for_key("gone")
        assert expired is not None and expired.status == "skipped"  # expired on the way, never sent
        assert await repos.outbox.next_due(("telegram",)) == NOW
        assert [m.key for m in await repos.outbox.due(("zalo",), NOW)] == ["z"]

    async def test_one_attempt_wins_and_each_ending_is_kept(self, repos: Repositories) -> None:
        user = await person(repos)
        for key in ("sent", "failed", "unreachable", "retry"):
            await repos.outbox.enqueue(key=key, user=user, text=key, now=NOW)
        due = {m.key: m for m in await repos.outbox.due(("test",), NOW)}
        attempts = await asyncio.gather(*(repos.outbox.begin_attempt(due["sent"], NOW) for _ in range(3)))
        [won] = [a for a in attempts if a is not None]
        assert (won.status, won.attempts) == ("sending", 1)
        await repos.outbox.mark_sent(won.id, NOW)
        for key, mark in (("failed", repos.outbox.mark_failed), ("unreachable", repos.outbox.mark_unreachable)):
            started = await repos.outbox.begin_attempt(due[key], NOW)
            assert started is not None
            await mark(started.id, "lỗi " + key)
        retried = await repos.outbox.begin_attempt(due["retry"], NOW)
        assert retried is not None
        at = await repos.outbox.retry_later(retried.id, NOW + timedelta(seconds=9, microseconds=1), "429")
        assert at == NOW + timedelta(seconds=10)  # rounded up, never earlier
        assert await repos.outbox.due(("test",), NOW + timedelta(seconds=9)) == []
        [again] = await repos.outbox.due(("test",), at)
        assert (again.key, again.attempts, again.last_error) == ("retry", 1, "429")
        statuses = await repos.outbox.count_by_status()
        assert statuses == {"sent": 1, "failed": 1, "unreachable": 1, "pending": 1}

    async def test_a_send_interrupted_by_a_stop_is_never_repeated(self, store: Opened) -> None:
        user = await person(store.repos)
        await store.repos.outbox.enqueue(key="k", user=user, text="T", now=NOW)
        [message] = await store.repos.outbox.due(("test",), NOW)
        assert await store.repos.outbox.begin_attempt(message, NOW) is not None
        repos = await store.reopen()  # the process stopped while sending
        assert await repos.outbox.reconcile_interrupted() == 1
        assert await repos.outbox.due(("test",), NOW + timedelta(days=1)) == []
        kept = await repos.outbox.for_key("k")
        assert kept is not None and kept.status == "uncertain"
