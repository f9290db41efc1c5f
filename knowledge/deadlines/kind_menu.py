"""The calculator's menu of kinds: each computable kind and what the user must supply for it. Pure."""

from __future__ import annotations

from dataclasses import dataclass

from knowledge.deadlines.periods import PeriodTable, load_periods


@dataclass(frozen=True, slots=True)
class KindInfo:
    kind: str
    label: str
    needs_category: bool
    needs_length: bool  # months/days of the order (tạm giam)
    needs_time: bool  # counted by the clock: the start needs an hour
    accepts_tam_giu_days: bool
    supports_anqg: bool
    status: str
    stage_start_label: str | None = None  # detention tied to a stage: what its start is (caps the last day)


def list_kinds(table: PeriodTable | None = None) -> list[KindInfo]:
    """Computable kinds in menu order, with what the user must supply."""
    t = table or load_periods()
    return [
        KindInfo(
            k.kind,
            k.label,
            k.needs_category,
            k.length_from_input,
            k.counting == "clock",
            k.deduct_tam_giu,
            bool(k.anqg_extensions),
            k.status,
            k.stage.start_label if k.stage else None,
        )
        for k in t.kinds.values()
    ]
