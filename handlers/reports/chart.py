"""The /tinhhinh chart: one row per unit, coloured by where it stands on the report period,
bar length = days late. A PNG made with matplotlib (Agg, no screen needed)."""

from __future__ import annotations

import io
from collections.abc import Sequence

from handlers.reports.status import LABELS, ORDER, State, UnitStatus

COLOURS = {State.ON_TIME: "#2e7d32", State.LATE: "#f9a825", State.MISSING: "#c62828", State.NOT_DUE: "#90a4ae"}


def render_chart(title: str, statuses: Sequence[UnitStatus]) -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt
    from matplotlib.patches import Patch
    from matplotlib.ticker import MaxNLocator

    names = [s.unit.name for s in statuses][::-1]
    rows = list(statuses)[::-1]
    height = max(3.0, 0.45 * len(rows) + 2.2)
    fig, ax = plt.subplots(figsize=(8, height), dpi=100)
    try:
        # On-time and not-due units get a short bar so every unit is visible.
        lengths = [max(s.days_late, 0.4) for s in rows]
        ax.barh(range(len(rows)), lengths, color=[COLOURS[s.state] for s in rows])
        ax.set_yticks(range(len(rows)), names, fontsize=9)
        ax.set_xlabel("Số ngày trễ hạn")
        ax.set_title(title, fontsize=11)
        for index, s in enumerate(rows):
            ax.text(max(s.days_late, 0.4) + 0.1, index, LABELS[s.state], va="center", fontsize=8)
        ax.set_xlim(0, max([*lengths, 1]) * 1.6 + 2)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.legend(
            handles=[Patch(color=COLOURS[state], label=LABELS[state]) for state in ORDER],
            loc="upper center",
            bbox_to_anchor=(0.5, -0.22),
            ncol=4,
            fontsize=8,
            frameon=False,
        )
        fig.tight_layout()
        out = io.BytesIO()
        fig.savefig(out, format="png")
        return out.getvalue()
    finally:
        plt.close(fig)
