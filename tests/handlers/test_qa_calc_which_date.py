"""Questions with several dates, through the dispatcher (brief calc3 items 1 and 4): each date is read
for what it is (the start of the measure, of an extension, an arrest, a custody decision, a judgment,
its receipt) and the one the law counts from is used, or asked; the card's "Mốc tính" names it.
The fake clock: Monday 02/03/2026 08:00 in Hà Nội."""

from __future__ import annotations

from tests.conftest import World
from tests.handlers.test_qa_calc_detention_limits import in_investigation


async def test_an_extension_said_to_start_on_another_day_is_not_counted(world: World) -> None:
    chat = await world.staff_chat("w1")
    text = await chat.text("tạm giam 2 tháng từ 05/03/2026, đã gia hạn từ 05/05/2026 thêm 1 tháng, hết ngày nào")
    # The order ends 03/05/2026: its extension starts 04/05, not 05/05 — nothing counted from either.
    assert "Ngày cuối cùng: Chủ nhật 03/05/2026" in text
    assert "bắt đầu từ 04/05/2026, không phải 05/05/2026" in text
    assert "02/06/2026" not in text and "03/06/2026" not in text
    same = await chat.text(
        "tạm giam 2 tháng từ 05/03/2026, gia hạn từ 04/05/2026 thêm 1 tháng, tội nghiêm trọng, hết ngày nào"
    )
    assert "từ 04/05/2026 đến hết ngày Thứ Ba 02/06/2026" in same
    unsaid = await chat.text("tạm giam 2 tháng từ 05/03/2026, đã gia hạn từ 04/05/2026, hết ngày nào")
    assert "gia hạn thêm bao lâu" in unsaid and "02/06/2026" not in unsaid


async def test_an_extension_dated_without_the_orders_length(world: World) -> None:
    chat = await world.staff_chat("w2")
    asked = await chat.text("tạm giam từ 05/03/2026, đã gia hạn từ 05/05/2026 thì hết ngày nào")
    assert "ngày bắt đầu gia hạn (05/05/2026)" in asked and "thời hạn gia hạn" in asked
    counted = await chat.text("tạm giam từ 05/03/2026, đã gia hạn 1 tháng từ 05/05/2026 thì hết ngày nào")
    assert "thuộc giai đoạn nào" not in counted  # 1 month: lawful in every stage that extends detention
    assert "từ 05/05/2026: đến hết ngày Thứ Tư 03/06/2026" in counted and "Chưa đối chiếu" in counted
    staged = await in_investigation(
        chat, "tạm giam từ 05/03/2026, tội RNT, đã gia hạn 3 tháng từ 04/05/2026 thì hết ngày nào"
    )
    assert "từ 04/05/2026: đến hết ngày Thứ Bảy 01/08/2026" in staged  # 90 days, Đ173 k2 c
    refused = await chat.text(
        "tạm giam từ 05/03/2026, tội ít nghiêm trọng, đã gia hạn 2 tháng từ 05/05/2026 thì hết ngày nào"
    )
    assert "không quá 1 tháng" in refused and "/06/2026" not in refused


async def test_an_arrest_and_a_custody_decision_on_different_days_are_asked(world: World) -> None:
    chat = await world.staff_chat("w3")
    text = await chat.text("bắt 01/03 đến 03/03 mới ra lệnh tạm giữ, tạm giữ hết lúc nào")
    assert "ngày bắt, giữ người (01/03)" in text and "ngày ra quyết định tạm giữ (03/03)" in text
    assert "Điều 118 khoản 1" in text and "06/03" not in text and "04/03" not in text


async def test_the_investigation_is_never_counted_from_the_accused(world: World) -> None:
    chat = await world.staff_chat("w4")
    text = await chat.text("khởi tố bị can ngày 10/02/2026 tội nghiêm trọng, hạn điều tra đến ngày nào")
    assert "tính từ khi khởi tố vụ án" in text and "ĐIỀU TRA VỤ ÁN" not in text and "/05/2026" not in text
    both = await chat.text("kt bị can 10/02/2026, kt vụ án 01/02/2026 tội nghiêm trọng, hạn điều tra đến ngày nào")
    assert "Bắt đầu: Chủ nhật 01/02/2026" in both


async def test_an_absent_defendants_appeal_names_its_trigger(world: World) -> None:
    chat = await world.staff_chat("w5")
    card = await chat.text(
        "tuyên án ngày 27/02/2026, bị cáo vắng mặt, nhận bản án ngày 05/03/2026, kháng cáo đến ngày nào"
    )
    assert "Mốc tính: Ngày nhận được bản án hoặc ngày bản án được niêm yết" in card
    assert "Mốc tính: Ngày tuyên án" not in card and "20/03/2026" in card
    # The protest runs from the pronouncement (Đ337), not from the receipt on the card.
    protest = await chat.text("còn VKS cấp trên kháng nghị thì sao")
    assert "tính từ ngày tuyên án" in protest and "06/04/2026" not in protest
    chat = await world.staff_chat("w6")
    typed = await chat.text("bị cáo vắng mặt, nhận đc bản án hôm qua, hạn kháng cáo đến ngày nào")
    assert "Bắt đầu: Chủ nhật 01/03/2026" in typed and "16/03/2026" in typed and "Mốc tính: Ngày nhận" in typed
    only = await chat.text("bị cáo vắng mặt, tuyên án ngày 27/02/2026, kháng cáo đến ngày nào")
    assert "không tính từ ngày tuyên án" in only and "14/03/2026" not in only and "16/03/2026" not in only


async def test_an_absent_defendants_appeal_beside_the_protests(world: World) -> None:
    chat = await world.staff_chat("w7")
    cards = await chat.send(
        "bị cáo vắng mặt, tuyên án ngày 27/02/2026, nhận bản án ngày 05/03/2026, hạn kháng cáo kháng nghị đến ngày nào"
    )
    appeal, same_level, superior = (r.text for r in cards)
    # The absent defendant appeals from the receipt (05/03 + 15 = 20/03); the protests run from 27/02.
    assert "Bắt đầu: Thứ Năm 05/03/2026" in appeal and "20/03/2026" in appeal and "16/03/2026" not in appeal
    assert "Bắt đầu: Thứ Sáu 27/02/2026" in same_level and "16/03/2026" in same_level
    assert "Mốc tính: Ngày tuyên án" in superior and "30/03/2026" in superior
    unsaid = await chat.text("bị cáo vắng mặt, tuyên án ngày 27/02/2026, hạn kháng cáo kháng nghị đến ngày nào")
    assert "cho biết cả hai ngày" in unsaid and "16/03/2026" not in unsaid


async def test_an_extension_orders_card_names_its_start(world: World) -> None:
    chat = await world.staff_chat("w8")
    card = await chat.text("gia hạn tạm giam 2 tháng từ 01/04/2026 thì hết ngày nào")
    assert "Mốc tính: Ngày bắt đầu gia hạn tạm giam" in card and "Ngày cuối cùng: Thứ Bảy 30/05/2026" in card


async def test_a_custody_extension_said_to_start_on_another_day(world: World) -> None:
    chat = await world.staff_chat("w9")
    text = await chat.text("tạm giữ từ 9h 01/03/2026, gia hạn từ 9h 05/03/2026 thêm 3 ngày, hết lúc nào")
    assert "bắt đầu từ 04/03/2026, không phải 05/03/2026" in text
    assert "3 ngày + gia hạn 3 ngày" not in text and "08/03/2026" not in text  # neither start's count is given
    same = await chat.text("tạm giữ từ 9h 01/03/2026, gia hạn từ 9h 04/03/2026 thêm 3 ngày, hết lúc nào")
    assert same.startswith("TẠM GIỮ 3 ngày + gia hạn 3 ngày = 6 ngày: hết 09:00 Thứ Bảy 07/03/2026")


async def test_the_stages_own_day_among_others(world: World) -> None:
    chat = await world.staff_chat("w10")
    prosecution = await chat.text(
        "kết luận điều tra ngày 01/03/2026, VKS nhận hồ sơ ngày 05/03/2026, truy tố tội nghiêm trọng hạn đến ngày nào"
    )
    assert "Bắt đầu: Thứ Năm 05/03/2026" in prosecution and "25/03/2026" in prosecution  # Đ240 k1: 20 days
    trial = await chat.text(
        "nhận hồ sơ ngày 01/03/2026, thụ lý ngày 05/03/2026, chuẩn bị xét xử tội nghiêm trọng hạn đến ngày nào"
    )
    assert "Bắt đầu: Thứ Năm 05/03/2026" in trial and "20/04/2026" in trial  # Đ277 k1: 45 days from thụ lý
    review = await chat.text("bản án tuyên ngày 01/03/2026, hạn kháng nghị giám đốc thẩm đến ngày nào")
    assert "có hiệu lực pháp luật (Điều 379" in review and "/2027" not in review


async def test_the_detentions_own_day_among_other_events(world: World) -> None:
    chat = await world.staff_chat("w11")
    case = await chat.text("khởi tố vụ án ngày 01/02/2026, tạm giam 2 tháng từ 05/02/2026 hết ngày nào")
    assert "Bắt đầu: Thứ Năm 05/02/2026" in case and "Ngày cuối cùng: Chủ nhật 05/04/2026" in case
    arrest = await chat.text("bị bắt ngày 01/03/2026, 04/03/2026 ra lệnh tạm giam 2 tháng, hết ngày nào")
    assert "Bắt đầu: Thứ Tư 04/03/2026" in arrest and "29/04/2026" not in arrest
    accused = await chat.text(
        "khởi tố bị can ngày 01/02/2026, tạm giam để điều tra tội nghiêm trọng từ 05/02/2026 hết ngày nào"
    )
    assert "Ngày cuối cùng: Thứ Ba 05/05/2026" in accused
    unclear = await chat.text("khởi tố vụ án ngày 01/02/2026, tạm giam 2 tháng, ngày 05/02/2026, hết ngày nào")
    assert "không tự chọn" in unclear and "01/04/2026" not in unclear and "05/04/2026" not in unclear
