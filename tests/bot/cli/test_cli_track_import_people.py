"""``track import`` (review8 C24): a row's prosecutor is matched among the unit's own people only;
one with no account there (another unit's, or nobody's) is not silently replaced by the head: the
report says which rows went to whom, and the sheet's name stays in the note."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.__main__ import main
from bot.cli.common import open_repos
from storage.users import Role

SHEET = (
    "STT,Họ và tên (bị can),Biện pháp,Loai toi,Từ ngày,Thời hạn,KSV thụ lý\n"
    "1,NVA,Tạm giam,nghiêm trọng,01/12/2026,02 tháng,KSV Một\n"
    "2,NVB,Tạm giam,nghiêm trọng,01/12/2026,02 tháng,KSV Hai\n"
    "3,NVC,Tạm giam,nghiêm trọng,01/12/2026,02 tháng,Người Lạ\n"
)


def _other_unit(db_path: Path) -> None:
    async def add() -> None:
        async with open_repos(str(db_path)) as repos:
            unit = await repos.units.add("B", "VKSND khu vực B", "khu_vuc", "P")
            await repos.users.create("test", "k2", "KSV Hai", unit.id, Role.STAFF)

    asyncio.run(add())


def _assignees(db_path: Path) -> dict[str, str]:
    async def read() -> dict[str, str]:
        async with open_repos(str(db_path)) as repos:
            rows = await repos.db.fetchall(
                "SELECT i.label, u.display_name FROM register_items i JOIN users u ON u.id = i.assignee_id", ()
            )
            return {row["label"]: row["display_name"] for row in rows}

    return asyncio.run(read())


def test_a_prosecutor_elsewhere_is_said_not_silently_replaced(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _other_unit(db_path)
    sheet = tmp_path / "in.csv"
    sheet.write_bytes(("\ufeff" + SHEET).encode("utf-8"))
    assert main(["track", "import", str(sheet), "--unit", "A"]) == 0
    out = capsys.readouterr().out
    assert "2 dòng ghi KSV chưa có tài khoản ở VKSND khu vực A, giao cho Lãnh đạo A" in out, out
    assert "dòng 3: KSV «KSV Hai»" in out and "dòng 4: KSV «Người Lạ»" in out, out
    assert _assignees(db_path) == {"NVA": "KSV Một", "NVB": "Lãnh đạo A", "NVC": "Lãnh đạo A"}
