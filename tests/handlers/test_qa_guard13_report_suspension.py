"""guard13: what the investigators decide when a crime report's time runs out waiting for an expert's result is the
suspension of its handling (BLTTHS Điều 148 khoản 1; FACTS §5 V): the entry listed the grounds without naming the
decision, so "cqđt phải ra quyết định gì" found the entry and never read "tạm đình chỉ"."""

from __future__ import annotations

import pytest

from tests.conftest import World


@pytest.mark.parametrize(
    "question",
    [
        "em chào anh ạ, vụ tin báo trộm cắp này quá 20 ngày rồi mà vẫn chờ kết quả định giá tài sản, cqđt phải ra "
        "quyết định gì ạ, em mới làm nên chưa rõ",
        "dạ tin báo hết 20 ngày rồi mà cqđt vẫn đang chờ kết luận giám định thì cqđt phải ra loại qđ gì ạ, e hơi rối "
        "chỗ này",
        "tb het han giai quyet ma chua co ket qua giam dinh thi ra qd gi",
    ],
)
async def test_the_decision_is_named(world: World, question: str) -> None:
    text = await (await world.staff_chat("g13-suspension")).text(question)
    assert "tạm đình chỉ việc giải quyết" in text and "Điều 148" in text, text
