"""Webhook mode over real HTTP: the adapter registers ``<url>/zalo`` with the secret at the fake
Bot API, serves it on 127.0.0.1, refuses a missing or wrong secret (401) and a malformed body
(400), answers 200 at once and handles the update in the background; the fake posts the
updates as Zalo does, bare or wrapped in ``{"ok", "result"}``."""

from __future__ import annotations

import httpx

from storage.users import Role
from tests.conftest import World, new_invite
from tests.zalo_harness import WEBHOOK_SECRET, zalo_running

ANH = "0a1b2c3d4e5f60718293"


async def test_webhook_registration_secret_and_bodies(world: World) -> None:
    async with zalo_running(world.app, webhook=True) as h:
        assert h.fake.webhook == {"url": "https://bot.example.org/zalo", "secret_token": WEBHOOK_SECRET}
        assert h.webhook is not None
        update = h.fake.text(ANH, "/start")
        assert await h.fake.push(h.webhook, update, None) == 401
        assert await h.fake.push(h.webhook, update, "wrong-secret-value") == 401
        assert await h.fake.push(h.webhook, update, WEBHOOK_SECRET[:-1]) == 401
        async with httpx.AsyncClient() as client:
            headers = {"X-Bot-Api-Secret-Token": WEBHOOK_SECRET}
            assert (await client.post(h.webhook, content=b"{not json", headers=headers)).status_code == 400
            assert (await client.post(h.webhook, json=[1, 2], headers=headers)).status_code == 400
            assert (await client.post(h.webhook, json={"event_name": "x"}, headers=headers)).status_code == 400
            assert (await client.get(h.webhook, headers=headers)).status_code == 405
        await h.adapter.drain()
        assert h.fake.texts() == []  # nothing refused reached the dispatcher
        [welcome] = await h.answer(ANH, update)
        assert "mã mời" in welcome


async def test_webhook_transcript_bare_and_wrapped_bodies_and_redelivery(world: World) -> None:
    code = await new_invite(world.app, "A", Role.STAFF)
    async with zalo_running(world.app, webhook=True) as h:
        await h.deliver(h.fake.text(ANH, f"/start {code}"), wrapped=True)
        assert "Đăng ký thành công" in h.fake.texts(ANH)[-1]
        question = h.fake.text(ANH, "gia han tam giu toi da bao nhieu ngay")
        answer = "\n".join(await h.answer(ANH, question))
        assert "9 ngày" in answer
        # Zalo retries a webhook it thinks failed: the same message is not answered twice.
        assert await h.answer(ANH, question) == []
    assert h.fake.sent("getUpdates") == [] and h.fake.sent("deleteWebhook") == []
    user = await world.app.repos.users.by_platform("zalo", ANH)
    assert user is not None and user.role is Role.STAFF
