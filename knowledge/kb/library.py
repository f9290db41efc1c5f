"""The knowledge base in service: the loaded entries and their search index, swapped
atomically on reload. A reload that fails validation leaves the old one in service."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from knowledge.kb.dialogue import Dialogue
from knowledge.kb.search import Searcher, SearchSettings
from knowledge.kb.store import KnowledgeBase, Problem, check_kb, load_kb

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Loaded:
    kb: KnowledgeBase
    searcher: Searcher
    dialogue: Dialogue


def _loaded(kb: KnowledgeBase, settings: SearchSettings | None) -> Loaded:
    searcher = Searcher(kb, settings)
    return Loaded(kb, searcher, Dialogue(searcher))


class Library:
    def __init__(self, data_dir: Path | None = None, settings: SearchSettings | None = None) -> None:
        self.data_dir = data_dir
        self._settings = settings
        kb = load_kb(data_dir)
        self._current = _loaded(kb, settings)

    @property
    def kb(self) -> KnowledgeBase:
        return self._current.kb

    @property
    def searcher(self) -> Searcher:
        return self._current.searcher

    @property
    def dialogue(self) -> Dialogue:
        return self._current.dialogue

    def reload(self) -> list[Problem]:
        """Validate and re-index the data files; on any problem keep the current base."""
        kb, problems = check_kb(self.data_dir)
        if problems or kb is None:
            logger.warning("knowledge reload refused: %d problems", len(problems))
            return problems or [Problem("", "", "", "không tìm thấy tệp kb_*.yaml")]
        self._current = _loaded(kb, self._settings)
        logger.info("knowledge base reloaded: %d entries", len(kb))
        return []
