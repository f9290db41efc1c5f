"""Words staff type for the calculator's questions in the south or in chat, read as the ones it knows:
"tới bữa nào" is "tới ngày nào", "gia hạn hết cỡ" is "gia hạn tối đa", "bữa thứ 6" / "bữa qua" are
"hôm thứ 6" / "hôm qua"; "hnay", "hqua", "hum nay" are "hôm nay", "hôm qua"; "chìu nay" is "chiều nay". Only these phrases: "bữa" alone (a meal, "hôm bữa") is left. Pure; folded text.
"""

from __future__ import annotations

import re

_PHRASES = (
    (re.compile(r"(?<![a-z])bua nao(?![a-z])"), "ngay nao"),
    (re.compile(r"(?<![a-z])het co(?![a-z])"), "toi da"),
    (re.compile(r"(?<![a-z])bua (?=(?:qua|kia|nay|thu|chu nhat)(?![a-z]))"), "hom "),
    # chat shorthand and speech: "hnay", "hqua", "hum nay", "hum qua"
    (re.compile(r"(?<![a-z])(?:h|hum )(?=(?:nay|qua|kia)(?![a-z]))"), "hom "),
    # Southern spelling of "chiều": "16h30 chìu nay"
    (re.compile(r"(?<![a-z])chiu(?= (?:nay|qua|hom qua|mai)(?![a-z]))"), "chieu"),
)


def plain_words(folded: str) -> str:
    """``folded`` with the phrases above put as the calculator reads them."""
    for rx, said in _PHRASES:
        folded = rx.sub(said, folded)
    return folded
