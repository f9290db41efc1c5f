"""Round 8 (search9), through the dispatcher, own phrasings: a follow-up naming the year before or after
the one answered, shorthand read by its neighbours, Central speech, and the law's number asked."""

from __future__ import annotations

from tests.conftest import World


async def test_the_year_after_the_one_answered(world: World) -> None:
    chat = await world.staff_chat("r8-year-1")
    first = await chat.text("chủ đề thi đua năm 2022 là gì")
    assert "Chủ đề thi đua năm 2022" in first or "2022" in first, first
    text = await chat.text("thế năm liền sau thì sao")
    assert "năm 2023" in text and "gương mẫu" in text, text


async def test_the_year_before_the_one_answered(world: World) -> None:
    chat = await world.staff_chat("r8-year-2")
    await chat.text("chu de thi dua 2023 la gi")
    text = await chat.text("con nam truoc do")
    assert "năm 2022" in text and "năm 2023" not in text.split("Xem thêm")[0], text


async def test_last_year_is_still_counted_from_today(world: World) -> None:
    chat = await world.staff_chat("r8-year-3")
    await chat.text("chủ đề thi đua năm 2022")
    text = await chat.text("còn năm nay thì sao")
    assert "năm 2022" not in text.split("Xem thêm")[0], text


async def test_shorthand_read_by_its_neighbours(world: World) -> None:
    chat = await world.staff_chat("r8-short")
    text = await chat.text("tb tp thì cqđt phải gq xong trong mấy ngày")
    assert text.startswith("20 ngày") and "Căn cứ:" in text, text
    text = await chat.text("giữ người kc thì trong bn h phải ra qđ tạm giữ")
    assert text.startswith("12 giờ") and "Căn cứ:" in text, text
    text = await chat.text("3 th tạm giam tính ra là bn ng")
    assert "90 ngày" in text and "Căn cứ:" in text, text


async def test_central_speech(world: World) -> None:
    chat = await world.staff_chat("r8-central")
    text = await chat.text("kiểm sát viên mần công tác kiểm sát ở nhà tạm giữ theo quy chế mô rứa")
    assert "259" in text and "Căn cứ:" in text, text


async def test_the_number_of_a_law_asked_is_no_other_law(world: World) -> None:
    chat = await world.staff_chat("r8-law")
    text = await chat.text("luật thi hành tạm giữ, tạm giam mới là luật số mấy vậy")
    assert "128/2025" in text, text
