"""``python -m bot run --platform zalo`` in webhook mode, as a real process against the fake Zalo:
updates accepted (answered 200) just before a SIGTERM are all handled and answered before the
process exits 0 (drained); the platform is slow, so they are still in flight at the signal."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

from tests import REPO_ROOT
from tests.fakes import eventually, free_port
from tests.zalo_fake import FakeZalo

SECRET = "sigterm-secret-123"
USERS = [f"{i:020x}" for i in range(40)]


async def test_accepted_updates_are_answered_across_sigterm(tmp_path: Path) -> None:
    fake = await FakeZalo().start()
    fake.send_delay = 0.5
    port = free_port()
    env = {
        **os.environ,
        "BOT_ENV_FILE": str(tmp_path / "none.env"),
        "BOT_DB": str(tmp_path / "bot.sqlite3"),
        "ZALO_BOT_TOKEN": fake.token,
        "ZALO_API_BASE": fake.base_url,
        "ZALO_WEBHOOK_URL": "https://bot.example.org",
        "ZALO_WEBHOOK_SECRET": SECRET,
        "ZALO_WEBHOOK_PORT": str(port),
        "ZALO_MEDIA_DIR": str(tmp_path / "media"),
    }
    env.pop("TELEGRAM_BOT_TOKEN", None)
    bot = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "run",
        "--platform",
        "zalo",
        cwd=REPO_ROOT,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        await eventually(lambda: fake.webhook is not None, within=30, what="setWebhook")
        url = f"http://127.0.0.1:{port}/zalo"
        statuses = await asyncio.gather(*(fake.push(url, fake.text(u, "/start"), SECRET) for u in USERS))
        assert statuses == [200] * len(USERS)
        answered_at_signal = sum(1 for u in USERS if fake.texts(u))
        bot.send_signal(signal.SIGTERM)
        _, err = await asyncio.wait_for(bot.communicate(), timeout=60)
    finally:
        if bot.returncode is None:
            bot.kill()
        await fake.stop()
    assert bot.returncode == 0, err.decode()[-2000:]
    assert answered_at_signal < len(USERS)  # work was still in flight when the signal came
    assert all(len(fake.texts(u)) == 1 for u in USERS)  # and none of it was lost
    print(
        f"SIGTERM drain: {len(USERS) - answered_at_signal} of {len(USERS)} accepted updates answered after the signal"
    )
