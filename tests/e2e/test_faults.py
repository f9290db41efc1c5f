"""A hostile network between the bot process and the Bot API (tests/e2e/faultproxy.py): flood control
(429 with retry_after), 502 pages, answers slower than the client's timeout, dropped connections, on
sends, on getUpdates and on callback answers. Nothing the user asked for may be lost silently, and
the process must never die."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.bot_process import wait_until
from tests.e2e.conftest import Workspace
from tests.e2e.emulator_client import Emulator, TelegramUser
from tests.e2e.faultproxy import FaultProxy
from tests.e2e.harness import register, with_repos

HTTP_TIMEOUT = "1.5"  # seconds; a "slow" answer is held for 3 s
QUESTION = "thoi han tam giu la bao lau"
ANSWER = "Căn cứ:"


@pytest.fixture(scope="module")
def proxy(emulator: Emulator) -> Iterator[FaultProxy]:
    fault_proxy = FaultProxy(emulator.url)
    yield fault_proxy
    fault_proxy.stop()


@pytest.fixture(scope="module")
def space(
    emulator: Emulator, template_db: Path, tmp_path_factory: pytest.TempPathFactory, proxy: FaultProxy
) -> Iterator[Workspace]:
    """One bot behind the proxy for the module; each test injects its own faults."""
    workspace = Workspace(emulator, template_db, tmp_path_factory.mktemp("faults"))
    workspace.start_bot(api_base=proxy.url, E2E_HTTP_TIMEOUT=HTTP_TIMEOUT)
    yield workspace
    workspace.close()


@pytest.fixture(autouse=True)
def _fresh_faults(proxy: FaultProxy) -> Iterator[None]:
    proxy.clear()
    yield
    proxy.clear()


_people = iter(range(7600, 7700))


@pytest.fixture
def user(space: Workspace) -> TelegramUser:
    return register(space.emulator, space.bots[0], space.db_path, next(_people))


def answers(user: TelegramUser, text: str) -> int:
    """How many messages containing ``text`` the bot sent to this user (every one, read or not)."""
    return sum(1 for m in user.emulator.bot_messages(user.token) if m.chat_id == user.user_id and text in m.text)


@pytest.mark.parametrize(
    ("kind", "times"), [("429", 2), ("502", 2), ("drop", 1), ("slow", 1)], ids=["429", "502", "drop", "slow"]
)
def test_a_reply_survives_transient_send_failures(
    space: Workspace, proxy: FaultProxy, user: TelegramUser, kind: str, times: int
) -> None:
    proxy.inject("sendMessage", kind, times=times, retry_after=1)
    user.ask(QUESTION, ANSWER)
    assert proxy.injected == [("sendMessage", kind)] * times
    if kind == "slow":
        # The slow answer's message reached the emulator before the client gave up, and the retry
        # sends it again: a duplicate is the documented price of never losing a reply.
        user.wait_for(ANSWER)
    assert answers(user, ANSWER) == (2 if kind == "slow" else 1)
    assert space.bots[0].alive


def test_polling_survives_getupdates_failures(space: Workspace, proxy: FaultProxy, user: TelegramUser) -> None:
    # One after the other: flood control, a 502 page, a dropped connection, and a slow answer
    # (slow, but inside the long-poll read timeout, so it is an answer and not a timeout).
    for kind in ("429", "502", "drop", "slow"):
        proxy.inject("getUpdates", kind, retry_after=1)
    # A long poll sent before the faults were queued is still open at the emulator: a question sent now
    # would come back on it, past every fault. Ask once a poll has met the first fault.
    wait_until(lambda: proxy.pending("getUpdates") < 4, timeout=60, what="a getUpdates after the faults")
    user.ask(QUESTION, ANSWER)
    assert proxy.pending("getUpdates") == 0
    assert answers(user, ANSWER) == 1
    assert space.bots[0].alive


def test_a_button_press_counts_when_its_acknowledgement_fails(proxy: FaultProxy, user: TelegramUser) -> None:
    user.ask("/tinhhan", lambda m: any("Tạm giữ" in label for label, _ in m.buttons))
    proxy.inject("answerCallbackQuery", "502", times=4)
    assert "ngày và giờ" in user.choose("Tạm giữ", "ngày và giờ")
    assert ("answerCallbackQuery", "502") in proxy.injected


def test_a_reply_that_keeps_failing_goes_to_the_outbox_and_out_later(
    space: Workspace, proxy: FaultProxy, user: TelegramUser
) -> None:
    # Four failures exhaust the adapter's attempts; the fifth is the outbox's first try.
    before = with_repos(space.db_path, lambda repos: repos.outbox.count_by_status())
    proxy.inject("sendMessage", "502", times=5)
    user.send(QUESTION)
    user.wait_for(ANSWER, timeout=40)  # the outbox retries after its 5 s backoff
    assert proxy.pending() == 0 and answers(user, ANSWER) == 1
    after = with_repos(space.db_path, lambda repos: repos.outbox.count_by_status())
    assert after.get("sent", 0) == before.get("sent", 0) + 1 and not after.get("pending")
    assert space.bots[0].alive
    assert "could not be sent (NetworkError): queued in the outbox" in space.bots[0].log()


def test_long_flood_control_is_waited_out_by_the_outbox(
    space: Workspace, proxy: FaultProxy, user: TelegramUser
) -> None:
    # Telegram asks for 6 s, more than an update handler waits: the reply is queued, due in 6 s.
    proxy.inject("sendMessage", "429", retry_after=6)
    user.send(QUESTION)
    user.wait_for(ANSWER, timeout=40)
    assert proxy.injected == [("sendMessage", "429")]
    assert answers(user, ANSWER) == 1
    assert "could not be sent (RetryAfter): queued in the outbox" in space.bots[0].log()


def test_after_all_that_the_process_is_up_and_its_log_is_clean(space: Workspace, user: TelegramUser) -> None:
    """Runs last in this module: the same process answers normally, never hit the error boundary or
    PTB's unhandled-error path, and never wrote its token into a log line or a traceback."""
    bot = space.bots[0]
    assert "Điều 118" in user.ask(QUESTION, ANSWER)
    log = bot.log()
    assert bot.alive and log.count("===== start") == 1
    for bad in ("handler failed", "error while handling a Telegram update", "Received data was *not* processed"):
        assert bad not in log
    assert bot.token not in log and bot.token.split(":", 1)[1] not in log
