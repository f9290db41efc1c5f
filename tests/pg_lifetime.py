"""The lifetime of the tests' private PostgreSQL servers: none outlives the test process that started it.

``pg_ctl start`` puts the server in a session of its own, so a test process killed hard (SIGKILL, a
killed process group, an out-of-memory kill) used to leave it running, an orphan eating the shared
cores. Two guards, both stdlib only:

* a **watchdog**: this file run as a script, in a session of its own (a kill of the test process's
  group does not reach it), holding the read end of a pipe whose write end only the test process
  holds. When the test process ends, however it ends, the kernel closes the write end and the read
  returns: the watchdog stops the server (SIGQUIT, PostgreSQL's immediate shutdown) and removes the
  folder. No polling, and no confusion by a reused pid.
* **stale clean-up** at start: each server folder holds ``owner`` (the pid and start time of the test
  process); a folder whose owner is gone (the watchdog was killed too) is stopped and removed. A live
  run's server is never touched: its owner is alive. Folders without ``owner`` (older code) are
  removed only when no server runs in them and they are old.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PREFIX = "vks-pg-"
OWNER = "owner"
ORPHAN_AGE = 600.0  # seconds: an owner-less folder younger than this may be a live run's, being set up


def start_time(pid: int) -> str | None:
    """The kernel's start time of process ``pid`` (field 22 of /proc/PID/stat), None when it is gone:
    with the pid, it names one process even when the pid is reused."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return stat.rsplit(")", 1)[1].split()[19]


def write_owner(root: Path, pid: int) -> None:
    (root / OWNER).write_text(f"{pid} {start_time(pid)}\n")


def owner_alive(root: Path) -> bool | None:
    """Whether the process that started the server in ``root`` still runs (None: no owner recorded)."""
    try:
        pid_text, started = (root / OWNER).read_text().split()
    except (OSError, ValueError):
        return None
    return start_time(int(pid_text)) == started


def postmaster(root: Path) -> int | None:
    """The pid of the server running in ``root``, or None. The pid in postmaster.pid is trusted only
    when that process's working folder is the data folder (the postmaster changes into it)."""
    data = root / "data"
    try:
        pid = int((data / "postmaster.pid").read_text().split()[0])
        cwd = os.readlink(f"/proc/{pid}/cwd")
    except (OSError, ValueError, IndexError):
        return None
    return pid if Path(cwd) == data.resolve() else None


def running(pid: int) -> bool:
    """Whether process ``pid`` exists and is not a zombie (ended, waiting for its parent to reap it)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def _gone(pid: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not running(pid):
            return True
        time.sleep(0.05)
    return False


def stop_and_remove(root: Path, timeout: float = 30.0) -> None:
    """Stop the server in ``root`` (immediate shutdown; SIGKILL if it does not end) and remove ``root``."""
    pid = postmaster(root)
    if pid is not None:
        try:
            os.kill(pid, signal.SIGQUIT)
            if not _gone(pid, timeout):
                os.kill(pid, signal.SIGKILL)  # its backends notice the postmaster's death and end
                _gone(pid, timeout)
        except ProcessLookupError:
            pass  # it ended on its own meanwhile: nothing left to stop
    shutil.rmtree(root, ignore_errors=True)


def reap_stale(tmp: Path | None = None) -> list[Path]:
    """Stop and remove the servers of test processes that are gone; the folders removed."""
    removed = []
    for root in sorted(Path(tmp or tempfile.gettempdir()).glob(PREFIX + "*")):
        alive = owner_alive(root)
        if alive is None:
            try:
                old = time.time() - root.stat().st_mtime > ORPHAN_AGE
            except OSError:
                continue
            if not old or postmaster(root) is not None:
                continue  # maybe a live run of older code: it cannot be told apart, leave it
        elif alive:
            continue
        stop_and_remove(root)
        removed.append(root)
    return removed


def start_watchdog(root: Path) -> int:
    """Start the watchdog for the server folder ``root``; the pid of the watchdog. The pipe's write end
    stays open in this process (not inheritable, so children started with exec do not hold it)."""
    read_end, write_end = os.pipe()
    watchdog = subprocess.Popen(
        [sys.executable, __file__, str(read_end), str(root)],
        pass_fds=(read_end,),
        start_new_session=True,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(read_end)
    _held.append(write_end)  # never closed: the process's end closes it
    return watchdog.pid


_held: list[int] = []


def _watch(read_end: int, root: Path) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C at the terminal is for the test process
    while os.read(read_end, 1):
        pass  # nothing is ever written: the read returns b"" when the test process has ended
    stop_and_remove(root)


if __name__ == "__main__":
    _watch(int(sys.argv[1]), Path(sys.argv[2]))
