"""Session-12 legal review (fix12a): the assistant never computes a date from the wrong starting event.

1. A follow-up "hết ngày nào" is read with the dated question before only when it names no other period, stage or
   measure and the card's starting event is the event that question dated: the trial preparation (Đ277 k1) runs
   from the court's thụ lý, the tạm giam from the arrest / the tạm giữ's end (TTLT 04/2018 Đ17), not from the
   VKS's receipt of the file or the khởi tố; those get the rule under ``DATE_NOTE``.
2. A date said once at the front of a message of several parts serves only a part whose period runs from the
   event named (tuyên án → kháng cáo / kháng nghị of the judgment, Đ333 k1, Đ337 k1; nhận hồ sơ → truy tố,
   Đ240 k1); a trial preparation (Đ277 k1, thụ lý) or an appeal against a decision (Đ333 k2, its receipt) does
   not take it.
3. A tạm giữ cut short (fewer than 3 days) ending on the tạm giam card's first day is not deducted with a firm
   figure: how many days are deducted then is not settled (FACTS §1, U).
Fake clock: Monday 02/03/2026."""

from __future__ import annotations

import pytest

from knowledge.kb.reply import DATE_NOTE
from tests.conftest import World

# 1 -------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "then"),
    [
        ("vks nhận hồ sơ vụ RNT hôm nay thì truy tố bao lâu", "còn tòa chuẩn bị xét xử thì hết ngày nào"),
        ("vks nhan ho so vu RNT hom nay thi truy to bao lau", "con chuan bi xet xu thi het ngay nao"),
        ("a ơi vks vừa nhận hs vụ trộm RNT sáng nay, hạn truy tố bn ngày", "thế tòa cbxx tới bữa nào hả anh"),
    ],
)
async def test_a_trial_preparation_after_the_files_receipt_is_not_computed(world: World, first: str, then: str) -> None:
    chat = await world.staff_chat("f12a-cbxx")
    await chat.text(first)
    text = await chat.text(then)
    assert "16/04/2026" not in text and "01/04/2026" not in text and "Mốc tính" not in text, text
    assert text.startswith(DATE_NOTE) and "277" in text, text


@pytest.mark.parametrize(
    ("first", "then"),
    [
        ("khởi tố vụ án tội NT hôm nay thì điều tra bao lâu", "còn tạm giam thì hết ngày nào"),
        ("khoi to vu an toi NT hom nay thi dieu tra bao lau", "con tgiam thi het ngay nao"),
        ("kt vụ án trộm NT sáng nay, hạn điều tra mấy tháng anh", "vậy lệnh tạm giam bị can tới bữa nào"),
    ],
)
async def test_a_detention_after_the_cases_opening_is_not_computed(world: World, first: str, then: str) -> None:
    chat = await world.staff_chat("f12a-tgiam")
    await chat.text(first)
    text = await chat.text(then)
    assert "Mốc tính" not in text and "01/05/2026" not in text and "02/05/2026" not in text, text
    assert text.startswith(DATE_NOTE), text


@pytest.mark.parametrize(
    ("first", "then"),
    [
        ("vụ ĐBNT vks nhận hồ sơ hôm nay, truy tố mấy ngày", "nếu VT gia hạn tối đa thì hết ngày nào"),
        ("vks nhận hồ sơ vụ ĐBNT hôm nay thì truy tố bao lâu", "thế truy tố gia hạn tối đa thì tới ngày nào"),
    ],
)
async def test_the_same_period_is_still_computed(world: World, first: str, then: str) -> None:
    chat = await world.staff_chat("f12a-same")
    await chat.text(first)
    text = await chat.text(then)
    assert "04/05/2026" in text and "Điều 240" in text, text


# 2 -------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "vks nhận hồ sơ vụ RNT ngày 2/3/2026: truy tố hết ngày nào và chuẩn bị xét xử hết ngày nào",
        "vks nhan ho so vu RNT 2/3/2026, han truy to den ngay nao, con han chuan bi xet xu den ngay nao",
    ],
)
async def test_a_front_file_date_does_not_serve_the_trial_preparation(world: World, question: str) -> None:
    chat = await world.staff_chat("f12a-parts")
    text = await chat.text(question)
    assert "01/04/2026" in text, text  # truy tố: 30 days from the file's receipt (Đ240 k1)
    assert "Mốc tính: Ngày Tòa án thụ lý" not in text and "04/05/2026" not in text, text


@pytest.mark.parametrize(
    "question",
    [
        "tuyên án 2/3/2026: hạn kháng cáo bản án và hạn kháng cáo quyết định sơ thẩm là ngày nào",
        "tuyên án ngày 2/3/2026: hạn kc bản án và hạn kc qđ sơ thẩm tới bữa nào",
        "tuyen an 2/3/2026, han kc ban an den ngay nao, con han kc qd so tham den ngay nao",
    ],
)
async def test_a_front_pronouncement_date_does_not_serve_a_decisions_appeal(world: World, question: str) -> None:
    chat = await world.staff_chat("f12a-parts2")
    text = await chat.text(question)
    assert "17/03/2026" in text, text  # the judgment's appeal: 15 days from the pronouncement (Đ333 k1)
    assert "09/03/2026" not in text and "Mốc tính: Ngày nhận được quyết định" not in text, text


@pytest.mark.parametrize(
    "question",
    [
        "tuyen an 2/3/2026: han kc cua bi cao va han kn cua vks cap tren la ngay nao",
        "tuyên án ngày 2/3/2026, hạn kháng cáo của bị cáo đến ngày nào, còn hạn kháng nghị của VKS cấp trên",
    ],
)
async def test_a_front_pronouncement_date_serves_the_judgments_appeal_and_protest(world: World, question: str) -> None:
    chat = await world.staff_chat("f12a-parts3")
    text = await chat.text(question)
    assert "17/03/2026" in text and "01/04/2026" in text, text


# 3 -------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("card", "then"),
    [
        (
            "lệnh tgiam 2 tháng tính từ hôm nay thì hết ngày nào",
            "nếu trước đó tgiu được 2 ngày, hết sáng nay, thì lệnh ghi mấy ngày",
        ),
        (
            "tam giam 2 thang tu hom nay het ngay nao",
            "neu truoc do tam giu 1 ngay, ket thuc hom nay thi lenh ghi bao nhieu ngay",
        ),
        (
            "lệnh tạm giam 2 tháng từ hôm nay đến ngày nào ạ",
            "trước đó bị can chỉ tạm giữ có 2 ngày, hết hôm nay, thì sao anh",
        ),
    ],
)
async def test_a_custody_cut_short_is_not_deducted_firmly(world: World, card: str, then: str) -> None:
    chat = await world.staff_chat("f12a-short")
    await chat.text(card)
    text = await chat.text(then)
    # never a card with a firm deduction of a custody cut short: the days only on a condition, with the caveat
    assert "Mốc tính" not in text and "Lệnh tạm giam ghi" not in text, text
    assert text.startswith("Nếu trừ đủ") and "chưa có hướng dẫn thống nhất" in text and "⚠️" in text, text


@pytest.mark.parametrize(
    "then",
    [
        "nếu trước đó tgiu đủ 3 ngày, hết sáng nay, thì lệnh ghi mấy ngày",
        "trước đó tạm giữ 3 ngày, kết thúc hôm nay thì lệnh ghi bao nhiêu ngày",
        "neu truoc do tgiu 3 ngay het sang nay thi lenh ghi may ngay",
    ],
)
async def test_a_full_custody_is_still_deducted(world: World, then: str) -> None:
    chat = await world.staff_chat("f12a-full")
    await chat.text("lệnh tgiam 2 tháng tính từ hôm nay thì hết ngày nào")
    text = await chat.text(then)
    assert "57 ngày" in text and "27/04/2026" in text and "⚠️ Tạm giữ" not in text, text


# 2b: one message whose date is another event's ---------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "tuyên án ngày 2/3/2026 thì hạn kháng cáo quyết định sơ thẩm đến ngày nào",
        "vks nhận hồ sơ vụ RNT ngày 2/3/2026 thì tòa chuẩn bị xét xử hết ngày nào",
        "khoi to vu an trom RNT ngay 2/3/2026 thi truy to het ngay nao",
    ],
)
async def test_a_date_of_another_event_makes_no_card(world: World, question: str) -> None:
    chat = await world.staff_chat("f12a-other")
    text = await chat.text(question)
    assert "Mốc tính" not in text and "Bắt đầu: Thứ Hai 02/03/2026" not in text, text


@pytest.mark.parametrize(
    ("question", "end"),
    [
        ("tòa thụ lý vụ RNT ngày 2/3/2026, chuẩn bị xét xử hết ngày nào", "04/05/2026"),
        ("nhận được quyết định sơ thẩm ngày 2/3/2026 thì kháng cáo đến ngày nào", "09/03/2026"),
        ("khởi tố vụ án ngày 2/3/2026 tội ít nghiêm trọng thì điều tra hết ngày nào", "02/05/2026"),
    ],
)
async def test_a_date_of_the_periods_own_event_is_computed(world: World, question: str, end: str) -> None:
    chat = await world.staff_chat("f12a-own")
    text = await chat.text(question)
    assert "Mốc tính" in text and end in text, text
