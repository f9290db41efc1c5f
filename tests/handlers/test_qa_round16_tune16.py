"""Round 16 (session 15), the second pair of blind tuning sets (tune16a/b, in the personas of the new sealed sets):
scored once, then read; each test failed before its fix."""

from __future__ import annotations

import pytest

from tests.conftest import World


async def test_tam_gian_is_a_detention(world: World) -> None:
    # tune16a (a confident wrong answer): "tạm gian" was not read as "tạm giam" and the investigation's limit won
    text = await world.last_reply("t16-gian", ["tạm gian điều tra tội nghiêm trong tối đa bao lâu"])
    assert "Điều 173" in text and "Điều 172" not in text, text


async def test_the_vks_cancels_a_groundless_custody(world: World) -> None:
    # tune16a (a confident wrong answer): the answer said "hủy" where the law says "hủy bỏ quyết định tạm giữ"
    text = await world.last_reply("t16-huybo", ["qd tgiu gui vks trong may h", "neu vks thay ko co can cu thi sao"])
    assert "hủy bỏ quyết định tạm giữ" in text and "trả tự do" in text, text


@pytest.mark.parametrize(
    "question", ["ksv bao nhieu nam thi phai luan chuyen", "kiểm sát viên mấy năm phải luân chuyển"]
)
async def test_a_prosecutors_rotation_is_personnel_work(world: World, question: str) -> None:
    # tune16a (a confident wrong answer): answered with a limit
    text = await world.last_reply("t16-luanchuyen", [question])
    assert "Căn cứ:" not in text, text


async def test_the_story_of_who_asked_and_what_was_forgotten(world: World) -> None:
    # tune16b: "chị phó phòng hỏi … mà em quên mất, ngại quá" was refused
    text = await world.last_reply(
        "t16-forgot",
        ["Em mới về, chị phó phòng hỏi ngành mình thành lập ngày nào mà em quên mất, ngại quá. Anh chị nhắc em với ạ"],
    )
    assert "26/7/1960" in text, text


async def test_the_rules_document_asked_beside_a_record_of_inspection(world: World) -> None:
    # tune16b (a confident wrong answer): a question added to the record's entry in this round took the question of
    # which decision issues the rules
    text = await world.last_reply(
        "t16-quyche",
        [
            "Em đang soạn biên bản kiểm sát trực tiếp nhà tạm giữ, lần đầu làm nên hơi run. Quy chế kiểm sát tạm giữ, "
            "tạm giam hiện hành là quyết định số mấy ạ?"
        ],
    )
    assert "259" in text, text
