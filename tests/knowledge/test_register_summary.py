"""The register keeps a summary-procedure case in the summary procedure (review A2): its stages
move to the summary limits (Đ460 k1 → Đ461 k1 → Đ462; detention Đ459 k3), never to the general
prosecution (Đ240: 20–30 days plus extensions, instead of 5) or the general detention."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from knowledge.deadlines.register_chain import ChainError, Event, State, fold
from knowledge.deadlines.register_rules import NEXT_STAGES


def _fold(start: dict[str, Any], *stages: dict[str, Any]) -> State:
    events = [Event(1, "start", start)] + [Event(i, "stage", d) for i, d in enumerate(stages, start=2)]
    return fold(events)


def test_a_summary_investigation_moves_to_the_summary_prosecution_only() -> None:
    start = {"kind": "dieu_tra_rut_gon", "start": "2026-03-02"}
    with pytest.raises(ChainError, match="Quyết định việc truy tố theo thủ tục rút gọn"):
        _fold(start, {"kind": "truy_to", "start": "2026-03-20", "category": "it_nghiem_trong"})
    step = _fold(start, {"kind": "truy_to_rut_gon", "start": "2026-03-20"}).step
    # Đ461 k1: 5 days from receipt, Fri 20/03 + 5 = Wed 25/03/2026 (the general Đ240 would be 09/04).
    assert step is not None and step.kind == "truy_to_rut_gon" and step.last_day == date(2026, 3, 25)
    trial = _fold(
        start, {"kind": "truy_to_rut_gon", "start": "2026-03-20"}, {"kind": "xet_xu_rut_gon", "start": "2026-03-25"}
    )
    assert trial.step is not None and trial.step.kind == "xet_xu_rut_gon"


def test_summary_detention_follows_the_summary_stages() -> None:
    start = {"kind": "tam_giam_rut_gon_dieu_tra", "start": "2026-03-02"}
    with pytest.raises(ChainError):
        _fold(start, {"kind": "tam_giam_truy_to", "start": "2026-03-22", "stage_start": "2026-03-22"})
    state = _fold(
        start,
        {"kind": "tam_giam_rut_gon_truy_to", "start": "2026-03-22"},
        {"kind": "tam_giam_rut_gon_so_tham", "start": "2026-03-27"},
        {"kind": "tam_giam_rut_gon_phuc_tham", "start": "2026-04-13"},
    )
    # Đ459 k3: 22 days of detention, 13/04 being day 1 → 04/05/2026.
    assert state.step is not None and state.step.last_day == date(2026, 5, 4)


def test_no_summary_kind_leads_to_a_general_one() -> None:
    for kind, nexts in NEXT_STAGES.items():
        if "rut_gon" in kind:
            assert nexts and all("rut_gon" in n for n in nexts), kind
