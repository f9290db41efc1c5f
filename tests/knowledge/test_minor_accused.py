"""An accused under 18: the adults' limits are not theirs (BLTTHS Đ419 k1 gave two thirds of the
detention; Luật Tư pháp người chưa thành niên 2024 rules from 01/01/2026, not verified), so free
text naming one is routed to the table's ``not_computed`` entry, never to an adult kind. A victim
under 16 or 18 named in a crime's name is not the accused."""

from __future__ import annotations

from datetime import datetime

import pytest

from knowledge.deadlines.calculator import compute
from knowledge.deadlines.dateparse import detect_deadline_query
from knowledge.deadlines.kind_words import MINOR
from knowledge.deadlines.periods import load_periods
from knowledge.deadlines.validate import DeadlineInputError

NOW = datetime(2026, 3, 2, 8, 0)


@pytest.mark.parametrize(
    "text",
    [
        "tạm giam bị can người chưa thành niên để điều tra từ 02/03/2026 tội nghiêm trọng",
        "tạm giữ người dưới 18 tuổi từ 9h 02/03/2026",
        "tạm giam bị can 17 tuổi từ 02/03/2026",
        "tam giam bi can la nguoi du 16 tuoi tu 02/03/2026",
        "tạm giữ người phạm tội vị thành niên từ 9h 02/03/2026",
        "điều tra vụ án bị can chưa thành niên khởi tố 02/03/2026",
    ],
)
def test_an_accused_minor_is_not_given_the_adults_limits(text: str) -> None:
    query = detect_deadline_query(text, NOW)
    assert query is not None and query.kind == MINOR, text
    with pytest.raises(DeadlineInputError, match="không áp dụng số liệu của người thành niên") as err:
        compute(query.kind, query.start)
    assert MINOR not in str(err.value), "the message shows staff the table's internal id"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("tạm giam bị can tội hiếp dâm người dưới 16 tuổi từ 02/03/2026", "tam_giam"),
        ("kháng cáo bản án tội dụ dỗ người dưới 18 tuổi phạm pháp tuyên ngày 02/03/2026", "khang_cao_ban_an"),
        ("tạm giữ từ 9h 02/03/2026", "tam_giu"),
    ],
)
def test_a_victim_s_age_in_a_crime_name_changes_nothing(text: str, kind: str) -> None:
    query = detect_deadline_query(text, NOW)
    assert query is not None and query.kind == kind, text


def test_the_minor_entry_is_in_the_table_as_not_computed() -> None:
    table = load_periods()
    assert MINOR in table.not_computed and MINOR not in table.kinds
