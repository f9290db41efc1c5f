"""Coalescing: many coroutines' small database calls served by one statement.

While one run of a batch is at the database, calls made by other coroutines queue up;
the next run serves all of them with one multi-row statement. Under load this turns
hundreds of round trips to the connection's thread (and, for writes, hundreds of
commits) into a few, with no timer and no added wait when the database is idle: a
call made when nothing is in flight starts a run at once.

A write that a caller awaits has committed when the await returns, exactly as a
single statement would have. A statement that fails for the batch is retried item by
item, so one bad item fails alone and the others still succeed.
"""

from __future__ import annotations

import asyncio
import contextvars
import logging
from collections.abc import Awaitable, Callable, Sequence
from typing import Generic, TypeVar

logger = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")

# Rows per statement: well under SQLite's limit of 32,766 bound variables for our widths.
MAX_BATCH = 400


class Coalescer(Generic[T, R]):
    """``submit(item)`` returns a future of ``run([item, ...])``'s result for that item.

    ``run`` receives the items in submission order and returns one result per item; it
    must be safe to repeat (it is retried item by item after a failure). Every submitted
    item is run, even if its caller stopped waiting (a cancelled save
    is still saved: a half-applied message must not lose its state).
    """

    def __init__(self, run: Callable[[list[T]], Awaitable[Sequence[R]]], *, max_batch: int = MAX_BATCH) -> None:
        self._run = run
        self._max = max_batch
        self._pending: list[tuple[T, asyncio.Future[R]]] = []
        self._task: asyncio.Task[None] | None = None
        self.runs = 0
        self.items = 0

    def submit(self, item: T) -> asyncio.Future[R]:
        loop = asyncio.get_running_loop()
        future: asyncio.Future[R] = loop.create_future()
        self._pending.append((item, future))
        if self._task is None or self._task.get_loop() is not loop:  # (a loop closed mid-run left one behind)
            # A fresh context: the run must not inherit the caller's transaction (storage/pg.py).
            self._task = loop.create_task(self._drain(), context=contextvars.Context())
        return future

    async def _drain(self) -> None:
        loop = asyncio.get_running_loop()
        try:
            while self._pending:
                # (Calls left by a loop that closed mid-run have no one waiting: they are dropped.)
                batch = [entry for entry in self._pending[: self._max] if entry[1].get_loop() is loop]
                del self._pending[: self._max]
                if batch:
                    await self._serve(batch)
        finally:
            if self._task is asyncio.current_task():
                self._task = None

    async def _serve(self, batch: list[tuple[T, asyncio.Future[R]]]) -> None:
        self.runs += 1
        self.items += len(batch)
        try:
            results = await self._run([item for item, _ in batch])
            if len(results) != len(batch):
                raise RuntimeError(f"batch of {len(batch)} returned {len(results)} results")
        except Exception as exc:
            if len(batch) == 1:
                _fail(batch[0][1], exc)
                return
            logger.warning(
                "batched statement failed (%s); retrying %d items one by one", type(exc).__name__, len(batch)
            )
            for entry in batch:
                await self._serve([entry])
            return
        for (_, future), result in zip(batch, results, strict=True):
            if not future.done():
                future.set_result(result)


def _fail(future: asyncio.Future[R], exc: Exception) -> None:
    if not future.done():
        future.set_exception(exc)
