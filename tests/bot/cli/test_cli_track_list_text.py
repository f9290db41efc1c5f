"""``track list`` in text (review8 C23): an end at local midnight is shown as «24:00» of the last
day, as in the chat (not «00:00» of the next day), and with --all a closed item says it is closed
instead of showing an expiry."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.__main__ import main
from bot.cli.common import open_repos
from handlers.register.service import record
from storage.users import heads_by_unit

SHEET = (
    "STT,Họ và tên (bị can),Số TL,Biện pháp,Loai toi,Từ ngày,Thời hạn\n"
    "1,NVA,12/2026,Tạm giam,nghiêm trọng,07/11/2026,02 tháng\n"
    "2,LTB,13/2026,Tạm giam,nghiêm trọng,04/12/2026,02 tháng\n"
)


def _release(db_path: Path, label: str) -> None:
    """«Trả tự do» recorded as the chat records it (service.record: the law check, the event)."""

    async def release() -> None:
        async with open_repos(str(db_path)) as repos:
            unit = await repos.units.by_code("A")
            assert unit is not None
            actor = (await heads_by_unit(repos.db, [unit.id]))[unit.id][0]
            [item] = [i for i in await repos.register.in_scope(actor) if i.label == label]
            now = datetime.now(UTC)
            await record(repos, actor, item, "release", {}, now, ZoneInfo("Asia/Ho_Chi_Minh"))

    asyncio.run(release())


def test_list_shows_the_last_day_and_closed_items(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "in.csv"
    sheet.write_bytes(("\ufeff" + SHEET).encode("utf-8"))
    assert main(["track", "import", str(sheet), "--unit", "A"]) == 0, capsys.readouterr().out
    capsys.readouterr()
    assert main(["track", "list", "--unit", "A"]) == 0
    plain = capsys.readouterr().out
    nva = next(line for line in plain.splitlines() if "\tNVA\t" in line)
    assert "hết 24:00 Thứ Ba 05/01/2027" in nva, nva  # day 1 = 07/11/2026, 60 days (TTLT 04/2018 Đ17): last day 05/01
    assert "2027-01-06" not in plain and "00:00" not in nva
    _release(db_path, "LTB")
    assert main(["track", "list", "--unit", "A", "--all"]) == 0
    both = capsys.readouterr().out
    ltb = next(line for line in both.splitlines() if "\tLTB\t" in line)
    assert "đã kết thúc theo dõi" in ltb and "/2027" not in ltb, ltb
