"""Load and validate the knowledge base from ``knowledge/data/kb_*.yaml``.

Each ``kb_*.yaml`` file is a YAML list of entries (mappings). Other YAML files in the
data folder (synonyms, days off, ...) belong to other modules and are ignored here.

``load_kb`` raises :class:`KnowledgeError` listing every problem found;
``check_kb`` never raises for data errors and returns the problems instead.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import yaml

from knowledge import DATA_DIR
from knowledge.kb.entry import CATEGORIES, VERIFIED_VALUES, Entry
from knowledge.kb.schema import ID_RE, Problem, entry_label, validate_entry

logger = logging.getLogger(__name__)

DATA_DIR: Path = DATA_DIR
FILE_GLOB = "kb_*.yaml"


class KnowledgeError(Exception):
    """The knowledge base data is invalid; ``problems`` lists every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        head = f"{len(self.problems)} lỗi trong dữ liệu tri thức"
        lines = [head, *(f"  - {p}" for p in self.problems)]
        super().__init__("\n".join(lines))


class KnowledgeBase:
    """An immutable collection of validated entries, in file order then in-file order."""

    def __init__(self, entries: Iterable[Entry], files: Iterable[str] = ()) -> None:
        self.entries: tuple[Entry, ...] = tuple(entries)
        self.files: tuple[str, ...] = tuple(files)
        self._by_id: dict[str, Entry] = {}
        for entry in self.entries:
            if entry.id in self._by_id:
                raise ValueError(f"duplicate entry id {entry.id!r}")
            self._by_id[entry.id] = entry

    def get(self, entry_id: str) -> Entry | None:
        return self._by_id.get(entry_id)

    def by_category(self, category: str) -> list[Entry]:
        return [e for e in self.entries if e.category == category]

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self._by_id

    def summary(self) -> dict[str, int]:
        """Counts: every category, every verified status (zeros included) and ``total``.

        Category names and verified values never collide, so one flat dict holds both.
        """
        counts: dict[str, int] = dict.fromkeys(CATEGORIES, 0)
        counts.update(dict.fromkeys(VERIFIED_VALUES, 0))
        cats = Counter(e.category for e in self.entries)
        statuses = Counter(e.verified for e in self.entries)
        for key, n in (*cats.items(), *statuses.items()):
            counts[key] = counts.get(key, 0) + n
        counts["total"] = len(self.entries)
        return counts


# --- YAML reading -------------------------------------------------------------------------


class _Loader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2 booleans (only true/false), dates kept as strings, and
    duplicate-key detection.

    YAML 1.1 would read ``verified: yes`` / ``no`` as booleans; we want the strings. Dates
    stay strings so that an impossible date (2026-13-01) is a reported problem, not a crash.
    """


_DROPPED_TAGS = frozenset({"tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp"})
_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in _DROPPED_TAGS]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> dict[Any, Any]:
    loader.flatten_mapping(node)
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in seen:
            raise yaml.constructor.ConstructorError(None, None, f"khóa trùng lặp {key!r}", key_node.start_mark)
        seen.add(key)
    return loader.construct_mapping(node, deep=True)


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _read_yaml(path: Path) -> tuple[Any, Problem | None]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return None, Problem(path.name, None, None, f"không đọc được tệp: {exc}")
    try:
        return yaml.load(text, Loader=_Loader), None
    except (yaml.YAMLError, ValueError) as exc:
        where = ""
        mark = getattr(exc, "problem_mark", None)
        if mark is not None:
            where = f" (dòng {mark.line + 1}, cột {mark.column + 1})"
        reason = getattr(exc, "problem", None) or str(exc)
        return None, Problem(path.name, None, None, f"lỗi cú pháp YAML{where}: {reason}")


def check_kb(data_dir: Path | None = None) -> tuple[KnowledgeBase | None, list[Problem]]:
    """Validate every ``kb_*.yaml`` file; never raises for data errors.

    Returns the knowledge base of the entries that passed validation (complete when the
    problem list is empty, partial otherwise) and every problem found. The knowledge base
    is None when the folder is missing or holds no ``kb_*.yaml`` file.
    """
    folder = Path(data_dir) if data_dir is not None else DATA_DIR
    if not folder.is_dir():
        return None, [Problem(str(folder), None, None, "không tìm thấy thư mục dữ liệu")]
    paths = sorted(folder.glob(FILE_GLOB))
    if not paths:
        return None, [Problem(str(folder), None, None, f"không có tệp {FILE_GLOB}")]

    problems: list[Problem] = []
    good: list[Entry] = []
    first_seen: dict[str, str] = {}  # id -> file where it first appeared
    for path in paths:
        data, problem = _read_yaml(path)
        if problem is not None:
            problems.append(problem)
            continue
        if data is None:
            data = []
        if not isinstance(data, list):
            problems.append(Problem(path.name, None, None, "tệp phải là một danh sách YAML các mục"))
            continue
        for index, raw in enumerate(data, start=1):
            label = entry_label(raw, index)
            if not isinstance(raw, dict):
                problems.append(Problem(path.name, label, None, "mục phải là một ánh xạ (khóa: giá trị)"))
                continue
            entry, entry_problems = validate_entry(raw, path.name, label)
            entry_id = raw.get("id")
            if isinstance(entry_id, str) and ID_RE.fullmatch(entry_id):
                if entry_id in first_seen:
                    entry_problems.append(
                        Problem(path.name, label, "id", f"mã trùng với một mục trong {first_seen[entry_id]}")
                    )
                    entry = None
                else:
                    first_seen[entry_id] = path.name
            problems.extend(entry_problems)
            if entry is not None:
                good.append(entry)

    known = set(first_seen)
    kept: list[Entry] = []
    for entry in good:
        dangling = [r for r in entry.related if r not in known]
        for ref in dangling:
            problems.append(Problem(entry.file, entry.id, "related", f"mã liên quan {ref!r} không tồn tại"))
        if not dangling:
            kept.append(entry)
    kb = KnowledgeBase(kept, files=(p.name for p in paths))
    if problems:
        logger.warning("knowledge base has %d problem(s)", len(problems))
    return kb, problems


def load_kb(data_dir: Path | None = None) -> KnowledgeBase:
    """Load the knowledge base; raise :class:`KnowledgeError` listing all problems."""
    kb, problems = check_kb(data_dir)
    if problems or kb is None:
        raise KnowledgeError(problems)
    logger.info("knowledge base loaded: %d entries from %d files", len(kb), len(kb.files))
    return kb
