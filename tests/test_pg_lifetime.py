"""The tests' private PostgreSQL server never outlives the test process that started it (tests/pg_lifetime.py).

A "test process" here is a small Python process that starts a server through ``tests.pg`` exactly as
pytest does, prints where, and waits; the tests kill it as a hard-killed pytest dies. Every server
lives in a temporary folder of this test's own, so the clean-up under test never sees another run's.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests import pg_lifetime
from tests.pg import unavailable_reason

ROOT = Path(__file__).resolve().parents[1]
PATIENCE = 60.0  # generous: the machine is shared and may be busy

STARTER = """
import sys
from tests.pg import PgServer
server = PgServer.start()
print(server.root, server.watchdog, flush=True)
sys.stdin.read()
"""

needs_pg = pytest.mark.skipif(unavailable_reason() is not None, reason=str(unavailable_reason()))


@pytest.fixture
def tmp() -> Iterator[Path]:
    """A temporary folder the ``postgres`` user can enter (pytest's tmp_path is private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="pg-lifetime-"))
    folder.chmod(0o755)
    yield folder
    for root in folder.glob(pg_lifetime.PREFIX + "*"):
        pg_lifetime.stop_and_remove(root)
    shutil.rmtree(folder, ignore_errors=True)


def start_parent(tmp: Path) -> tuple[subprocess.Popen[str], Path, int, int]:
    """A test process with a server; (process, server folder, watchdog pid, postmaster pid)."""
    parent = subprocess.Popen(
        [sys.executable, "-c", STARTER],
        cwd=ROOT,
        env={**os.environ, "TMPDIR": str(tmp)},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert parent.stdout is not None
    root_text, watchdog = parent.stdout.readline().split()
    root = Path(root_text)
    postmaster = pg_lifetime.postmaster(root)
    assert postmaster is not None, f"no server runs in {root}"
    return parent, root, int(watchdog), postmaster


alive = pg_lifetime.running


def wait_until(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + PATIENCE
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    pytest.fail(f"not within {PATIENCE:.0f} s: {what}")


def kill(parent: subprocess.Popen[str]) -> None:
    parent.send_signal(signal.SIGKILL)
    parent.wait()


@needs_pg
def test_a_server_ends_when_its_test_process_is_killed(tmp: Path) -> None:
    parent, root, watchdog, postmaster = start_parent(tmp)
    assert alive(postmaster)

    kill(parent)

    wait_until(lambda: not alive(postmaster), "the server stops after its test process was killed")
    wait_until(lambda: not root.exists(), "the server's folder is removed")
    wait_until(lambda: not alive(watchdog), "the watchdog ends once its work is done")


@needs_pg
def test_stale_servers_are_reaped_but_a_live_runs_server_is_kept(tmp: Path) -> None:
    live, live_root, _, live_postmaster = start_parent(tmp)
    dead, dead_root, dead_watchdog, dead_postmaster = start_parent(tmp)
    os.kill(dead_watchdog, signal.SIGKILL)  # killed together with its test process: nothing stopped the server
    wait_until(lambda: not alive(dead_watchdog), "the watchdog is killed")
    kill(dead)
    assert alive(dead_postmaster), "an orphaned server, as a hard kill used to leave"

    removed = pg_lifetime.reap_stale(tmp)

    assert removed == [dead_root]
    assert not alive(dead_postmaster) and not dead_root.exists()
    assert alive(live_postmaster) and (live_root / "data" / "postmaster.pid").exists()
    assert pg_lifetime.owner_alive(live_root) is True
    assert live.stdin is not None
    live.stdin.close()  # the live run ends normally: its server stops at exit
    live.wait()
    wait_until(lambda: not alive(live_postmaster), "a test process that ends normally stops its server")


def test_folders_of_older_code_are_removed_only_when_old_and_without_a_server(tmp: Path) -> None:
    old = tmp / (pg_lifetime.PREFIX + "old")
    young = tmp / (pg_lifetime.PREFIX + "young")
    for folder in (old, young):
        (folder / "data").mkdir(parents=True)
    long_ago = time.time() - 2 * pg_lifetime.ORPHAN_AGE
    os.utime(old, (long_ago, long_ago))

    assert pg_lifetime.reap_stale(tmp) == [old]
    assert young.exists() and not old.exists()


def test_a_reused_pid_is_not_taken_for_the_owner(tmp: Path) -> None:
    folder = tmp / (pg_lifetime.PREFIX + "reused")
    folder.mkdir()
    pg_lifetime.write_owner(folder, os.getpid())
    assert pg_lifetime.owner_alive(folder) is True
    pid, _ = (folder / pg_lifetime.OWNER).read_text().split()
    (folder / pg_lifetime.OWNER).write_text(f"{pid} 1\n")  # same pid, another start time: another process
    assert pg_lifetime.owner_alive(folder) is False
    assert pg_lifetime.reap_stale(tmp) == [folder]
