"""A private PostgreSQL server for the tests: started once per session in a temporary folder.
It never outlives the test process, even one killed hard (a watchdog, see ``tests/pg_lifetime.py``).

``initdb`` and ``pg_ctl`` of the Debian ``postgresql`` package (run as the ``postgres`` user
when the tests run as root: the server refuses root), listening only on a Unix socket in
that folder, with ``fsync`` off. One template database gets the migrations; every test gets
a fresh copy of it (``CREATE DATABASE … TEMPLATE``), much cheaper than migrating each time; a copy
a test is done with is emptied and given to the next test when only rows changed in it
(``tests/pg_recycle.py``), cheaper still.

Without the package the PostgreSQL tests skip and say why; with ``CI`` set they fail instead
(``make test`` installs the package where it can, see ``tests/install_postgres.sh``).
"""

from __future__ import annotations

import asyncio
import atexit
import glob
import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
import warnings
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
import pytest

from storage.database import Database
from storage.db import open_database
from tests import pg_lifetime, pg_recycle

TEMPLATE = "vks_template"
AHEAD = 2  # fresh copies kept ready
COPIERS = 1  # copies made one at a time (two at once only slow each other on 2 cores)
_names = itertools.count(1)


def find_bin() -> Path | None:
    """The folder of ``initdb`` and ``pg_ctl`` (Debian keeps them off PATH), or None."""
    env = os.environ.get("PG_BIN")
    candidates = [env] if env else []
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]), reverse=True)
    if shutil.which("initdb"):
        candidates.append(str(Path(str(shutil.which("initdb"))).parent))
    for folder in candidates:
        if folder and (Path(folder) / "initdb").is_file() and (Path(folder) / "pg_ctl").is_file():
            return Path(folder)
    return None


def unavailable_reason() -> str | None:
    """Why the PostgreSQL tests cannot run here, or None when they can."""
    if find_bin() is None:
        return "PostgreSQL is not installed (Debian package 'postgresql'; `make test` installs it as root)"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root without a 'postgres' user to run the server as"
    return None


@dataclass
class PgServer:
    """A running private server; ``url(name)`` is the libpq URL of one of its databases."""

    root: Path
    bin: Path
    socket_dir: Path
    user: str | None  # the system user the server runs as (None: the current one)
    watchdog: int  # pid of the process that stops the server when this one ends (tests/pg_lifetime.py)
    _template_ready: bool = field(default=False, init=False)
    _maker: ThreadPoolExecutor = field(default_factory=lambda: ThreadPoolExecutor(COPIERS, "pg-copies"), init=False)
    _ahead: deque[Future[str]] = field(default_factory=deque, init=False)
    _clean: list[str] = field(default_factory=list, init=False)  # emptied copies, ready for the next test
    _fingerprint: str = field(default="", init=False)
    _tables: list[str] = field(default_factory=list, init=False)

    def url(self, dbname: str) -> str:
        return f"postgresql://postgres@/{dbname}?host={self.socket_dir}"

    def _run(self, *args: str) -> None:
        command = [str(self.bin / args[0]), *args[1:]]
        if self.user is not None:
            command = ["runuser", "-u", self.user, "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise RuntimeError(f"{args[0]} failed ({result.returncode}): {result.stderr.strip()[-2000:]}")

    @classmethod
    def start(cls) -> PgServer:
        folder = find_bin()
        assert folder is not None
        pg_lifetime.reap_stale()
        root = Path(tempfile.mkdtemp(prefix=pg_lifetime.PREFIX))
        user = "postgres" if os.geteuid() == 0 else None
        if user is not None:
            info = pwd.getpwnam(user)
            os.chown(root, info.pw_uid, info.pw_gid)
        pg_lifetime.write_owner(root, os.getpid())
        watchdog = pg_lifetime.start_watchdog(root)  # stops the server when this process ends, even by SIGKILL
        server = cls(root, folder, root, user, watchdog)
        server._run("initdb", "-D", str(root / "data"), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync")
        options = (
            f"-k {root} -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off "
            "-c max_connections=200 -c shared_buffers=128MB -c wal_level=minimal -c max_wal_senders=0 -c wal_buffers=16MB -c autovacuum=off"
        )
        server._run("pg_ctl", "-D", str(root / "data"), "-l", str(root / "log"), "-o", options, "-w", "start")
        return server

    def stop(self) -> None:
        self._maker.shutdown(wait=True, cancel_futures=True)
        try:
            self._run("pg_ctl", "-D", str(self.root / "data"), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def _admin(self, sql: str) -> None:
        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            conn.execute(sql.encode())

    def ensure_template(self) -> None:
        """The template database with every migration applied (made once)."""
        if self._template_ready:
            return
        self._admin(f"CREATE DATABASE {TEMPLATE}")

        async def migrate() -> None:
            db = await open_database(self.url(TEMPLATE))
            await db.close()

        asyncio.run(migrate())
        with psycopg.connect(self.url(TEMPLATE)) as conn:
            self._fingerprint, self._tables = pg_recycle.fingerprint(conn), pg_recycle.tables(conn)
        self._template_ready = True

    def _copy(self) -> str:
        name = f"t{os.getpid()}_{next(_names)}"
        self._admin(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE}")
        return self.url(name)

    def fresh_database(self) -> str:
        """A database in the template's state, for one user at a time; its URL. An emptied one
        when there is one (``give_back``), else a new copy: a copy takes a few tenths of a second,
        so the next ones are made ahead, in a thread, while this test runs."""
        self.ensure_template()
        if self._clean:
            return self._clean.pop()
        while len(self._ahead) < AHEAD + 1:
            self._ahead.append(self._maker.submit(self._copy))
        return self._ahead.popleft().result()

    def give_back(self, url: str) -> None:
        """The test is done with the database at ``url``: its connections are ended, then it is
        emptied for the next test when only rows changed in it, else dropped."""
        name = url.split("@/", 1)[1].split("?", 1)[0]
        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            pg_recycle.disconnect_others(conn, name)
        try:
            if pg_recycle.emptied(url, self._fingerprint, self._tables):
                self._clean.append(url)
                return
        except psycopg.Error as exc:  # e.g. a lock a leaked transaction holds: a new copy is the safe way
            warnings.warn(f"{name} could not be emptied ({exc}); dropped instead", stacklevel=1)
        self._admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


_shared: list[PgServer] = []
_at_place: dict[Path, str] = {}


def shared_server() -> PgServer:
    """This test process's server, started on first use and stopped when the process ends
    (skips, or under ``CI`` fails, when it cannot run here)."""
    if not _shared:
        reason = unavailable_reason()
        if reason is not None:
            if os.environ.get("CI"):
                pytest.fail(f"CI is set, so the PostgreSQL tests must run: {reason}")
            pytest.skip(reason)
        _shared.append(PgServer.start())
        atexit.register(_shared[0].stop)
    return _shared[0]


async def open_at(place: Path) -> Database:
    """A PostgreSQL store for suites that name a database by a folder (the storage contract
    suite's ``STORES``): the same folder opens the same database again."""
    if place not in _at_place:
        _at_place[place] = shared_server().fresh_database()
    return await open_database(_at_place[place])


@pytest.fixture(scope="session")
def pg_server() -> PgServer:
    """The session's private server (skips, or under ``CI`` fails, when it cannot run here)."""
    return shared_server()


@pytest.fixture
def pg_url(pg_server: PgServer) -> Iterator[str]:
    """A fresh, migrated database of its own for one test."""
    url = pg_server.fresh_database()
    try:
        yield url
    finally:
        pg_server.give_back(url)


@pytest.fixture(name="store", params=["sqlite", "postgres"])
def store_on_both(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """``BOT_DB`` for one test, once per store: a suite's conftest adopts it with
    ``from tests.pg import store_on_both``; elsewhere ``store`` is SQLite only."""
    if request.param == "sqlite":
        return str(tmp_path / "bot.sqlite3")
    return str(request.getfixturevalue("pg_url"))


# For a test or module about the SQLite file itself (backups, PRAGMAs, faults injected with sqlite3)
# in a suite that otherwise runs on both stores: ``@sqlite_only`` or ``pytestmark = sqlite_only``.
sqlite_only = pytest.mark.parametrize("store", ["sqlite"], indirect=True)
