"""Backups, restores and retention of the SQLite database.

- ``backup``: SQLite's online backup API, in one step (in WAL mode the copy reads a consistent
  snapshot while writers go on), into a new 0600 file that must pass ``PRAGMA integrity_check``
  before it takes the final name.
- ``restore``: refuses while a live process holds a sending lease (``outbox:*``, renewed every
  few seconds); checks the backup first; the current database (with its ``-wal``/``-shm``) is
  kept beside it as ``<name>.before-restore-<stamp>``, never deleted.
- ``apply_retention``: forgets what only grows: processed-update keys, the question log and
  finished outbox rows older than the configured days. Audit rows and records are kept.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from storage.database import is_postgres_url
from storage.db import Database, utc_now_text

# Outbox rows that will never be sent again; 'uncertain' stays (admins must look at it).
FINISHED = ("sent", "skipped", "failed", "unreachable")


class MaintenanceError(RuntimeError):
    """A backup or restore refused (the message says why and what to do)."""


@dataclass(frozen=True, slots=True)
class Retention:
    processed_updates_days: int = 2
    questions_days: int = 365
    outbox_days: int = 180


def _sqlite_only(db_path: str | Path) -> None:
    if is_postgres_url(str(db_path)):
        raise MaintenanceError(
            "BOT_DB is a PostgreSQL database: back it up and restore it with PostgreSQL's tools "
            "(pg_dump / pg_restore, or pg_basebackup and a replica)"
        )


def _private_file(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)


def integrity(path: Path) -> str:
    """``PRAGMA integrity_check`` of a database file: "ok" or the first problems found."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    finally:
        conn.close()
    return "; ".join(str(r[0]) for r in rows[:5])


def backup(db_path: str | Path, out: str | Path) -> int:
    """Copy the live database to ``out`` (refusing to overwrite); its size in bytes."""
    _sqlite_only(db_path)
    source_path, target = Path(db_path), Path(out)
    if not source_path.is_file():
        raise MaintenanceError(f"BOT_DB={source_path}: no such database")
    if target.exists():
        raise MaintenanceError(f"{target} đã có / already exists: chọn tên tệp mới / choose a new file name")
    if not target.parent.is_dir():
        raise MaintenanceError(
            f"thư mục {target.parent} không tồn tại / no such folder: tạo nó trước (install -d -m 0700 ...) "
            "hoặc sửa đường dẫn / create it first or fix the path"
        )
    partial = target.with_name(f".{target.name}.partial")
    partial.unlink(missing_ok=True)
    _private_file(partial)
    source = sqlite3.connect(source_path)
    try:
        source.execute("PRAGMA busy_timeout=5000")
        copy = sqlite3.connect(partial)
        try:
            source.backup(copy)  # all pages in one step: one consistent snapshot
            copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        finally:
            copy.close()
    finally:
        source.close()
    verdict = integrity(partial)
    if verdict != "ok":
        partial.unlink()
        raise MaintenanceError(f"the copy failed its integrity check: {verdict}")
    os.chmod(partial, 0o600)
    partial.rename(target)
    return target.stat().st_size


def live_holders(db_path: Path, now: datetime) -> list[str]:
    """Processes holding a sending lease on the database now (their names and holders)."""
    if not db_path.is_file():
        return []
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        rows = conn.execute(
            "SELECT name, holder FROM leases WHERE name LIKE 'outbox:%' AND expires_at > ?", (utc_now_text(now),)
        ).fetchall()
    except sqlite3.DatabaseError:
        return []  # a broken database has no live holder worth protecting
    finally:
        conn.close()
    return [f"{name} ({holder})" for name, holder in rows]


def restore(
    backup_file: str | Path, db_path: str | Path, now: datetime | None = None, *, new_database: bool = False
) -> Path | None:
    """Put ``backup_file`` in place of the database; returns where the old one was kept.
    ``new_database``: restoring where no database exists is allowed (otherwise refused: a wrong
    BOT_DB would "succeed" on a new file while the service's database stays as it was)."""
    _sqlite_only(db_path)
    source, target = Path(backup_file), Path(db_path)
    moment = now or datetime.now(UTC)
    holders = live_holders(target, moment)
    if holders:
        raise MaintenanceError(
            "Trợ lý đang chạy trên cơ sở dữ liệu này / the assistant is running on this database (lease "
            + ", ".join(holders)
            + "): dừng trợ lý trước (systemctl stop tro-ly-vks), chờ một phút rồi khôi phục lại / stop it first, "
            "wait a minute, then restore"
        )
    if not target.exists() and not new_database:
        raise MaintenanceError(
            f"BOT_DB={target}: không có cơ sở dữ liệu nào ở đây / no database at this path. Kiểm tra BOT_DB "
            "(chạy với cấu hình của dịch vụ, README mục «Backups and restore»); khôi phục vào một tệp mới thì "
            "thêm --new-database"
        )
    if not target.parent.is_dir():
        raise MaintenanceError(f"thư mục {target.parent} không tồn tại / no such folder")
    if not source.is_file():
        raise MaintenanceError(f"{source}: no such backup file")
    verdict = integrity(source)
    if verdict != "ok":
        raise MaintenanceError(f"{source} is not a sound database ({verdict}): choose another backup")
    incoming = target.with_name(f".{target.name}.restoring")
    incoming.unlink(missing_ok=True)
    _private_file(incoming)
    with source.open("rb") as src, incoming.open("wb") as dst:
        while chunk := src.read(1 << 20):
            dst.write(chunk)
        dst.flush()
        os.fsync(dst.fileno())
    kept = None
    if target.exists():
        kept = target.with_name(f"{target.name}.before-restore-{moment.strftime('%Y%m%dT%H%M%S')}")
        for suffix in ("", "-wal", "-shm"):  # the WAL may hold committed writes: it goes along
            old = Path(f"{target}{suffix}")
            if old.exists():
                old.rename(Path(f"{kept}{suffix}"))
    incoming.rename(target)
    return kept


async def apply_retention(db: Database, now: datetime, rules: Retention) -> dict[str, int]:
    """Delete what is older than the rules allow; how many rows of each kind went."""

    def cutoff(days: int) -> str:
        return utc_now_text(now - timedelta(days=days))

    marks = ", ".join("?" * len(FINISHED))
    async with db.transaction() as conn:
        updates = await conn.execute(
            "DELETE FROM processed_updates WHERE processed_at < ?", (cutoff(rules.processed_updates_days),)
        )
        questions = await conn.execute("DELETE FROM questions WHERE at < ?", (cutoff(rules.questions_days),))
        outbox = await conn.execute(
            f"DELETE FROM outbox WHERE status IN ({marks}) AND created_at < ? AND next_attempt_at < ?",
            (*FINISHED, cutoff(rules.outbox_days), cutoff(rules.outbox_days)),
        )
        return {"processed_updates": updates.rowcount, "questions": questions.rowcount, "outbox": outbox.rowcount}
