"""fix13b, finding 3: "ntn" is "như thế nào" unless it stands before "phạm tội" or "bị …" (then a minor, người chưa
thành niên). "trường hợp ntn thì tạm giam bị can tội nghiêm trọng" asks the grounds of BLTTHS Điều 119, and was
answered with the minors' entry; after "trường hợp", "như", "tính", "xử lý" it is never a minor."""

from __future__ import annotations

import pytest

from knowledge.kb.in_place import in_place, parse_rules
from tests.conftest import World


@pytest.mark.parametrize(
    "question",
    [
        "trường hợp ntn thì tạm giam bị can tội nghiêm trọng",
        "trường hợp ntn thì được tạm giam bị can phạm tội nghiêm trọng",
        "tội ít nghiêm trọng thì trường hợp ntn mới tạm giam được",
        "truong hop ntn thi tam giam bi can toi nghiem trong",
    ],
)
async def test_ntn_after_truong_hop_asks_the_grounds(world: World, question: str) -> None:
    text = await (await world.staff_chat("fix13b-ntn")).text(question)
    assert "chưa thành niên" not in text and "Điều 119" in text, text


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("trường hợp ntn thì tạm giam", "trường hợp ntn thì tạm giam"),
        ("ntn thì tạm giữ bao lâu", "ntn thì tạm giữ bao lâu"),
        ("tạm giam ntn tạm giữ ntn", "tạm giam ntn tạm giữ ntn"),
        ("xử lý ntn bị tạm giam quá hạn", "xử lý ntn bị tạm giam quá hạn"),
        ("truong hop ntn bi tam giam", "truong hop ntn bi tam giam"),
        ("như ntn bị bắt", "như ntn bị bắt"),
        # a minor, before "phạm tội" or "bị …"
        ("ntn phạm tội tạm giữ bao lâu", "người chưa thành niên phạm tội tạm giữ bao lâu"),
        ("ntn bị tạm giam tối đa bao lâu", "người chưa thành niên bị tạm giam tối đa bao lâu"),
        ("với ntn bị bắt thì sao", "với người chưa thành niên bị bắt thì sao"),
        # … or after what names a person ("bị can là", "vụ án có"): the rule whose "?" never let it read
        ("bị can là ntn thì tạm giam bao lâu", "bị can là người chưa thành niên thì tạm giam bao lâu"),
        ("vu an co ntn thi dieu tra may thang", "vu an co nguoi chua thanh nien thi dieu tra may thang"),
        ("bị can là ntn vậy", "bị can là ntn vậy"),
    ],
)
def test_ntn_is_a_minor_only_before_a_crime_or_a_measure_suffered(typed: str, read: str) -> None:
    assert in_place(typed) == read


def test_a_mark_alone_is_refused_in_a_rule() -> None:
    # "?" reads as no word, and an empty phrase matches every neighbour: the rule would never apply
    with pytest.raises(ValueError, match="no word"):
        parse_rules({"in_place": {"ntn": {"reading": "người chưa thành niên", "not_before": ["vậy", "?"]}}})
