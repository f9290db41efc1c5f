"""Crash and restart: SIGKILL in the middle of a check-in, SIGTERM with work in flight."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.bot_process import wait_until
from tests.e2e.conftest import Workspace
from tests.e2e.emulator_client import Emulator, TelegramUser
from tests.e2e.faultproxy import FaultProxy
from tests.e2e.harness import checkins_of, register, with_repos

QUESTION = "thoi han tam giu la bao lau"
ANSWER = "Căn cứ:"


@pytest.fixture
def proxy(emulator: Emulator) -> Iterator[FaultProxy]:
    fault_proxy = FaultProxy(emulator.url)
    yield fault_proxy
    fault_proxy.stop()


def integrity(db_path: Path) -> str:
    with sqlite3.connect(db_path) as conn:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])


def outbox(workspace: Workspace) -> dict[str, int]:
    return with_repos(workspace.db_path, lambda repos: repos.outbox.count_by_status())


def sent_to(user: TelegramUser, text: str) -> int:
    return sum(1 for m in user.emulator.bot_messages(user.token) if m.chat_id == user.user_id and text in m.text)


def test_sigkill_mid_check_in_then_the_draft_continues_and_is_submitted_once(workspace: Workspace) -> None:
    first = workspace.start_bot()
    user = register(workspace.emulator, first, workspace.db_path, 7401)
    user.ask("/kiemsat", "Chọn cơ sở")
    user.choose("Trại tạm giam số 1", "Hình thức")
    user.choose("Định kỳ", "tạm giữ?")
    user.ask("4", "tạm giam?")
    user.ask("25", "nhận mới")  # the draft now holds facility, kind and two counts

    first.kill()
    assert integrity(workspace.db_path) == "ok"
    # Typed while the bot is down: Telegram (here the emulator) keeps it until the bot polls again.
    user.send("/kiemsat")

    second = workspace.start_bot(token=first.token)
    offer = user.wait_for("phiếu nháp", timeout=30)
    assert "Trại tạm giam số 1" in offer[-1].text
    assert "nhận mới" in user.choose("Tiếp tục phiếu nháp", "nhận mới")
    user.ask("3", "ra khỏi")
    user.ask("1", "quá hạn")
    user.ask("0", "vi phạm")
    user.choose("Không có vi phạm", "Kiến nghị")
    user.choose("Bỏ qua", "Gửi vị trí")
    user.ask("Bỏ qua", "Gửi ảnh")  # the location step's skip is a reply-keyboard button: it sends its text
    user.choose("Bỏ qua", "Ghi chú")
    card = user.choose("Bỏ qua", "kiểm tra lại trước khi gửi")
    assert "Trại tạm giam số 1" in card and "Số người đang bị tạm giam: 25" in card

    # "Gửi" pressed twice on the same card (an impatient user on a slow network): one record.
    user.press("Gửi")
    user.press("Gửi")
    user.wait_for("Đã gửi phiếu kiểm sát số")
    assert "không cần gửi lại" in "\n".join(m.text for m in user.wait_for("đã được gửi"))
    [saved] = with_repos(workspace.db_path, lambda repos: checkins_of(repos, 7401))
    c = saved.content
    assert (c.kind, c.held_tam_giu, c.held_tam_giam, c.admitted, c.released, c.overdue) == ("dinh_ky", 4, 25, 3, 1, 0)
    assert with_repos(workspace.db_path, lambda repos: repos.checkins.count()) == 1
    assert sent_to(user, "Đã gửi phiếu kiểm sát số") == 1
    assert second.alive
    second.terminate()
    assert integrity(workspace.db_path) == "ok"


def test_sigterm_when_idle_exits_cleanly(workspace: Workspace) -> None:
    bot = workspace.start_bot()
    code, _ = bot.terminate(timeout=10)
    assert code == 0
    assert "Application.stop() complete" in bot.log()


def test_sigterm_finishes_a_reply_in_flight(workspace: Workspace, proxy: FaultProxy) -> None:
    """The reply is on its way (Telegram is slow to answer) when SIGTERM arrives: it is finished."""
    bot = workspace.start_bot(api_base=proxy.url)
    user = register(workspace.emulator, bot, workspace.db_path, 7402)
    proxy.inject("sendMessage", "slow", delay=2.5)  # slower than usual, within the 5 s timeout
    seen = proxy.requests["sendMessage"]
    user.send(QUESTION)
    wait_until(lambda: proxy.requests["sendMessage"] > seen, 20, "the reply to reach the proxy")
    code, _ = bot.terminate(timeout=10)
    assert code == 0
    assert sent_to(user, ANSWER) == 1
    assert outbox(workspace) == {}


def test_sigterm_records_a_reply_that_cannot_be_sent_and_the_next_start_sends_it(
    workspace: Workspace, proxy: FaultProxy
) -> None:
    bot = workspace.start_bot(api_base=proxy.url)
    user = register(workspace.emulator, bot, workspace.db_path, 7403)
    proxy.inject("sendMessage", "502", times=50)  # Telegram unreachable for a while
    seen = proxy.requests["sendMessage"]
    user.send(QUESTION)
    wait_until(lambda: proxy.requests["sendMessage"] > seen, 20, "the reply to reach the proxy")
    code, _ = bot.terminate(timeout=10)
    assert code == 0
    assert sent_to(user, ANSWER) == 0
    assert outbox(workspace) == {"pending": 1}

    again = workspace.start_bot(token=bot.token)  # straight to the emulator: the network is back
    user.wait_for(ANSWER, timeout=30)
    assert sent_to(user, ANSWER) == 1
    wait_until(lambda: outbox(workspace) == {"sent": 1}, 20, "the outbox to record the delivery")
    assert again.alive
