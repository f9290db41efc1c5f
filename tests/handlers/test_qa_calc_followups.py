"""Follow-ups on a calculator card, through the dispatcher (issue #15 items 1, 2): an extension of
the card's period, and another kind counted from the card's trigger. The fake clock: Monday
02/03/2026 08:00 in Hà Nội."""

from __future__ import annotations

from tests.conftest import World
from tests.fakes import FakeChat


async def _chat(world: World, name: str) -> FakeChat:
    return await world.staff_chat(name)


async def test_custody_extension_asked_after_the_card(world: World) -> None:
    chat = await _chat(world, "k1")
    card = await chat.text("tạm giữ từ 14h hôm qua hết hạn lúc nào")
    assert "14:00 ngày 04/03/2026" in card
    first = await chat.text("gia hạn lần 1 thì sao")
    assert "lần thứ nhất" in first and "14:00 Thứ Bảy 07/03/2026" in first and "6 ngày" in first
    assert "Căn cứ: Điều 118 khoản 2" in first
    plain = await chat.text("nếu gia hạn thì đến bao giờ")
    assert "14:00 Thứ Bảy 07/03/2026" in plain
    second = await chat.text("gh lần 2 thì hết lúc nào")
    assert "lần thứ hai" in second and "14:00 Thứ Ba 10/03/2026" in second and "trường hợp đặc biệt" in second
    most = await chat.text("nếu gia hạn tối đa thì trả tự do lúc mấy giờ")
    assert "lần thứ hai" in most and "14:00 Thứ Ba 10/03/2026" in most
    shorter = await chat.text("gia hạn thêm 2 ngày thì hết lúc nào")
    assert "14:00 Thứ Sáu 06/03/2026" in shorter


async def test_custody_extension_beyond_the_law_is_refused(world: World) -> None:
    chat = await _chat(world, "k2")
    await chat.text("tạm giữ từ 14h hôm qua hết hạn lúc nào")
    longer = await chat.text("gia hạn thêm 5 ngày thì hết lúc nào")
    assert "không quá 3 ngày" in longer and "/2026" not in longer
    third = await chat.text("gia hạn lần 3 thì sao")
    assert "chỉ được gia hạn 2 lần" in third and "không tính gia hạn lần thứ ba" in third
    # The only date is where the second (last) extension ends: 14:00 10/03/2026; nothing past it.
    assert "Lần gia hạn cuối cùng có thời hạn" in third and "14:00 Thứ Ba 10/03/2026" in third
    assert third.count("/2026") == 2 and "luật không quy định lần gia hạn nào khác" in third
    # Who approves is a question of its own: the Q&A answers it, not the calculator.
    who = await chat.text("gia hạn tạm giữ thì ai phê chuẩn")
    assert "TẠM GIỮ: gia hạn" not in who and "phê chuẩn" in who


async def test_detention_extension_by_a_length(world: World) -> None:
    chat = await _chat(world, "k3")
    assert "08/06/2026" in await chat.text("tạm giam 2 tháng từ 10/04/2026 hết ngày nào")
    # The extension: from the day after the term ends, 30 days a month, never shifted.
    extended = await chat.text("gia hạn thêm 1 tháng thì đến ngày nào")
    assert "từ 09/06/2026 đến hết ngày Thứ Tư 08/07/2026" in extended and "30 ngày" in extended
    too_long = await chat.text("gia hạn thêm 5 tháng thì đến ngày nào")
    assert "không tính gia hạn 5 tháng" in too_long and "/2026" not in too_long
    unsaid = await chat.text("nếu gia hạn thì đến bao giờ")
    assert "gia hạn thêm bao lâu" in unsaid and "/2026" not in unsaid


async def test_detention_extension_limited_by_the_category(world: World) -> None:
    chat = await _chat(world, "k4")
    card = await chat.text("tam giam de dieu tra toi it nghiem trong tu 01/03/2026 het ngay nao")
    assert "29/04/2026" in card
    refused = await chat.text("gia han them 2 thang thi den ngay nao")
    assert "không quá 1 tháng" in refused and "ít nghiêm trọng" in refused and "/2026" not in refused
    allowed = await chat.text("gia han them 1 thang thi den ngay nao")
    assert "đến hết ngày Thứ Sáu 29/05/2026" in allowed
    second = await chat.text("gia han lan 2 thi sao")
    assert "chỉ được gia hạn 1 lần" in second and "không tính gia hạn lần thứ hai" in second
    assert "Lần gia hạn cuối cùng có thời hạn" in second and second.count("/2026") == 2  # 29/05/2026 only


async def test_protest_from_the_appeals_trigger(world: World) -> None:
    chat = await _chat(world, "k5")
    card = await chat.text("tuyên án 05/05/2026 hạn kháng cáo ngày nào")
    assert "20/05/2026" in card
    superior = await chat.text("còn VKS cấp trên kháng nghị thì sao")
    assert "CẤP TRÊN" in superior and "30 ngày" in superior and "04/06/2026" in superior
    same = await chat.text("vks cùng cấp kháng nghị đến ngày nào")
    assert "CÙNG CẤP" in same and "15 ngày" in same and "20/05/2026" in same


async def test_protest_from_the_trigger_moves_off_a_day_off(world: World) -> None:
    chat = await _chat(world, "k6")
    await chat.text("tuyen an ngay 08/05/2026 thi khang cao den ngay nao")
    # 08/05 + 30 days = Sunday 07/06/2026: the next working day (Đ134 shifting of day-based periods).
    superior = await chat.text("the con vks cap tren khang nghi thi sao")
    assert "08/06/2026" in superior and "07/06/2026" in superior


async def test_custody_then_detention_in_one_message(world: World) -> None:
    chat = await _chat(world, "k7")
    text = await chat.text(
        "tạm giữ 3 ngày từ 9h sáng nay, hết tạm giữ thì khởi tố, tạm giam 2 tháng luôn — "
        "lệnh tạm giam từ ngày nào đến ngày nào"
    )
    assert "05/03/2026" in text and "57 ngày" in text and "30/04/2026" in text and "27/04/2026" not in text
    # Without the custody's length: its 3-day term (Đ118 k1), as after a tạm giữ card: the same last day.
    unknown = await chat.text("tạm giữ từ 9h 02/03/2026 rồi tạm giam 2 tháng thì hết ngày nào")
    assert "Bắt đầu: Thứ Năm 05/03/2026" in unknown and "trừ 3 ngày tạm giữ = 57 ngày" in unknown
    assert "30/04/2026" in unknown and "27/04/2026" not in unknown
    both = await chat.text("tạm giữ 3 ngày từ 9h 02/03/2026, tạm giam 2 tháng từ 10/03/2026 thì hết ngày nào")
    assert "cả ngày tạm giữ và ngày tạm giam" in both and "/04/2026" not in both


async def test_investigation_asked_in_free_text(world: World) -> None:
    chat = await _chat(world, "k8")
    full = await chat.text("khởi tố vụ án 15/01/2026 tội nghiêm trọng, điều tra 3 tháng hết ngày nào")
    assert "ĐIỀU TRA VỤ ÁN" in full and "15/04/2026" in full
    extended = await chat.text("gia hạn thêm 3 tháng thì hết ngày nào")
    assert "ĐIỀU TRA VỤ ÁN: gia hạn lần thứ nhất" in extended and "15/07/2026" in extended
    short = await chat.text("kt vu an ngay 18/01/2026, dt 3 thang het han ngay nao")
    # 3 months is the term of a serious crime only; 18/04/2026 is a Saturday: Monday 20/04.
    assert "nghiêm trọng" in short and "20/04/2026" in short
    mismatch = await chat.text("kt vu an ngay 18/01/2026 toi it nghiem trong, dt 3 thang het han ngay nao")
    assert "ĐIỀU TRA VỤ ÁN" not in mismatch and "20/04/2026" not in mismatch


async def test_an_extension_of_something_else_is_not_the_cards(world: World) -> None:
    chat = await _chat(world, "k9")
    await chat.text("tạm giữ từ 14h hôm qua hết hạn lúc nào")
    other = await chat.text("gia hạn tạm giam để điều tra thì đến bao giờ")
    assert "TẠM GIỮ: gia hạn" not in other and "07/03/2026" not in other and "Căn cứ:" in other
    chat = await _chat(world, "k10")
    await chat.text("tam giam de dieu tra toi it nghiem trong tu 01/03/2026 het ngay nao")
    # Another category is the card recomputed for it (its own extensions), not this card's extension.
    serious = await chat.text("con toi rat nghiem trong gia han thi sao")
    assert "rất nghiêm trọng" in serious and "TẠM GIAM ĐỂ ĐIỀU TRA: gia hạn" not in serious


async def test_an_extension_from_a_date_of_its_own_is_not_the_cards(world: World) -> None:
    chat = await _chat(world, "k11")
    await chat.text("tạm giữ từ 14h hôm qua hết hạn lúc nào")
    anchored = await chat.text("nếu gia hạn từ 10h 05/03/2026 thì đến bao giờ")
    assert "07/03/2026" not in anchored and "TẠM GIỮ: gia hạn" not in anchored


async def test_the_other_level_named_alone_after_a_protest_card(world: World) -> None:
    chat = await _chat(world, "k12")
    card = await chat.text("tuyên án 05/05/2026 vks cùng cấp kháng nghị đến ngày nào")
    assert "CÙNG CẤP" in card and "20/05/2026" in card
    superior = await chat.text("còn vks cấp trên thì sao")
    assert "CẤP TRÊN" in superior and "04/06/2026" in superior
