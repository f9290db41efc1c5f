"""Multi-row statements: many rows in one ``INSERT … VALUES (…), (…)``, the same text on both stores.

A statement binds at most ``MAX_PARAMETERS`` values (SQLite allows 32,766 and PostgreSQL
65,535) and holds at most ``MAX_ROWS`` rows, so a longer list goes as several statements, in
order, inside the caller's transaction: all or nothing with it. A statement holds a power of
two of rows, or the last ``SMALL`` rows or fewer (1,000 rows: 512 + 256 + 128 + 64 + 32 + 8), so
one statement shape has at most 21 texts: the drivers' statement caches and PostgreSQL's
placeholder translation (cached per text) stay small whatever the batch sizes (a text per row
count would be up to 512 texts of up to 25 kB each, per shape).

Rows are processed in the order given, on both stores, so a table's ids (SQLite's row id, a
PostgreSQL identity column drawing from its sequence one row after another) grow in that order
within one statement: ``returned_in_order`` relies on it and checks it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from storage.database import Tx

MAX_PARAMETERS = 30_000
MAX_ROWS = 512
SMALL = 16

Rows = Sequence[Sequence[Any]]


def placeholders(width: int, count: int) -> str:
    """``(?, ?), (?, ?)`` for ``count`` rows of ``width`` values."""
    row = "(" + ", ".join("?" * width) + ")"
    return ", ".join([row] * count)


def chunks(rows: Rows) -> Iterator[Rows]:
    """``rows`` in order, in pieces that each fit one statement (every row as wide as the first):
    a power of two of rows, or the last ``SMALL`` or fewer at once (see the module docstring)."""
    if not rows:
        return
    width = max(len(rows[0]), 1)
    size = 1 << (max(1, min(MAX_ROWS, MAX_PARAMETERS // width)).bit_length() - 1)
    start = 0
    while start < len(rows):
        rest = len(rows) - start
        while size > rest:
            size >>= 1
        take = rest if rest <= SMALL else size
        yield rows[start : start + take]
        start += take


async def insert_rows(conn: Tx, head: str, rows: Rows, tail: str = "", tail_params: Sequence[Any] = ()) -> int:
    """``head`` + ``VALUES (…), (…)`` + ``tail`` over ``rows`` (``head`` ends with the column list);
    ``tail_params`` bind the ``tail``'s placeholders in each statement. Returns the rows changed."""
    changed = 0
    for part in chunks(rows):
        params = [value for row in part for value in row]
        cur = await conn.execute(
            f"{head} VALUES {placeholders(len(part[0]), len(part))}{tail}", (*params, *tail_params)
        )
        changed += cur.rowcount
    return changed


async def returned_in_order(conn: Tx, head: str, rows: Rows, returning: str, check: int) -> list[int]:
    """Insert ``rows`` (``head`` as for ``insert_rows``) and return their new ids in the rows' order.
    ``returning`` names ``id`` and one more column; the column at position ``check`` of each row
    must come back beside that row's id (RETURNING's own order is unspecified on both stores:
    ids are sorted, and the pairing checked, so a mismatch fails the transaction, never misfiles)."""
    ids: list[int] = []
    for part in chunks(rows):
        params = [value for row in part for value in row]
        found = await conn.execute_fetchall(
            f"{head} VALUES {placeholders(len(part[0]), len(part))} RETURNING {returning}", params
        )
        pairs = sorted((int(r[0]), r[1]) for r in found)
        if [value for _, value in pairs] != [row[check] for row in part]:
            raise RuntimeError("a multi-row insert returned its ids out of the rows' order")
        ids += [row_id for row_id, _ in pairs]
    return ids
