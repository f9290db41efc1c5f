"""What the command-line subcommands share: the database opened for one command, and the
answer for a unit code that does not exist."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from storage.db import open_database
from storage.repositories import Repositories

NO_UNIT = "Không có đơn vị mã {code}. Xem danh sách: python -m bot admin unit list"


@asynccontextmanager
async def open_repos(db_path: str) -> AsyncIterator[Repositories]:
    """The repositories over the database at ``db_path``, closed when the block ends."""
    db = await open_database(db_path)
    try:
        yield Repositories.over(db)
    finally:
        await db.close()
