"""Copying a whole database to another store (``python -m bot admin migrate-db --from … --to …``),
typically an SQLite file to PostgreSQL when a province outgrows one machine.

Both ends are opened (and so migrated) by the same code, so they have the same schema. The
target must hold no data. Every table is copied in one transaction on the target, parents
before children (foreign keys), rows in key order with their ids kept; triggers are off while
copying (the check-in audit trigger would otherwise write each audit row a second time) and
identity counters are moved past the copied ids. After the commit every table's rows are
counted on both ends; any difference is an error.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from storage.database import Database, Tx

PAGE = 2000  # rows read from the source at a time
ROWS_PER_INSERT = 400  # rows per INSERT statement (well under both stores' parameter limits)
SKIPPED = ("schema_migrations",)  # written by the migrations of each end


class TransferError(RuntimeError):
    """The copy cannot be made, or did not come out whole (the message says why)."""


@dataclass(frozen=True, slots=True)
class Table:
    name: str
    columns: tuple[str, ...]
    key: tuple[str, ...]  # the order rows are copied in (the primary key; parents before children)
    parents: frozenset[str]


async def _sqlite_tables(db: Database) -> list[Table]:
    names = [
        r[0]
        for r in await db.fetchall(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
    ]
    tables = []
    for name in names:
        info = await db.fetchall(f'PRAGMA table_info("{name}")')
        columns = tuple(r["name"] for r in info)
        key = tuple(r["name"] for r in sorted((r for r in info if r["pk"]), key=lambda r: r["pk"])) or columns
        parents = {r["table"] for r in await db.fetchall(f'PRAGMA foreign_key_list("{name}")')}
        tables.append(Table(name, columns, key, frozenset(parents - {name})))
    return tables


async def _postgres_tables(db: Database) -> list[Table]:
    rows = await db.fetchall(
        "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() "
        "ORDER BY table_name, ordinal_position"
    )
    columns: dict[str, list[str]] = {}
    for r in rows:
        columns.setdefault(r[0], []).append(r[1])
    keys: dict[str, list[str]] = {}
    for r in await db.fetchall(
        "SELECT k.table_name, k.column_name FROM information_schema.table_constraints c "
        "JOIN information_schema.key_column_usage k ON k.constraint_name = c.constraint_name "
        "AND k.table_schema = c.table_schema WHERE c.constraint_type = 'PRIMARY KEY' "
        "AND c.table_schema = current_schema() ORDER BY k.table_name, k.ordinal_position"
    ):
        keys.setdefault(r[0], []).append(r[1])
    parents: dict[str, set[str]] = {}
    for r in await db.fetchall(
        "SELECT child.relname, parent.relname FROM pg_constraint c JOIN pg_class child ON child.oid = c.conrelid "
        "JOIN pg_class parent ON parent.oid = c.confrelid WHERE c.contype = 'f' "
        "AND child.relnamespace = current_schema()::regnamespace"
    ):
        parents.setdefault(r[0], set()).add(r[1])
    return [
        Table(name, tuple(cols), tuple(keys.get(name) or cols), frozenset(parents.get(name, set()) - {name}))
        for name, cols in sorted(columns.items())
    ]


async def tables_of(db: Database) -> list[Table]:
    """The data tables, parents before children."""
    found = await (_postgres_tables(db) if db.dialect == "postgres" else _sqlite_tables(db))
    remaining = {t.name: t for t in found if t.name not in SKIPPED}
    ordered: list[Table] = []
    while remaining:
        ready = [t for t in remaining.values() if not (t.parents & remaining.keys())]
        if not ready:
            raise TransferError(f"circular foreign keys between {sorted(remaining)}")
        for table in sorted(ready, key=lambda t: t.name):
            ordered.append(remaining.pop(table.name))
    return ordered


async def counts(db: Database, tables: Sequence[Table]) -> dict[str, int]:
    return {t.name: int(await db.fetchval(f'SELECT COUNT(*) FROM "{t.name}"')) for t in tables}


async def _triggers_off(target: Database, tx: Tx, tables: Sequence[Table]) -> list[str]:
    """Switch the target's triggers off inside ``tx``; returns what switches them on again."""
    if target.dialect == "postgres":
        for t in tables:
            await tx.execute(f'ALTER TABLE "{t.name}" DISABLE TRIGGER USER')
        return [f'ALTER TABLE "{t.name}" ENABLE TRIGGER USER' for t in tables]
    rows = await tx.execute_fetchall("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
    for name, _ in rows:
        await tx.execute(f'DROP TRIGGER "{name}"')
    return [sql for _, sql in rows]


async def _copy_table(source: Database, tx: Tx, table: Table) -> None:
    names = ", ".join(f'"{c}"' for c in table.columns)
    order = ", ".join(f'"{c}"' for c in table.key)
    row_marks = "(" + ", ".join("?" * len(table.columns)) + ")"
    offset = 0
    while True:
        page = await source.fetchall(
            f'SELECT {names} FROM "{table.name}" ORDER BY {order} LIMIT ? OFFSET ?', (PAGE, offset)
        )
        for start in range(0, len(page), ROWS_PER_INSERT):
            chunk = page[start : start + ROWS_PER_INSERT]
            params: list[Any] = [value for row in chunk for value in row]
            await tx.execute(
                f'INSERT INTO "{table.name}" ({names}) VALUES {", ".join([row_marks] * len(chunk))}', params
            )
        if len(page) < PAGE:
            return
        offset += PAGE


async def _move_identities(tx: Tx, tables: Sequence[Table]) -> None:
    """PostgreSQL: the next generated id of each table comes after the copied ones."""
    for t in tables:
        if "id" in t.columns and t.key == ("id",):
            await tx.execute(
                f"SELECT setval(pg_get_serial_sequence('\"{t.name}\"', 'id'), COALESCE(MAX(id), 0) + 1, false) "
                f"FROM \"{t.name}\" WHERE pg_get_serial_sequence('\"{t.name}\"', 'id') IS NOT NULL"
            )


async def copy_database(source: Database, target: Database) -> dict[str, int]:
    """Copy every row of ``source`` into the empty ``target``; the rows per table (checked on both)."""
    if await source.schema_version() != await target.schema_version():
        raise TransferError("the two databases are at different schema versions")
    tables = await tables_of(source)
    target_tables = {t.name: t for t in await tables_of(target)}
    missing = [t.name for t in tables if t.name not in target_tables]
    if missing:
        raise TransferError(f"tables missing on the target: {missing}")
    filled = [name for name, n in (await counts(target, tables)).items() if n]
    if filled:
        raise TransferError(f"the target already holds data (tables {', '.join(filled)}); copy into an empty one")
    async with target.transaction() as tx:
        restore = await _triggers_off(target, tx, tables)
        for table in tables:
            await _copy_table(source, tx, table)
        if target.dialect == "postgres":
            await _move_identities(tx, tables)
        for statement in restore:
            await tx.execute(statement)
    expected, found = await counts(source, tables), await counts(target, tables)
    if expected != found:
        wrong = {name: (expected[name], found.get(name)) for name in expected if expected[name] != found.get(name)}
        raise TransferError(f"row counts differ after the copy (source, target): {wrong}")
    return expected
