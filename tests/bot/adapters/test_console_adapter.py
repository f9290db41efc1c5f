"""The console chat: ``python -m bot run --platform console`` with piped input, and the
adapter in-process over string streams, both through the real dispatcher and storage."""

from __future__ import annotations

import asyncio
import io
import os
import re
import signal
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pytest

from bot.adapters.console import ConsoleAdapter
from bot.app import App, build_app
from bot.chat import texts
from bot.chat.menus import NUMBER_HINT
from bot.chat.messages import Button, OutFile, Reply
from bot.config import Settings
from bot.demo import DEMO_ADMIN_NAME, DEMO_UNITS, ensure_console_admin, seed_demo
from storage.users import Role
from tests import REPO_ROOT

REPO = REPO_ROOT
CODE = re.compile(r"\b[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}\b")
_DROPPED = ("TELEGRAM_", "ZALO_", "BOT_")


def _env(db: Path, home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(_DROPPED)}
    env.update(
        BOT_DB=str(db),
        BOT_ENV_FILE=str(home / "absent.env"),
        PYTHONPATH=os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH", "")) if p),
        PYTHONIOENCODING="utf-8",
    )
    return env


def _run_console(
    db: Path, home: Path, lines: list[str], *, as_name: str | None = None
) -> subprocess.CompletedProcess[str]:
    who = ["--as", as_name] if as_name is not None else []
    return subprocess.run(
        [sys.executable, "-m", "bot", "run", "--platform", "console", *who],
        input="".join(f"{line}\n" for line in lines),
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=home,
        env=_env(db, home),
        timeout=60,
    )


def _assert_clean_exit(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "Error" not in result.stderr, result.stderr


@pytest.fixture
def home(tmp_path: Path) -> Path:
    folder = tmp_path / "cwd"
    folder.mkdir()
    return folder


# -- the CLI as a subprocess -----------------------------------------------------------------


def test_console_greets_the_demo_admin_and_lists_admin_commands(tmp_path: Path, home: Path) -> None:
    result = _run_console(tmp_path / "bot.sqlite3", home, ["/start", "/help"])
    _assert_clean_exit(result)
    start_reply, _, help_reply = result.stdout.partition("Các lệnh anh/chị dùng được:")
    assert f"Chào {DEMO_ADMIN_NAME}!" in start_reply
    assert Role.ADMIN.label in start_reply and "VKSND tỉnh Demo" in start_reply
    commands = [line.split(" ", 1)[0] for line in help_reply.splitlines() if line.startswith("/")]
    assert {"/start", "/help", "/moi", "/nguoidung", "/donvi"} <= set(commands)
    assert (tmp_path / "bot.sqlite3").is_file()


def test_console_numbered_button_creates_an_invite(tmp_path: Path, home: Path) -> None:
    result = _run_console(tmp_path / "bot.sqlite3", home, ["/moi", "2", "1"])
    _assert_clean_exit(result)
    units, _, rest = result.stdout.partition(NUMBER_HINT)
    # The demo admin manages four units: which one first, then the role.
    assert "Mã mời cho người của đơn vị nào?" in units and "2. DEMO-KV1 — VKSND khu vực 1 (Demo)" in units
    menu, _, after = rest.partition(NUMBER_HINT)
    assert "Mã mời cho VKSND khu vực 1 (Demo), vai trò nào?" in menu
    assert f"1. {Role.STAFF.label}" in menu and f"3. {Role.ADMIN.label}" in menu
    match = CODE.search(after)
    assert match is not None, result.stdout
    assert f"/start {match.group(0)}" in after
    assert "Vai trò: " + Role.STAFF.label in after and "Đơn vị: VKSND khu vực 1 (Demo)" in after


def test_second_run_keeps_the_data(tmp_path: Path, home: Path) -> None:
    db = tmp_path / "bot.sqlite3"
    first = _run_console(db, home, ["/moi quantri DEMO-KV2"])
    _assert_clean_exit(first)
    code = CODE.search(first.stdout)
    assert code is not None, first.stdout

    second = _run_console(db, home, ["/nguoidung", f"/start {code.group(0)}"])
    _assert_clean_exit(second)
    users_page = second.stdout.split("\n\n")[0]
    assert users_page.count(DEMO_ADMIN_NAME) == 1, users_page
    # The console user is already registered: the code from the first run is not spent on them,
    # and the answer says so.
    assert "Anh/chị đã có tài khoản (Quản trị tại VKSND tỉnh Demo)" in second.stdout
    assert "Trợ lý không dùng mã mời này" in second.stdout and "python -m bot run --as" in second.stdout

    unit_codes, user_names = asyncio.run(_stored(db))
    assert sorted(unit_codes) == sorted(code for code, *_ in DEMO_UNITS)
    assert user_names == [DEMO_ADMIN_NAME]


def test_a_second_console_person_registers_with_the_admins_code(tmp_path: Path, home: Path) -> None:
    """The demo admin invites a head; ``--as`` chats as that person, who registers with the code
    and then sees a head's commands; the admin's own console is unchanged; the code is spent."""
    db = tmp_path / "bot.sqlite3"
    admin = _run_console(db, home, ["/moi lanhdao DEMO-KV1"])
    _assert_clean_exit(admin)
    code = CODE.search(admin.stdout)
    assert code is not None, admin.stdout

    head = _run_console(db, home, [f"/start {code.group(0)}", "/help", "/start"], as_name="Trần Thị Lan")
    _assert_clean_exit(head)
    registered, _, rest = head.stdout.partition("Các lệnh anh/chị dùng được:")
    assert "Đăng ký thành công. Anh/chị là Lãnh đạo đơn vị tại VKSND khu vực 1 (Demo)." in registered
    commands = {line.split(" ", 1)[0] for line in rest.splitlines() if line.startswith("/")}
    assert {"/baocao", "/homnay", "/coso"} <= commands and "/moi" not in commands
    assert "Chào Trần Thị Lan!" in rest

    again = _run_console(db, home, [f"/start {code.group(0)}"], as_name="Nguyễn Văn Nam")
    _assert_clean_exit(again)
    assert "Mã mời này đã được sử dụng" in again.stdout
    admin_again = _run_console(db, home, ["/start", "/thu_nhac"])
    assert "Chào Quản trị demo!" in admin_again.stdout
    # One machine, one screen: the head's reminder shows under her name, the admin's copy is a preview.
    assert "🔔 Thông báo gửi Trần Thị Lan (người dùng khác trên máy này):\n🔔 Nhắc gửi báo cáo" in admin_again.stdout
    assert "👁 Bản xem trước cho quản trị viên" in admin_again.stdout
    # In her own console "1" presses the reminder's first button, «Đã gửi báo cáo»: recorded, or
    # (the period still running) the question whether it was sent early.
    pressed = _run_console(db, home, ["1"], as_name="Trần Thị Lan")
    _assert_clean_exit(pressed)
    assert pressed.stdout.startswith(("Đã ghi nhận: ", "Kỳ ")), pressed.stdout
    assert "Đã ghi nhận" in pressed.stdout or "đã gửi sớm" in pressed.stdout

    async def people() -> list[tuple[str, str, str]]:
        app = await build_app(Settings(db_path=str(db)))
        try:
            rows = await app.repos.users.list_in_scope(await ensure_console_admin(app.repos))
            return sorted((u.platform_user_id, u.display_name, u.role.value) for u in rows)
        finally:
            await app.close()

    assert asyncio.run(people()) == [("as:tran-thi-lan", "Trần Thị Lan", "head"), ("local", DEMO_ADMIN_NAME, "admin")]


def test_as_is_for_the_console_only(tmp_path: Path, home: Path) -> None:
    env = _env(tmp_path / "bot.sqlite3", home)
    result = subprocess.run(
        [sys.executable, "-m", "bot", "run", "--platform", "zalo", "--as", "Trần Thị Lan"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=home,
        env=env,
        timeout=60,
    )
    assert result.returncode == 2 and "--as chỉ dùng với chat trên máy" in result.stderr


async def _stored(db: Path) -> tuple[list[str], list[str]]:
    """Unit codes and the names of the users the console admin sees, read back from ``db``."""
    app = await build_app(Settings(db_path=str(db)))
    try:
        units = await app.repos.units.all()
        admin = await app.repos.users.by_platform("console", "local")
        assert admin is not None
        return [u.code for u in units], [u.display_name for u in await app.repos.users.list_in_scope(admin)]
    finally:
        await app.close()


# -- the adapter in-process ------------------------------------------------------------------


class WriteLog(io.StringIO):
    """A stdout that also keeps each ``write`` apart: the console writes one reply per call."""

    def __init__(self) -> None:
        super().__init__()
        self.writes: list[str] = []

    def write(self, text: str) -> int:
        self.writes.append(text)
        return super().write(text)


async def _console(app: App, lines: list[str]) -> list[str]:
    """Run the console over ``lines``; return the text of each reply, in order."""
    await seed_demo(app.repos)
    await ensure_console_admin(app.repos)
    stdin = io.StringIO("".join(f"{line}\n" for line in lines))
    stdout = WriteLog()
    await ConsoleAdapter(app.dispatcher, stdin, stdout).run()
    assert all(w.endswith("\n\n") for w in stdout.writes), stdout.writes
    return [w.removesuffix("\n\n") for w in stdout.writes]


async def test_nfd_and_invisible_characters_are_understood(app: App) -> None:
    nfd_help = unicodedata.normalize("NFD", "/help")
    unknown = unicodedata.normalize("NFD", "/hướngdẫn")
    assert unknown != unicodedata.normalize("NFC", unknown)
    blocks = await _console(app, [nfd_help, "\u200b/help\r", unknown])
    assert len(blocks) == 3
    assert blocks[0].startswith("Các lệnh anh/chị dùng được:") and "/nguoidung" in blocks[0]
    assert blocks[1] == blocks[0]
    assert blocks[2] == texts.UNKNOWN_COMMAND.format(name="hướngdẫn")


async def test_very_long_line_is_refused_politely(app: App) -> None:
    blocks = await _console(app, ["a" * 10_000, "/help"])
    assert "quá dài" in blocks[0]
    assert blocks[0] == texts.TOO_LONG.format(limit="4.000")
    assert blocks[1].startswith("Các lệnh anh/chị dùng được:")


async def test_empty_line_gets_the_empty_message(app: App) -> None:
    blocks = await _console(app, ["", "   "])
    assert blocks == [texts.EMPTY, texts.EMPTY]
    assert "trống" in blocks[0]


async def test_numbers_press_buttons_and_unknown_numbers_reshow_the_menu(app: App) -> None:
    blocks = await _console(app, ["/moi", "7", "1", "2"])
    assert blocks[0].endswith(NUMBER_HINT)
    assert blocks[1].startswith(texts.STALE_NUMBER.format(number=7))
    assert "1. DEMO — VKSND tỉnh Demo" in blocks[1]
    assert f"2. {Role.HEAD.label}" in blocks[2]
    assert CODE.search(blocks[3]) and Role.HEAD.label in blocks[3] and "VKSND tỉnh Demo" in blocks[3]


async def test_files_are_saved_and_named(app: App, tmp_path: Path) -> None:
    out = io.StringIO()
    adapter = ConsoleAdapter(app.dispatcher, io.StringIO(""), out, files_dir=tmp_path / "exports")
    data = "Đơn vị;Số lần kiểm sát\nKV1;3\n".encode()
    await adapter.send(
        [Reply("Báo cáo", ((Button("Gửi lại", "again"),),), file=OutFile("../bao-cao.csv", data, "text/csv"))]
    )
    saved = tmp_path / "exports" / "bao-cao-quan-tri-demo.csv"  # under the person's name: one folder for all
    assert saved.read_bytes() == data
    assert saved.stat().st_mode & 0o777 == 0o600  # personal data, like the database
    assert f"[Đã lưu tệp: {saved}]" in out.getvalue()
    assert "1. Gửi lại" in out.getvalue()
    # The same name again never replaces the first file: a counter.
    await adapter.send([Reply("Báo cáo", file=OutFile("bao-cao.csv", b"khac", "text/csv"))])
    again = tmp_path / "exports" / "bao-cao-quan-tri-demo-2.csv"
    assert again.read_bytes() == b"khac" and saved.read_bytes() == data
    assert again.stat().st_mode & 0o777 == 0o600


def test_console_stops_on_sigint_without_waiting_for_input(tmp_path: Path) -> None:
    """Ctrl+C (SIGINT) ends an idle console chat promptly and cleanly, with no line typed."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "ZALO_"))}
    env["BOT_DB"] = str(tmp_path / "bot.sqlite3")
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", "run", "--platform", "console"],
        cwd=REPO,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdin is not None
    proc.stdin.write("/start\n")
    proc.stdin.flush()
    deadline = time.monotonic() + 60
    while not (tmp_path / "bot.sqlite3").exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(2)  # let it reach the idle read; stdin stays open, so only the signal can end it
    proc.send_signal(signal.SIGINT)
    try:
        code = proc.wait(timeout=30)
    finally:
        proc.kill()
    out, err = proc.communicate()
    assert code == 0, err
    assert "Quản trị demo" in out and "Traceback" not in err
