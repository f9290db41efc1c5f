"""When tạm giữ starts (BLTTHS Đ118 k1; FACTS §3, V): from the CQĐT's receipt of a person held or arrested, and for
a person who surrendered (tự thú, đầu thú) from the CQĐT's decision to hold. A question whose only moment is the
surrender or the arrest is asked back, never counted from that moment (the end would come early); the decision,
the receipt or the custody's own start, when said, is counted from."""

from __future__ import annotations

from datetime import datetime

import pytest

from knowledge.deadlines.date_choice import RECEIPT_UNCLEAR, SURRENDER_UNCLEAR
from knowledge.deadlines.dateparse import DateParseError, detect_deadline_query

NOW = datetime(2026, 12, 7, 9, 0)  # Monday, local time


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        # a surrender: from the CQĐT's decision to hold
        ("người tự thú lúc 8h ngày 05/12/2026, tạm giữ hết lúc nào", SURRENDER_UNCLEAR),
        ("người tự thú lúc 8h sáng nay, tạm giữ hết lúc nào", SURRENDER_UNCLEAR),
        ("doi tuong ra dau thu 14h hom qua thi tam giu 3 ngay het luc may gio", SURRENDER_UNCLEAR),
        # an arrest, a hold, a wanted person's capture: from the CQĐT's receipt of the person
        ("bắt quả tang lúc 8h ngày 05/12/2026, tạm giữ hết khi nào", RECEIPT_UNCLEAR),
        ("giữ người khẩn cấp lúc 20h hôm qua, tạm giữ 3 ngày thì hết lúc nào", RECEIPT_UNCLEAR),
        ("bắt người đang bị truy nã lúc 7h sáng nay, hết hạn tạm giữ lúc mấy giờ", RECEIPT_UNCLEAR),
    ],
)
def test_a_surrender_or_an_arrest_alone_is_not_the_start(text: str, asked: str) -> None:
    with pytest.raises(DateParseError) as info:
        detect_deadline_query(text, NOW)
    assert str(info.value) == asked


@pytest.mark.parametrize(
    ("text", "start"),
    [
        # the decision for a surrender, the receipt for an arrest, the custody's own start
        ("người đầu thú, quyết định tạm giữ lúc 14h ngày 05/12/2026, tạm giữ hết lúc nào", datetime(2026, 12, 5, 14)),
        (
            "bắt quả tang lúc 8h ngày 05/12/2026, cqđt nhận người lúc 10h cùng ngày, tạm giữ hết khi nào",
            datetime(2026, 12, 5, 10),
        ),
        ("đối tượng đầu thú, tạm giữ từ 9h ngày 05/12/2026 thì hết lúc nào", datetime(2026, 12, 5, 9)),
        ("tạm giữ từ 9h ngày 05/12/2026 thì hết lúc nào", datetime(2026, 12, 5, 9)),
    ],
)
def test_the_moment_the_law_counts_from_is_counted(text: str, start: datetime) -> None:
    query = detect_deadline_query(text, NOW)
    assert query is not None and query.kind == "tam_giu" and query.start == start


def test_the_twelve_hours_to_decide_still_count_from_the_arrest() -> None:
    """Đ114 k1: the 12 hours to decide tạm giữ or release run from the arrest itself; only the 3 days do not."""
    query = detect_deadline_query("bắt quả tang lúc 22h hôm qua thì hạn ra qđ tạm giữ là mấy giờ", NOW)
    assert query is not None and query.kind != "tam_giu" and query.start == datetime(2026, 12, 6, 22)
