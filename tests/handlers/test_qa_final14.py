"""Merge mends of round 14's integration (helpers' branches together with the lead's): what the merged knowledge
base answered wrongly that each branch alone did not.

- "tạm giam tối đa bao nhiêu tháng" was the Đ119 conditions entry (its question "nuôi con dưới bao nhiêu tháng
  tuổi" held "bao nhiêu tháng"): the detention's limits by category answer it.
- days held deducted "vô án tù" are the sentence's credit (BLHS Đ38 k1), not the detention's term (Đ118 k4): the
  entry that deducts custody from detention had gained a question close to it.
- "thiếu căn cứ", "thiếu cc" say the grounds as "không đủ căn cứ" does (Đ118 k3: released at once).
- the hour a custody ends at ("lúc 0h", "12 giờ đêm"), asked when to release, is the run-out entry: the new Đ118 k3
  entry ("trả tự do ngay") does not take it."""

from __future__ import annotations

import pytest

from tests.conftest import World

CONDITIONS = "Trên 2 năm tù (mức tối đa"
BY_CATEGORY = "Tối đa 7 tháng tạm giam để điều tra tội rất nghiêm trọng"


@pytest.mark.parametrize(
    "question", ["tạm giam tối đa bao nhiêu tháng", "tgiam toi da bn thang", "tam giam toi da bao nhieu thang"]
)
async def test_a_detention_limit_asked_is_not_the_conditions_to_detain(world: World, question: str) -> None:
    text = await (await world.staff_chat("f14-limit")).text(question)
    assert CONDITIONS not in text and BY_CATEGORY in text, text


@pytest.mark.parametrize(
    "question", ["phụ nữ nuôi con dưới bao nhiêu tháng tuổi thì không bị tạm giam", "ba bau co bi tam giam khong"]
)
async def test_the_conditions_to_detain_are_still_answered(world: World, question: str) -> None:
    text = await (await world.staff_chat("f14-cond")).text(question)
    assert "36 tháng tuổi" in text and "Điều 119" in text, text


@pytest.mark.parametrize(
    "question",
    [
        "bị cáo trước đó bị tạm giữ 2 ngày rồi tạm giam luôn thì mấy ngày tạm giữ đó có được trừ vô án tù hông",
        "tam giu 3 ngay co duoc tru vao an khong",
    ],
)
async def test_days_held_deducted_from_the_sentence(world: World, question: str) -> None:
    text = await (await world.staff_chat("f14-sentence")).text(question)
    assert "1 ngày tù" in text and "BLHS" in text and "1 ngày tạm giữ = 1 ngày tạm giam" not in text, text


async def test_days_held_deducted_from_the_detention_are_still_the_detentions(world: World) -> None:
    chat = await world.staff_chat("f14-detention")
    text = await chat.text("đã chuyển sang tạm giam thì những ngày bị tạm giữ trước đó có được trừ không")
    assert "1 ngày tạm giữ = 1 ngày tạm giam" in text and "Điều 118 khoản 4" in text, text


@pytest.mark.parametrize(
    "question",
    ["tạm giữ mà thiếu căn cứ khởi tố thì sao", "dang tam giu ma thieu cc khoi to bi can thi phai lam gi"],
)
async def test_grounds_lacking_said_short_is_release_at_once(world: World, question: str) -> None:
    text = await (await world.staff_chat("f14-grounds")).text(question)
    assert text.startswith("Phải trả tự do ngay") and "Điều 118 khoản 3" in text, text


@pytest.mark.parametrize(
    "question", ["tam giu het han luc 0h thi tha luc nao", "tạm giữ hết hạn 12 giờ đêm thì thả lúc nào"]
)
async def test_the_end_at_an_hour_asked_when_to_release_is_the_run_out_entry(world: World, question: str) -> None:
    text = await (await world.staff_chat("f14-hour")).text(question)
    assert text.startswith("Hết thời hạn mà không có lệnh") and "Phải trả tự do ngay" not in text, text
