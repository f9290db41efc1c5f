"""Vietnamese text folding: the one normalisation shared by the index and the queries.

``fold`` turns anything a user may type (NFC or NFD, with or without diacritics, upper case, punctuation,
emoji, zero-width characters) into lower-case ASCII syllables separated by single spaces: on every query,
so the character mapping is one precomputed ``str.translate`` table plus three regular expressions.

``Synonyms`` holds the abbreviation table (``knowledge/data/synonyms.yaml``): ``expand`` rewrites
folded tokens (a misspelt abbreviation read as meant: ``abbrev_typos``), one token list per reading
when an abbreviation is ambiguous (``tg`` = tạm giữ / tạm giam / thời gian).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from knowledge import DATA_DIR
from knowledge.kb import telex
from knowledge.kb.abbrev_typos import near_misses

DATA_DIR = DATA_DIR
SYNONYMS_FILE = DATA_DIR / "synonyms.yaml"

_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"


def _build_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    # Every Latin letter with marks (Latin-1, Extended-A/B, Extended Additional) -> bare ASCII.
    ranges = (range(0x00C0, 0x0250), range(0x1E00, 0x1F00))
    for code in itertools.chain(*ranges):
        char = chr(code)
        base = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))
        base = base.lower()
        if base.isascii() and base.isalpha():
            table[code] = base
    table.update({ord("đ"): "d", ord("Đ"): "d", ord("ð"): "d", ord("Ð"): "d", ord("ß"): "ss"})
    table.update({ord("æ"): "ae", ord("Æ"): "ae", ord("ø"): "o", ord("Ø"): "o"})
    # Combining marks (NFD input) disappear, so NFD and NFC fold alike without normalising first.
    for code in range(0x0300, 0x0370):
        table[code] = None
    for char in _ZERO_WIDTH:
        table[ord(char)] = None
    # ASCII: upper -> lower, punctuation and symbols -> space, controls -> space/removed.
    for code in range(0x80):
        char = chr(code)
        if char.isupper():
            table[code] = char.lower()
        elif char.isspace():
            table[code] = " "
        elif code < 0x20 or code == 0x7F:
            table[code] = None
        elif not char.isalnum() and char != "/":
            table[code] = " "
    table[ord("%")] = " phan tram "  # "bao nhiêu %" asks a percentage, like "bao nhiêu phần trăm"
    for code in range(0x80, 0xA0):  # C1 controls
        table[code] = None
    return table


_TABLE = _build_table()
_MARKED = frozenset(chr(code) for code, value in _TABLE.items() if code > 0x7F and (value or 0x0300 <= code < 0x0370))
# After the table only ASCII letters/digits/'/'/space are wanted; anything else becomes a space.
_NON_WORD = re.compile(r"[^a-z0-9/ ]+")
_LONE_SLASH = re.compile(r"(?<![0-9])/|/(?![0-9])")
_LEADING_ZEROS = re.compile(r"(?<![0-9])0+(?=[0-9])")


def fold(text: str) -> str:
    """``"Tạm giữ 03 ngày (Đ117)!"`` -> ``"tam giu 3 ngay d117"`` (one space between); ``1/12`` keeps its slash."""
    if not text:
        return ""
    out = text.translate(_TABLE)
    if not out.isascii() or "/" in out:
        if not out.isascii():
            # Rare characters outside the table: try a compatibility decomposition first
            # (full-width digits, ligatures), then drop what is still not ASCII.
            out = unicodedata.normalize("NFKD", out).translate(_TABLE)
            out = _NON_WORD.sub(" ", out)
        out = _LONE_SLASH.sub(" ", out)
    if "0" in out:
        out = _LEADING_ZEROS.sub("", out)
    return " ".join(out.split())


def syllables(text: str) -> list[str]:
    """Folded tokens of ``text`` (Telex keystrokes left in a word undone)."""
    folded = fold(text)
    return [telex.plain(token) for token in folded.split()] if telex.suspect(folded) else folded.split()


def lower_nfc(text: str) -> str:
    """Lower-case NFC text with diacritics kept (for the exact-diacritic tie-break)."""
    return unicodedata.normalize("NFC", text).lower()


def has_diacritics(text: str) -> bool:
    """True when ``text`` carries Vietnamese marks (the user typed with accents)."""
    return any(char in _MARKED for char in text)


@dataclass(frozen=True, slots=True)
class Synonyms:
    """Abbreviation table: folded token -> one or more readings (folded phrases)."""

    readings: Mapping[str, tuple[tuple[str, ...], ...]]
    stopwords: frozenset[str]
    fillers: tuple[tuple[str, ...], ...] = ()  # longest first
    weights: Mapping[str, float] = field(default_factory=dict)  # folded word or word pair -> factor
    modifiers: Mapping[str, float] = field(default_factory=dict)  # topic-changing phrase -> weight
    modifier_aliases: Mapping[str, str] = field(default_factory=dict)  # other spelling -> modifier
    # phrases that hide a modifier ("cơ quan điều tra" is a body, not the investigation stage)
    modifier_exceptions: tuple[str, ...] = ()
    # (phrase, modifier) the phrase makes optional ("tính cả gia hạn" asks a total: extension or period)
    modifier_either: tuple[tuple[str, str], ...] = ()
    stages: frozenset[str] = frozenset()  # phrases that name a procedural stage (some are modifiers)
    # modifiers that name a regime of their own (minors): an entry without one is never the answer
    regimes: frozenset[str] = frozenset()
    # fillers by their first word (longest first), so stripping looks only at the phrases that can match
    _fillers_by_first: Mapping[str, tuple[tuple[str, ...], ...]] = field(init=False, repr=False, compare=False)
    misspelt: Mapping[str, tuple[str, ...]] = field(init=False, repr=False, compare=False)  # "tggiam" -> tgiam

    def __post_init__(self) -> None:
        by_first: dict[str, list[tuple[str, ...]]] = {}
        for phrase in self.fillers:
            if phrase:
                by_first.setdefault(phrase[0], []).append(phrase)
        object.__setattr__(self, "_fillers_by_first", {k: tuple(v) for k, v in by_first.items()})
        object.__setattr__(self, "misspelt", near_misses(self.readings))

    def _readings(self, token: str) -> tuple[tuple[str, ...], ...] | None:  # a misspelt one as meant
        return self.readings.get(token) or tuple(r for key in self.misspelt.get(token, ()) for r in self.readings[key])

    def modifiers_in(self, tokens: Sequence[str]) -> frozenset[str]:
        """The topic-changing phrases ("gia hạn", "rút gọn") present in ``tokens``."""
        if not self.modifiers:
            return frozenset()
        text = f" {' '.join(tokens)} "
        for phrase in (*self.modifier_exceptions, *(p for p, _ in self.modifier_either)):
            if f" {phrase} " in text:
                text = text.replace(f" {phrase} ", " ")
        found = {m for m in self.modifiers if f" {m} " in text}
        found.update(m for alias, m in self.modifier_aliases.items() if f" {alias} " in text)
        return frozenset(found)

    def either_in(self, tokens: Sequence[str]) -> frozenset[str]:
        """The modifiers made optional by a phrase in ``tokens`` ("cả gia hạn" → "gia hạn")."""
        text = f" {' '.join(tokens)} "
        return frozenset(m for phrase, m in self.modifier_either if f" {phrase} " in text)

    def stages_in(self, tokens: Sequence[str]) -> frozenset[str]:
        """The stage phrases in ``tokens``, not inside a phrase that only holds their words ("cơ quan điều tra")."""
        text = f" {' '.join(tokens)} "
        for phrase in self.modifier_exceptions:
            text = text.replace(f" {phrase} ", " ")
        return frozenset(p for p in self.stages if f" {p} " in text)

    def strip_fillers(self, tokens: Sequence[str]) -> list[str]:
        """Remove courtesy phrases ("cho em hỏi", "ạ"); never returns an empty list for a non-empty one."""
        out: list[str] = []
        i = 0
        while i < len(tokens):
            for phrase in self._fillers_by_first.get(tokens[i], ()):
                if tuple(tokens[i : i + len(phrase)]) == phrase:
                    i += len(phrase)
                    break
            else:
                out.append(tokens[i])
                i += 1
        return out or list(tokens)

    def is_ambiguous(self, token: str) -> bool:
        return len(self.readings.get(token, ())) > 1

    def expand(self, tokens: Sequence[str], max_variants: int = 4) -> list[list[str]]:
        """Rewrite abbreviations: one token list per combination of the ambiguous ones' readings
        (at most ``max_variants``, the first readings win); unambiguous ones replaced in place."""
        return [variant for variant, _ in self.expand_readings(tokens, max_variants)]

    def expand_readings(
        self, tokens: Sequence[str], max_variants: int = 4
    ) -> list[tuple[list[str], tuple[tuple[str, ...], ...]]]:
        """Like ``expand``, each variant with the readings chosen for its ambiguous words."""
        choices: list[tuple[tuple[str, ...], ...]] = []
        for token in tokens:
            options = self._readings(token)
            choices.append(options if options else ((token,),))
        variants: list[tuple[list[str], tuple[tuple[str, ...], ...]]] = []
        for combo in itertools.product(*choices):
            chosen = tuple(part for part, opts in zip(combo, choices, strict=True) if len(opts) > 1)
            variants.append(([word for part in combo for word in part], chosen))
            if len(variants) >= max_variants:
                break
        return variants

    def expand_first(self, tokens: Sequence[str]) -> list[str]:
        """Expand unambiguous abbreviations only; ambiguous ones stay as typed."""
        out: list[str] = []
        for token in tokens:
            options = self._readings(token)
            if options and len(options) == 1:
                out.extend(options[0])
            else:
                out.append(token)
        return out


def parse_synonyms(raw: object) -> Synonyms:
    """Build a ``Synonyms`` from the parsed YAML document (validated)."""
    if not isinstance(raw, dict):
        raise ValueError("synonyms.yaml: top level must be a mapping")
    abbreviations = raw.get("abbreviations", {})
    if not isinstance(abbreviations, dict):
        raise ValueError("synonyms.yaml: 'abbreviations' must be a mapping")
    readings: dict[str, tuple[tuple[str, ...], ...]] = {}
    for key, value in abbreviations.items():
        folded_key = fold(str(key))
        if not folded_key or " " in folded_key:
            raise ValueError(f"synonyms.yaml: abbreviation {key!r} must be one word")
        values: Iterable[object] = value if isinstance(value, list) else [value]
        options = tuple(tuple(syllables(str(v))) for v in values)
        if not options or any(not option for option in options):
            raise ValueError(f"synonyms.yaml: abbreviation {key!r} has an empty reading")
        readings[folded_key] = options
    stop_raw = raw.get("stopwords", [])
    if not isinstance(stop_raw, list):
        raise ValueError("synonyms.yaml: 'stopwords' must be a list")
    stopwords = frozenset(word for item in stop_raw for word in syllables(str(item)))
    filler_raw = raw.get("fillers", [])
    if not isinstance(filler_raw, list):
        raise ValueError("synonyms.yaml: 'fillers' must be a list")
    fillers = {tuple(syllables(str(item))) for item in filler_raw} - {()}
    ordered = tuple(sorted(fillers, key=lambda p: (-len(p), p)))
    weights_raw = raw.get("weights", {})
    if not isinstance(weights_raw, dict):
        raise ValueError("synonyms.yaml: 'weights' must be a mapping")
    weights: dict[str, float] = {}
    for key, value in weights_raw.items():
        term = fold(str(key))
        if not term or term.count(" ") > 1 or not isinstance(value, int | float) or value <= 0:
            raise ValueError(f"synonyms.yaml: weight {key!r}: {value!r} (one or two words, factor > 0)")
        weights[term] = float(value)
    modifiers_raw = raw.get("modifiers", {})
    if not isinstance(modifiers_raw, dict):
        raise ValueError("synonyms.yaml: 'modifiers' must be a mapping (phrase: weight)")
    modifiers: dict[str, float] = {}
    aliases: dict[str, str] = {}
    for key, value in modifiers_raw.items():
        phrases = [fold(part) for part in str(key).split("|")]
        if not all(phrases) or not isinstance(value, int | float) or value <= 0:
            raise ValueError(f"synonyms.yaml: modifier {key!r}: {value!r} (weight > 0)")
        modifiers[phrases[0]] = float(value)
        aliases.update((alias, phrases[0]) for alias in phrases[1:])
    exceptions = tuple(" ".join(syllables(str(item))) for item in _list(raw, "modifier_exceptions"))
    either = tuple(_either(str(item), modifiers) for item in _list(raw, "modifier_either"))
    stages = frozenset(" ".join(syllables(str(item))) for item in _list(raw, "stages"))
    regimes = frozenset(" ".join(syllables(str(item))) for item in _list(raw, "regimes"))
    if not regimes <= modifiers.keys():
        raise ValueError(f"synonyms.yaml: regimes must be modifiers: {sorted(regimes - modifiers.keys())}")
    return Synonyms(
        readings=readings,
        stopwords=stopwords,
        fillers=ordered,
        weights=weights,
        modifiers=modifiers,
        modifier_aliases=aliases,
        modifier_exceptions=exceptions,
        modifier_either=either,
        stages=stages,
        regimes=regimes,
    )


def _either(item: str, modifiers: Mapping[str, float]) -> tuple[str, str]:
    phrase = " ".join(syllables(item))
    inside = [m for m in modifiers if f" {m} " in f" {phrase} "]
    if len(inside) != 1:
        raise ValueError(f"synonyms.yaml: modifier_either {item!r} must hold exactly one modifier")
    return phrase, inside[0]


def _list(raw: dict[str, object], key: str) -> list[object]:
    value = raw.get(key, [])
    if not isinstance(value, list):
        raise ValueError(f"synonyms.yaml: {key!r} must be a list")
    return value


@lru_cache(maxsize=4)
def load_synonyms(path: Path = SYNONYMS_FILE) -> Synonyms:
    """Read and validate the synonym table (cached per path)."""
    with path.open(encoding="utf-8") as handle:
        return parse_synonyms(yaml.safe_load(handle))
