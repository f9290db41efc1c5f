"""Summary statistics the benchmarks print: nearest-rank percentiles and the peak RSS."""

from __future__ import annotations

import resource


def percentile(values: list[float], q: float) -> float:
    """The nearest-rank ``q`` percentile (0 ≤ q ≤ 1) of ``values``; 0.0 for no values."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] if ordered else 0.0


def peak_rss_mb() -> float:
    """This process's peak resident set size in MiB (``ru_maxrss`` is in kilobytes on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
