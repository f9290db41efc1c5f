"""Patterns from question sets written by people who never saw the knowledge base, through the
dispatcher: abbreviations spelled out in answers, another institution's motto or indicators,
"X và Y <one shared question>", and a body's name that is not a local unit."""

from __future__ import annotations

from tests.conftest import World
from tests.fakes import FakeChat


async def _chat(world: World, name: str) -> FakeChat:
    return await world.staff_chat(name)


async def test_answer_spells_out_the_bodies_it_abbreviates(world: World) -> None:
    chat = await _chat(world, "u1")
    text = await chat.text("gia hạn tạm giữ thì ai phê chuẩn")
    assert "Viện kiểm sát (VKS)" in text
    assert text.count("Viện kiểm sát (VKS)") == 1  # only the first use


async def test_another_institutions_motto_is_refused(world: World) -> None:
    chat = await _chat(world, "u2")
    court = await chat.text("phương châm công tác năm 2024 của ngành tòa án là gì")
    assert "chỉ có thông tin về phương châm, chủ đề thi đua của ngành Kiểm sát nhân dân" in court
    assert "tòa án" in court and "Căn cứ:" not in court and "liêm chính" not in court
    police = await chat.text("chi tieu cua cong an ve ty le pha an")
    assert "Căn cứ:" not in police and "ngành Kiểm sát nhân dân" in police
    # The procuracy's own motto is still answered.
    own = await chat.text("phương châm công tác năm 2024 của vks là gì")
    assert "liêm chính" in own and "Căn cứ:" in own


async def test_two_topics_sharing_one_question_are_answered_each(world: World) -> None:
    chat = await _chat(world, "u3")
    text = await chat.text("thoi han dieu tra toi da va tam giam dieu tra toi da voi toi it nghiem trong la bao nhieu")
    first, second = text.split("2. «", 1)
    assert "Thời hạn điều tra tội ít nghiêm trọng" in first and "4 tháng" in first
    assert "Tạm giam để điều tra tội ít nghiêm trọng" in second and "3 tháng" in second
    themes = await chat.text("phương châm công tác năm 2024 và chủ đề thi đua năm 2024 của ngành là gì")
    first, second = themes.split("2. «", 1)
    assert "liêm chính" in first and "vượt khó" in second
    # A condition after a comma is not a second question.
    condition = await chat.text("tin báo phức tạp, phải xác minh nhiều nơi thì kéo dài tối đa bao lâu")
    assert "có 2 phần" not in condition


async def test_investigation_body_is_not_a_district(world: World) -> None:
    chat = await _chat(world, "u4")
    text = await chat.text("co quan dieu tra phai de nghi gia han tam giam truoc bao nhieu ngay")
    assert "riêng của" not in text and "10 ngày" in text


async def test_a_units_plan_is_not_the_answer_to_a_general_question(world: World) -> None:
    chat = await _chat(world, "u5")
    general = await chat.text("vks phat hien nguoi bi giam giu khong co lenh hop phap thi co quyen gi")
    # The VKS's powers answer it; Phổ Yên's target is never the answer to a question that does not name it.
    assert "trả tự do" in general and "Căn cứ:" in general and "Phổ Yên" not in general
    target = await chat.text("chỉ tiêu phát hiện tạm giữ tạm giam trái pháp luật")
    assert "100%" in target and "Phổ Yên" in target
    motto = await chat.text("hai chan ba mui la gi")  # named by its own words, not the unit's
    assert "Bình Đại" in motto and "Căn cứ:" in motto


async def test_followup_asking_another_attribute_finds_another_entry(world: World) -> None:
    chat = await _chat(world, "u6")
    assert "Tối đa 7 tháng" in await chat.text("tam giam dieu tra toi RNT bao lau")
    who = await chat.text("ai co tham quyen gia han")
    assert "VKS cấp nào được gia hạn tạm giam" in who and "Tối đa 7 tháng" not in who
    chat = await _chat(world, "u7")
    assert "3 tháng" in await chat.text("tam giam dieu tra toi it nghiem trong bao lau")
    ahead = await chat.text("de nghi gia han truoc bao nhieu ngay")
    assert "10 ngày trước khi hết thời hạn" in ahead


async def test_subjectless_followup_stays_with_the_previous_subject(world: World) -> None:
    chat = await _chat(world, "u8")
    assert "3 ngày" in await chat.text("tam giu bao lau")
    sunday = await chat.text("neu ngay cuoi la chu nhat thi sao")
    assert "kháng cáo" not in sunday.lower()  # not the appeal-period example of another subject
    assert "tính liên tục" in sunday and "không lùi sang ngày làm việc" in sunday


async def test_document_number_named_decides(world: World) -> None:
    chat = await _chat(world, "u9")
    text = await chat.text("qđ 358 ký ngày nào, áp dụng từ kỳ nào")
    assert "23/9/2025" in text and "tháng 10/2025" in text and "có 2 phần" not in text
    rule = await chat.text("Em mới về làm kiểm sát tạm giữ ở khu vực, quy chế 259 thay cho qđ nào vậy anh")
    assert "501" in rule
    nq = await chat.text("NQ 96 giao ty le giai quyet tin bao toi pham bn %")
    assert "96/2019" in nq and "chưa kiểm chứng" in nq


async def test_minors_are_never_given_adult_limits(world: World) -> None:
    chat = await _chat(world, "u10")
    text = await chat.text("bi can chua thanh nien thi tgiam dt it nt bn thang")
    assert "59/2024" in text and "Chưa kiểm chứng" in text
    assert "Tối đa 3 tháng tạm giam" not in text


async def test_a_date_asked_from_a_given_day_is_not_answered_by_the_rule_alone(world: World) -> None:
    chat = await _chat(world, "u11")
    text = await chat.text("khoi to vu it nt ngay 31/07/2026 thi han dt 3 thang het ngay nao")
    assert text.startswith("Trợ lý chưa trả lời được ngày cụ thể") and "/tinhhan" in text  # 3 months: not ít NT
    card = await chat.text("khoi to vu it nt ngay 31/07/2026 thi han dt 2 thang het ngay nao")
    assert "ĐIỀU TRA VỤ ÁN" in card and "30/09/2026" in card  # computed now (31/07 + 2 months, clamped)
    plain = await chat.text("thoi han dieu tra tinh tu khi nao")
    assert "chưa trả lời được ngày cụ thể" not in plain


async def test_followups_on_a_units_result_and_a_bare_year(world: World) -> None:
    chat = await _chat(world, "u12")
    assert "27" in await chat.text("moc chau 2021 co bn vu an diem")
    trials = await chat.text("con phien toa rut kinh nghiem")
    assert "13 phiên tòa rút kinh nghiệm" in trials and "Căn cứ:" in trials
    chat = await _chat(world, "u13")
    assert "vượt khó" in await chat.text("chu de thi dua nam 2024")
    year = await chat.text("con 2025")
    assert "2025" in year and "hiệu quả" in year and "Căn cứ:" in year


async def test_a_known_unit_in_a_year_it_lacks_is_said_so(world: World) -> None:
    chat = await _chat(world, "u14")
    text = await chat.text("Mộc Châu năm 2023 có bao nhiêu vụ án điểm")
    assert text.startswith("Trợ lý chưa có thông tin về chỉ tiêu công tác riêng của Mộc Châu năm 2023")
    assert "Căn cứ:" not in text and "27 vụ" not in text
    own = await chat.text("moc chau 2021 co bn vu an diem")
    assert "27 vụ" in own and "Căn cứ:" in own


async def test_calculator_chains_custody_into_detention(world: World) -> None:
    chat = await _chat(world, "u15")  # the fake clock: Monday 02/03/2026 08:00 in Hà Nội
    text = await chat.text("tạm giữ từ 10h hôm kia hết 3 ngày chuyển sang tạm giam 2 tháng luôn thì đến hết ngày nào")
    assert "03/03/2026" in text and "57 ngày" in text and "28/04/2026" in text


async def test_followup_names_that_year(world: World) -> None:
    chat = await _chat(world, "u16")
    assert "vượt khó" in await chat.text("chủ đề thi đua năm 2024")
    motto = await chat.text("thế còn phương châm năm đó")
    assert "liêm chính" in motto and "Căn cứ:" in motto


async def test_a_body_outside_criminal_procedure_is_refused(world: World) -> None:
    chat = await _chat(world, "u17")
    text = await chat.text("thoi han thanh tra giai quyet to cao")
    assert "Căn cứ:" not in text and "chưa có về thanh tra" in text
    own = await chat.text("thoi han giai quyet to cao trong to tung hinh su")
    assert "30 ngày" in own and "Căn cứ:" in own


async def test_two_topics_listed_without_a_question_word(world: World) -> None:
    chat = await _chat(world, "u18")
    text = await chat.text("phương châm năm 2021 và chủ đề thi đua năm 2021")
    first, second = text.split("2. «", 1)
    assert "Đoàn kết, đổi mới" in first and "khát vọng cống hiến" in second


async def test_calculator_followup_changes_one_input_of_the_card(world: World) -> None:
    chat = await _chat(world, "u19")
    first = await chat.text("tạm giam 2 tháng từ 01/03/2026 đến hết ngày nào")
    assert "29/04/2026" in first and "60 ngày" in first
    deducted = await chat.text("nếu trước đó tạm giữ 3 ngày thì sao")
    assert "57 ngày" in deducted and "26/04/2026" in deducted
    category = await chat.text("tam giam de dieu tra toi nt tu 01/03/2026")
    assert "nghiêm trọng" in category and "3 tháng" in category
    other = await chat.text("con toi rat nghiem trong thi sao")
    assert "rất nghiêm trọng" in other and "28/06/2026" in other
    # A question of its own after a card is answered as a question.
    assert "3 ngày" in await chat.text("tam giu bao lau")


async def test_calculator_followup_with_a_date_takes_the_cards_length(world: World) -> None:
    chat = await _chat(world, "u20")
    assert "29/11/2026" in await chat.text("tạm giam 3 tháng kể từ 01/09/2026 thì đến hết ngày nào")
    text = await chat.text(
        "nếu trước đó bị tạm giữ 3 ngày và tạm giam ngay khi hết tạm giữ, tạm giữ hết ngày 01/09/2026 thì sao"
    )
    assert "87 ngày" in text and "26/11/2026" in text


async def test_a_law_named_by_its_number_and_the_levels_of_the_procuracy(world: World) -> None:
    chat = await _chat(world, "u21")
    law = await chat.text("luat 94/2015 con hieu luc k")
    assert "128/2025" in law and "Căn cứ:" in law
    levels = await chat.text("vksnd co may cap sau 1/7/2025")
    assert levels.startswith("3 cấp") and "Căn cứ:" in levels


async def test_followup_keeps_the_category_the_question_named(world: World) -> None:
    chat = await _chat(world, "u22")
    assert "30 ngày" in await chat.text("thoi han truy to toi dbnt")  # the entry covers every category
    trial = await chat.text("the con cbxx")
    assert "Thời hạn chuẩn bị xét xử sơ thẩm tội đặc biệt nghiêm trọng" in trial and "3 tháng" in trial


async def test_an_indicator_question_is_not_answered_by_a_time_limit(world: World) -> None:
    chat = await _chat(world, "u23")
    text = await chat.text("chi tieu ty le an toa an tra ho so de dieu tra bo sung")
    assert "Căn cứ:" not in text and "3 ngày" not in text
    police = await chat.text("chi tieu giai quyet tin bao cua co quan cong an")
    assert "Căn cứ:" not in police and "Phổ Yên" not in police.split("\n")[0]


async def test_motto_of_a_span_of_years_and_motto_is_not_the_theme(world: World) -> None:
    chat = await _chat(world, "u24")
    motto = await chat.text("phuong cham 2025 cua nganh la gi vay ad")
    assert "liêm chính" in motto and "Căn cứ:" in motto and "chưa có thông tin" not in motto
    # No verified motto of 2022: said first, and the 2022 emulation theme never given as the motto.
    none = await chat.text("phuong cham nam 2022")
    assert none.startswith("Chưa kiểm chứng") or "Căn cứ:" not in none
    assert "khát vọng cống hiến" not in none or "khác với phương châm" in none


async def test_an_aside_about_the_asker_does_not_drown_the_question(world: World) -> None:
    chat = await _chat(world, "u-aside")
    # Both were refused while the aside was scored with the question.
    text = await chat.text("tgiu gh lan 1 dc may ngay a, e dang viet bao cao gui lanh dao gap")
    assert "3 ngày" in text and "Căn cứ:" in text and "Điều 118" in text
    more = await chat.text("c ơi truy tố tội RNT gia hạn đc bn ngày ạ, e đang làm phiếu đề xuất cho lãnh đạo")
    assert "15 ngày" in more and "Điều 240" in more


async def test_a_level_alone_is_a_follow_up(world: World) -> None:
    """'vks tỉnh thì sao' after the protest period asks it for another level (it answered the
    number of provincial procuracies)."""
    chat = await _chat(world, "u-level")
    await chat.text("vks khu vuc khang nghi phuc tham ban an so tham may ngay")
    text = await chat.text("con vks tinh thi sao")
    assert "30 ngày" in text and "Điều 337" in text
