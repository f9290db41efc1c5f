"""A short word whose reading decides a computed date and that no other word settles: asked, not guessed.

"tg" before a stage ("vụ rút gọn, tg điều tra từ hôm nay thì tối đa tới hết ngày nào") is "tạm giam
(để) điều tra" or "thời gian điều tra": the detention counts its first day and never moves past a day
off (21/03), the investigation ends a day later and moves to Monday (23/03). ``short_words`` writes
"tg" out where the message decides (a length in months, a tạm giữ beside it, a clock time); what is
left before a stage is asked when the calculator would count from it, with the entry each reading
finds (``handlers.qa_unread``), never counted for one reading.
"""

from __future__ import annotations

import re

from knowledge.kb.normalize import has_diacritics
from knowledge.kb.unread import Reading

_TG_STAGE = re.compile(
    r"(?<!\w)tg(?=\s+(?:đ[eể]\s+|de\s+)?(?:đi[eề]u\s+tra|dieu\s+tra|đt|dt|dtra|truy\s+t[oố]|x[eé]t\s+x[uử]|xx|cbxx)(?!\w))",
    re.IGNORECASE,
)
_READINGS = (("tạm giam", "tam giam"), ("thời gian", "thoi gian"))


def unsettled_tg(text: str) -> Reading | None:
    """The question back for a "tg" left before a stage (``text`` read after ``short_words``), or None."""
    found = _TG_STAGE.search(text)
    if found is None:
        return None
    marked = has_diacritics(text)
    again = tuple(f"{text[: found.start()]}{r[0] if marked else r[1]}{text[found.end() :]}" for r in _READINGS)
    return Reading(text, found.group(0), tuple(r[0] for r in _READINGS), alternatives=again)
