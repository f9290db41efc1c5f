"""The table of procedural periods (``knowledge/data/periods.yaml``): its types, loading and
validation. The arithmetic over it is in ``knowledge.deadlines.calculator``."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from knowledge import DATA_DIR

PERIODS_FILE = DATA_DIR / "periods.yaml"
UNIT_TEXT = {"h": "giờ", "d": "ngày", "m": "tháng", "y": "năm"}
_COUNTINGS = ("clock", "custody_days", "calendar", "working_days")


class PeriodDataError(ValueError):
    """periods.yaml is malformed."""


@dataclass(frozen=True, slots=True)
class Length:
    value: int
    unit: str  # h, d, m, y

    @classmethod
    def parse(cls, raw: Any, where: str) -> Length:
        text = str(raw).strip()
        if len(text) < 2 or text[-1] not in UNIT_TEXT or not text[:-1].isdigit() or int(text[:-1]) <= 0:
            raise PeriodDataError(f"periods.yaml: {where}: '{raw}' is not a length like 12h, 3d, 2m, 1y")
        return cls(int(text[:-1]), text[-1])

    def text(self) -> str:
        return f"{self.value} {UNIT_TEXT[self.unit]}"

    def hours(self) -> int:
        return self.value * (1 if self.unit == "h" else 24)

    def custody_days(self) -> int:
        return self.value * (30 if self.unit == "m" else 1)


@dataclass(frozen=True, slots=True)
class StepDef:
    label: str
    length: Length | None = None
    length_by_category: Mapping[str, Length] = field(default_factory=dict)
    approver: str | None = None
    basis: str | None = None
    anchor: str = "previous"  # or "start", or "decision": counted from a decision's day the user gives
    special: bool = False  # "trường hợp đặc biệt": only in exceptional cases, by the approver named
    open_ended: bool = False  # the law allows it "until the investigation (or hearing) ends": no date
    unless_anqg: bool = False  # replaced by the ANQG steps when the crime infringes national security
    categories: frozenset[str] = frozenset()  # open-ended steps: the categories it applies to (empty: all)
    until: str = ""  # open-ended steps: what ends them
    decision: str = ""  # anchor "decision": the decision it runs from ("đưa vụ án ra xét xử", Đ462 k2)

    def length_for(self, category: str | None) -> Length | None:
        if self.length is not None:
            return self.length
        return self.length_by_category.get(category or "")

    def applies_to(self, category: str | None) -> bool:
        if self.open_ended:
            return not self.categories or (category or "") in self.categories
        return self.length_for(category) is not None


@dataclass(frozen=True, slots=True)
class StageCap:
    """Detention tied to a stage may not outlast the stage's own limit (Đ174 k4, Đ241, Đ278 k2, Đ347 k2).

    ``steps``: for the detention's base and each dated extension in order, the index in the stage
    kind's chain (0 = its base) whose end caps it."""

    kind: str
    start_label: str  # what the stage start is, e.g. "ngày Tòa án nhận hồ sơ"
    warning: str  # shown when the stage start is not given
    steps: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class KindDef:
    kind: str
    label: str
    basis: str
    status: str
    counting: str
    custody: bool
    trigger: str
    base: StepDef
    length_from_input: bool = False
    extensions: tuple[StepDef, ...] = ()
    anqg_extensions: tuple[StepDef, ...] = ()
    deduct_tam_giu: bool = False
    authority_limit: bool = False
    notes: tuple[str, ...] = ()
    anqg_notes: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    stage: StageCap | None = None

    @property
    def needs_category(self) -> bool:
        return any(s.length_by_category for s in (self.base, *self.extensions))


@dataclass(frozen=True, slots=True)
class PeriodTable:
    categories: Mapping[str, str]
    kinds: Mapping[str, KindDef]
    not_computed: Mapping[str, str]
    approver_uncertain_from: date
    approver_uncertain_text: str


def _step(raw: Any, where: str, categories: Mapping[str, str], counting: str) -> StepDef:
    if not isinstance(raw, dict) or not isinstance(raw.get("label", ""), str):
        raise PeriodDataError(f"periods.yaml: {where}: expected a mapping with a label")
    by_cat = {}
    for cat, value in (raw.get("length_by_category") or {}).items():
        if cat not in categories:
            raise PeriodDataError(f"periods.yaml: {where}: unknown category '{cat}'")
        by_cat[cat] = Length.parse(value, f"{where}.{cat}")
    length = Length.parse(raw["length"], where) if "length" in raw else None
    for ln in (length, *by_cat.values()):
        if ln and counting == "custody_days" and ln.unit not in "dm":
            raise PeriodDataError(f"periods.yaml: {where}: custody lengths are in days or months")
        if ln and counting == "calendar" and ln.unit == "h":
            raise PeriodDataError(f"periods.yaml: {where}: calendar lengths cannot be in hours")
        if ln and counting == "working_days" and ln.unit != "d":
            raise PeriodDataError(f"periods.yaml: {where}: working-day lengths are in days")
    anchor = raw.get("anchor", "previous")
    if anchor not in ("previous", "start", "decision"):
        raise PeriodDataError(f"periods.yaml: {where}: anchor must be 'previous', 'start' or 'decision'")
    if (anchor == "decision") != bool(raw.get("decision")) or (anchor == "decision" and counting != "calendar"):
        raise PeriodDataError(f"periods.yaml: {where}: a calendar step counted from a decision names the decision")
    open_ended = bool(raw.get("open_ended"))
    if open_ended and (length or by_cat):
        raise PeriodDataError(f"periods.yaml: {where}: an open-ended step has no length")
    cats = frozenset(raw.get("categories") or ())
    if cats - set(categories):
        raise PeriodDataError(f"periods.yaml: {where}: unknown categories {sorted(cats - set(categories))}")
    if (raw.get("special") or open_ended) and not raw.get("approver"):
        raise PeriodDataError(f"periods.yaml: {where}: a special or open-ended step names its approver")
    return StepDef(
        str(raw.get("label", "")),
        length,
        by_cat,
        raw.get("approver"),
        raw.get("basis"),
        anchor,
        bool(raw.get("special")),
        open_ended,
        bool(raw.get("unless_anqg")),
        cats,
        str(raw.get("until") or "kết thúc việc điều tra"),
        str(raw.get("decision") or ""),
    )


def _stage(raw: Any, where: str, counting: str, n_extensions: int) -> StageCap | None:
    if raw is None:
        return None
    if not isinstance(raw, dict) or not {"kind", "start_label", "warning"} <= set(raw) or counting != "custody_days":
        raise PeriodDataError(f"periods.yaml: {where}.stage: a custody kind's stage has kind, start_label, warning")
    steps = tuple(int(i) for i in raw.get("steps") or range(n_extensions + 1))
    if len(steps) < n_extensions + 1 or any(i < 0 for i in steps):
        raise PeriodDataError(f"periods.yaml: {where}.stage.steps: one stage step for the base and each extension")
    return StageCap(str(raw["kind"]), str(raw["start_label"]), str(raw["warning"]), steps)


def parse_periods(data: Any) -> PeriodTable:
    if not isinstance(data, dict) or not isinstance(data.get("kinds"), dict):
        raise PeriodDataError("periods.yaml: expected a mapping with 'kinds'")
    categories = dict(data.get("categories") or {})
    kinds: dict[str, KindDef] = {}
    for kind, raw in data["kinds"].items():
        where = f"kinds.{kind}"
        missing = {"label", "basis", "status", "counting", "trigger", "base"} - set(raw)
        if missing:
            raise PeriodDataError(f"periods.yaml: {where}: missing {sorted(missing)}")
        if raw["counting"] not in _COUNTINGS or raw["status"] not in ("V", "S"):
            raise PeriodDataError(f"periods.yaml: {where}: bad counting or status (V/S only)")
        counting = raw["counting"]
        base = _step(raw["base"], f"{where}.base", categories, counting)
        from_input = bool(raw["base"].get("length_from_input"))
        if not from_input and base.length is None and not base.length_by_category:
            raise PeriodDataError(f"periods.yaml: {where}.base: no length")
        exts = tuple(
            _step(s, f"{where}.extensions[{i}]", categories, counting)
            for i, s in enumerate(raw.get("extensions") or [])
        )
        anqg = tuple(
            _step(s, f"{where}.anqg_extensions[{i}]", categories, counting)
            for i, s in enumerate(raw.get("anqg_extensions") or [])
        )
        kinds[kind] = KindDef(
            kind,
            raw["label"],
            raw["basis"],
            raw["status"],
            counting,
            bool(raw.get("custody")),
            raw["trigger"],
            base,
            from_input,
            exts,
            anqg,
            bool(raw.get("deduct_tam_giu")),
            bool(raw.get("authority_limit")),
            tuple(raw.get("notes") or ()),
            {c: tuple(v) for c, v in (raw.get("anqg_notes") or {}).items()},
            _stage(raw.get("stage"), where, counting, sum(not s.open_ended for s in exts)),
        )
    for kind, kd in kinds.items():
        if kd.stage and (kd.stage.kind not in kinds or kinds[kd.stage.kind].counting != "calendar"):
            raise PeriodDataError(f"periods.yaml: kinds.{kind}.stage: '{kd.stage.kind}' is not a calendar kind")
    return PeriodTable(
        categories,
        kinds,
        dict(data.get("not_computed") or {}),
        date.fromisoformat(str(data.get("approver_uncertain_from", "2025-07-01"))),
        str(data.get("approver_uncertain_text", "cần đối chiếu văn bản hợp nhất")),
    )


@lru_cache(maxsize=4)
def load_periods(path: str | None = None) -> PeriodTable:
    file = Path(path) if path else PERIODS_FILE
    return parse_periods(yaml.safe_load(file.read_text(encoding="utf-8")))
