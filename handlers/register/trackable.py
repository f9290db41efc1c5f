"""Which calculator cards the register can take (review8 C4): the kinds its creation flow offers, detention
tied to a stage (capped by the stage's end) and the summary procedure's kinds. A card of any other kind
(điều tra bổ sung, kháng nghị of another level, the hearings' own days …) is not offered «Theo dõi trong
sổ», which would only answer that it cannot."""

from __future__ import annotations

from handlers.register.flow_special import staged
from handlers.register.kinds import KINDS
from knowledge.deadlines.register_summary import SUMMARY_KINDS


def trackable(kind: str) -> bool:
    return kind in KINDS or kind in SUMMARY_KINDS or staged(kind)
