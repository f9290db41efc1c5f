"""An answer or a menu resting on words an entry says in passing (own phrasings, round 7): a question that
names nothing of what the entry is about is not answered with it, through the dispatcher."""

from __future__ import annotations

from tests.conftest import World


async def test_a_statistic_of_a_detention_camp_is_not_the_day_of_an_appeal(world: World) -> None:
    chat = await world.staff_chat("o1")
    text = await chat.text("bao nhiêu người bị tạm giam ở ttg công an tỉnh Đồng Nai quý 4/2025")
    assert "Căn cứ:" not in text and "kháng cáo" not in text.lower(), text


async def test_a_count_asked_of_cases_in_a_year_is_not_answered_by_a_rule(world: World) -> None:
    chat = await world.staff_chat("o2")
    text = await chat.text("số vụ án tạm giam quá hạn ở ttg năm 2025 là bao nhiêu")
    assert "Căn cứ:" not in text, text


async def test_the_entry_asked_about_is_still_answered(world: World) -> None:
    chat = await world.staff_chat("o3")
    text = await chat.text("bị cáo đang ở trại tạm giam gửi đơn kháng cáo qua giám thị thì ngày kháng cáo là ngày nào")
    assert "Căn cứ:" in text and "giám thị" in text.lower(), text


async def test_no_menu_of_entries_the_question_is_not_about(world: World) -> None:
    chat = await world.staff_chat("o4")
    text = await chat.text("ttg có bao nhiêu cán bộ quản giáo")
    assert "Có phải anh/chị muốn hỏi" not in text and "Căn cứ:" not in text, text
    assert "quản giáo" not in text, text  # "quản" typed with its marks is no quận: no unit to speak of


async def test_an_age_under_eighteen_is_the_minors_regime(world: World) -> None:
    chat = await world.staff_chat("o5")
    text = await chat.text("người dưới 14 tuổi phạm tội có bị truy cứu không")
    assert "Căn cứ:" not in text, text  # not the statute of limitations counted again
    minors = await (await world.staff_chat("o6")).text("tạm giam bị can dưới 16 tuổi tối đa bao lâu")
    assert "chưa thành niên" in minors.lower(), minors


async def test_a_count_of_rooms_is_not_the_custody_limit(world: World) -> None:
    chat = await world.staff_chat("o7")
    text = await chat.text("nhà tạm giữ có bao nhiêu buồng")
    assert "Căn cứ:" not in text and "72 giờ" not in text, text
