"""Round 9's story-form calculator classes (tune9g/9h: a unit head relaying colleagues' stories) through
the real dispatcher, each with several members with and without diacritics. Fake clock: Monday
02/03/2026 08:00 (Hà Nội).

* a story whose dated sentence ends in a full stop ("tuyên án ngày 20/3/2026. Bị cáo kháng cáo hạn chót
  ngày nào") is computed from that date (the year's "." was read as more digits, so no date was found
  and the rule was answered without a day);
* "lệnh giam 2 tháng hết ngày 15/3/2026" is the tạm giam order's last day, never its start (before: the
  order counted again from its end — a wrong date); the extension asked runs from the day after it;
* a tạm giữ extended "2 lần" without the days of each is asked, never counted as 3 days, even when
  "tạm giữ" is named again after the tạm giam ("hết tạm giữ ngày nào");
* a tái thẩm protest (Đ401: 1 year from the VKS learning the new fact, within the limitation period) is
  never another period's date (round 10: computed as its own 1 year, the limitation period left to check); before, "tin báo về tình tiết mới" was a crime report's 20 days and
  "kháng nghị tái thẩm" the appeal protest's 15 days (confident wrong dates);
* a tạm giữ said with its days and both ends that agree ("tổng 6 ngày, từ 7h 03/01 tới 7h 09/01") chains
  into the tạm giam from its end (was asked again); ends that disagree are still asked.
"""

from __future__ import annotations

import pytest

from tests.conftest import World


@pytest.mark.parametrize(
    ("question", "card", "end"),
    [
        (
            "Phiên sơ thẩm tuyên án thứ 6 ngày 20/3/2026. Bị cáo kháng cáo hạn chót ngày nào?",
            "KHÁNG CÁO BẢN ÁN SƠ THẨM",
            "06/04/2026",
        ),
        ("phien so tham tuyen an ngay 20/3/2026. bi cao khang cao han chot ngay nao", "KHÁNG CÁO", "06/04/2026"),
        (
            "Tòa tuyên án sơ thẩm ngày 20/3/2026. VKS cấp trên kháng nghị thì tới ngày nào?",
            "VKS CẤP TRÊN TRỰC TIẾP",
            "20/04/2026",
        ),
        (
            "Bên anh khởi tố vụ án lừa đảo (tội NT) ngày 15/01/2026. Hạn điều tra tới ngày nào?",
            "ĐIỀU TRA VỤ ÁN",
            "15/04/2026",
        ),
        (
            "Công an xã chuyển tin báo lên, cqđt tiếp nhận ngày 13/3/2026. Hạn 20 ngày là ngày nào em?",
            "20 ngày",
            "02/04/2026",
        ),
        ("cqdt tiep nhan tin bao ngay 13.3.2026. han giai quyet den ngay nao", "20 ngày", "02/04/2026"),
    ],
)
async def test_a_dated_sentence_then_the_question(world: World, question: str, card: str, end: str) -> None:
    chat = await world.staff_chat("story")
    text = await chat.text(question)
    assert card in text and end in text, text
    assert "chưa trả lời được ngày cụ thể" not in text


@pytest.mark.parametrize(
    "question",
    [
        "Trộm cắp ít nghiêm trọng mà bị can bỏ trốn nên phải giam, lệnh giam 2 tháng hết ngày 15/3/2026. "
        "Gia hạn tạm giam tối đa được bao lâu và tới hết ngày nào em?",
        "tội ít nghiêm trọng, lệnh giam 2 tháng hết ngày 15/3/2026. Gia hạn tối đa tới hết ngày nào em?",
        "toi it nghiem trong, lenh giam het ngay 15/3/2026, gia han tam giam toi da den het ngay nao",
        "Vụ trộm tội ít NT, lệnh tạm giam 2 tháng hết ngày 15/3/2026. Gia hạn tối đa tới hết ngày nào?",
    ],
)
async def test_an_order_known_by_its_end_is_extended_from_the_next_day(world: World, question: str) -> None:
    chat = await world.staff_chat("orderend")
    text = await chat.text(question)
    assert "từ 16/03/2026 đến hết ngày Thứ Ba 14/04/2026" in text and "1 tháng = 30 ngày" in text, text
    assert "13/05/2026" not in text  # the order counted again from its last day


async def test_an_order_end_said_as_lenh_giam_is_never_a_start(world: World) -> None:
    chat = await world.staff_chat("orderend2")
    text = await chat.text("lệnh giam 2 tháng hết ngày 15/3/2026 thì hết hạn ngày nào")
    assert "13/05/2026" not in text and "15/03/2026" in text, text


@pytest.mark.parametrize(
    ("question", "wrong"),
    [
        (
            "Đối tượng bị tạm giữ từ 10h ngày 01/02/2026, gia hạn tạm giữ 2 lần, hết tạm giữ thì khởi tố và tạm "
            "giam 4 tháng tội RNT nối tiếp luôn. Hỏi hết tạm giữ ngày nào và lệnh tạm giam ghi đến hết ngày nào?",
            "04/02/2026",
        ),
        (
            "doi tuong bi tam giu tu 8h ngay 02/03/2026, gia han tam giu 1 lan, het tam giu thi tam giam 2 thang "
            "noi tiep. het tam giu ngay nao, lenh tam giam den ngay nao",
            "05/03/2026",
        ),
    ],
)
async def test_custody_extended_without_its_days_is_asked(world: World, question: str, wrong: str) -> None:
    chat = await world.staff_chat("custodyx")
    text = await chat.text(question)
    assert "tạm giữ được gia hạn bao nhiêu ngày" in text, text
    assert wrong not in text


@pytest.mark.parametrize(
    ("question", "wrong"),
    [
        (
            "vks nhan tin bao ve tinh tiet moi ngay 15/06/2025, khang nghi tai tham theo huong bat loi cho nguoi "
            "bi ket an den het ngay nao (van con thoi hieu)",
            "07/07/2025",  # a crime report's 20 days
        ),
        (
            "kháng nghị tái thẩm theo hướng bất lợi, VKS nhận thông tin về tình tiết mới ngày 15/06/2025 thì đến "
            "hết ngày nào",
            "30/06/2025",  # the appeal protest's 15 days
        ),
        ("VKS nhận được tin báo về tình tiết mới ngày 10/3/2026, hạn kháng nghị tái thẩm đến ngày nào?", "30/03/2026"),
    ],
)
async def test_a_retrial_protest_is_never_another_periods_date(world: World, question: str, wrong: str) -> None:
    chat = await world.staff_chat("taitham")
    text = await chat.text(question)
    # round 10 (brief tune10): computed, 1 year from the news, with the limitation period to check (Đ401 k1)
    assert "KHÁNG NGHỊ TÁI THẨM" in text and "(1 năm)" in text and "Điều 401" in text and "thời hiệu" in text, text
    assert wrong not in text


@pytest.mark.parametrize(
    ("question", "days", "last"),
    [
        (
            "ksv bên em hỏi: bị can tạm giữ có gia hạn 1 lần, tổng 6 ngày, từ 7h ngày 03/01/2026 tới 7h ngày "
            "09/01/2026, khởi tố rồi tạm giam 4 tháng (tội RNT) liền sau tạm giữ. lệnh ghi đến hết ngày nào",
            "(4 tháng, trừ 6 ngày tạm giữ = 114 ngày)",
            "Thứ Bảy 02/05/2026",
        ),
        (
            "bi can tam giu 3 ngay tu 9h ngay 02/03/2026 den 9h ngay 05/03/2026 roi tam giam 2 thang lien sau, "
            "lenh den het ngay nao",
            "(2 tháng, trừ 3 ngày tạm giữ = 57 ngày)",
            "Thứ Năm 30/04/2026",
        ),
    ],
)
async def test_custody_said_with_both_ends_that_agree(world: World, question: str, days: str, last: str) -> None:
    chat = await world.staff_chat("bothends")
    text = await chat.text(question)
    assert days in text and f"Ngày cuối cùng: {last}" in text, text
    assert "Ngày bắt đầu gia hạn tạm giam" not in text  # the tạm giữ's extension, not the tạm giam's
    text = await chat.text("nếu là tội NT giam 3 tháng thì sao")  # one parameter changed
    assert "(3 tháng, trừ" in text, text


async def test_custody_ends_that_disagree_with_its_days_are_asked(world: World) -> None:
    chat = await world.staff_chat("bothends2")
    text = await chat.text(
        "tạm giữ 3 ngày từ 9h ngày 02/03/2026 đến 9h ngày 06/03/2026 rồi tạm giam 2 tháng, hết ngày nào"
    )
    assert "nhiều ngày trong thời gian tạm giữ" in text and "Ngày cuối cùng" not in text, text


@pytest.mark.parametrize(
    ("question", "days", "last"),
    [
        (
            "Lệnh tạm giam 2 tháng bắt đầu ngày 20/02/2026 (không có tạm giữ trước), tháng 2 năm nay chỉ có 28 ngày "
            "thì hết hạn ngày nào em",
            60,
            "Thứ Hai 20/04/2026",
        ),
        (
            "tam giam 2 thang tu 20/02/2026, khong qua tam giu, thang 2 co 28 ngay thi het ngay nao",
            60,
            "Thứ Hai 20/04/2026",
        ),
        (
            "tạm giam 3 tháng từ 01/02/2026, chưa bị tạm giữ ngày nào, tháng 2 có 28 ngày, hết hạn ngày nào",
            90,
            "Thứ Sáu 01/05/2026",
        ),
        ("tạm giam 2 tháng từ 20/02/2026, tháng 2 chỉ có 28 ngày thì hết ngày nào", 60, "Thứ Hai 20/04/2026"),
    ],
)
async def test_no_custody_and_a_months_length_are_no_days(world: World, question: str, days: int, last: str) -> None:
    """ "không có tạm giữ" has no days to deduct and "tháng 2 chỉ có 28 ngày" is no part of the order (before:
    28 days of tạm giữ refused, or once the negation was read, 2 months + 28 days = 88 days)."""
    chat = await world.staff_chat("monthlen")
    text = await chat.text(question)
    assert f"Thời hạn tạm giam ({days} ngày)" in text and f"Ngày cuối cùng: {last}" in text, text
    assert "trừ" not in text.split("Căn cứ")[0], text


async def test_custody_with_both_ends_then_a_later_arrest_is_not_chained(world: World) -> None:
    """A tạm giữ released and a tạm giam from a later date: never counted from the custody's end."""
    chat = await world.staff_chat("rearrest")
    text = await chat.text(
        "Anh có đối tượng tạm giữ 3 ngày từ 14h ngày 05/01/2026 đến 14h ngày 08/01/2026 rồi thả cho cấm đi khỏi nơi "
        "cư trú. Tới ngày 16/02/2026 nó vi phạm nên bắt tạm giam 2 tháng. Có trừ 3 ngày tạm giữ không em, lệnh ghi "
        "đến hết ngày nào?"
    )
    assert "08/03/2026" not in text and "Bắt đầu: Thứ Năm 08/01/2026" not in text, text
