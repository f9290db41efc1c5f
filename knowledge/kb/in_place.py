"""Words read by their place in the message (``in_place:`` in ``knowledge/data/synonyms.yaml``).

Some shorthand has no one reading: "tp" is "tội phạm" after "tin báo" and "thành phố" elsewhere;
"kc" is "khẩn cấp" after "giữ người" and "kháng cáo" elsewhere; "th", "ng" after a number or "bao
nhiêu" are "tháng", "ngày". And the words of Central and Southern speech ("mần", "mô", "rứa", "vô")
fold onto other words ("mãn", "mở", "rửa", "võ"): they are read only as typed, with their marks.
Each such word is rewritten in the message before it is read, the rest untouched.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from knowledge.kb.normalize import SYNONYMS_FILE, Synonyms, fold, has_diacritics, load_synonyms, lower_nfc, syllables
from knowledge.kb.numbers import numbers_from_words
from knowledge.kb.vocabulary import Phrase, find

_NUMBER = "#"  # in ``after``: any number ("1 th" is "1 tháng")
_START = "^"  # in ``after``: nothing but courtesy and stop words before it ("anh ơi tb bn ngày")
# a word, or a mark that ends a clause (as ``wording``); a slash before a letter parts words ("tố giác/tb/kn kt"),
# one before a digit does not ("19/1/2026")
_RAW = re.compile(r"[,;?]|(?:[^\s,;?/]|/(?![^\W\d_]))+")


@dataclass(frozen=True, slots=True)
class Rule:
    word: str  # as typed: folded, or lower-case NFC with its marks when it has them
    reading: str
    after: tuple[Phrase, ...] = ()  # what must come right before it (folded, expanded); any if empty
    before: tuple[Phrase, ...] = ()  # what must come right after it; any if empty
    last: bool = False  # nothing but stop words after it ("bao lâu bn ng ạ"), or the amount asked of it
    not_before: tuple[Phrase, ...] = ()  # never when one of these comes right after it ("tb cho", "tb kết quả")
    not_after: tuple[Phrase, ...] = ()  # never when one of these comes right before it ("bao nhiêu")
    earlier: tuple[Phrase, ...] = ()  # one of these somewhere before it ("tạm giữ hết hạn … thì tha lúc nào")


def _phrases(value: object, key: str) -> tuple[Phrase, ...]:
    if not isinstance(value, list):
        raise ValueError(f"synonyms.yaml: in_place.{key} must be a list")
    phrases = tuple(tuple(syllables(str(v))) if str(v) not in (_NUMBER, _START) else (str(v),) for v in value)
    if () in phrases:  # a mark alone ("?") reads as no word: it would match everywhere
        raise ValueError(f"synonyms.yaml: in_place.{key} has an entry with no word: {value}")
    return phrases


def parse_rules(raw: object) -> tuple[Rule, ...]:
    section = raw.get("in_place", {}) if isinstance(raw, dict) else None
    if not isinstance(section, dict):
        raise ValueError("synonyms.yaml: 'in_place' must be a mapping")
    rules = []
    for word, specs in section.items():
        # one spec, or a list of them: the word is read when any of them fits ("tb" at the start, or
        # after "giải quyết", or before "tội phạm")
        for spec in specs if isinstance(specs, list) else [specs]:
            if not isinstance(spec, dict) or not isinstance(spec.get("reading"), str):
                raise ValueError(f"synonyms.yaml: in_place.{word} needs a reading")
            key = lower_nfc(str(word)) if has_diacritics(str(word)) else fold(str(word))
            after, before = _phrases(spec.get("after", []), "after"), _phrases(spec.get("before", []), "before")
            never = _phrases(spec.get("not_before", []), "not_before")
            never_after = _phrases(spec.get("not_after", []), "not_after")
            last = bool(spec.get("last", False))
            earlier = _phrases(spec.get("earlier", []), "earlier")
            rules.append(Rule(key, spec["reading"], after, before, last, never, never_after, earlier))
    return tuple(rules)


@lru_cache(maxsize=4)
def load_rules(path: Path = SYNONYMS_FILE) -> tuple[Rule, ...]:
    with path.open(encoding="utf-8") as handle:
        return parse_rules(yaml.safe_load(handle))


def _ends(tokens: list[str], phrase: Phrase, synonyms: Synonyms) -> bool:
    if phrase == (_NUMBER,):
        return bool(tokens) and tokens[-1].isdigit()
    if phrase == (_START,):  # the courtesy phrases stripped, only stop words are left
        return all(t in synonyms.stopwords for t in synonyms.strip_fillers([*tokens, _START])[:-1])
    return len(tokens) >= len(phrase) and tuple(tokens[-len(phrase) :]) == phrase


def _fits(rule: Rule, before: list[str], after: list[list[str]], synonyms: Synonyms) -> bool:
    if rule.after and not any(_ends(before, p, synonyms) for p in rule.after):
        return False
    if rule.before and not any(tuple(a[: len(p)]) == p for a in after for p in rule.before):
        return False
    if any(tuple(a[: len(p)]) == p for a in after for p in rule.not_before):
        return False
    if any(_ends(before, p, synonyms) for p in rule.not_after):
        return False
    if rule.earlier and not any(find(before, p) >= 0 for p in rule.earlier):
        return False
    if not rule.last:
        return True
    # nothing but stop words after it, or the amount asked of it ("3 ng = bn h", "3 ng là mấy giờ")
    rest = [t for t in after[1] if t != "la"]
    # (the stop words as written out: "bn ng dzay" ends with "vậy")
    ended = any(all(t in synonyms.stopwords for t in words) for words in after)
    return ended or rest[:2] == ["bao", "nhieu"] or rest[:1] == ["may"]


def in_place(text: str, rules: tuple[Rule, ...] | None = None) -> str:
    """``text`` with each word of ``rules`` that its neighbours (or its marks) call for rewritten."""
    rules = load_rules() if rules is None else rules
    by_word: dict[str, list[Rule]] = {}
    for r in rules:
        by_word.setdefault(r.word, []).append(r)
    typed, text = text, unicodedata.normalize("NFC", text)
    spans = [m.span() for m in _RAW.finditer(text)]
    raw = [text[a:b] for a, b in spans]
    if not any(lower_nfc(w) in by_word or fold(w) in by_word for w in raw):
        return typed
    synonyms = load_synonyms()
    expanded = [synonyms.expand_first(numbers_from_words(syllables(w))) for w in raw]
    marked, out, end = has_diacritics(text), [], 0
    for i, word in enumerate(raw):
        # a key typed without marks never reads a word typed with them ("nhieu" is not "nhiều")
        candidates = by_word.get(lower_nfc(word)) or (by_word.get(fold(word)) if not has_diacritics(word) else None)
        if not candidates:
            continue
        before = [t for w in expanded[:i] for t in w]
        plain = [t for w in raw[i + 1 :] for t in syllables(w)]  # "tb tp": the "tp" as typed
        after = [plain, [t for w in expanded[i + 1 :] for t in w]]
        rule = next((r for r in candidates if _fits(r, before, after, synonyms)), None)
        if rule is None:
            continue
        reading = rule.reading if marked else fold(rule.reading)
        out.append(text[end : spans[i][0]] + reading)
        end = spans[i][1]
        expanded[i] = list(syllables(reading))
    return "".join(out) + text[end:] if out else typed
