"""guard13: "bc" after a trial is told is the accused at trial, bị cáo ("tòa vừa tuyên án xong, bc nói muốn kc, e
bảo bc là có bn ngày nhỉ" was a menu between readings of "bc" as bị can or báo cáo); a report's "bc tk" stays."""

from __future__ import annotations

import pytest

from knowledge.kb.in_place import in_place
from tests.conftest import World


@pytest.mark.parametrize(
    "question",
    [
        "toa vua tuyen an xong, bc noi muon kc, e bao bc la co bn ngay nhi",
        "tòa tuyên án sáng nay, bc có quyền kc trong mấy ngày",
    ],
)
async def test_the_accused_at_trial_appeals_in_15_days(world: World, question: str) -> None:
    text = await (await world.staff_chat("g13-bc")).text(question)
    assert "15 ngày" in text and "Điều 333" in text, text


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("toa vua tuyen an xong, bc noi muon kc", "toa vua tuyen an xong, bi cao noi muon kc"),
        ("bc bi tam giam bao lau", "bc bi tam giam bao lau"),  # no trial told: left to the search's readings
        ("sau phien toa, bc tk thang nop khi nao", "sau phien toa, bao cao tk thang nop khi nao"),
    ],
)
def test_bc_after_a_trial(typed: str, read: str) -> None:
    assert in_place(typed) == read
