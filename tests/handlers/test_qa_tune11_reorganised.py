"""Round-12 tuning (tune11d): who acts after the 2025 reorganisation is unverified (FACTS header). A question that
asks who and names the reorganisation ("sau sáp nhập", "VKS khu vực", "sau 1/7/2025") is never answered with the
2015 text's authority as the law of today: the reply says it is to be checked against the consolidated text."""

from __future__ import annotations

import pytest

from knowledge.kb.normalize import syllables
from knowledge.kb.reorganised import NOTE, reorganised_line
from tests.conftest import World

_CHECK = "cần đối chiếu"


@pytest.mark.parametrize(
    "question",
    [
        "sau sáp nhập thì thẩm quyền gia hạn thời hạn quyết định truy tố có phải thuộc VT VKS khu vực không ạ",
        "vks khu vực có thẩm quyền gia hạn thời hạn truy tố không",
        "sau 1/7/2025 ai phê chuẩn gia hạn tạm giữ",
        "dạ em mới về vks khu vực, cho em hỏi viện trưởng vks khu vực có được gia hạn truy tố không ạ",
        "sau sap nhap ai gia han thoi han quyet dinh truy to",
    ],
)
async def test_who_acts_after_the_reorganisation_is_flagged(world: World, question: str) -> None:
    text = await (await world.staff_chat("t11-reorg")).text(question)
    assert _CHECK in text and "Căn cứ" in text, text


async def test_who_acts_without_the_reorganisation_is_not_noted(world: World) -> None:
    text = await (await world.staff_chat("t11-reorg2")).text("ai gia hạn thời hạn truy tố")
    assert NOTE not in text and "Viện trưởng" in text, text


async def test_a_question_from_a_regional_unit_that_asks_no_who_is_not_noted(world: World) -> None:
    text = await (await world.staff_chat("t11-reorg3")).text("em mới về vks khu vực, tạm giữ tối đa mấy ngày")
    assert NOTE not in text and "Tối đa 3 ngày" in text, text


def test_an_entry_that_flags_it_itself_gets_no_second_note() -> None:
    tokens = syllables("sau sap nhap ai gia han tam giam")
    assert reorganised_line("… Sau 01/7/2025 cần đối chiếu văn bản hợp nhất.", tokens) is None
    assert reorganised_line("Viện trưởng VKS gia hạn.", tokens) == NOTE
