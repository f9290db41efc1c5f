"""Buttons as numbered options, for platforms without buttons (console, Zalo).

The dispatcher stores the numbered menu with the conversation, so "2" presses the
second button after a restart too; adapters render it with the same numbering. On every
platform a typed number or a button's own words press it (staff type what they see).
"""

from __future__ import annotations

import re

from bot.chat.messages import Button, Reply
from knowledge.kb.normalize import fold

NUMBER_HINT = "(Trả lời bằng số)"
_CHOICE = re.compile(r"^\s*(\d{1,3})\s*[.)]?\s*$")


def menu_of(replies: list[Reply]) -> list[Button]:
    """Every button of a batch of replies, in the order they are numbered."""
    return [b for r in replies for b in r.flat_buttons]


def render_numbered(replies: list[Reply]) -> list[str]:
    """Each reply's text followed by its buttons as "1. …" lines, numbered across the batch."""
    out: list[str] = []
    number = 0
    for r in replies:
        lines = [r.text] if r.text else []
        for b in r.flat_buttons:
            number += 1
            lines.append(f"{number}. {b.text}")
        if r.flat_buttons and r is _last_with_buttons(replies):
            lines.append(NUMBER_HINT)
        out.append("\n".join(lines))
    return out


def _last_with_buttons(replies: list[Reply]) -> Reply | None:
    for r in reversed(replies):
        if r.flat_buttons:
            return r
    return None


def parse_choice(text: str) -> int | None:
    """The number a user typed to choose an option ("2", " 2 ", "2." or "2)"), else None."""
    match = _CHOICE.match(text)
    return int(match.group(1)) if match else None


def folded_words(label: str) -> str:
    """``label`` as folded words: no accents, case or punctuation (what a typed choice is matched on)."""
    return " ".join(fold("".join(c if c.isalnum() else " " for c in label)).split())


def label_choice(text: str, menu: list[list[str]]) -> str | None:
    """The data of the one button whose words the user typed ("nghiem trong" for the
    «Nghiêm trọng» button, emoji and case aside), else None (none, or more than one)."""
    typed = folded_words(text)
    found = [data for label, data in menu if typed and folded_words(label) == typed]
    return found[0] if len(found) == 1 else None
