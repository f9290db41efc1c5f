"""How rows are cut into multi-row statements: in order, none lost or repeated, within the
stores' parameter limits, and in few distinct sizes (each size is one statement text to cache)."""

from __future__ import annotations

from storage.multirow import MAX_PARAMETERS, chunks, placeholders


def test_rows_keep_their_order_and_sizes_stay_few() -> None:
    sizes: set[int] = set()
    for count in range(0, 2100):
        rows = [(n, "x", None) for n in range(count)]
        pieces = list(chunks(rows))
        assert [row for piece in pieces for row in piece] == rows
        sizes.update(len(piece) for piece in pieces)
    assert sizes == set(range(1, 17)) | {32, 64, 128, 256, 512}


def test_wide_rows_stay_under_the_parameter_limit() -> None:
    rows = [tuple(range(100))] * 1000
    pieces = list(chunks(rows))
    assert max(len(p) * 100 for p in pieces) <= MAX_PARAMETERS
    assert [len(p) for p in pieces] == [256, 256, 256, 128, 64, 32, 8]


def test_placeholders() -> None:
    assert placeholders(2, 3) == "(?, ?), (?, ?), (?, ?)"
