"""A word the search would not read, one slip from a word that decides the answer: read as meant, or asked.

A letter dropped or swapped often leaves another plausible syllable ("tạm giam" typed "tam gam",
"tam iam"; "điều tra" typed "ieu tra"; "sáng nay" typed "áng nay"), or a shorthand one letter short
("tgiu" typed "tiu", "tgi"; "ĐBNT" typed "ĐBT", "BNT"; "cbxx" typed "cbx"). The speller leaves such
a word alone (it is spelt as a Vietnamese syllable, or too short to guess), the search reads the rest,
and the neighbouring entry answers with confidence: the investigation's 12 months for the detention's
7, the rule for a computed date. ``UnreadReader.read`` looks at each word the knowledge base and the
synonym table do not know (or a known word that makes no known pair with its neighbour: "tam gia"),
and at what it may be one slip away from (one letter dropped, added, changed, or two neighbours
swapped): a word that completes a *deciding* phrase with its neighbours — a stage, a measure, a crime
category, a procedure (the ``modifiers`` and ``stages`` of ``synonyms.yaml`` and the dialogue's
groups), a moment the calculator reads ("sáng nay") or a question word ("bao nhiêu") — or a shorthand
whose reading is one. The likeliest slips decide between several (two letters swapped, then a letter
left out, as the speller does). One reading left: the word is read as it; several that mean
different things: the question is asked back ("tạm giam hay thời gian?"), never guessed.
"""

from __future__ import annotations

import itertools
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from knowledge.kb.index import bigrams
from knowledge.kb.normalize import fold, has_diacritics, syllables
from knowledge.kb.search import Searcher
from knowledge.kb.slips import WORD, said_in, slip_between
from knowledge.kb.vocabulary import Phrase, Vocabulary, load_vocabulary

_HEAVY = 2.0  # a modifier this heavy names another branch of law: not a slip to read into a question
_MOMENTS = tuple((part, day) for part in ("sang", "trua", "chieu", "toi", "dem") for day in ("nay", "qua"))
_AGREE = 10  # the entries the rest of the message finds first, among which a shorthand's reading must land
_MIN_SHORT = 3  # a shorthand's near miss: at least three letters ("tiu", "dbt", "cbx")
# Words that ask how much and no more ("tối đa bn ngày", "max bao lâu"), or follow up ("còn vụ …")
_HOW_MUCH = frozenset(
    {"toi", "da", "bao", "nhieu", "lau", "may", "bn", "max", "ngay", "thang", "nam", "gio", "tieng", "lan"}
    | {"la", "thi", "duoc", "dc"}
    | {"con", "the", "vay", "neu", "sao", "vu", "an"}  # or that it follows up: "còn vụ dbn", "thế tội đbt thì sao"
    # or asks the extension of whatever the word names: "còn tgia đã gh thì sao" (tạm giam or thời gian: asked)
    | {"gh", "gia", "han", "da", "het", "them"}
)


@dataclass(frozen=True, slots=True)
class Option:
    """One reading of a slipped word: what replaces it, and what it means (shown when asking)."""

    word: str  # folded replacement of the typed word
    meaning: str  # folded phrase it completes (or the shorthand's reading)
    deciding: bool
    slip: int  # 0 two letters swapped, 1 a letter left out, 2 any other slip
    context: int = 2  # 2 it completes a phrase with its neighbours, 1 a known pair, 0 neither (a shorthand)


@dataclass(frozen=True, slots=True)
class Reading:
    text: str  # the message with each slipped word read as meant
    typed: str = ""  # the word asked about (as typed), when one is asked
    options: tuple[str, ...] = ()  # what it may mean (with diacritics), when asked
    read: tuple[tuple[str, str], ...] = field(default=())  # (typed, read as) for each word rewritten
    alternatives: tuple[str, ...] = ()  # the message read with each option, when asked

    @property
    def asks(self) -> bool:
        return len(self.options) > 1


class UnreadReader:
    def __init__(self, searcher: Searcher, vocab: Vocabulary | None = None) -> None:
        synonyms = searcher.synonyms
        vocab = vocab or load_vocabulary()
        index = searcher.index
        courtesy = {w for phrase in synonyms.fillers for w in phrase}
        self._courtesy = frozenset(courtesy | {"oi", "a", "vay", "nhe", "nha", "chi", "anh", "em", "e"})
        named = (*vocab.places, *vocab.unit_words, *vocab.other_bodies, *vocab.outside_bodies)  # "Cần Thơ"
        names = {w for phrase in named for w in phrase}
        self._known = frozenset(index.vocab) | synonyms.readings.keys() | synonyms.stopwords | courtesy | names
        deciding: set[Phrase] = {tuple(m.split()) for m, w in synonyms.modifiers.items() if w < _HEAVY}
        deciding |= {tuple(a.split()) for a, m in synonyms.modifier_aliases.items() if synonyms.modifiers[m] < _HEAVY}
        deciding |= {tuple(s.split()) for s in synonyms.stages}
        deciding |= {p for group in (*vocab.exclusive, *vocab.carried) for p in group}
        deciding |= set(_MOMENTS) | {q for q in vocab.question_words if len(q) > 1}
        self._phrases = tuple(sorted(deciding))
        # A known word is read as another only to complete a stage, a measure, a category (not a question word)
        self._strong = tuple(p for p in self._phrases if p not in _MOMENTS and p not in vocab.question_words)
        # The shorthands (three letters or more) and whether a reading of theirs is a deciding phrase.
        self._short = {
            key: any(_holds(reading, self._phrases) for reading in readings)
            for key, readings in synonyms.readings.items()
            if len(key) >= _MIN_SHORT and key.isalpha()
        }
        self._readings = synonyms.readings
        stop = synonyms.stopwords
        self._filler = frozenset(k for k, rs in synonyms.readings.items() if all(w in stop for r in rs for w in r))
        readings = [r for rs in synonyms.readings.values() for r in rs]
        said = {
            pair for phrase in (*self._phrases, *readings, *synonyms.fillers, *named) for pair in bigrams(list(phrase))
        }
        # Every word pair the knowledge base and the synonym table say: a typed pair among them is no slip.
        pairs, self._shown = said_in(index.entries, {" ".join(p) for p in (*self._phrases, *readings)})
        self._pairs = frozenset(pairs | said | {k for k in index.idf if " " in k})
        self._partners: dict[str, set[str]] = {}  # "word>": the words after it in a pair; "<word": before it
        for pair in {k for k in index.idf if " " in k} | said:  # the pairs of titles, questions and tags
            a, _, b = pair.partition(" ")
            self._partners.setdefault(f"{a}>", set()).add(b)
            self._partners.setdefault(f"<{b}", set()).add(a)
        self._cache: dict[tuple[str, str, str, bool], tuple[Option, ...]] = {}
        self._searcher = searcher

    def read(self, text: str, today: date | None = None) -> Reading:
        """``text`` with each slipped word read as meant; or the first word that may mean several things.
        A shorthand no neighbour supports ("tiu": tgiu?) is read so only when the result agrees: the entry
        that reading finds is among those the rest of the message finds without it ("nếu ang chờ kết quả
        giám định" is no question about ANQG), and names what the shorthand means."""
        day = today or date.today()
        typed, text = text, unicodedata.normalize("NFC", text)  # "\w" does not take an NFD mark in
        matches = list(WORD.finditer(text))
        words = [fold(m.group(0)) for m in matches]
        marked = has_diacritics(text)
        out: list[str] = []
        done: list[tuple[str, str]] = []
        last = 0
        for i, m in enumerate(matches):
            prev = self._edge(words[i - 1], -1) if i else ""  # "gh tie đc": "hạn tie được"
            nxt = self._edge(words[i + 1], 0) if i + 1 < len(words) else ""
            if not words[i].isalpha() or len(words[i]) < 2:
                continue
            options = self.options(words[i], prev, nxt)
            if has_diacritics(m.group(0)):  # typed with its marks, the slip holds with them ("đấu" is no "đua")
                word = m.group(0).lower()
                options = tuple(
                    o for o in options if o.word in self._short or slip_between(word, self._written_word(o)) is not None
                )
            if not options:
                continue
            best = _likeliest(options)
            if not any(o.deciding for o in best) and not _paired(words[i], best):
                continue  # "thah lập": thành or thahs? Left to the speller and the search
            head = "".join(out) + text[last : m.start()]  # the words read before it stay read
            if len(best) > 1 or best[0].context == 0:  # the result must agree
                rest = f"{head}{text[m.end() :]}"  # the message without the word
                agreeing = tuple(o for o in best if self._agrees(f"{head}{o.word}{text[m.end() :]}", rest, o, day))
                if len(best) == 1 and not agreeing:
                    continue
                best = agreeing if len(agreeing) == 1 else best
            if len({o.meaning for o in best}) > 1:
                shown = tuple(dict.fromkeys(self._written(o.meaning) for o in best))
                again = tuple(f"{head}{o.word}{text[m.end() :]}" for o in best)
                return Reading(typed, m.group(0), shown, alternatives=again)
            word = best[0].word
            written = self._written_word(best[0]) if marked else word
            out.append(text[last : m.start()] + written)
            last = m.end()
            done.append((m.group(0), written))
            words[i] = word
        return Reading("".join(out) + text[last:] if out else typed, read=tuple(done))

    def options(self, word: str, prev: str, nxt: str) -> tuple[Option, ...]:
        """What ``word`` (folded), between ``prev`` and ``nxt``, may be one slip away from; nothing when
        it is read as it is (a known word in a known pair, a number, a shorthand)."""
        known = word in self._known
        if known and (f"{prev} {word}" in self._pairs or f"{word} {nxt}" in self._pairs or not (prev or nxt)):
            return ()
        key = (word, prev, nxt, known)
        cached = self._cache.get(key)
        if cached is None:
            cached = self._cache[key] = self._options(word, prev, nxt, known)
            if len(self._cache) > 20_000:
                self._cache.clear()
        return cached

    def _options(self, word: str, prev: str, nxt: str, known: bool) -> tuple[Option, ...]:
        found: dict[str, Option] = {}
        for phrase in self._strong if known else self._phrases:  # it completes a deciding phrase
            for j, syllable in enumerate(phrase):
                before, after = phrase[:j], phrase[j + 1 :]
                if (before and before[-1:] != (prev,)) or (after and after[:1] != (nxt,)) or not (before or after):
                    continue
                slip = slip_between(word, syllable)
                if phrase in _MOMENTS and j:
                    continue  # "tới bữa nào" is no "tối qua": only the part of the day is read so
                if slip is not None and (slip < 2 or not known):  # a known word: one letter left out or swapped
                    found.setdefault(syllable, Option(syllable, " ".join(phrase), True, slip))
        if known:
            return tuple(found.values())  # a known word: only a deciding phrase it breaks ("tam gia")
        if len(word) >= _MIN_SHORT:
            for short, decides in self._short.items():
                slip = slip_between(word, short)
                # a letter left out ("tiu", "cbx"), or two swapped in a long one; not "tui" (tôi) for "tiu"
                if (slip == 1 or (slip == 0 and len(short) > _MIN_SHORT)) and short not in self._filler:
                    meaning = " ".join(self._readings[short][0])
                    found.setdefault(short, Option(short, meaning, decides, slip, 0))
        if found or len(word) >= _MIN_SHORT:  # words one slip away that make a known pair with a neighbour
            for other, slip in self._near_paired(word, prev, nxt):
                if other not in found:
                    found[other] = Option(other, other, False, slip, 1)
        return tuple(found.values())

    def _near_paired(self, word: str, prev: str, nxt: str) -> list[tuple[str, int]]:
        partners = self._partners.get(f"{prev}>", set()) | self._partners.get(f"<{nxt}", set())
        slips = ((w, slip_between(word, w)) for w in sorted(partners))
        return [(w, slip) for w, slip in slips if slip is not None]

    def _agrees(self, again: str, rest: str, option: Option, today: date) -> bool:
        """Whether the entry ``again`` (the message read with ``option``) finds first is among the first
        the ``rest`` of the message (without the word) finds, or the rest asks only how much, and the
        entry names what the option means (title, questions or tags)."""
        found, before = self._searcher.rank(again, today), self._searcher.rank(rest, today)
        if not found or not found[0].scored or not before:
            return False
        doc = found[0].scored[0].doc
        near = {x.doc for x in before[0].scored[:_AGREE]}
        words = option.meaning.split()
        terms = words if len(words) == 1 else [f"{a} {b}" for a, b in itertools.pairwise(words)]
        # the rest says nothing but how much ("tiu tối đa bn ngày"): the word is the subject, nothing disagrees
        stop = self._searcher.synonyms.stopwords
        alone = all(t in stop or t in _HOW_MUCH or t in self._courtesy or t.isdigit() for t in syllables(rest))
        return (alone or doc in near) and all(self._searcher.index.has_strong(t, doc) for t in terms)

    def _edge(self, word: str, end: int) -> str:
        """A neighbour as the pairs read it: a shorthand's reading's first or last word."""
        readings = self._readings.get(word, ())
        return readings[0][end] if len(readings) == 1 else word

    def _written(self, folded: str) -> str:
        return self._shown.get(folded, folded)

    def _written_word(self, option: Option) -> str:
        """The replacement as the knowledge base writes it in the phrase it completes ("giam" in "tạm giam")."""
        if option.word in self._short:
            return option.word
        words, phrase = self._written(option.meaning).split(), option.meaning.split()
        return words[phrase.index(option.word)] if len(words) == len(phrase) else self._written(option.word)


def _paired(word: str, best: tuple[Option, ...]) -> bool:
    """An unknown word one letter short of (or with two letters swapped in) the one word a neighbour makes
    a known pair with ("trở gại": ngại, "6 tuần ruớc": trước, "gia hạn thm": thêm, "tố gác": giác)."""
    return len(best) == 1 and best[0].context == 1 and best[0].slip < 2 and len(word) >= _MIN_SHORT


def _holds(reading: Phrase, phrases: tuple[Phrase, ...]) -> bool:
    text = f" {' '.join(reading)} "
    return any(f" {' '.join(p)} " in text for p in phrases)


def _likeliest(options: tuple[Option, ...]) -> tuple[Option, ...]:
    """The options of the likeliest slip, those its neighbours complete first (as likely: asked about)."""
    rank = min((o.slip, -o.context) for o in options)
    return tuple(o for o in options if (o.slip, -o.context) == rank)


@lru_cache(maxsize=2)
def unread_reader(searcher: Searcher) -> UnreadReader:
    """The reader of a searcher's knowledge base (built once per loaded base)."""
    return UnreadReader(searcher)
