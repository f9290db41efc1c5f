"""The stage a conversation is at: a part that names no stage of its own is asked at the stage the question
before it named ("cbxx vụ ĐBNT gia hạn được bao nhiêu" → "vụ ít NT thì gh mấy ngày" is the trial preparation's
extension, never the investigation's).

Staff change the crime category or ask of an extension in the next line and leave the stage unsaid. An answer
titled with another stage is then read again under the stage the conversation is at; when nothing of that stage
answers, the part is not answered with the other stage's figure: it offers both (a wrong number is worse than
none). Used by ``dialogue.Dialogue`` for each part, with the stage kept among the question's qualifiers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from knowledge.kb.attributes import STAGE_ORDER
from knowledge.kb.decision import Candidate, SearchResult
from knowledge.kb.followup import without_bodies
from knowledge.kb.part import Part
from knowledge.kb.search import Searcher
from knowledge.kb.stage_named import names_court
from knowledge.kb.vocabulary import Phrase, find

# The stages whose limits differ by crime category (``attributes``'), the longest first
STAGES: tuple[Phrase, ...] = tuple(sorted(STAGE_ORDER, key=len, reverse=True))
OTHER_STAGE = "another stage than the conversation's"  # the reason of the menu it makes
_HEARING: Phrase = ("phien", "toa")
_STAGE_WORD: Phrase = ("giai", "doan")  # "giai đoạn sau thì bao lâu": the next stage, asked as such


def stage_named(tokens: Sequence[str]) -> Phrase | None:
    """The one stage ``tokens`` name (bodies such as "cơ quan điều tra" and "điều tra bổ sung" apart), or None
    when they name none or several."""
    words = without_bodies(tokens)
    named = [p for p in STAGES if find(words, p) >= 0]
    return named[0] if len(named) == 1 else None


def _names_stage(searcher: Searcher, tokens: Sequence[str]) -> bool:
    """Whether ``tokens`` name a stage of their own: any stage ("xét xử", "phúc thẩm", "kháng cáo"), the court,
    the hearing ("thẩm phán thụ lý xong …", "mở phiên tòa …") or a stage by its place ("giai đoạn sau")."""
    words = without_bodies(tokens)
    return (
        bool(searcher.synonyms.stages_in(words))
        or names_court(words)
        or any(find(words, p) >= 0 for p in (_HEARING, _STAGE_WORD))
    )


def kept_stage(asked: Sequence[str]) -> Phrase | None:
    """The stage among a question's qualifiers (``Carrier.qualifiers``)."""
    return next((tuple(a.split()) for a in asked if tuple(a.split()) in STAGES), None)


def at_stage(searcher: Searcher, part: Part, asked: Sequence[str], today: date) -> Part:
    """``part`` answered at the stage the conversation is at (``asked``'s), when it names none and its answer is
    titled with another stage: the entry of that stage, else a choice between the two."""
    stage = kept_stage(asked)
    entry = part.result.entry
    if stage is None or not part.answered or entry is None or _names_stage(searcher, part.tokens):
        return part
    title = stage_named(searcher.title_tokens(entry))
    if title is None or title == stage:
        return part
    again = searcher.search(f"{part.text} {' '.join(stage)}", today)
    found = again.entry if again.outcome == "answer" else None
    if found is not None and stage_named(searcher.title_tokens(found)) == stage:
        return replace(part, result=again, tokens=(*part.tokens, *stage))
    staged = [c for c in again.candidates if stage_named(searcher.title_tokens(c.entry)) == stage][:1]
    options: list[Candidate] = [*staged, *part.result.candidates[:1]]
    asked_of = SearchResult("ask", None, options, part.result.score, OTHER_STAGE)
    return replace(part, result=asked_of)
