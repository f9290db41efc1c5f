"""The warning every custody or detention card carries (/tinhhan, the register's summary and item
card): the limits computed are those for a person aged 18 or over. For an accused under 18 they
differ (BLTTHS 2015 Đ419 k1 already gave two thirds of the detention limits; from 01/01/2026 Luật
Tư pháp người chưa thành niên 59/2024/QH15 applies) and FACTS §14 leaves them unverified (U): the
assistant says so and states no number for minors. Pure."""

from __future__ import annotations

MINOR_WARNING = (
    "⚠️ Ngày trên tính cho người từ đủ 18 tuổi. Nếu người bị giữ, tạm giữ, tạm giam dưới 18 tuổi: thời hạn có thể "
    "khác (Luật Tư pháp người chưa thành niên 2024, hiệu lực 01/01/2026; trợ lý chưa kiểm chứng các thời hạn này) "
    "— anh/chị đối chiếu văn bản, không dùng ngày trên."
)


def minor_lines(custody: bool) -> list[str]:
    """The warning for a period during which a person is held; nothing for the others."""
    return [MINOR_WARNING] if custody else []
