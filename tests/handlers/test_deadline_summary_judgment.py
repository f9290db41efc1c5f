"""Transcripts for the prosecutor's review A1 and A3: summary-procedure custody and detention, and
detention after a judgment, asked in free text and through /tinhhan, get the law's own limits
(Đ459 k2, k3; Đ461 k1; Đ329 k3; Đ347 k3), never the general ones; an accused under 18 gets none
of the adults' numbers."""

from __future__ import annotations

from tests.conftest import World
from tests.fakes import FakeChat, buttons, joined


async def _open_kind(chat: FakeChat, label: str) -> None:
    """/tinhhan, then the list's pages until the kind's button shows, then press it."""
    replies = await chat.send("/tinhhan")
    for _ in range(20):
        if any(text == label for text, _ in buttons(replies)):
            await chat.tap(label)
            return
        replies = await chat.tap("Sau »")
    raise AssertionError(f"{label!r} is not in the /tinhhan list")


async def test_summary_custody_in_free_text_is_three_days_without_extension(world: World) -> None:
    chat = world.chat(world.staff_a)
    replies = await chat.send("tạm giữ rút gọn từ 14h 02/03/2026 hết hạn khi nào")
    text = joined(replies)
    assert "TẠM GIỮ THEO THỦ TỤC RÚT GỌN" in text and "14:00 ngày 05/03/2026" in text
    assert "Điều 459 khoản 2" in text
    # the general custody's extensions (Đ118 k2: to 08/03 and 11/03) are neither shown nor offered
    assert "08/03/2026" not in text and "11/03/2026" not in text
    assert not [label for label, _ in buttons(replies) if "gia hạn" in label]


async def test_summary_custody_through_tinhhan(world: World) -> None:
    chat = world.chat(world.staff_a)
    await _open_kind(chat, "Tạm giữ theo thủ tục rút gọn")
    card = await chat.send("14h 02/03/2026")
    text = joined(card)
    assert "Trả tự do chậm nhất: 14:00 ngày 05/03/2026" in text and "08/03/2026" not in text
    assert not [label for label, _ in buttons(card) if "gia hạn" in label]


async def test_summary_detention_and_prosecution_in_free_text(world: World) -> None:
    chat = world.chat(world.staff_a)
    text = await chat.text("tạm giam điều tra theo thủ tục rút gọn từ 02/03/2026 đến ngày nào")
    assert "Trả tự do chậm nhất: 24:00 ngày 21/03/2026" in text  # Đ459 k3: 20 days, not Đ173's months
    assert "Điều 459 khoản 3" in text and "thuộc loại nào" not in text
    text = await chat.text("tạm giam truy tố rút gọn từ 02/03/2026")
    assert "Trả tự do chậm nhất: 24:00 ngày 06/03/2026" in text  # 5 days
    text = await chat.text("tạm giam phúc thẩm rút gọn từ 02/03/2026")
    assert "Trả tự do chậm nhất: 24:00 ngày 23/03/2026" in text  # 22 days
    text = await chat.text("truy tố rút gọn, VKS nhận hồ sơ ngày 02/03/2026")
    assert "09/03/2026" in text and "Điều 461 khoản 1" in text  # 5 days, Sat 07/03 → Mon 09/03
    assert "thuộc loại nào" not in text  # the general Đ240 asks the category


async def test_summary_detention_without_a_stage_is_not_computed(world: World) -> None:
    text = await world.chat(world.staff_a).text("tạm giam rút gọn từ 02/03/2026 hết ngày nào")
    assert "Trả tự do chậm nhất" not in text  # 20, 5, 17 or 22 days: the stage decides


async def test_detention_after_first_instance_hearing_in_free_text(world: World) -> None:
    chat = world.chat(world.staff_a)
    for question in (
        "tạm giam sau phiên tòa sơ thẩm từ 02/03/2026 đến ngày nào",
        "bắt tạm giam bị cáo tại phiên tòa sơ thẩm ngày 02/03/2026 thì hết hạn ngày nào",
        "tạm giam sau khi xử sơ thẩm để thi hành án từ 02/03/2026",
    ):
        text = await chat.text(question)
        assert "Trả tự do chậm nhất: 24:00 ngày 15/04/2026" in text, question  # 45 days from the judgment
        assert "Điều 329 khoản 3" in text and "thuộc loại nào" not in text, question


async def test_detention_after_appeal_hearing_cites_article_347(world: World) -> None:
    chat = world.chat(world.staff_a)
    for question in (
        "tạm giam sau phiên tòa phúc thẩm từ 02/03/2026 đến ngày nào",
        "tạm giam sau khi tuyên án phúc thẩm ngày 02/03/2026",
    ):
        text = await chat.text(question)
        assert "Trả tự do chậm nhất: 24:00 ngày 15/04/2026" in text, question
        assert "Điều 347 khoản 3" in text and "Điều 329" not in text, question
        assert "cho đến khi kết thúc phiên tòa" not in text.lower(), question


async def test_detention_after_appeal_judgment_through_tinhhan(world: World) -> None:
    chat = world.chat(world.staff_a)
    await _open_kind(chat, "Tạm giam sau khi tuyên án phúc thẩm để bảo đảm thi hành án")
    text = joined(await chat.send("02/03/2026"))
    assert "Trả tự do chậm nhất: 24:00 ngày 15/04/2026" in text and "Điều 347 khoản 3" in text


async def test_an_accused_minor_gets_no_adult_numbers(world: World) -> None:
    # Not in the review's list, same danger: adult limits for an accused under 18 (Đ419 k1, Luật 59/2024).
    chat = world.chat(world.staff_a)
    for question in (
        "tạm giam bị can 17 tuổi để điều tra từ 02/03/2026 tội nghiêm trọng",
        "tạm giữ người chưa thành niên từ 9h 02/03/2026",
    ):
        text = await chat.text(question)
        assert "không áp dụng số liệu của người thành niên" in text, question
        assert "Trả tự do chậm nhất" not in text and "/2026" not in text.replace("01/01/2026", ""), question
