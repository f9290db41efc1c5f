"""Follow-ups on a calculator card that name only an extension's rank: "còn lần 2", "thế lần thứ hai
thì sao", "lần 3?" after "gia hạn thì sao". After a card, a bare rank is the card's extension of that
rank: the message is read as "gia hạn lần N thì sao" (``extension_ask`` answers it, and refuses a rank
the law does not allow). Anything more in the message and it is not read so. Pure."""

from __future__ import annotations

import re

_BARE_RANK = re.compile(
    r"^(?:(?:con|the con|vay con|the|vay|neu|con neu|the neu)\s+)?(?:gia han\s+|gh\s+)?"
    r"lan(?: thu)? (?P<n>\d|nhat|nhi|hai|ba|tu)"
    r"(?:\s+(?:thi sao|thi the nao|the nao|thi het (?:ngay|luc) nao|het (?:ngay|luc) nao|thi sao a|nua|a|nhi))?"
    r"\s*\??$"
)


def bare_rank(plain: str) -> str | None:
    """ "gia hạn lần N thì sao" for a message that names only a rank; None otherwise."""
    m = _BARE_RANK.match(plain.strip())
    return f"gia han lan {m['n']} thi sao" if m else None
