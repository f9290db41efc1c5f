"""Where a benchmark's database lives (``--store``): an SQLite file in its temporary folder
(the default), or PostgreSQL: the database at ``BENCH_PG_URL`` (it must be empty), else one
on a private server started for the run the way the tests start theirs (``tests/pg.py``,
the Debian ``postgresql`` package; fsync off, so figures are the software's, not a disk's)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from storage.db import open_database

STORES = ("sqlite", "postgres")


@contextmanager
def database_target(store: str, folder: Path, name: str) -> Iterator[str]:
    """``BOT_DB`` for the run."""
    if store == "sqlite":
        yield str(folder / f"{name}.sqlite3")
        return
    if os.environ.get("BENCH_PG_URL"):
        yield os.environ["BENCH_PG_URL"]
        return
    from tests.pg import PgServer, unavailable_reason

    reason = unavailable_reason()
    if reason is not None:
        raise SystemExit(f"--store postgres: {reason}")
    server = PgServer.start()
    try:
        yield server.fresh_database()
    finally:
        server.stop()


async def database_bytes(target: str) -> int:
    """The database's size on disk (SQLite: the file and its WAL)."""
    if target.startswith(("postgresql://", "postgres://")):
        db = await open_database(target)
        try:
            return int(await db.fetchval("SELECT pg_database_size(current_database())"))
        finally:
            await db.close()
    path = Path(target)
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))
