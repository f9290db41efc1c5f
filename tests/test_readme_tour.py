"""The README's three-person tour, step by step as written, through ``make run`` and
``make run AS=NAME`` on a fresh database (piped input, as the README shows)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests import REPO_ROOT

README = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
CODE = re.compile(r"/start ([A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4})")
HEAD, PROSECUTOR = "Trần Thị Lan", "Nguyễn Văn Nam"


def tour() -> str:
    return README.split("### A tour with three people", 1)[1].split("\n## ", 1)[0]


def make_run(tmp_path: Path, lines: list[str], who: str | None = None) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "ZALO_", "BOT_"))}
    env.update(BOT_DB=str(tmp_path / "bot.sqlite3"), BOT_ENV_FILE=str(tmp_path / "absent.env"))
    # -o: the virtualenv is the one this test runs in; make must not reinstall it here.
    command = ["make", "-s", "-o", ".venv/.installed", "run", *([f"AS={who}"] if who else [])]
    result = subprocess.run(
        command,
        input="".join(f"{line}\n" for line in lines),
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=REPO_ROOT,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    return result.stdout


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_the_readme_tour_works_as_written(tmp_path: Path) -> None:
    text = tour()
    for phrase in (
        "`make run`",
        f'`make run AS="{HEAD}"`',
        f'`make run AS="{PROSECUTOR}"`',
        "`/moi`, `2`",
        "`2` (Lãnh đạo đơn vị)",
        "`/moi canbo DEMO-KV1`",
        "`/baocao`",
        "`/nguoidung`",
        "`/thu_nhac`",
        "`1` («Đã gửi báo cáo»)",
    ):
        assert phrase in text, phrase

    # 1. The administrator invites a head (buttons: unit 2, role 2) and a prosecutor (typed).
    admin = make_run(tmp_path, ["/moi", "2", "2", "/moi canbo DEMO-KV1"])
    head_code, staff_code = CODE.findall(admin)[-2:]
    assert "Vai trò: Lãnh đạo đơn vị\nĐơn vị: VKSND khu vực 1 (Demo)" in admin
    assert "Vai trò: Cán bộ, kiểm sát viên\nĐơn vị: VKSND khu vực 1 (Demo)" in admin

    # 2. The head registers; nothing is late on the unit's first day.
    head = make_run(tmp_path, [f"/start {head_code}", "/baocao", "/homnay", "/coso", "/help"], HEAD)
    assert "Đăng ký thành công. Anh/chị là Lãnh đạo đơn vị tại VKSND khu vực 1 (Demo)." in head
    assert "trễ" not in head.split("Báo cáo định kỳ", 1)[1].split("\n\n", 1)[0]

    # 3. The prosecutor registers, asks, starts a check-in.
    staff = make_run(
        tmp_path, [f"/start {staff_code}", "thời hạn tạm giữ là bao lâu", "/tinhhan", "/kiemsat"], PROSECUTOR
    )
    assert "Đăng ký thành công. Anh/chị là Cán bộ, kiểm sát viên" in staff
    assert "Căn cứ: BLTTHS 2015" in staff and "Chọn cơ sở" in staff

    # 4. The administrator sees both people and sends a reminder: the head's shows under her name.
    admin = make_run(tmp_path, ["/nguoidung", "/thu_nhac"])
    assert HEAD in admin and PROSECUTOR in admin
    assert f"Thông báo gửi {HEAD}" in admin and "👁 Bản xem trước" in admin

    # 5. The head answers it with "1".
    answered = make_run(tmp_path, ["1"], HEAD)
    assert answered.startswith(("Đã ghi nhận: ", "Kỳ ")), answered
