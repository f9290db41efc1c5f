"""Round 11 (tune11a, tune11b, tune11d): follow-ups of a calculator card, through the real dispatcher. Fake clock:
Monday 02/03/2026 08:00 (Hà Nội).

* An extension asked together with "có lùi vì nghỉ Tết không" after a tạm giữ card: the extension's end (custody
  is counted continuously and never moved off a day off: Đ134 k1, TTLT 04/2018 Đ17; FACTS §1), not the
  first term's end.
* "khởi tố vụ RNT 15/1/2026 thì dt hết ngày nào": after a khởi tố, a "dt" asked to end is the investigation
  (Đ172), so the card is shown and "nếu gh lần 1 đủ 4 tháng thì đến ngày nào" follows it.
* "vậy hạn 20 ngày giải quyết tin báo đó hết ngày nào" after a crime report's card: the card's own period
  named by its length (Đ147 k1: 25/02 + 20 = 17/03/2026), not the law's article again.
"""

from __future__ import annotations

import pytest

from tests.conftest import World


@pytest.mark.parametrize(
    ("card", "then", "end"),
    [
        (
            "tgiu 20h 16/2/2026 (30 tet) het han luc nao",
            "gia han 1 lan thi het luc nao, co lui vi nghi tet ko",
            "hết 20:00 Chủ nhật 22/02/2026",
        ),
        (
            "tam giu tu 8h 14/2/2026 het luc nao",
            "neu gia han lan 2 thi het luc nao, trung tet co lui khong",
            "hết 08:00 Thứ Hai 23/02/2026",
        ),
        (
            "tạm giữ từ 21h ngày 15/02/2026 thì hết lúc nào",
            "gia hạn lần 1 thì hết khi nào, rơi vào Tết có lùi không",
            "hết 21:00 Thứ Bảy 21/02/2026",
        ),
        (
            "tam giu luc 10h ngay 27/2/2026 het luc nao",
            "gh lan 1 thi het luc nao, vao cn co lui ko",
            "hết 10:00 Thứ Năm 05/03/2026",
        ),
    ],
)
async def test_the_extension_asked_with_the_day_off_is_its_own_end(
    world: World, card: str, then: str, end: str
) -> None:
    chat = await world.staff_chat("tet")
    await chat.text(card)
    text = await chat.text(then)
    assert end in text and text.count("Không lùi") == 1, text


async def test_the_day_off_alone_is_still_the_terms_end(world: World) -> None:
    """Neighbour: no extension asked: the first term's end, not moved."""
    chat = await world.staff_chat("tet2")
    await chat.text("tam giu tu 8h 14/2/2026 het luc nao")
    text = await chat.text("ngay do la tet co lui ko")
    assert "Không lùi" in text and "17/02/2026" in text and "23/02/2026" not in text, text


@pytest.mark.parametrize(
    ("question", "end"),
    [
        ("khoi to vu RNT 15/1/2026 thi dt het ngay nao", "hết 24:00 Thứ Sáu 15/05/2026"),
        ("kt vu an ngay 10/2/2026 toi NT, dt den ngay nao", "hết 24:00 Thứ Hai 11/05/2026"),
        ("khởi tố vụ án 02/03/2026 tội ít NT thì đt xong trước ngày nào", "hết 24:00 Thứ Hai 04/05/2026"),
        ("vu DBNT khoi to ngay 5/1/2026, dt toi ngay nao", "hết 24:00 Thứ Ba 05/05/2026"),
    ],
)
async def test_a_dt_asked_to_end_after_a_charge_is_the_investigation(world: World, question: str, end: str) -> None:
    chat = await world.staff_chat("dt")
    text = await chat.text(question)
    assert "ĐIỀU TRA VỤ ÁN" in text and "Thời hạn điều tra (" in text and end in text, text


async def test_the_investigation_extension_follows_the_card(world: World) -> None:
    chat = await world.staff_chat("dt2")
    await chat.text("khoi to vu RNT 15/1/2026 thi dt het ngay nao")
    text = await chat.text("neu gh lan 1 du 4 thang thi den ngay nao")
    assert "hết 24:00 Thứ Ba 15/09/2026" in text, text


async def test_a_bare_dt_is_not_read_as_the_investigation(world: World) -> None:
    """Neighbour: a "dt" with no khởi tố before it is not over-read."""
    chat = await world.staff_chat("dt3")
    text = await chat.text("so dt cua vks huyen 15/1/2026 het han chua")
    assert "ĐIỀU TRA VỤ ÁN" not in text, text


@pytest.mark.parametrize(
    ("card", "then", "end"),
    [
        (
            "Dạ em chào anh chị, CQĐT bên em tiếp nhận tin báo vụ trộm ngày 25/02/2026, em cần vào sổ theo dõi ạ",
            "Vậy hạn 20 ngày giải quyết tin báo đó hết vào ngày nào ạ?",
            "hết 24:00 Thứ Ba 17/03/2026",
        ),
        ("nhan tin bao ngay 27/2/2026", "han 20 ngay thi het ngay nao", "hết 24:00 Thứ Năm 19/03/2026"),
        ("tiếp nhận tố giác ngày 01/03/2026", "thời hạn 20 ngày đó tới hôm nào", "hết 24:00 Thứ Hai 23/03/2026"),
        ("tam giu tu 8h 1/3/2026", "tam giu 3 ngay thi het luc nao", "hết 08:00 Thứ Tư 04/03/2026"),
    ],
)
async def test_the_cards_own_period_named_by_its_length(world: World, card: str, then: str, end: str) -> None:
    chat = await world.staff_chat("base")
    await chat.text(card)
    text = await chat.text(then)
    assert end in text and "Gia hạn" not in text, text


async def test_a_length_of_its_own_is_not_the_cards(world: World) -> None:
    """Neighbour: "nếu gia hạn 20 ngày" is an extension's length, not the card's 20 days."""
    chat = await world.staff_chat("base2")
    await chat.text("nhan tin bao ngay 27/2/2026")
    text = await chat.text("neu gia han 20 ngay thi het ngay nao")
    assert "thời hạn 20 ngày: hết" not in text, text
