"""Knowledge an appellate prosecutor asks for (content10), through the dispatcher as a fresh staff member.

Each class is asked the ways staff type it (with and without diacritics, shorthand, chatty padding): the
reply is the entry that answers it, with the article it comes from, and never a neighbouring limit (the
file sent up in 7 days of Đ339 for a late appeal, the 7 days to report for a sentence for an accused
arrested at the hearing, the investigation's first limits for a re-investigation).
"""

from __future__ import annotations

import pytest

from knowledge.kb.normalize import fold
from tests.conftest import World


async def reply(world: World, question: str) -> str:
    chat = await world.staff_chat("content10")
    return (await chat.text(question)).split("Xem thêm")[0]


# Đ456 k2: the summary procedure at appeal (a new entry)
APPEAL_SUMMARY = [
    "điều kiện xét xử phúc thẩm theo thủ tục rút gọn là gì",
    "dk rg o pt la gi",
    "xxpt rut gon can dieu kien gi",
    "an so tham xu thuong, len phuc tham chi khang cao xin giam nhe thi co rut gon duoc ko",
    "bị cáo chỉ kháng cáo xin hưởng án treo thì tòa phúc thẩm có xử rút gọn được không ạ",
    "anh oi cho em hoi phuc tham rut gon thi can nhung dieu kien nao vay a",
    "vu an da rut gon o so tham, vks khang nghi tang nang thi phuc tham co rut gon nua khong",
    "phúc thẩm có được áp dụng thủ tục rút gọn không",
    "so tham chua ap dung thu tuc rut gon thi phuc tham co duoc ap dung khong",
]


@pytest.mark.parametrize("question", APPEAL_SUMMARY)
async def test_the_summary_procedure_at_appeal_has_its_own_conditions(world: World, question: str) -> None:
    text = await reply(world, question)
    assert text.startswith("Phúc thẩm rút gọn khi có một trong hai điều kiện"), text
    assert "Điều 456 khoản 2" in text and "giảm nhẹ hình phạt" in text and "án treo" in text, text


@pytest.mark.parametrize(
    "question", ["điều kiện áp dụng thủ tục rút gọn", "khi nao duoc ap dung thu tuc rut gon", "4 dieu kien rut gon"]
)
async def test_the_first_instance_conditions_keep_their_entry(world: World, question: str) -> None:
    text = await reply(world, question)
    assert text.startswith("Phải đủ cả 4 điều kiện"), text


# Đ373, Đ400: who may protest by giám đốc thẩm or tái thẩm (a new entry; who acts after 01/07/2025 is unverified)
WHO_PROTESTS = [
    "ai có quyền kháng nghị giám đốc thẩm",
    "ai co quyen khang nghi tai tham",
    "vks tinh co quyen khang nghi gdt khong",
    "thẩm quyền kháng nghị giám đốc thẩm bản án của tòa án cấp tỉnh",
    "vien truong vks cap nao duoc khang nghi giam doc tham",
    "ban an huyen da co hieu luc ma sai thi ai khang nghi gdt",
    "vks khu vực có được kháng nghị tái thẩm không",
    "anh oi cho em hoi, thẩm quyền kháng nghị tái thẩm thuộc viện trưởng cấp nào a",
]


@pytest.mark.parametrize("question", WHO_PROTESTS)
async def test_who_may_protest_names_the_2015_text_and_flags_the_2025_change(world: World, question: str) -> None:
    text = await reply(world, question)
    assert "Điều 373, Điều 400" in text and "Viện trưởng Viện kiểm sát nhân dân tối cao" in text, text
    assert "chưa kiểm chứng" in text and "Luật 99/2025/QH15" in text, text


HIGH_LEVEL_GONE = [
    "vks cap cao bi bo roi thi cong tac khang nghi phuc tham, giam doc tham cua vks cap cao chuyen ve dau",
    "anh oi bay gio bo vks cap cao roi thi ai khang nghi giam doc tham vay a",
    "vks cấp cao còn không",
    "bo vks cap cao thi phuc tham ai lam",
    "vkscc con khong",
    "viện kiểm sát cấp cao giải thể chưa",
    "sau sáp nhập việc của viện cấp cao giao cho ai",
    "vks cap cao bi bo thi cong tac khang nghi phuc tham chuyen ve dau",
]


@pytest.mark.parametrize("question", HIGH_LEVEL_GONE)
async def test_the_high_level_procuracy_s_work_moved_to_the_supreme_one(world: World, question: str) -> None:
    text = await reply(world, question)
    assert text.startswith("Đã bỏ: 3 VKSND cấp cao"), text
    assert "VKSND tối cao" in text and "chưa kiểm chứng" in text, text


# The law on custody: Luật 94/2015 until 30/06/2026, Luật 128/2025 from 01/07/2026
CUSTODY_LAW = [
    "luat thi hanh tam giu tam giam hien nay la luat so may",
    "luật thi hành tạm giữ, tạm giam hiện hành là luật nào",
    "luat 94/2015 con hieu luc khong",
    "luat thi hanh tgiu tgiam moi nhat so may",
    "luật 128/2025 có hiệu lực khi nào",
    "luật thi hành tạm giữ tạm giam là luật nào",
    "luat nao quy dinh thi hanh tam giu tam giam",
    "anh hoi ti, luat thi hanh tam giu tam giam la luat nao",
]


@pytest.mark.parametrize("question", CUSTODY_LAW)
async def test_the_custody_law_names_both_laws_and_the_day_it_changes(world: World, question: str) -> None:
    text = await reply(world, question)
    assert "128/2025/QH15" in text and "94/2015/QH13" in text and "01/7/2026" in text, text


# The custody supervision regulation: QĐ 259/2023 replaced QĐ 501/2017 ("qc", "hl" shorthand)
REGULATION = [
    "ksv kv3 hoi: qd cq 501/2017 ks tgiu tgiam con hl k",
    "qd 501/2017 con hieu luc khong",
    "quyết định 501 về kiểm sát giam giữ còn áp dụng không",
    "qc kiểm sát tgiu tgiam hiện hành",
    "quy che kiem sat tam giu tam giam hien hanh",
    "quy chế kiểm sát tạm giữ tạm giam hiện nay là quyết định nào",
    "qc 501 con hl ko",
    "quy che 501 bi thay bang quy che nao vay em",
]


@pytest.mark.parametrize("question", REGULATION)
async def test_the_custody_supervision_regulation_is_qd_259(world: World, question: str) -> None:
    text = await reply(world, question)
    assert text.startswith("Quy chế ban hành kèm Quyết định 259/QĐ-VKSTC"), text
    assert "501/QĐ-VKSTC" in text, text


async def test_the_regulation_asked_then_what_it_replaced(world: World) -> None:
    chat = await world.staff_chat("content10-qc")
    await chat.text("qc kiểm sát tgiu tgiam hiện hành")
    text = await chat.text("thay qđ nào")
    assert "259/QĐ-VKSTC" in text and "501/QĐ-VKSTC" in text, text


# Đ335: a late appeal (3 days to send it up, 10 days for the appellate court's panel), never Đ339's 7 days
LATE_APPEAL = [
    "toa so tham nhan don khang cao qua han thi trong may ngay phai chuyen len toa phuc tham, "
    "roi toa phuc tham co bao nhieu ngay de thanh lap hoi dong xet",
    "khang cao qua han thi toa phuc tham xet trong may ngay",
    "tòa phúc thẩm thành lập hội đồng xét kháng cáo quá hạn trong bao nhiêu ngày",
    "kc qua han xet the nao",
    "don khang cao qua han toa so tham gui len phuc tham trong may ngay",
    "khang cao tre han co duoc chap nhan khong",
    "hội đồng 3 thẩm phán xét kháng cáo quá hạn",
    "bi cao nop don khang cao qua han vi nam vien thi sao a",
    "vks co tham gia phien hop xet khang cao qua han khong",
]


@pytest.mark.parametrize("question", LATE_APPEAL)
async def test_a_late_appeal_is_article_335(world: World, question: str) -> None:
    text = await reply(world, question)
    assert "Điều 335" in text and "10 ngày" in text and "3 ngày" in text, text
    assert "Điều 339" not in text, text


# Đ329: detention after a prison sentence, also for an accused arrested at the hearing
AFTER_SENTENCE = [
    "bị cáo tại ngoại bị phạt tù thì hđxx có được bắt tạm giam ngay tại phiên tòa không",
    "bi cao tai ngoai bi bat tam giam tai phien toa thi tam giam bao lau",
    "bi cao khong bi tam giam ma bi xu phat tu thi khi nao moi bat di thi hanh an",
    "hdxx bat tam giam bi cao ngay tai toa sau khi tuyen an duoc may ngay",
    "toa so tham tuyen an xong bat giam bi cao tai ngoai luon duoc khong",
    "tuyen an phat tu bi cao dang tai ngoai co bi bat ngay khong",
    "sau khi tuyen an tam giam bi cao de dam bao thi hanh an may ngay",
    "ban an phat tu ma bi cao dang tam giam thi hdxx tam giam tiep de dam bao tha bao nhieu ngay "
    "|| con bi cao tai ngoai bi bat ngay tai toa thi sao",
]


@pytest.mark.parametrize("question", AFTER_SENTENCE)
async def test_detention_after_the_sentence_is_45_days_even_when_arrested_at_the_hearing(
    world: World, question: str
) -> None:
    chat = await world.staff_chat("content10-45")
    text = ""
    for turn in question.split(" || "):
        text = (await chat.text(turn)).split("Xem thêm")[0]
    assert text.startswith("45 ngày, kể từ ngày tuyên án"), text
    assert "Điều 329" in text and "tại ngoại" in text, text


# A detention order lapsed with no new one: release; the VKS requires it
LAPSED = [
    "Hom truoc doan kiem sat cua anh xuong trai tam giam thay co mot truong hop bi giam qua han, lenh tam giam "
    "da het ma chua co lenh moi. Trong truong hop nay vks co quyen gi, co duoc yeu cau tha ngay khong em?",
    "lệnh tạm giam đã hết mà chưa có lệnh mới thì vks có quyền yêu cầu thả không",
    "kiem sat trai tam giam phat hien giam qua han thi vks lam gi",
    "het han tam giam ma khong co lenh gia han thi xu ly sao",
    "nguoi bi giam qua han ko co lenh thi vks yeu cau tra tu do duoc k",
    "tam giam qua han thi trai co phai tha khong",
    "hết hạn tạm giam mà chưa có lệnh mới thì phải làm sao",
    "vks phát hiện người bị giam giữ không có lệnh hợp pháp thì có quyền gì",
]


@pytest.mark.parametrize("question", LAPSED)
async def test_a_lapsed_detention_means_release(world: World, question: str) -> None:
    text = fold(await reply(world, question))
    assert "tra tu do" in text and "can cu" in text, text


# Đ174 k3: re-investigation after a judgment is quashed follows Đ172, counted from the file's receipt
REINVESTIGATION = [
    "phuc tham huy an de dieu tra lai thi thoi han dieu tra tinh the nao",
    "dieu tra lai duoc bao lau",
    "thời hạn điều tra lại tính từ ngày nào",
    "dtl co duoc gia han khong",
    "án bị hủy điều tra lại thì cqđt có mấy tháng",
    "dieu tra lai khac dieu tra bo sung cho nao",
    "vụ án bị hủy để điều tra lại thì thời hạn điều tra thế nào",
    "điều tra lại có khác điều tra bổ sung không",
]


@pytest.mark.parametrize("question", REINVESTIGATION)
async def test_a_re_investigation_runs_as_a_first_one(world: World, question: str) -> None:
    text = await reply(world, question)
    assert text.startswith("Như điều tra lần đầu (Điều 172)"), text
    assert "Điều 174 khoản 3" in text and "không áp dụng cho điều tra lại" in text, text


# Đ458: the summary procedure cancelled; periods go on under the general procedure
CANCELLED = [
    "vu an dang rut gon ma phai tra ho so dtbs thi qd rut gon co bi huy khong",
    "khi nào phải hủy quyết định áp dụng thủ tục rút gọn",
    "huy rut gon xong thi thoi han tinh tiep the nao",
    "đang rút gọn mà phải tạm đình chỉ vụ án thì quyết định rút gọn xử lý sao",
    "thu tuc rut gon bi huy khi nao",
    "không còn đủ điều kiện rút gọn thì chuyển sang thủ tục gì",
    "vu rg bi tra hs dtbs thi sao em",
    "chuyen tu rut gon sang thu tuc chung",
    "hủy thủ tục rút gọn thì thời hạn tố tụng tính thế nào",
]


@pytest.mark.parametrize("question", CANCELLED)
async def test_a_cancelled_summary_procedure_goes_on_under_the_general_one(world: World, question: str) -> None:
    text = await reply(world, question)
    assert "Điều 458" in text and "thủ tục chung" in text, text


# A cluster's own results (Cụm thi đua số 6, 2020), asked against the total
CLUSTER = [
    "cum thi dua so 6 nam 2020 dat bao nhieu tren tong so chi tieu",
    "cụm 6 năm 2020 đạt mấy chỉ tiêu",
    "cum thi dua so 6 nam 2020 dat bao nhieu chi tieu",
    "cụm thi đua số 6 năm 2020 đạt bao nhiêu trên tổng số chỉ tiêu",
    "kết quả chỉ tiêu năm 2020 của cụm thi đua số 6",
    "cum thi dua so 6 nam 2020 dat bao nhieu chi tieu vuot",
    "nam 2020 cum thi dua so 6 dat may tren tong so chi tieu",
    "cụm 6 năm 2020 đạt bao nhiêu % chỉ tiêu",
]


@pytest.mark.parametrize("question", CLUSTER)
async def test_the_cluster_s_results_are_its_own(world: World, question: str) -> None:
    text = await reply(world, question)
    assert "127/129" in text and "Cụm thi đua số 6" in text, text


# Civil obligations are out of scope: never the criminal-procedure rule on a last day that falls on a day off
CIVIL = [
    "hop dong vay het han tra no vao chu nhat thi ben vay tra tien ngay thu hai co bi tinh lai qua han khong",
    "vay tiền đến hạn trả nợ rơi vào ngày lễ thì sao",
    "hợp đồng tín dụng đến hạn vào thứ bảy thì trả thứ hai có bị phạt không",
    "han tra no roi vao ngay tet thi lui sang ngay nao",
    "ben vay cham tra 3 ngay co bi tinh tien lai khong",
    "khoản nợ đến hạn chủ nhật thì thứ hai trả có trễ không",
    "hợp đồng mua bán nhà hết hạn ngày lễ thì sao",
    "hop dong thue nha het han vao chu nhat thi tinh the nao",
]


@pytest.mark.parametrize("question", CIVIL)
async def test_a_civil_debt_s_last_day_is_refused(world: World, question: str) -> None:
    text = await reply(world, question)
    assert text.startswith("Xin lỗi, trợ lý chỉ có thông tin về tố tụng hình sự"), text
    assert "Căn cứ:" not in text, text


@pytest.mark.parametrize(
    "question",
    [
        "hạn kháng cáo hết mà rơi vào chủ nhật thì có được lùi sang thứ hai không",
        "het han vao ngay le tet co duoc lui ngay khong",
        "thoi hieu truy cuu duoc tinh lai khi nao",
    ],
)
async def test_the_day_off_rule_and_a_limitation_counted_again_keep_their_answers(world: World, question: str) -> None:
    text = await reply(world, question)
    assert "Căn cứ:" in text and "Xin lỗi" not in text, text


# Who extends an investigation: the 2015 text, flagged as changed by Luật 99/2025
WHO_EXTENDS = [
    "thẩm quyền gia hạn điều tra thuộc vks cấp nào",
    "gia hạn điều tra tội rất nghiêm trọng lần 2 do vks cấp nào gia hạn",
    "ai gia han dieu tra lan thu ba",
    "vks cấp nào gia hạn điều tra",
    "từ khi có luật 99/2025 thì vks cấp nào gia hạn điều tra tội nghiêm trọng",
    "vks khu vuc co duoc gia han dieu tra khong",
    "tham quyen gia han dieu tra toi dac biet nghiem trong",
    "ai có thẩm quyền gia hạn điều tra tội rất nghiêm trọng lần hai",
]


@pytest.mark.parametrize("question", WHO_EXTENDS)
async def test_who_extends_an_investigation_is_flagged_after_the_2025_reform(world: World, question: str) -> None:
    text = await reply(world, question)
    assert text.startswith("Theo văn bản 2015 (Điều 172 khoản 5, 6)"), text
    assert "cần" in text and "đối chiếu văn bản hợp nhất" in text, text


async def ask_turns(world: World, question: str) -> str:
    chat = await world.staff_chat("content10-turns")
    text = ""
    for turn in question.split(" || "):
        text = (await chat.text(turn)).split("Xem thêm")[0]
    return text


# A local motto's parts asked after it ("ba mũi gồm những gì"): the unit's own entry, with the spearheads
SPEARHEADS = [
    "vks huyen binh dai ben tre co phuong cham hai chan ba mui phai ko || ba mui gom nhung gi vay",
    "hai chan ba mui cua binh dai || ba mui la gi",
    "phương châm hai chân ba mũi của vks bình đại || ba mũi gồm những gì",
    "phuong cham cua vks binh dai la gi || con ba mui thi sao",
    "hai chân ba mũi nghĩa là gì || ba mũi là những mũi nào",
    "hai chan ba mui || the con hai chan la gi",
    "binh dai hai chan ba mui la gi || ba mui co nhung noi dung nao",
    "phương châm hai chân ba mũi là của đơn vị nào || ba mũi gồm gì",
]


@pytest.mark.parametrize("question", SPEARHEADS)
async def test_the_three_spearheads_are_the_unit_s_own(world: World, question: str) -> None:
    text = await ask_turns(world, question)
    assert "Bình Đại" in text and "không để oan sai, bỏ lọt tội phạm" in text, text


# The number of regional procuracies, asked alone or after the levels
REGIONAL = [
    "sau 1/7/2025 nganh kiem sat con may cap || vks khu vuc co bao nhieu don vi",
    "nganh kiem sat co may cap || con vks khu vuc bao nhieu",
    "hệ thống vksnd có mấy cấp từ 1/7/2025 || vks khu vực có bao nhiêu đơn vị",
    "bay gio vks con may cap || the co bao nhieu vks khu vuc",
    "ca nuoc co bao nhieu vks tinh || vks khu vuc thi bao nhieu",
    "vks khu vuc co bao nhieu don vi",
    "có bao nhiêu vks khu vực",
    "ca nuoc co may vks khu vuc",
]


@pytest.mark.parametrize("question", REGIONAL)
async def test_the_regional_procuracies_are_355(world: World, question: str) -> None:
    text = await ask_turns(world, question)
    # (after the levels' entry, whose answer gives the 355 regional units, "còn vks khu vực bao nhiêu" is answered by
    # that entry again: left12)
    assert text.startswith("355 Viện kiểm sát nhân dân (VKSND) khu vực") or (
        text.startswith("Về: Hệ thống VKSND ba cấp") and "355 VKSND khu vực" in text
    ), text


# Đ134 k1: a period in months (or years, as 12 months) ends on the same-numbered day, or the month's last day
MONTH_END = [
    "thoi han tinh theo nam ma nam sau khong co ngay tuong ung thi sao",
    "thời hạn năm kết thúc ngày nào",
    "tinh han dieu tra 2 thang tu ngay 31",
    "thang sau khong co ngay 31 thi thoi han het ngay nao",
    "thời hạn tháng mà tháng sau không có ngày tương ứng thì sao",
    "nam nhuan thi thoi han 1 nam tinh the nao",
    "thoi han tinh bang thang ket thuc vao ngay nao",
    "thoi han theo thang het vao ngay nao a",
]


@pytest.mark.parametrize("question", MONTH_END)
async def test_a_period_in_months_or_years_ends_on_the_same_day_or_the_month_s_last(
    world: World, question: str
) -> None:
    text = await reply(world, question)
    assert text.startswith("Hết vào ngày trùng (cùng số) của tháng (năm) sau"), text  # Đ134 k1's own word
    assert "28/02 năm sau" in text and "Điều 134 khoản 1" in text, text


# Đ337 k1: the superior procuracy's protest against a judgment, 30 days; the same level, 15
SUPERIOR = [
    "khang nghi cap tren ban an so tham?",
    "vks cap tren khang nghi ban an so tham may ngay",
    "kn cap tren ban an st bao lau",
    "vks tinh khang nghi ban an toa khu vuc trong bao lau",
    "thoi han khang nghi phuc tham cua vks cap tren truc tiep",
    "han kn phuc tham vks cap tren",
    "kháng nghị cấp trên bản án sơ thẩm mấy ngày",
    "vks cấp trên trực tiếp kháng nghị bản án trong mấy ngày",
]


@pytest.mark.parametrize("question", SUPERIOR)
async def test_the_superior_procuracy_protests_a_judgment_within_30_days(world: World, question: str) -> None:
    text = await reply(world, question)
    assert text.startswith("30 ngày, kể từ ngày tuyên án, đối với Viện kiểm sát cấp trên trực tiếp"), text


@pytest.mark.parametrize(
    "question", ["khang nghi cung cap ban an so tham", "kn cung cap?", "vks cung cap khang nghi ban an may ngay"]
)
async def test_the_same_level_keeps_its_15_days(world: World, question: str) -> None:
    text = await reply(world, question)
    assert text.startswith("15 ngày, kể từ ngày tuyên án, đối với Viện kiểm sát cùng cấp"), text
