"""Round 16 (session 15): classes found by the blind tuning sets tune15a-d (scored once, then read). Each test
failed before its fix."""

from __future__ import annotations

import pytest

from tests.conftest import World


async def test_a_recommendation_sent_by_an_inspectorate_is_a_crime_report(world: World) -> None:
    # tune15d: "thanh tra" named as the body that sent a kiến nghị khởi tố was refused as another body's work
    text = await world.last_reply(
        "t15-thanhtra",
        ["kiến nghi khởi tố của cơ quan thanh tra chuyễn qua thì thời hãn giải quyết cũng 20 ngày như tin báo hả chị"],
    )
    assert "20 ngày" in text and "Điều 147" in text, text
    # the inspectorate's own work is still refused
    text = await world.last_reply("t15-thanhtra2", ["thanh tra giải quyết tố cáo trong bao lâu"])
    assert "Căn cứ:" not in text, text


@pytest.mark.parametrize(
    "question",
    [
        "dich giup cau nay sang tieng anh: vien kiem sat nhan dan khu vuc",  # a translation (found the 355 units)
        "dinh muc an cua nguoi bi tgiam 1 thang bao nhieu kg gao",  # a detainee's ration (found a detention limit)
    ],
)
async def test_out_of_scope_requests_are_refused(world: World, question: str) -> None:
    text = await world.last_reply("t15-out", [question])
    assert "Căn cứ:" not in text and "355" not in text, text


async def test_a_law_named_by_number_is_no_minor(world: World) -> None:
    # tune15b: "Luật 99/2025 và Luật Tư pháp người chưa thành niên …": the minors' law was said again before the first
    # part, which the minors' entry answered (a confident wrong answer)
    text = await world.last_reply(
        "t15-law99", ["Luật 99/2025 và Luật Tư pháp người chưa thành niên có hiệu lực từ ngày nào?"]
    )
    first = text.split("2.")[0]
    assert "01/7/2025" in first and "Luật 99/2025" in first, text


async def test_the_custody_law_and_its_replacement(world: World) -> None:
    # tune15b: "Luật Thi hành tạm giữ, tạm giam 94/2015" was cut into two members; tune15c: its follow-up
    text = await world.last_reply(
        "t15-law94",
        [
            "Chào em, Văn phòng chị đang cập nhật danh mục văn bản cho bộ phận kiểm sát tạm giữ. Luật Thi hành tạm "
            "giữ, tạm giam 94/2015 sắp được thay bằng luật nào và từ ngày nào vậy em?"
        ],
    )
    assert "128/2025" in text and "01/7/2026" in text and "2 phần" not in text, text
    text = await world.last_reply(
        "t15-law94b", ["luat thi hanh tgiu tgiam 94/2015 con hieu luc ko", "bi thay bang luat nao"]
    )
    assert "128/2025" in text, text


async def test_an_order_ending_at_24h_is_extended_from_the_next_day(world: World) -> None:
    # tune15c: "hết 24h ngày 15/3" was refused as an hour 24; 60 days from 16/03/2026 end on 14/05/2026
    text = await world.last_reply("t15-24h", ["tgiam het 24h ngay 15/3/2026, dc gh tgiam 2 thang thi het ngay nao"])
    assert "14/05/2026" in text, text


async def test_an_order_end_told_then_its_extension_asked(world: World) -> None:
    # tune15c (a confident wrong answer): the second line got the rule of where an extension starts, no date
    text = await world.last_reply("t15-told", ["tgiam NT het ngay 15/3/2026", "neu gh 2 thang thi het ngay nao"])
    assert "14/05/2026" in text, text
    # a next message with a date of its own is its own question
    text = await world.last_reply("t15-told2", ["tgiam NT het ngay 15/3/2026", "tạm giữ bao lâu"])
    assert "14/05/2026" not in text and "3 ngày" in text, text


async def test_a_stage_period_extended_from_its_stated_end(world: World) -> None:
    # tune15b (a confident wrong answer): the end of the prosecution's period was read as the VKS's receipt of the
    # file, and a card counted 20 days from it
    text = await world.last_reply(
        "t15-truyto", ["vụ ít NT hạn truy tố hết ngày 20/03/2026, VT gia hạn 10 ngày thì đến ngày nào"]
    )
    assert "30/03/2026" in text and "Bắt đầu:" not in text and "09/04/2026" not in text, text
    # tune_14b:21 passed by coincidence: the card's 4-month period from 10/03 ends where the extension does
    text = await world.last_reply(
        "t15-dieutra",
        ["Vụ RNT hạn điều tra hết ngày 10/03/2026, nếu gia hạn lần 1 tối đa thì đến ngày nào ạ?"],
    )
    assert "10/07/2026" in text and "10/11/2026" not in text and "Bắt đầu:" not in text, text
    # no category: asked
    text = await world.last_reply("t15-nocat", ["hạn truy tố hết ngày 20/03/2026, gia hạn thì đến ngày nào"])
    assert "loại tội" in text and "/2026:" not in text, text


async def test_a_document_named_by_number_is_a_part_of_its_own(world: World) -> None:
    # tune15b (a confident wrong answer): "…, còn qđ 139 ban hành ngày nào" named no subject and was dropped as the
    # first part's entry again
    text = await world.last_reply("t15-qd139", ["qđ 358 thay qđ nào, còn qđ 139 ban hành ngày nào"])
    assert "2 phần" in text and "140" in text and "29/4/2020" in text.split("2.")[1], text


async def test_which_document_asked_of_the_answer_is_that_answer(world: World) -> None:
    # tune15d (a confident wrong answer): "QĐ mới nhất là số mấy, ban hành ngày nào" after the indicator system's
    # answer was answered by a unit's 2024 plan
    text = await world.last_reply(
        "t15-newest",
        [
            "hệ thống chỉ tiêu nghiệp vụ hiện nay là QĐ 139/2020 phải hông chị",
            "dzậy QĐ mới nhất là số mấy, ban hành ngày nào?",
        ],
    )
    assert "358" in text and "23/9/2025" in text and "Phổ Yên" not in text, text


async def test_two_topics_listed_without_a_question_word(world: World) -> None:
    # tune15b (a confident wrong answer): the founding day was dropped
    text = await world.last_reply(
        "t15-listed", ["lời dạy của Bác với ngành và ngày thành lập ngành, chị cần đưa vào băng rôn"]
    )
    assert "Công minh" in text and "26/7/1960" in text, text


async def test_the_anniversary_is_counted_when_shown(world: World) -> None:
    # tune15b (a confident wrong answer): "năm nay là kỷ niệm bao nhiêu năm" got the founding day without the count;
    # the count is this year's (the test world's clock: 2026), never stored
    text = await world.last_reply(
        "t15-years", ["Ngày truyền thống ngành năm nay là kỷ niệm bao nhiêu năm ngày thành lập em nhỉ?"]
    )
    assert "26/7/1960" in text and "kỷ niệm 66 năm" in text, text


async def test_a_southern_chieu_dates_the_receipt(world: World) -> None:
    # tune15d (a confident wrong answer): "16h30 chìu nay" was not read, the rule was given without the hour
    text = await world.last_reply(
        "t15-chiu",
        ["vks nhân hồ sơ đề nghi phê chuân gia hạn tam giữ lúc 16h30 chìu nay thì phải qđ chậm nhất khi nào"],
    )
    assert "04:30" in text and "03/03/2026" in text, text


async def test_the_summary_investigation_asked_after_its_conditions(world: World) -> None:
    # tune15d (a confident wrong answer): the second part got the VKS's 15 days to review a suspension
    text = await world.last_reply(
        "t15-rutgon",
        [
            "Vụ trộm cắp bị bắt quả tang mà bị can hông có nơi cư trú rõ ràng thì có rút gọn được hông chị, còn nếu "
            "đủ đk thì cqđt dt trong bao nhiêu ngày?"
        ],
    )
    second = text.split("2.")[1]
    assert "15 ngày" not in second and "đình chỉ" not in second and "rút gọn" in second, text


async def test_a_negation_inside_a_clause_ends_no_question(world: World) -> None:
    # tune15d: "… ra xét xử mà chưa mở được phiên tòa thì …" was cut after "chưa" as if it asked yes or no
    text = await world.last_reply(
        "t15-machua",
        [
            "Quá 15 ngày kể từ ngày có quyết định đưa vụ án ra xét xử mà chưa mở được phiên tòa thì được kéo dài tối "
            "đa bao lâu, vì lý do gì?"
        ],
    )
    assert "30 ngày" in text and "bất khả kháng" in text and "2 phần" not in text, text


async def test_the_amending_law_asked_of_the_answer(world: World) -> None:
    # tune15d: "cái căn cứ đó được bổ sung bởi luật nào" after the suspension's grounds was refused
    text = await world.last_reply(
        "t15-amend",
        ["tạm đình chỉ điều tra vụ án vì dịch bệnh được hông chị?", "cái căn cứ đó được bổ sung bởi luật nào dzậy?"],
    )
    assert "02/2021" in text, text


async def test_a_record_of_inspection_is_not_the_custody_limit(world: World) -> None:
    # tune15d (a confident wrong answer): "biên bản … có ghi người bị giữ quá hạn không" got the custody's 3 days
    text = await world.last_reply(
        "t15-bienban",
        [
            "Sếp giao em làm biên bản kiểm sát trực tiếp nhà tạm giữ tuần này nè chị, mà em mới làm lần đầu. Biên "
            "bản thường phải có những nội dung gì dzậy, ví dụ có phải ghi người bị giữ quá hạn hông?"
        ],
    )
    assert "quá hạn" in text and "kiến nghị" in text and "Điều 118" not in text, text


async def test_the_measure_pointed_at_is_the_answers(world: World) -> None:
    # tune15a: "thời hạn tạm giam đó bao lâu" after the detention to secure a sentence was a menu of detentions
    text = await world.last_reply(
        "t15-pointed",
        [
            "bi cao dang tamj giam bi xu 2 nam tu, hdxx ra qd tam giam de dam bao thi hanh an",
            "thoi han tam giam do bao lau",
        ],
    )
    assert "45 ngày" in text and "Có phải anh/chị muốn hỏi" not in text, text
    # without the pointer, a detention in general is not taken for the answer's
    text = await world.last_reply("t15-pointed2", ["tạm giữ bao lâu", "tạm giam đó thì bao lâu"])
    assert "3 ngày" not in text.split("\n")[0], text


@pytest.mark.parametrize(
    ("turns", "expected"),
    [
        # the investigation of a serious crime: 3 months from the decision to open the case
        (["thời hạn điều tra tội NT là bao lâu", "khởi tố vụ án ngày 10/01/2026 thì hết hạn ngày nào"], "10/04/2026"),
        # a year from the judgment's force (15/03/2026 a Sunday: the next working day)
        (
            [
                "khang nghi giam doc tham theo huong bat loi cho nguoi bi ket an han bao lau",
                "ban an co hieu luc ngay 15/03/2025 thi han cuoi ngay nao",
            ],
            "16/03/2026",
        ),
        # a month from the decision to resume a crime report (12/04/2026 a Sunday)
        (
            [
                "phục hồi giải quyết tin báo thì giải quyết tiếp 1 tháng hả chị",
                "vậy qđ phục hồi ký ngày 12/03/2026 thì hạn chót là ngày nào?",
            ],
            "13/04/2026",
        ),
    ],
)
async def test_the_start_event_dated_after_the_periods_rule(world: World, turns: list[str], expected: str) -> None:
    # tune15b, tune15d: the event the period asked before runs from, dated in the next message, referred to /tinhhan
    text = await world.last_reply("t15-start", turns)
    assert expected in text, text


async def test_the_facilitys_notice_counted_back_from_the_end(world: World) -> None:
    # tune15c: the day the custody facility must give notice, from the end told, was refused (the date read as the
    # order's end, not its start): 5 days before a detention ends, 1 day before a custody ends (its hour kept)
    text = await world.last_reply(
        "t15-notice",
        ["lenh tgiam het ngay 25/3/2026 thi ttg phai thong bao cho co quan thu ly cham nhat ngay nao"],
    )
    assert "20/03/2026" in text and "94/2015" in text and "Chưa kiểm chứng" in text, text
    text = await world.last_reply(
        "t15-notice2", ["tgiu het han luc 8h30 ngay 5/3/2026, ntg phai bao truoc cho cqdt ngay nao"]
    )
    assert "08:30 ngày 04/03/2026" in text, text
    # from 01/07/2026 the law is replaced and its article unverified: no day computed
    text = await world.last_reply(
        "t15-notice3",
        ["lenh tgiam het ngay 25/8/2026 thi ttg phai thong bao cho co quan thu ly cham nhat ngay nao"],
    )
    assert "20/08/2026" not in text and "128/2025" in text and "không tính ngày" in text, text


async def test_a_document_asked_on_a_dated_day_is_not_a_calculation(world: World) -> None:
    # tune15c: "hôm nay … quy chế kiểm sát tạm giữ tạm giam theo qđ nào" asked for the detention's length
    text = await world.last_reply(
        "t15-docday",
        [
            "hôm nay đầu tuần ae chuẩn bị xuống ttg kiểm tra, cho hỏi quy chế kiểm sát tạm giữ tạm giam hiện giờ "
            "theo qđ nào"
        ],
    )
    assert "259" in text and "thời hạn trong lệnh tạm giam" not in text, text


async def test_a_full_custody_ending_on_the_cards_first_day(world: World) -> None:
    # tune15b: "hết hạn tạm giữ lúc 8h sáng nay" (the measure said again after the end word) was read as a custody's
    # end asked on its own: 2 months of detention from 02/03/2026 less 3 days held end on 27/04/2026
    chat = await world.staff_chat("t15-fullcustody")
    await chat.text("tgiam 2 tháng kể từ 02/03/2026 thì hết ngày nào")
    text = await chat.text("nếu trước đó đã tạm giữ đủ 3 ngày, hết hạn tạm giữ lúc 8h ngày 02/03/2026 thì sao")
    assert "27/04/2026" in text, text


async def test_a_category_named_after_an_answer_that_gives_each(world: World) -> None:
    # tune15a: "vụ nghiêm trọng thì cụ thể bao nhiêu" after the detention to prepare a trial was a menu (the detention
    # and the preparation's own entry for serious crimes); the answer gives every category: it leads with the one named
    text = await world.last_reply(
        "t15-category",
        ["tam giam de chuan bi xet xu so tham toi da bao lau", "vu nghiem trong thi cu the bao nhieu"],
    )
    assert text.split("\n")[1].startswith("▶ 45 ngày với tội nghiêm trọng"), text
