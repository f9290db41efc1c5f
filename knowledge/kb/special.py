"""A special procedure's figure is not the rule of every case (round 14, scan13).

An entry titled with a procedure whose figures hold only when it is named (thủ tục rút gọn, an ninh quốc gia,
người chưa thành niên: ``guard._SPECIAL``) answered questions that never named it, because its questions are
otherwise the ordinary one's: "vụ án phải kết thúc điều tra trong bao lâu" got the summary procedure's 20 days,
"tạm giam tội … gia hạn thêm bao lâu" the national-security extension. When an entry of the ordinary case is close,
the question is asked back with both. Pure; ``guard.Guard.check`` applies it.
"""

from __future__ import annotations

from collections.abc import Callable

from knowledge.kb.decision import Candidate, SearchResult
from knowledge.kb.entry import Entry
from knowledge.kb.settings import SearchSettings

_CANDIDATES = 5
REASON = "special procedure not named"


def special_offered(
    result: SearchResult, unasked: Callable[[Entry], bool], settings: SearchSettings
) -> SearchResult | None:
    """A question back when the answer is titled with a special procedure the question does not name
    (``unasked``) and an entry of the ordinary case is close; None to keep the answer."""
    if result.outcome != "answer" or result.entry is None or not unasked(result.entry):
        return None
    floor = max(settings.ask_threshold, result.score - settings.ask_window)
    ordinary = [
        c
        for c in result.candidates[:_CANDIDATES]
        if c.entry is not result.entry and not unasked(c.entry) and c.score >= floor
    ]
    if not ordinary:
        return None
    options = [*ordinary[:2], Candidate(result.entry, result.score)]
    return SearchResult("ask", None, options, result.score, REASON)
