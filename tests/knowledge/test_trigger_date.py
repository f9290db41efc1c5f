"""The trigger among several dates of a question (Đ333 k1 for an absent defendant's appeal; Đ172 k1
for the investigation): never simply the first date."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from knowledge.deadlines.dateparse import DateParseError, detect_deadline_query

NOW = datetime(2026, 3, 2, 8, 0)


def _start(text: str) -> object:
    query = detect_deadline_query(text, NOW)
    assert query is not None, text
    return query.start


def test_an_absent_defendants_appeal_runs_from_receipt_or_posting() -> None:
    for text in (
        "tuyên án ngày 27/02/2026, bị cáo vắng mặt, nhận bản án ngày 05/03/2026, kháng cáo đến ngày nào",
        "tuyên án ngày 27/02/2026, bị cáo vắng mặt, ngày 05/03/2026 mới nhận được bản án, kháng cáo đến ngày nào",
    ):
        assert _start(text) == date(2026, 3, 5), text
    posted = "bị cáo vắng mặt, bản án tuyên 27/02/2026 được niêm yết ngày 04/03/2026, hạn kháng cáo"
    assert _start(posted) == date(2026, 3, 4)
    # Present at the hearing: the pronouncement, whatever else is dated.
    assert _start("tuyên án ngày 27/02/2026, bị cáo kháng cáo đến ngày nào, nhận bản án ngày 05/03/2026") == date(
        2026, 2, 27
    )


def test_the_investigation_runs_from_the_case_not_the_accused() -> None:
    text = "khởi tố bị can ngày 10/02/2026, khởi tố vụ án ngày 01/02/2026, tội nghiêm trọng, hạn điều tra hết ngày nào"
    assert _start(text) == date(2026, 2, 1)


def test_a_decisions_appeal_from_receipt_and_its_protest_from_issue() -> None:
    protest = "vks nhận quyết định sơ thẩm ngày 04/03/2026, tòa ra quyết định ngày 02/03/2026, hạn kháng nghị"
    assert _start(protest) == date(2026, 3, 2)  # Đ337 k2: the day the court issues it
    appeal = "tòa ra quyết định ngày 02/03/2026, bị cáo nhận được quyết định ngày 05/03/2026, hạn kháng cáo quyết định"
    assert _start(appeal) == date(2026, 3, 5)  # Đ333 k2: the day it is received


def test_a_reports_further_handling_runs_from_the_annulment_or_resumption() -> None:
    q = detect_deadline_query(
        "nhận tin báo ngày 01/03/2026, ngày 10/03/2026 vks hủy quyết định tạm đình chỉ, hạn giải quyết tiếp", NOW
    )
    assert q is not None and (q.kind, q.start) == ("nguon_tin_sau_huy_tam_dinh_chi", date(2026, 3, 10))
    resumed = (
        "tố giác nhận ngày 01/02/2026, đã tạm đình chỉ, ngày 10/03/2026 ra quyết định phục hồi giải quyết, hạn bao lâu"
    )
    q = detect_deadline_query(resumed, NOW)
    assert q is not None and (q.kind, q.start) == ("nguon_tin_phuc_hoi", date(2026, 3, 10))
    # Only the report's date: it is not the trigger, so it is asked for.
    for text in (
        "nhận tin báo ngày 01/03/2026, vks hủy quyết định tạm đình chỉ, hạn giải quyết tiếp",
        "nhận tin báo ngày 01/03/2026, phục hồi giải quyết thì hạn bao lâu",
    ):
        with pytest.raises(DateParseError, match="Anh/chị cho biết ngày đó"):
            detect_deadline_query(text, NOW)
