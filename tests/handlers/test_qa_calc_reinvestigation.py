"""Điều 174 in free text: the supplementary investigation (2 months when the VKS returned the file,
1 month when the court did, from the CQĐT's receipt: k2), the resumed investigation (2 or 3 months
from the resumption: k1) and the investigation done again (Đ172's periods from the receipt of the
file: k3) are not the ordinary investigation's card counted from the case's prosecution (Đ172).
A question about the time to send a decision to the VKS is no calculation (review8 A1, B18, C26)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.conftest import World
from tests.fakes import joined

NOW = datetime(2026, 12, 7, 3, 0, tzinfo=UTC)  # Monday 07/12/2026, 10:00 in Hà Nội


async def _ask(world: World, *lines: str) -> str:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    out = ""
    for line in lines:
        out = joined(await chat.send(line))
    return out


@pytest.mark.parametrize(
    "question",
    [
        "thoi han dieu tra bo sung vks tra ho so 01/12/2026",
        "VKS trả hồ sơ để điều tra bổ sung, CQĐT nhận lại ngày 01/12/2026 thì hạn đến ngày nào",
        "viện kiểm sát trả hs yêu cầu điều tra bổ sung 01/12/2026 hết hạn khi nào",
    ],
)
async def test_returned_by_the_vks_is_two_months(world: World, question: str) -> None:
    card = await _ask(world, question)
    assert "ĐIỀU TRA BỔ SUNG DO VKS TRẢ HỒ SƠ" in card, card
    assert "01/02/2027" in card and "Điều 174 khoản 2" in card, card
    assert "ĐIỀU TRA VỤ ÁN" not in card and "01/03/2027" not in card, card


@pytest.mark.parametrize(
    "question",
    [
        "toa an tra ho so dieu tra bo sung ngay 01/12/2026 het han ngay nao",
        "Tòa trả hồ sơ để điều tra bổ sung, ngày 01/12/2026 CQĐT nhận lại, điều tra bổ sung đến bao giờ",
        "hội đồng xét xử trả hồ sơ điều tra bổ sung từ 01/12/2026 thì đến ngày nào",
        "HĐXX trả hồ sơ để điều tra bổ sung, cqđt nhận lại hồ sơ ngày 01/12/2026, hạn điều tra bổ sung",
    ],
)
async def test_returned_by_the_court_is_one_month_past_new_year(world: World, question: str) -> None:
    card = await _ask(world, question)
    assert "ĐIỀU TRA BỔ SUNG DO TÒA ÁN TRẢ HỒ SƠ" in card, card
    assert "04/01/2027" in card and "Tết Dương lịch" in card, card  # 01/01/2027 is a day off
    assert "ĐIỀU TRA VỤ ÁN" not in card, card


async def test_who_returned_it_unsaid_is_not_the_ordinary_card(world: World) -> None:
    answer = await _ask(world, "thoi han dieu tra bo sung tu 01/12/2026 den ngay nao")
    assert "ĐIỀU TRA VỤ ÁN" not in answer and "01/03/2027" not in answer, answer
    assert "2 tháng nếu Viện kiểm sát" in answer and "1 tháng nếu Tòa án" in answer, answer


@pytest.mark.parametrize(
    "question",
    [
        "phuc hoi dieu tra toi nghiem trong ngay 01/12/2026 het han ngay nao",
        "ngày 01/12/2026 CQĐT ra quyết định phục hồi điều tra vụ án tội nghiêm trọng, điều tra tiếp đến ngày nào",
    ],
)
async def test_resumed_investigation_is_two_months_for_a_serious_crime(world: World, question: str) -> None:
    card = await _ask(world, question)
    assert "ĐIỀU TRA TIẾP KHI PHỤC HỒI ĐIỀU TRA" in card, card
    assert "Thời hạn điều tra tiếp (2 tháng): hết 24:00 Thứ Hai 01/02/2027" in card, card
    assert "01/03/2027" not in card, card


async def test_resumed_investigation_asks_the_category_then_counts_three_months(world: World) -> None:
    asked = await _ask(world, "phục hồi điều tra từ 01/12/2026 thì hạn điều tra tiếp là ngày nào")
    assert "Điều tra tiếp khi phục hồi điều tra: tội phạm thuộc loại nào?" in asked, asked
    card = await _ask(world, "rất nghiêm trọng")
    assert "ĐIỀU TRA TIẾP KHI PHỤC HỒI ĐIỀU TRA" in card and "rất nghiêm trọng" in card, card
    assert "Thời hạn điều tra tiếp (3 tháng): hết 24:00 Thứ Hai 01/03/2027" in card, card


@pytest.mark.parametrize(
    "question",
    [
        "dieu tra lai toi nghiem trong cqdt nhan ho so 01/12/2026",
        "vụ án trả lại để điều tra lại, tội nghiêm trọng, CQĐT nhận hồ sơ ngày 01/12/2026, hạn điều tra đến ngày nào",
    ],
)
async def test_investigation_done_again_is_counted_from_the_receipt(world: World, question: str) -> None:
    card = await _ask(world, question)
    assert "Mốc tính: Ngày CQĐT nhận hồ sơ và yêu cầu điều tra lại (Điều 174 khoản 3)" in card, card
    assert "Ngày ra quyết định khởi tố vụ án" not in card, card
    assert "Thời hạn điều tra (3 tháng): hết 24:00 Thứ Hai 01/03/2027" in card, card


@pytest.mark.parametrize(
    "question",
    [
        "ra quyet dinh tam dinh chi dieu tra ngay 01/12/2026 thi gui vks trong bao lau",
        "quyết định tạm đình chỉ điều tra ký ngày 01/12/2026 phải gửi VKS trong mấy ngày",
    ],
)
async def test_sending_a_decision_is_answered_not_counted(world: World, question: str) -> None:
    answer = await _ask(world, question)
    assert "tội phạm thuộc loại nào" not in answer and "ĐIỀU TRA VỤ ÁN" not in answer, answer
    assert "2 ngày" in answer and "Điều 229" in answer, answer


async def test_sending_the_resumption_is_answered_not_counted(world: World) -> None:
    answer = await _ask(world, "ngày 01/12/2026 ra quyết định phục hồi điều tra thì bao nhiêu ngày phải gửi VKS")
    assert "ĐIỀU TRA TIẾP KHI PHỤC HỒI" not in answer and "tội phạm thuộc loại nào" not in answer, answer
    assert "Điều 235" in answer, answer


async def test_investigation_done_again_keeps_its_date_name_through_the_category_step(world: World) -> None:
    asked = await _ask(world, "dieu tra lai cqdt nhan ho so 01/12/2026 het han ngay nao")
    assert "Điều tra vụ án: tội phạm thuộc loại nào?" in asked, asked
    card = await _ask(world, "nghiêm trọng")
    assert "Mốc tính: Ngày CQĐT nhận hồ sơ và yêu cầu điều tra lại (Điều 174 khoản 3)" in card, card
    assert "Thời hạn điều tra (3 tháng): hết 24:00 Thứ Hai 01/03/2027" in card, card
