"""A long message is read to its end (where chatty staff put the question), and a message longer than the
search reads is never answered from its beginning alone."""

from __future__ import annotations

from datetime import date

import pytest

from knowledge.kb.normalize import syllables
from knowledge.kb.search import Searcher
from knowledge.kb.store import KnowledgeBase, load_kb
from tests.conftest import World

TODAY = date(2026, 3, 2)
# a story of 40-odd syllables that names stages but asks nothing
STORY = (
    "anh la ksv lau nam sap nghi huu, hoi em vu nay: toa tra ho so de dieu tra bo sung, cqdt dieu tra xong, "
    "vks chuyen lai cho toa, "
)


@pytest.fixture(scope="module")
def searcher() -> Searcher:
    kb: KnowledgeBase = load_kb()
    return Searcher(kb)


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        (
            "vay tu khi toa nhan lai ho so thi tham phan phai ra quyet dinh dua vu an ra xet xu trong bao lau",
            "chuan_bi_xet_xu_sau_dieu_tra_bo_sung",
        ),
        (
            "vậy từ khi tòa nhận lại hồ sơ thì thẩm phán phải ra quyết định đưa vụ án ra xét xử trong bao lâu",
            "chuan_bi_xet_xu_sau_dieu_tra_bo_sung",
        ),
    ],
)
def test_the_question_after_forty_syllables_is_read(searcher: Searcher, question: str, entry: str) -> None:
    text = STORY + question
    assert len(syllables(text)) > 40
    found = searcher.search(text, TODAY)
    assert found.entry is not None and found.entry.id == entry, found
    assert found.outcome == "answer"


def test_a_message_longer_than_the_search_reads_is_not_answered_from_its_start(searcher: Searcher) -> None:
    limit = searcher.settings.max_query_tokens
    head = "thoi han tam giu toi da bao nhieu ngay"
    assert searcher.search(head, TODAY).outcome == "answer"
    padded = head + " " + " ".join(["vu an"] * limit)
    result = searcher.search(padded, TODAY)
    assert result.outcome != "answer" and result.reason == "message cut before its end", result
    assert result.candidates, "what the start asks is still offered"


LONG_CHATTY = [
    STORY
    + "vay tu khi toa nhan lai ho so thi tham phan phai ra quyet dinh dua vu an ra xet xu trong bao lau em, cam on em",
    "chao em, anh la ksv sap nghi huu, hoi em vu nay: toa tra ho so de dieu tra bo sung, cqdt dieu tra xong, vks "
    "chuyen lai cho toa, vay tu khi toa nhan lai ho so thi tham phan phai ra quyet dinh dua vu an ra xet xu trong "
    "bao lau em, cam on em",
    "Chào em, anh là KSV sắp nghỉ hưu, hỏi em vụ này: tòa trả hồ sơ để điều tra bổ sung, CQĐT điều tra xong, VKS "
    "chuyển lại cho tòa, vậy từ khi tòa nhận lại hồ sơ thì thẩm phán phải ra quyết định đưa vụ án ra xét xử trong "
    "bao lâu em, cảm ơn em",
]


@pytest.mark.parametrize("question", LONG_CHATTY)
async def test_a_long_chatty_story_gets_the_answer_to_its_last_question(world: World, question: str) -> None:
    chat = await world.staff_chat("long")
    text = await chat.text(question)
    assert text.startswith("15 ngày"), text
    assert "Điều 277 khoản 2" in text, text
