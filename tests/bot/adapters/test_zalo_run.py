"""The "done when" check, in process: ``bot.app.run(settings, "zalo")`` with ZALO_BOT_TOKEN and
ZALO_API_BASE pointing at the fake Bot API serves a session (registration, help, a question,
a numbered menu), and stops cleanly; a refused token stops it with a clear message."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest

from bot.app import build_app, run
from bot.config import Settings, load_settings
from storage.users import Role
from tests.fakes import eventually
from tests.zalo_fake import FakeZalo

USER = "5e5e5e5e5e5e5e5e5e5e"


@pytest.fixture
async def fake() -> AsyncIterator[FakeZalo]:
    server = await FakeZalo().start()
    yield server
    await server.stop()


def _settings(tmp_path: Path, token: str, base: str) -> Settings:
    env = {"ZALO_BOT_TOKEN": token, "ZALO_API_BASE": base, "BOT_DB": str(tmp_path / "bot.sqlite3")}
    return load_settings(env=env, env_file=tmp_path / "absent.env")


async def _say(fake: FakeZalo, text: str) -> str:
    before = len(fake.texts(USER))
    fake.queue(fake.text(USER, text))
    await eventually(lambda: len(fake.texts(USER)) > before, what=f"an answer to {text!r}")
    return fake.texts(USER)[before]


async def test_run_serves_a_zalo_session(tmp_path: Path, fake: FakeZalo) -> None:
    settings = _settings(tmp_path, fake.token, fake.base_url)
    assert settings.default_platform() == "zalo"
    setup = await build_app(settings)  # what `python -m bot admin unit add` / `admin invite` do
    unit = await setup.repos.units.add("HN", "VKSND TP Hà Nội", "tinh")
    invite = await setup.repos.invites.create(unit.id, Role.ADMIN, created_by=None, ttl=timedelta(days=1))
    await setup.close()

    stop = asyncio.Event()
    served = asyncio.create_task(run(settings, "zalo", stop))
    try:
        await eventually(lambda: fake.sent("deleteWebhook") != [] or served.done(), what="polling to start")
        assert "Đăng ký thành công" in await _say(fake, f"/start {invite.code}")
        assert "/moi" in await _say(fake, "/help")
        assert "3 ngày" in await _say(fake, "thoi han tam giu la bao lau")
        menu = await _say(fake, "/moi")
        assert "\n3. Quản trị" in menu
        assert "Mã mời:" in await _say(fake, "3")
    finally:
        stop.set()
        code = await asyncio.wait_for(served, timeout=15)
    assert code == 0


async def test_a_refused_token_stops_with_a_clear_message(
    tmp_path: Path, fake: FakeZalo, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = _settings(tmp_path, "1111111111:not-the-fake-token", fake.base_url)
    assert await asyncio.wait_for(run(settings, "zalo", asyncio.Event()), timeout=15) == 1
    err = capsys.readouterr().err
    assert "ZALO_BOT_TOKEN" in err and "not-the-fake-token" not in err
