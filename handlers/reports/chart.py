"""The /tinhhinh chart: one row per unit, coloured by where it stands on the report period,
bar length = days late. Above ``MAX_ROWS`` units (a province or the whole country), one row per
parent unit instead: a stacked bar of how many of its units are on time, late, missing or not
yet due. Never taller than ``MAX_PIXELS`` (Telegram refuses photos much taller than wide).

A PNG made with matplotlib's object API (``Figure`` + ``FigureCanvasAgg``): no pyplot and no
global state, so two charts drawn at once in two threads cannot disturb each other."""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from handlers.reports.status import LABELS, ORDER, State, UnitStatus

COLOURS = {
    State.ON_TIME: "#2e7d32",
    State.LATE: "#f9a825",
    State.MISSING: "#c62828",
    State.NOT_DUE: "#90a4ae",
    State.UNTRACKED: "#e0e0e0",
}
if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

MAX_ROWS = 40
MAX_PIXELS = 4000
DPI = 100


@dataclass(frozen=True, slots=True)
class Group:
    name: str
    counts: dict[State, int]

    @property
    def behind(self) -> tuple[int, int]:
        return (self.counts[State.MISSING], self.counts[State.LATE])


def group_by_parent(statuses: Sequence[UnitStatus], parents: Mapping[int, str] | None = None) -> list[Group]:
    """One group per parent unit (a unit without a parent is its own group), in first-seen order."""
    names = {s.unit.id: s.unit.name for s in statuses} | dict(parents or {})
    groups: dict[int, dict[State, int]] = {}
    for s in statuses:
        key = s.unit.parent_id if s.unit.parent_id is not None else s.unit.id
        counts = groups.setdefault(key, dict.fromkeys(ORDER, 0))
        counts[s.state] += 1
    return [Group(names.get(key, f"Đơn vị cấp trên số {key}"), counts) for key, counts in groups.items()]


def _figure(rows: int) -> tuple[Figure, Axes]:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    height = min(max(3.0, 0.45 * rows + 2.2), (MAX_PIXELS - 100) / DPI)
    fig = Figure(figsize=(8, height), dpi=DPI)
    FigureCanvasAgg(fig)
    ax: Axes = fig.subplots()
    return fig, ax


def _legend(ax: Axes) -> None:
    from matplotlib.patches import Patch

    ax.legend(
        handles=[Patch(color=COLOURS[state], label=LABELS[state]) for state in ORDER],
        loc="upper center",
        bbox_to_anchor=(0.5, -0.22),
        ncol=4,
        fontsize=8,
        frameon=False,
    )


def _png(fig: Figure) -> bytes:
    fig.tight_layout()
    out = io.BytesIO()
    fig.savefig(out, format="png")
    return out.getvalue()


def _units_chart(title: str, statuses: Sequence[UnitStatus]) -> bytes:
    from matplotlib.ticker import MaxNLocator

    rows = list(statuses)[::-1]
    fig, ax = _figure(len(rows))
    # On-time and not-due units get a short bar so every unit is visible.
    lengths = [max(s.days_late, 0.4) for s in rows]
    ax.barh(range(len(rows)), lengths, color=[COLOURS[s.state] for s in rows])
    ax.set_yticks(range(len(rows)), [s.unit.name for s in rows], fontsize=9)
    ax.set_xlabel("Số ngày trễ hạn")
    ax.set_title(title, fontsize=11)
    for index, s in enumerate(rows):
        ax.text(max(s.days_late, 0.4) + 0.1, index, LABELS[s.state], va="center", fontsize=8)
    ax.set_xlim(0, max([*lengths, 1]) * 1.6 + 2)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    _legend(ax)
    return _png(fig)


def _groups_chart(title: str, groups: list[Group], total: int) -> bytes:
    from matplotlib.ticker import MaxNLocator

    shown = groups
    if len(groups) > MAX_ROWS:  # the groups furthest behind; the title says how many are left out
        shown = sorted(groups, key=lambda g: g.behind, reverse=True)[:MAX_ROWS]
        title += f"\n({MAX_ROWS}/{len(groups)} nhóm có nhiều đơn vị chậm nhất)"
    rows = shown[::-1]
    fig, ax = _figure(len(rows))
    left = [0] * len(rows)
    for state in ORDER:
        widths = [g.counts[state] for g in rows]
        ax.barh(range(len(rows)), widths, left=left, color=COLOURS[state])
        left = [a + b for a, b in zip(left, widths, strict=True)]
    labels = [f"{g.name} ({sum(g.counts.values())})" for g in rows]
    ax.set_yticks(range(len(rows)), labels, fontsize=9)
    ax.set_xlabel(f"Số đơn vị (tổng {total})")
    ax.set_title(title, fontsize=11)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    _legend(ax)
    return _png(fig)


def plan(statuses: Sequence[UnitStatus], parents: Mapping[int, str] | None = None) -> list[UnitStatus] | list[Group]:
    """What the chart shows: the units themselves (up to ``MAX_ROWS``), else one group per parent."""
    if len(statuses) <= MAX_ROWS:
        return list(statuses)
    return group_by_parent(statuses, parents)


def render_chart(title: str, statuses: Sequence[UnitStatus], parents: Mapping[int, str] | None = None) -> bytes:
    rows = plan(statuses, parents)
    if all(isinstance(row, UnitStatus) for row in rows):
        return _units_chart(title, [row for row in rows if isinstance(row, UnitStatus)])
    return _groups_chart(title, [row for row in rows if isinstance(row, Group)], len(statuses))
