"""Round 7 (search), through the dispatcher: two-part questions typed the way staff type (southern
"mí", a second subject without its own question, a head word said again, a year per subject), a
total asked "tính cả gia hạn" led by its figure, a period's dates for the year asked, detention to
prepare trial asked by category. Own phrasings, not the evaluation rows."""

from __future__ import annotations

import re

from tests.conftest import World


def _parts(text: str) -> list[str]:
    """The numbered parts of a reply in parts (the header apart)."""
    assert text.startswith("Câu hỏi của anh/chị có"), text
    return re.split(r"\n\n(?=\d\. «)", text)[1:]


async def test_two_parts_asked_with_mi_each_with_its_figure_and_source(world: World) -> None:
    chat = await world.staff_chat("s71")
    text = await chat.text("khang nghi phuc tham ban an vks cung cap mi ngay con vks cap tren mi ngay")
    first, second = _parts(text)[:2]
    assert first.startswith("1. «") and "15 ngày" in first and "Căn cứ: BLTTHS 2015, Điều 337" in first
    assert second.startswith("2. «") and second.split("\n")[2].startswith("30 ngày") and "Căn cứ:" in second


async def test_a_second_subject_without_a_question_takes_the_first_ones(world: World) -> None:
    chat = await world.staff_chat("s72")
    text = await chat.text("Lời Bác dạy cán bộ kiểm sát là gì, còn phương châm năm 2024 của ngành")
    first, second = _parts(text)[:2]
    assert "Công minh" in first or "công minh" in first
    assert "Bản lĩnh, hiệu quả" in second and "Căn cứ:" in second
    # a part that finds nothing says so; the other part's figure is not given as the whole answer
    chat = await world.staff_chat("s73")
    text = await chat.text("tạm giữ tối đa mấy ngày và giá vàng bao nhiêu một chỉ")
    first, second = _parts(text)[:2]
    assert "3 ngày" in first and "chưa tìm được câu trả lời cho phần này" in second


async def test_two_periods_without_a_separator_and_the_year_asked(world: World) -> None:
    chat = await world.staff_chat("s74")
    text = await chat.text("ky bao cao 6 thang chot so lieu ngay nao ky 12 thang chot ngay nao")
    first, second = _parts(text)[:2]
    assert "31/5" in first and "30/11" in second
    chat = await world.staff_chat("s75")
    text = await chat.text("kỳ thống kê 12 tháng năm 2027 từ ngày nào đến ngày nào")
    assert text.startswith("▶ Kỳ năm 2027: từ ngày 01/12/2026 đến hết ngày 30/11/2027."), text
    assert "Căn cứ: QĐ 358" in text


async def test_two_subjects_each_with_its_own_year(world: World) -> None:
    chat = await world.staff_chat("s76")
    text = await chat.text("phuong cham nam 2022 va chu de thi dua nam 2024")
    first, second = _parts(text)[:2]
    assert "2022" in first and "vượt khó" in second


async def test_a_total_asked_is_led_by_the_total(world: World) -> None:
    chat = await world.staff_chat("s77")
    text = await chat.text("tgiam giai doan truy to toi DBNT toi da bao lau ke ca gia han")
    assert text.startswith("▶ Tổng cộng kể cả gia hạn: 60 ngày với tội đặc biệt nghiêm trọng."), text
    text = await chat.text("đt tội ít NT tối đa mấy tháng tính cả gia hạn")
    assert text.startswith("▶ Tổng cộng kể cả gia hạn: tối đa 4 tháng."), text
    assert "Điều 172" in text


async def test_detention_to_prepare_trial_asked_by_category(world: World) -> None:
    chat = await world.staff_chat("s78")
    text = await chat.text("tạm giam chuẩn bị xét xử tội đặc biệt nghiêm trọng được tối đa bao lâu")
    assert text.startswith("▶ 3 tháng với tội đặc biệt nghiêm trọng."), text
    assert "Điều 278" in text
