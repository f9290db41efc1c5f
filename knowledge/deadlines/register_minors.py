"""The warning every custody or detention card carries (/tinhhan, the free-text calculator's cards
and answers, the register's summary and item card): the limits computed are those for a person aged
18 or over. For an accused under 18 they differ (BLTTHS 2015 Đ419 k1 already gave two thirds of the detention limits; from 01/01/2026 Luật
Tư pháp người chưa thành niên 59/2024/QH15 applies) and FACTS §14 leaves them unverified (U): the
assistant says so and states no number for minors. Pure."""

from __future__ import annotations

import re

_DAY = re.compile(r"\b\d{2}/\d{2}/\d{4}\b")

MINOR_WARNING = (
    "⚠️ Ngày trên tính cho người từ đủ 18 tuổi. Nếu người bị giữ, tạm giữ, tạm giam dưới 18 tuổi: thời hạn có thể "
    "khác (Luật Tư pháp người chưa thành niên 2024, có hiệu lực từ đầu năm 2026; trợ lý chưa kiểm chứng các thời hạn "
    "này) — anh/chị đối chiếu văn bản, không dùng ngày trên."
)


MARKED_MINOR = (
    "⚠️ Mục này được ghi là người dưới 18 tuổi. Ngày trên tính theo thời hạn của người từ đủ 18 tuổi; thời hạn "
    "với người dưới 18 tuổi có thể khác (Luật Tư pháp người chưa thành niên 2024, có hiệu lực từ đầu năm 2026; trợ "
    "lý chưa kiểm chứng các thời hạn này) — anh/chị đối chiếu văn bản, không dùng ngày trên."
)


def minor_lines(custody: bool, minor: bool | None = None) -> list[str]:
    """The warning for a period during which a person is held (nothing for the others); ``minor``: what the
    register recorded — True (under 18: said so, whatever the kind), False (18 or over: nothing), None
    (not asked: the general warning)."""
    if minor is True:
        return [MARKED_MINOR]
    return [MINOR_WARNING] if custody and minor is None else []


def with_minors(text: str, custody: bool) -> str:
    """``text`` with the warning under it, once, when it gives a day ("ngày trên": a refusal that computes
    nothing needs none); see ``minor_lines``."""
    if not _DAY.search(text):
        return text
    lines = [line for line in minor_lines(custody) if line not in text]
    return "\n".join([text, *lines])
