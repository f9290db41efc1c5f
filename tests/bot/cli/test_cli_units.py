"""``python -m bot admin unit add --reports-from`` and ``unit list`` show the tracked-from day."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import pytest

from bot.__main__ import main
from bot.app import build_app
from bot.config import Settings
from storage.users import Role
from tests.fakes import FakeChat


def test_unit_add_with_a_tracked_from_day(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("BOT_DB", str(tmp_path / "bot.sqlite3"))
    monkeypatch.setenv("BOT_ENV_FILE", str(tmp_path / "absent.env"))
    assert (
        main(
            [
                "admin",
                "unit",
                "add",
                "--code",
                "HN",
                "--name",
                "VKSND TP Hà Nội",
                "--level",
                "tinh",
                "--reports-from",
                "01/10/2026",
            ]
        )
        == 0
    )
    assert "Đã thêm đơn vị HN — VKSND TP Hà Nội (theo dõi báo cáo từ 01/10/2026)" in capsys.readouterr().out
    assert main(["admin", "unit", "list"]) == 0
    assert capsys.readouterr().out.splitlines() == ["HN\ttinh\t-\t01/10/2026\tVKSND TP Hà Nội"]
    with pytest.raises(SystemExit):
        main(
            ["admin", "unit", "add", "--code", "X", "--name", "Xxx", "--level", "tinh", "--reports-from", "31/02/2026"]
        )
    assert "không phải ngày dạng dd/mm/yyyy" in capsys.readouterr().err


def _shape(text: str) -> list[str]:
    """The invite's lines with the code and the expiry time left out."""
    return [re.sub(r"[A-Z0-9]{4}-[A-Z0-9]{4}|\d\d:\d\d \d\d/\d\d/\d{4}", "…", line) for line in text.splitlines()]


async def test_cli_invite_reads_like_moi(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "bot.sqlite3"
    monkeypatch.setenv("BOT_DB", str(db))
    monkeypatch.setenv("BOT_ENV_FILE", str(tmp_path / "absent.env"))
    assert (
        await asyncio.to_thread(main, ["admin", "unit", "add", "--code", "HN", "--name", "VKSND HN", "--level", "tinh"])
        == 0
    )
    capsys.readouterr()
    assert await asyncio.to_thread(main, ["admin", "invite", "--unit", "HN", "--role", "lanhdao"]) == 0
    printed = capsys.readouterr().out
    app = await build_app(Settings(db_path=str(db)))
    try:
        unit = await app.repos.units.by_code("HN")
        assert unit is not None
        await app.repos.users.create("test", "adm", "Quản trị", unit.id, Role.ADMIN)
        chat = await FakeChat(app.dispatcher, "adm").text("/moi lanhdao HN")
    finally:
        await app.close()
    assert _shape(printed) == _shape(chat)
    assert "Vai trò: Lãnh đạo đơn vị" in printed and "Hết hạn: " in printed
