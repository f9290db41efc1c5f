"""``python -m bot admin unit add --reports-from`` and ``unit list`` show the tracked-from day."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.__main__ import main


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
