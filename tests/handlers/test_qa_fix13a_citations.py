"""Session 13 (fix13a), legal review finding 6: two citations.
* Sentence credit cited "Điều 38 khoản 1, Điều 36 khoản 1 BLHS 2015" for both credits: prison is Đ38 k1 ("cứ 01 ngày
  tạm giữ, tạm giam bằng 01 ngày tù"), cải tạo không giam giữ Đ36 k1 ("… bằng 03 ngày cải tạo không giam giữ").
* Chained tạm giam periods cited "TTLT 01/2017 Điều 11 khoản 2" (about extending the verification of a crime report);
  FACTS §1 gives NQ 04/2004 (old) for consecutive tạm giam orders, status S: cited so, as a secondary source.
Through the real dispatcher."""

from __future__ import annotations

import pytest

from tests.conftest import World


@pytest.mark.parametrize(
    ("question", "basis"),
    [
        ("bị cáo đã bị tạm giữ 3 ngày, tạm giam 57 ngày, xử 2 năm tù thì được trừ bao nhiêu ngày", "Điều 38 khoản 1"),
        (
            "bi can tam giu 3 ngay tam giam 27 ngay, neu bi xu cai tao khong giam giu thi tru bao nhieu",
            "Điều 36 khoản 1",
        ),
    ],
)
async def test_each_credit_cites_its_own_article(world: World, question: str, basis: str) -> None:
    chat = await world.staff_chat("credit13a")
    text = await chat.text(question)
    assert f"Căn cứ: {basis} BLHS 2015." in text, text
    assert "Điều 38 khoản 1, Điều 36 khoản 1" not in text, text


async def test_both_credits_cite_each_its_article(world: World) -> None:
    chat = await world.staff_chat("credit13a-both")
    text = await chat.text("tạm giữ 3 ngày, tạm giam 57 ngày thì tổng cộng bao nhiêu ngày")
    assert "60 ngày tù" in text and "180 ngày cải tạo không giam giữ" in text, text
    assert (
        "Điều 38 khoản 1 BLHS 2015 (trừ vào hình phạt tù); Điều 36 khoản 1 BLHS 2015 (trừ vào cải tạo không giam giữ)"
        in text
    ), text


@pytest.mark.parametrize(
    "question",
    [
        "ĐBNT tạm giam 4 tháng từ hôm nay, nếu gia hạn tối đa thì đến ngày nào",
        "tạm giam 3 tháng từ 2/3/2026 tội nghiêm trọng, gia hạn lần 1 thêm 2 tháng thì hết ngày nào",
    ],
)
async def test_chaining_cites_what_facts_gives(world: World, question: str) -> None:
    chat = await world.staff_chat("chain13a")
    text = await chat.text(question)
    assert "cách nối tiếp theo NQ 04/2004, văn bản cũ, nguồn thứ cấp" in text, text
    assert "01/2017" not in text, text
