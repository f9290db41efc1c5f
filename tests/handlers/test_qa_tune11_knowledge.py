"""Round-12 tuning (tune11c/d), what the knowledge base says: the date of a document in the indicator chain
(asked alone or after the answer that names it: QĐ 140/QĐ-VKSTC of 01/4/2025, secondary), and the count of one
level asked of "ngành" is that level's."""

from __future__ import annotations

import pytest

from tests.conftest import World


@pytest.mark.parametrize(
    "question",
    [
        "qđ 140 ban hành ngày nào",
        "quyết định 140/QĐ-VKSTC ký hồi nào vậy",
        "qd 140 ban hanh ngay nao",
    ],
)
async def test_the_replaced_document_asked_alone_is_never_another_s_date(world: World, question: str) -> None:
    """Both entries that name QĐ 140 give its date: the answer, or the menu of the two."""
    text = await (await world.staff_chat("t11-doc")).text(question)
    assert "01/4/2025" in text or text.startswith("Có phải anh/chị muốn hỏi"), text


@pytest.mark.parametrize(
    ("first", "then"),
    [
        ("qđ 358 thay cho qđ nào", "cái qđ 140 đó ban hành hồi nào"),
        ("qđ 358 thay qđ nào", "qđ 140 ký ngày mấy"),
        ("chế độ báo cáo thống kê theo qđ nào vậy chị", "rồi cái qđ 140 ban hành bữa nào"),
        ("chế độ báo cáo thống kê hiện nay theo qđ nào", "còn qđ 140 ban hành ngày nào"),
    ],
)
async def test_the_date_of_the_replaced_document_after_the_answer(world: World, first: str, then: str) -> None:
    chat = await world.staff_chat("t11-doc2")
    await chat.text(first)
    text = await chat.text(then)
    assert "01/4/2025" in text and "nguồn thứ cấp" in text, text


async def test_another_document_of_the_chain_keeps_its_own_date(world: World) -> None:
    text = await (await world.staff_chat("t11-doc3")).text("qđ 139 ban hành ngày nào")
    assert "QĐ 139/QĐ-VKSTC (29/4/2020" in text and "Căn cứ" in text, text


@pytest.mark.parametrize(
    ("question", "figures"),
    [
        ("ngành có bao nhiêu vks tỉnh", ("34 Viện kiểm sát nhân dân (VKSND) tỉnh",)),
        ("sau 1/7/2025 ngành có nhiêu vksnd tỉnh với nhiêu vksnd khu vực", ("34 Viện kiểm sát", "355 Viện kiểm sát")),
    ],
)
async def test_the_count_of_one_level_is_not_the_levels(world: World, question: str, figures: tuple[str, ...]) -> None:
    text = await (await world.staff_chat("t11-levels3")).text(question)
    assert all(f in text for f in figures) and not text.startswith("3 cấp"), text


async def test_the_current_document_asked_with_what_it_replaced(world: World) -> None:
    text = await (await world.staff_chat("t11-doc4")).text("qđ 358 ban hành ngày nào, thay qđ nào dzậy")
    assert "23/9/2025" in text and "140/QĐ-VKSTC" in text and "Căn cứ" in text, text
