"""The /tinhhinh chart: drawn without pyplot's global state (two threads at once give the same
images as one by one), one row per unit up to 40 units, grouped by parent unit above that, and
never taller than 4,000 px (385 units used to make 17,500 px)."""

from __future__ import annotations

import struct
from concurrent.futures import ThreadPoolExecutor

from handlers.reports.chart import MAX_PIXELS, MAX_ROWS, Group, group_by_parent, plan, render_chart
from handlers.reports.status import State, UnitStatus
from storage.units import Unit

STATES = [State.ON_TIME, State.LATE, State.MISSING, State.NOT_DUE]


def _size(png: bytes) -> tuple[int, int]:
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    return width, height


def _statuses(count: int, per_parent: int = 10) -> list[UnitStatus]:
    found = []
    for i in range(count):
        parent = 10_000 + i // per_parent
        unit = Unit(i + 1, f"KV{i}", f"VKSND khu vực {i}", "khu_vuc", parent)
        state = STATES[i % 4]
        found.append(UnitStatus(unit, state, 3 if state is State.LATE else 0, None))
    return found


def test_few_units_one_row_each_and_many_units_grouped_under_the_limit() -> None:
    small = render_chart("Báo cáo tháng", _statuses(12))
    assert _size(small)[1] < 1000
    grouped = render_chart("Báo cáo tháng", _statuses(385), {10_000 + k: f"VKSND tỉnh {k}" for k in range(39)})
    width, height = _size(grouped)
    assert height <= MAX_PIXELS and width <= MAX_PIXELS
    huge = render_chart("Cả nước", _statuses(2000, per_parent=20))  # 100 groups: the 40 furthest behind
    assert _size(huge)[1] <= MAX_PIXELS


def test_up_to_40_units_are_shown_one_by_one_and_above_that_by_parent() -> None:
    forty = _statuses(MAX_ROWS)
    assert plan(forty) == forty
    grouped = plan(_statuses(385), {10_000: "VKSND tỉnh 0"})
    assert len(grouped) == 39 and all(isinstance(g, Group) for g in grouped)
    assert isinstance(grouped[0], Group) and grouped[0].name == "VKSND tỉnh 0"
    assert sum(sum(g.counts.values()) for g in grouped if isinstance(g, Group)) == 385


def test_groups_count_each_units_state_under_its_parent() -> None:
    statuses = _statuses(41, per_parent=20)
    groups = group_by_parent(statuses, {10_000: "VKSND tỉnh A"})
    assert [g.name for g in groups] == ["VKSND tỉnh A", "Đơn vị cấp trên số 10001", "Đơn vị cấp trên số 10002"]
    assert groups[0].counts == {State.ON_TIME: 5, State.LATE: 5, State.MISSING: 5, State.NOT_DUE: 5, State.UNTRACKED: 0}
    assert sum(sum(g.counts.values()) for g in groups) == 41
    assert len(statuses) > MAX_ROWS


def test_charts_drawn_at_once_in_threads_equal_charts_drawn_one_by_one() -> None:
    inputs = [("A", _statuses(8)), ("B", _statuses(30)), ("C", _statuses(60))]
    serial = [render_chart(title, statuses) for title, statuses in inputs]
    with ThreadPoolExecutor(max_workers=6) as pool:
        parallel = list(pool.map(lambda item: render_chart(*item), inputs * 4))
    assert parallel == serial * 4
