"""Follow-ups over the whole knowledge base, not over a writer's phrasings (round 13).

Per-row fixes of earlier rounds did not carry over to other writers; these checks hold for every entry titled with
a stage and a crime category: after its own title is answered, a next line that names another category, asks of the
extension or names another stage keeps what it does not change. An answer that drops the stage or the category is
a confident wrong number; a menu is allowed, but most follow-ups must be answered.
"""

from __future__ import annotations

from datetime import date

import pytest

from knowledge.kb.entry import Entry
from knowledge.kb.library import Library
from knowledge.kb.normalize import fold

TODAY = date(2026, 3, 2)
CATEGORIES = ("dac biet nghiem trong", "rat nghiem trong", "it nghiem trong", "nghiem trong")  # longest first
TYPED = {
    "it nghiem trong": ("ít nghiêm trọng", "it NT"),
    "nghiem trong": ("nghiêm trọng", "NT"),
    "rat nghiem trong": ("rất nghiêm trọng", "RNT"),
    "dac biet nghiem trong": ("đặc biệt nghiêm trọng", "ĐBNT"),
}
STAGES = {
    "dieu tra": ("điều tra", "dt"),
    "truy to": ("truy tố", "truy to"),
    "chuan bi xet xu": ("chuẩn bị xét xử", "cbxx"),
}
MEASURES = ("tam giam", "tam giu", "dieu tra", "truy to", "chuan bi xet xu", "gia han", "phuc tham")
OTHER_CATEGORY = ("còn tội {c} thì sao", "vụ {c} thì bao lâu", "con {c} thi sao", "nếu là {c}", "{c} thì sao a")
EXTENSION = ("còn gia hạn thì sao", "gh dc bn", "gia hạn thêm được bao lâu", "con gh thi sao a")
OTHER_STAGE = ("còn {s} thì sao", "con {s} thi sao")


def _category(title: str) -> str | None:
    return next((c for c in CATEGORIES if f" {c} " in f" {title} "), None)


def _stage(title: str) -> str | None:
    return next((s for s in STAGES if f" {s} " in f" {title} "), None)


def _names(entry: Entry, category: str) -> bool:
    """The entry is titled with ``category``, or (titled with none) its answer gives it."""
    own = _category(fold(entry.title))
    return own == category or (own is None and category in fold(entry.answer))


def _asked_entries(library: Library) -> list[tuple[Entry, tuple[str, ...]]]:
    """The entries titled with a stage and a category whose own title is answered with them, and the qualifiers
    their question leaves with the conversation."""
    out = []
    for entry in library.kb.entries:
        title = fold(entry.title)
        if _category(title) is None or _stage(title) is None:
            continue
        parts = library.dialogue.read(entry.title, TODAY)
        assert len(parts) == 1 and parts[0].result.entry is entry, entry.title
        out.append((entry, library.dialogue.qualifiers(parts[0])))
    return out


@pytest.fixture(scope="module")
def asked(library: Library) -> list[tuple[Entry, tuple[str, ...]]]:
    entries = _asked_entries(library)
    assert len(entries) >= 10, "fewer entries titled with a stage and a category than the checks need"
    return entries


def test_another_category_keeps_the_stage_and_the_measure(
    library: Library, asked: list[tuple[Entry, tuple[str, ...]]]
) -> None:
    wrong, answered, total = [], 0, 0
    for entry, qualifiers in asked:
        title = fold(entry.title)
        measures = {m for m in MEASURES if m in title}
        for category in (c for c in CATEGORIES if c != _category(title)):
            for template in OTHER_CATEGORY:
                for typed in TYPED[category]:
                    follow = template.format(c=typed)
                    total += 1
                    part = library.dialogue.read(follow, TODAY, entry, qualifiers)[0]
                    if not part.answered or part.result.entry is None:
                        continue
                    answered += 1
                    found = part.result.entry
                    kept = {m for m in MEASURES if m in fold(found.title) or m in fold(found.answer)}
                    if not measures <= kept or not _names(found, category):
                        wrong.append(f"{entry.title} → {follow} → {found.title}")
    assert not wrong, "\n".join(wrong)
    assert answered >= 0.9 * total, f"{answered} of {total} answered"


def test_an_extension_or_another_stage_keeps_the_category(
    library: Library, asked: list[tuple[Entry, tuple[str, ...]]]
) -> None:
    wrong, answered, total = [], 0, 0
    for entry, qualifiers in asked:
        title = fold(entry.title)
        category, stage = _category(title), _stage(title)
        assert category is not None and stage is not None
        checks = [(follow, stage, True) for follow in EXTENSION]
        checks += [
            (template.format(s=typed), other, False)
            for other in STAGES
            if other != stage
            for template in OTHER_STAGE
            for typed in STAGES[other]
        ]
        for follow, wanted, extension in checks:
            total += 1
            part = library.dialogue.read(follow, TODAY, entry, qualifiers)[0]
            if not part.answered or part.result.entry is None:
                continue
            answered += 1
            found = part.result.entry
            text = f"{fold(found.title)} {fold(found.answer)}"
            right = _stage(fold(found.title)) == wanted and _names(found, category)
            if not right or (extension and "gia han" not in text):
                wrong.append(f"{entry.title} → {follow} → {found.title}")
    assert not wrong, "\n".join(wrong)
    assert answered >= 0.85 * total, f"{answered} of {total} answered"


FIRST = ("{s} vụ {c} gh được bao nhiêu", "{s} tội {c} bao lâu", "thời hạn {s} {c}")
SECOND = ("vụ {c} thì gh mấy ngày", "còn {c} thì sao", "nếu là {c} thì gia hạn tối đa bao lâu")


def test_a_line_without_a_stage_stays_at_the_stage_asked(library: Library) -> None:
    """Also when the first question got a menu: the stage it named is kept with its qualifiers (as the handler
    keeps them), and the next line is never answered with another stage's figure."""
    wrong: list[str] = []
    counts = [0, 0]
    for stage, typed_stages in STAGES.items():
        for first_category in CATEGORIES:
            for first in FIRST:
                typed = first.format(s=typed_stages[1], c=TYPED[first_category][1])
                for question in (typed, fold(typed)):  # typed without diacritics, some get a menu
                    wrong += _second_lines(library, question, stage, first_category, counts)
    answered, total = counts
    assert not wrong, "\n".join(wrong)
    assert answered >= 0.85 * total, f"{answered} of {total} answered"


def _second_lines(library: Library, question: str, stage: str, first_category: str, counts: list[int]) -> list[str]:
    """The next lines after ``question``, each naming another category: the wrong ones (``counts``: answered,
    asked, added to)."""
    parts = library.dialogue.read(question, TODAY)
    entry = parts[0].result.entry if parts[0].answered else None
    qualifiers = library.dialogue.qualifiers(parts[0] if entry is not None else question)
    wrong = []
    for category in (c for c in CATEGORIES if c != first_category):
        for second in SECOND:
            follow = second.format(c=TYPED[category][1])
            counts[1] += 1
            part = library.dialogue.read(follow, TODAY, entry, qualifiers)[0]
            if not part.answered or part.result.entry is None:
                continue
            counts[0] += 1
            found = part.result.entry
            if _stage(fold(found.title)) != stage or not _names(found, category):
                wrong.append(f"{question} → {follow} → {found.title}")
    return wrong
