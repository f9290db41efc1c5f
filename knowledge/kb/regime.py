"""A regime of its own named in one part of a message holds for its other parts (round 14, scan13).

"người chưa thành niên phạm tội, giữ người khẩn cấp thì trong bao lâu phải ra quyết định" is read as two parts:
the first names the minor (the minors' entry answers it), the second asks the adults' 12 hours as if nobody were a
minor. A regime (``regimes:`` of ``synonyms.yaml``: the adults' limits never answer a question about minors) named
anywhere in the message is said again before each part whose answer is titled without it, and that part is read
again. Pure; ``dialogue.Dialogue.read`` applies it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from knowledge.kb.documents import documents_named
from knowledge.kb.entry import Entry
from knowledge.kb.normalize import Synonyms
from knowledge.kb.part import Part


def regime_kept(
    parts: list[Part],
    synonyms: Synonyms,
    title: Callable[[Entry], Sequence[str]],
    again: Callable[[str], Part],
) -> list[Part]:
    """``parts``, each answered outside a regime the message names read again under it (``again``)."""
    if len(parts) < 2:
        return parts
    named = sorted({m for p in parts for m in synonyms.modifiers_in(list(p.tokens)) & synonyms.regimes})
    if not named:
        return parts
    out: list[Part] = []
    for part in parts:
        entry = part.result.entry if part.answered else None
        # a document named by its number: "Luật 99/2025 và Luật Tư pháp người chưa thành niên …" names no minor
        document = bool(documents_named(part.text))
        if entry is not None and not document and not synonyms.modifiers_in(list(title(entry))) & synonyms.regimes:
            part = replace(again(f"{named[0]} {part.text}"), text=part.text)
            if part.answered and any(p.result.entry is part.result.entry for p in out):
                continue  # the regime's own entry, answered already for an earlier part
        out.append(part)
    return out
