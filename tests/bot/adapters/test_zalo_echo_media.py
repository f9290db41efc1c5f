"""Over real HTTP against the fake Zalo: the bot's own sends echoed back as updates (from the
bot's id, without ``is_bot``) are never answered, in polling and webhook mode; a received photo
whose link has already expired is kept as the link (the check-in still records it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.adapters.zalo import media
from bot.chat.messages import Photo
from tests.conftest import World
from tests.fakes import eventually
from tests.zalo_fake import FakeZalo
from tests.zalo_harness import zalo_running

ANH = "6ede9afa66b88fe6d6a9"
MODES = pytest.mark.parametrize("webhook", [False, True], ids=["polling", "webhook"])


@MODES
async def test_echoes_of_our_own_sends_are_not_answered(world: World, webhook: bool) -> None:
    fake = await FakeZalo(echo_sends=True).start()
    async with zalo_running(world.app, webhook=webhook, fake=fake) as h:
        answer = await h.say(ANH, "/start")
        assert answer and "mã mời" in answer[0]
        # Every send came back as an update; each is received and dropped, none answered.
        await eventually(lambda: h.adapter.received >= 1 + fake.echoed, what="the echoes to arrive")
        await h.adapter.drain()
        assert fake.echoed == len(fake.texts()) == len(answer)
        assert fake.texts(ANH) == answer


async def test_an_expired_photo_link_is_kept_as_the_link(world: World, tmp_path: Path) -> None:
    async with zalo_running(world.app, zalo_media_dir=str(tmp_path)) as h:
        gone = f"{h.fake.base_url}/photos/expired.jpg"  # the CDN answers 404
        kept = await media.keep_photo(h.adapter.api, Photo(gone, None, gone), str(tmp_path))
        assert kept == Photo(gone, None, gone)
        url = h.fake.photo("fresh.jpg", b"jpeg bytes")
        fresh = await media.keep_photo(h.adapter.api, Photo(url, None, url), str(tmp_path))
        assert fresh.file_id.startswith(media.LOCAL_PREFIX) and fresh.url == url and fresh.file_size == 10
        assert (tmp_path / fresh.file_id.removeprefix(media.LOCAL_PREFIX)).stat().st_mode & 0o777 == 0o600
