"""An extension whose length a question states without asking when: "tạm giam để điều tra tội RNT
từ 15/11/2026 gia hạn 4 tháng", "…, đã gia hạn 2 tháng". It is read as "… thì đến ngày nào" is
(``extension_ask``), so that a length the law does not allow for the category is refused with the
reason (Đ173 k2: 3 months for a very serious crime) instead of being passed over for the law's own
step. Nothing when no length is said, nor when the question asks who, how or how long (the Q&A's).
Pure; the text is folded."""

from __future__ import annotations

import re

from knowledge.deadlines.extension_ask import ASKS_WHEN, ExtensionAsk, read_extension

# Questions of another kind: who extends, how many times, how long at most, whether it may be.
_OTHER = re.compile(
    r"(?<![a-z])(?:ai|tham quyen|cap nao|nguoi nao|bao nhieu|bao lau|may lan|the nao|nhu the nao|co duoc|khong|ko)"
    r"(?![a-z])|\?(?=.*[a-z0-9])"  # a mark inside asks another question; one at the end asks what then
)


def stated_extension(folded: str) -> ExtensionAsk | None:
    """The extension the text states with its length (see the module), or None."""
    if ASKS_WHEN.search(folded) or _OTHER.search(folded):
        return None  # asked when: ``read_extension`` reads it; asked something else: not a date
    ask = read_extension(f"{folded} thi sao")
    return ask if ask is not None and ask.stated else None
