"""Typos of the abbreviations staff type ("tggiam", "tgiaam", "tigam", "bltthss", "cqdtt" for "tgiam",
"bltths", "cqdt"): the search and the calculator read them as the abbreviation meant.

A misspelt abbreviation is no word the index knows, so the search's own typo correction (to the
nearest indexed *syllable*, after the abbreviations were expanded) cannot read it: "RNT tggiam đt"
became a question about the investigation. Here each abbreviation of four letters or more that is
no Vietnamese syllable gives its near misses — one letter dropped, one doubled, two neighbours
swapped, a Telex tone key left at the end — and a three-letter one its letters doubled ("ksvv").
A near miss is read as that abbreviation when it is itself no syllable ("tgiam" without its t is
"giam", a word) and no other abbreviation. The near miss of two ("tgia": "tgiam" or "tgian"?) is
read as either, like an ambiguous abbreviation; a doubled letter wins over a dropped one ("vkss"
is "vks", not "vksqs").
"""

from __future__ import annotations

from collections.abc import Iterable

from knowledge.kb import telex

_MIN_LENGTH = 4


def _misses(key: str) -> set[str]:
    out = {key[:i] + key[i + 1 :] for i in range(len(key))}
    out |= {key[:i] + key[i] + key[i:] for i in range(len(key))}
    out |= {key[:i] + key[i + 1] + key[i] + key[i + 2 :] for i in range(len(key) - 1)}
    out |= {key + tone for tone in "sfrxj"}
    out.discard(key)
    return out


def near_misses(keys: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """Near miss -> the abbreviations it may misspell (none a syllable); several when it is a near miss
    of several ("tgia": "tgiam" or "tgian"), read then as either: a menu, not a guess."""
    keys = set(keys)
    found: dict[str, set[str]] = {}
    doubled: dict[str, set[str]] = {}  # a key pressed twice, the likeliest slip: "vkss" is "vks", not "vksqs"
    for key in keys:
        if len(key) < _MIN_LENGTH - 1 or not key.isalpha() or telex.is_syllable(key):
            continue
        for i in range(len(key)):
            doubled.setdefault(key[:i] + key[i] + key[i:], set()).add(key)
        if len(key) < _MIN_LENGTH:
            continue
        for miss in _misses(key):
            found.setdefault(miss, set()).add(key)
    found.update(doubled)
    return {
        miss: tuple(sorted(meant))
        for miss, meant in found.items()
        if miss not in keys and not telex.is_syllable(miss) and len(miss) >= _MIN_LENGTH
    }
