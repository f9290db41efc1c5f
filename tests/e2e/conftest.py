"""Fixtures for the end-to-end tests: one emulator per session, a prepared database per test, and
bot processes that are always stopped at the end of the test that started them.

Without Node.js (or without ``npm ci`` having run) the tests skip and say why; under CI (``CI`` set)
that is a failure instead, so a broken install cannot pass as green.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.bot_process import BotProcess, cli
from tests.e2e.emulator_client import Emulator, new_token, node_unavailable

FACILITIES_CSV = """ten,loai,dia_chi,tan_suat
Nhà tạm giữ Công an khu vực 1,nha_tam_giu,Số 1 phố Hàng Bài,
Trại tạm giam số 1,trai_tam_giam,Xã Thanh Liệt,
"""


@pytest.fixture(scope="session")
def emulator(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Emulator]:
    reason = node_unavailable()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"end-to-end tests cannot run in CI: {reason}")
        pytest.skip(reason)
    emu = Emulator(tmp_path_factory.mktemp("emulator") / "emulator.log")
    yield emu
    emu.stop()


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory, emulator: Emulator) -> Path:
    """A province HN with one regional unit HN-KV1 and its two facilities, set up with the CLI."""
    folder = tmp_path_factory.mktemp("template")
    db = folder / "bot.sqlite3"
    cli(db, "admin", "unit", "add", "--code", "HN", "--name", "VKSND TP Hà Nội", "--level", "tinh")
    cli(
        db,
        "admin",
        "unit",
        "add",
        "--code",
        "HN-KV1",
        "--name",
        "VKSND khu vực 1 - Hà Nội",
        "--level",
        "khu_vuc",
        "--parent",
        "HN",
    )
    csv = folder / "co_so.csv"
    csv.write_text(FACILITIES_CSV, encoding="utf-8")
    cli(db, "admin", "facilities", "import", str(csv), "--unit", "HN-KV1")
    return db


class Workspace:
    """A copy of the template database and the bot processes started on it (all stopped by ``close``)."""

    def __init__(self, emulator: Emulator, template: Path, folder: Path) -> None:
        self.emulator = emulator
        self.folder = folder
        self.db_path = folder / "bot.sqlite3"
        shutil.copy(template, self.db_path)  # the CLI closed it cleanly: no WAL file to copy
        self.db_path.chmod(0o600)
        self.bots: list[BotProcess] = []

    def start_bot(
        self, api_base: str | None = None, token: str | None = None, ready: bool = True, **env: str
    ) -> BotProcess:
        """A bot on this database; ``token`` reuses a previous bot's emulator queue (a restart)."""
        log = self.folder / f"bot{len(self.bots) + 1}.log"
        bot = BotProcess(self.db_path, token or new_token(), api_base or self.emulator.url, log, **env)
        self.bots.append(bot)
        return bot.start(ready=ready)

    def close(self) -> None:
        for bot in self.bots:
            bot.stop()


@pytest.fixture
def workspace(emulator: Emulator, template_db: Path, tmp_path: Path) -> Iterator[Workspace]:
    space = Workspace(emulator, template_db, tmp_path)
    yield space
    space.close()


@pytest.fixture(scope="module")
def shared(emulator: Emulator, template_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    """One database and one running bot for a whole module (tests use different people)."""
    space = Workspace(emulator, template_db, tmp_path_factory.mktemp("shared"))
    space.start_bot()
    yield space
    space.close()
