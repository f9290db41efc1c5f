"""Round 10 (tune10a): the extension asked with a plain tạm giam order whose stage the story gives another
way, through the real dispatcher. Fake clock: Monday 02/03/2026 08:00 (Hà Nội).

* a tạm giam that continues a tạm giữ is the investigation's (Đ173; the note says what was assumed):
  "vụ giết người ĐBNT, tạm giữ 3 ngày từ 22h 25/2, rồi tạm giam 4 tháng nối tiếp … gia hạn lần 1 đủ 4
  tháng" is dated (22/10/2026); before, the stage was asked beside a card (a confident wrong answer);
* "gia hạn 1 lần tối đa" of a plain order is answered at the law's most for the category said (Đ173 k2);
  before, nothing was said of it, and "(ko tạm giữ trước)" was read as a tạm giữ the extension belonged to;
* a bị cáo's order (a trial stage) still asks the stage.
"""

from __future__ import annotations

import pytest

from tests.conftest import World


@pytest.mark.parametrize(
    ("question", "order_end", "extension_end"),
    [
        (
            "vu giet nguoi DBNT, tam giu 3 ngay tu 22h ngay 25/2, roi tam giam 4 thang noi tiep. lenh tam giam het "
            "ngay nao, gia han lan 1 du 4 thang thi den ngay nao",
            "24/06/2026",
            "22/10/2026",
        ),
        (
            "Vụ giết người ĐBNT, tạm giữ 3 ngày từ 22h ngày 25/2, rồi tạm giam 4 tháng nối tiếp. Lệnh tạm giam hết "
            "ngày nào, gia hạn lần 1 đủ 4 tháng thì đến ngày nào?",
            "24/06/2026",
            "22/10/2026",
        ),
        (
            "tạm giữ 3 ngày từ 8h 01/03/2026 rồi tạm giam 2 tháng, tội nghiêm trọng, gia hạn thêm 2 tháng thì đến ngày nào",
            "29/04/2026",
            "28/06/2026",
        ),
        (
            "tam giu 3 ngay tu 8h 01/03/2026 roi tam giam 2 thang, toi nghiem trong, gia han them 2 thang thi den ngay nao",
            "29/04/2026",
            "28/06/2026",
        ),
        (
            "tgiu 3 ngay tu 22h 25/2 roi tgiam 4 thang, toi DBNT, gh lan 1 them 4 thang het ngay nao",
            "24/06/2026",
            "22/10/2026",
        ),
    ],
)
async def test_a_detention_after_custody_is_extended_under_article_173(
    world: World, question: str, order_end: str, extension_end: str
) -> None:
    chat = await world.staff_chat("implied")
    text = await chat.text(question)
    assert order_end in text and extension_end in text, text
    assert "thuộc giai đoạn nào" not in text, text
    # where the stage was inferred, the note says the same words fit a resumed or supplementary investigation,
    # which has no Đ173 extension (legal review, round 10)
    assert ("gia hạn theo Điều 173 BLTTHS 2015" not in text) or "Điều 174 khoản 4" in text, text


@pytest.mark.parametrize(
    ("question", "extension_end"),
    [
        (
            "bi can it NT tam giam 2 thang tu 10/3/2026 (ko tam giu truoc) thi het ngay nao, neu gia han 1 lan toi da "
            "thi het ngay nao",
            "07/06/2026",
        ),
        (
            "Bị can tội ít nghiêm trọng bị tạm giam 2 tháng từ 10/03/2026 (không có tạm giữ), gia hạn 1 lần tối đa thì "
            "hết ngày nào",
            "07/06/2026",
        ),
        (
            "bi can toi nghiem trong tam giam 3 thang tu 01/03/2026 (khong tam giu), gia han 1 lan toi da het ngay nao",
            "28/07/2026",
        ),
    ],
)
async def test_the_most_of_one_extension_is_the_laws_for_the_category(
    world: World, question: str, extension_end: str
) -> None:
    chat = await world.staff_chat("implied2")
    text = await chat.text(question)
    assert "đến hết ngày" in text and extension_end in text, text
    assert "Tạm giữ: từ" not in text, text


async def test_a_defendants_order_still_asks_its_stage(world: World) -> None:
    chat = await world.staff_chat("implied3")
    text = await chat.text("bị cáo tạm giam 2 tháng từ 01/03/2026, gia hạn thêm 2 tháng thì hết ngày nào")
    assert "thuộc giai đoạn nào" in text, text


@pytest.mark.parametrize(
    ("first", "second", "end"),
    [
        ("lenh tgiam 4 thang tu hom nay vu trom cap RNT het ngay nao", "gh them thi het ngay nao", "27/09/2026"),
        (
            "lệnh tạm giam 4 tháng từ hôm nay, tội rất nghiêm trọng, hết ngày nào",
            "gia hạn lần 1 thì hết ngày nào",
            "27/09/2026",
        ),
        ("tam giam 4 thang tu 01/03/2026 toi RNT het ngay nao", "gia han them thi den ngay nao", "26/09/2026"),
    ],
)
async def test_an_order_longer_than_any_later_stage_is_the_investigations(
    world: World, first: str, second: str, end: str
) -> None:
    chat = await world.staff_chat("implied4")
    await chat.text(first)
    text = await chat.text(second)
    assert "tạm giam để điều tra" in text and end in text and "thuộc giai đoạn nào" not in text, text
