"""guard13: whether one level of the procuracy may act or another ("từ 1/7/2025 vks khu vực có được gia hạn không
hay phải là vks tỉnh") asks who acts — a fact unsettled after the 2025 reorganisation (FACTS: U), never stated as
law: no calculator card from the date that dates the law, no extension table, no part cut at "hay"; and "em mới về
vks khu vực nên chưa rõ …" is no question of its own."""

from __future__ import annotations

import pytest

from knowledge.kb.twopart import split_question
from tests.conftest import World

CALC_PROMPT = "cho biết thời hạn trong lệnh"


def _stated(text: str) -> bool:
    return "Căn cứ" in text and "đối chiếu" not in text and "chưa kiểm chứng" not in text.lower()


@pytest.mark.parametrize(
    "question",
    [
        "dạ em chào anh chị ạ, em mới về vks khu vực nên chưa rõ thẩm quyền sau sắp xếp. Vụ án rất nghiêm trọng do "
        "cqđt công an tỉnh thụ lý, cần gia hạn tạm giam để điều tra. Từ 1/7/2025 thì vks khu vực có được gia hạn "
        "không hay phải là vks tỉnh ạ, em cảm ơn ạ",
        "từ 1/7/2025 vks khu vực có được gia hạn tạm giam không",
        "sau 1/7/2025 vks tinh co duoc phe chuan gia han tam giam khong hay phai la vks toi cao",
    ],
)
async def test_which_level_acts_is_never_stated_as_law(world: World, question: str) -> None:
    text = await (await world.staff_chat("g13-who")).text(question)
    assert CALC_PROMPT not in text and not _stated(text) and "Điều 277" not in text, text


async def test_a_dated_detention_is_still_computed(world: World) -> None:
    text = await (await world.staff_chat("g13-who-calc")).text("tạm giam 2 tháng từ 01/03/2026 thì hết ngày nào")
    assert "29/04/2026" in text, text


def test_an_alternative_is_not_a_part_of_its_own(world: World) -> None:
    library = world.app.services.library
    assert library is not None
    text = "vks khu vực có được gia hạn không hay phải là vks tỉnh"
    assert split_question(text, library.dialogue.vocab, library.searcher.synonyms) == [text]
