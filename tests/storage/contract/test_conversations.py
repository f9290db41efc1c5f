"""The conversation store's contract: what the dispatcher saves after a message is what it
loads before the next one, in every store, across a restart."""

from __future__ import annotations

import asyncio

from storage.conversations import Conversation
from storage.repositories import Repositories
from tests.storage.contract.conftest import Opened

KEY = ("test", "chat-1", "user-1")
DRAFT = {
    "draft_id": "0123456789abcdef",
    "violations": ["Buồng số 3 ẩm thấp", 'Thiếu sổ "theo dõi"'],
    "photos": [["ph-1", 200_000, None]],
    "lat": 21.0285,
    "editing": True,
    "z": 1,
    "a": {"nested": [1, 2.5, None, False]},
}


class TestConversations:
    async def test_an_unknown_conversation_loads_empty(self, repos: Repositories) -> None:
        conv = await repos.conversations.load(*KEY)
        assert (conv.state, conv.data, conv.menu) == (None, {}, [])
        assert conv.changed() is None  # nothing to save

    async def test_what_is_saved_loads_back_and_is_not_saved_again(self, repos: Repositories) -> None:
        menu = [["1. Gửi", "ks:send:0123456789abcdef"], ["Hủy", "ks:cancel"]]
        await repos.conversations.save(*KEY, Conversation("ks.summary", dict(DRAFT), menu))
        conv = await repos.conversations.load(*KEY)
        assert (conv.state, conv.data, conv.menu) == ("ks.summary", DRAFT, menu)
        assert list(conv.data) == list(DRAFT)  # key order kept: a draft left alone encodes the same
        assert conv.changed() is None

    async def test_a_cleared_conversation_is_gone(self, repos: Repositories) -> None:
        await repos.conversations.save(*KEY, Conversation("ks.kind", {"draft_id": "x"}))
        conv = await repos.conversations.load(*KEY)
        conv.clear()
        await repos.conversations.save(*KEY, conv)
        again = await repos.conversations.load(*KEY)
        assert (again.state, again.data, again.menu) == (None, {}, [])

    async def test_platform_chat_and_user_each_separate_conversations(self, repos: Repositories) -> None:
        keys = [KEY, ("zalo", "chat-1", "user-1"), ("test", "chat-2", "user-1"), ("test", "chat-1", "user-2")]
        for i, key in enumerate(keys):
            await repos.conversations.save(*key, Conversation(f"s{i}", {"i": i}))
        loaded = await asyncio.gather(*(repos.conversations.load(*key) for key in keys))
        assert [(c.state, c.data) for c in loaded] == [(f"s{i}", {"i": i}) for i in range(len(keys))]

    async def test_saves_at_once_all_land_and_the_later_save_of_one_key_wins(self, repos: Repositories) -> None:
        saves = [repos.conversations.save("test", f"c{i}", f"u{i}", Conversation("st", {"n": i})) for i in range(30)]
        saves.append(repos.conversations.save("test", "c0", "u0", Conversation("st", {"n": "later"})))
        await asyncio.gather(*saves)
        loaded = await asyncio.gather(*(repos.conversations.load("test", f"c{i}", f"u{i}") for i in range(30)))
        assert [c.data["n"] for c in loaded] == ["later", *range(1, 30)]

    async def test_a_draft_survives_a_restart(self, store: Opened) -> None:
        await store.repos.conversations.save(*KEY, Conversation("ks.photos", dict(DRAFT), [["Xong", "ks:ok"]]))
        repos = await store.reopen()
        conv = await repos.conversations.load(*KEY)
        assert (conv.state, conv.data, conv.menu) == ("ks.photos", DRAFT, [["Xong", "ks:ok"]])
