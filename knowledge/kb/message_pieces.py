"""Where a message is cut into the questions it asks: the two-part splitter's pieces, kept whole when no piece is
an answer alone but the whole is one entry ("QĐ 358 ký ngày nào, áp dụng từ kỳ nào"), when a list of topics has
no question word ("kiểm sát việc bắt và tạm giữ"), or when one entry covers both members asked together ("tạm giữ
và tạm giam có tính ngày nghỉ không"); two levels counted side by side stay two ("bao nhiêu vks khu vực và vks
tỉnh"). The dialogue's (``knowledge.kb.dialogue``)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from knowledge.kb.guard import Guard
from knowledge.kb.search import Searcher
from knowledge.kb.shared_parts import shared_members
from knowledge.kb.twopart import split_question
from knowledge.kb.vocabulary import Vocabulary, contains, take


class Cutter:
    def __init__(self, searcher: Searcher, vocab: Vocabulary, guard: Guard, tokens: Callable[[str], list[str]]) -> None:
        self.searcher = searcher
        self.vocab = vocab
        self.guard = guard
        self._tokens = tokens

    def _each_its_own(self, pieces: list[str], today: date) -> bool:
        """Whether each part, as the guard reads it, answers with an entry of its own ("đang tgiu mà ko đủ căn cứ
        khởi tố bị can thì xử lý sao, và 1 ngày tgiu tính bằng mấy ngày tgiam": the release and the rate)."""
        found = [self.guard.check(self.searcher.search(p, today), self._tokens(p)) for p in pieces]
        entries = {r.entry.id for r in found if r.outcome == "answer" and r.entry is not None}
        return len(entries) == len(pieces)

    def pieces(self, text: str, today: date) -> list[str]:
        """The parts to answer; one when a single entry covers both members asked together."""
        pieces = split_question(text, self.vocab, self.searcher.synonyms)
        if len(pieces) > 1:
            whole = self.searcher.search(text, today)
            alone = [self.searcher.search(p, today).outcome == "answer" for p in pieces]
            if whole.outcome == "answer" and not any(alone) and not self._each_its_own(pieces, today):
                return [text]  # "QĐ 358 ký ngày nào, áp dụng từ kỳ nào": no part alone, the whole is one entry
            if not all(alone) and not contains(self._tokens(text), self.vocab.question_words):
                return [text]  # "kiểm sát việc bắt và tạm giữ": a list of topics is cut only when each is found
        members = shared_members(text, self.vocab, self.searcher.synonyms) if len(pieces) > 1 else None
        # (two levels counted side by side are two questions, even where one entry names both: "bao nhiêu vks
        # khu vực và vks tỉnh" is not the regional units' report to the province)
        paired = members is not None and any(all(m in group for m in members) for group in self.vocab.paired)
        if members is not None and not paired:
            whole = self.searcher.search(text, today)
            if whole.entry is not None and whole.outcome == "answer":
                title = self.searcher.title_tokens(whole.entry)
                if all(take(title, m) for m in sorted(members, key=len, reverse=True)):
                    return [text]  # "tạm giữ và tạm giam có tính ngày nghỉ không": one entry for both
        return pieces
