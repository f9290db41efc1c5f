"""A follow-up naming another level of the procuracy asks it of the conversation's body and replaces the level the
answer was about (session 13, ``followup.level_body``, ``followup.compose``), through the dispatcher.

"VKS cấp cao còn hông anh? || Dzậy cấp huyện giờ đổi thành gì?" got the local government's entry (34 provinces)
and "sau sap xep ca nuoc con bao nhieu vks khu vuc a || con vks cap tinh thi bao nhieu a" a complaints entry:
confident wrong answers of blind writers' sets.
"""

from __future__ import annotations

import pytest

from tests.conftest import World


async def last_reply(world: World, *turns: str) -> str:
    chat = await world.staff_chat("follow13-levels")
    text = ""
    for turn in turns:
        text = await chat.text(turn)
    return text


# FACTS §14 (S): from 01/7/2025 the district procuracies are replaced by 355 regional ones.
DISTRICT = [
    ("VKS cấp cao còn hông anh?", "Dzậy cấp huyện giờ đổi thành gì?"),
    ("viện kiểm sát cấp cao bị bỏ chưa", "cấp huyện giờ gọi là gì"),
    ("hiện nay còn vks cấp cao không", "còn cấp huyện thì đổi tên thành gì ạ"),
]


@pytest.mark.parametrize("turns", DISTRICT)
async def test_a_level_alone_is_the_procuracy_s(world: World, turns: tuple[str, str]) -> None:
    text = await last_reply(world, *turns)
    assert "VKSND khu vực" in text, text
    assert "Nghị quyết 202" not in text and "NQ 202" not in text, text  # not the local government's entry


# FACTS §14 (S): 34 provincial procuracies, 355 regional ones.
COUNTS = [
    ("sau sap xep ca nuoc con bao nhieu vks khu vuc a", "con vks cap tinh thi bao nhieu a", "34 Viện kiểm sát"),
    ("cả nước có mấy viện kiểm sát khu vực", "còn vks tỉnh thì bao nhiêu", "34 Viện kiểm sát"),
    ("tong so vks khu vuc hien nay", "vay cap tinh thi bn", "34 Viện kiểm sát"),
    ("có bao nhiêu vks tỉnh", "thế vks khu vực thì sao", "355 Viện kiểm sát"),
    ("có bao nhiêu vks tỉnh", "còn khu vực thì bao nhiêu ạ", "355 Viện kiểm sát"),
]


@pytest.mark.parametrize(("first", "then", "figure"), COUNTS)
async def test_another_level_replaces_the_answer_s(world: World, first: str, then: str, figure: str) -> None:
    text = await last_reply(world, first, then)
    assert text.split("\n")[0].startswith(figure) or text.split("\n")[1].startswith(figure), text
