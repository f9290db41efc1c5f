"""Classes of the round-11 tuning sets (tune_t … tune_x), through the dispatcher, with own phrasings (with and
without diacritics, shorthand, padding, chatty): Southern "nhiêu" for "bao nhiêu"; a follow-up that swaps a
member of the answer's own modifier ("quyết định sơ thẩm" → "bản án sơ thẩm") or continues the answer when a
menu is all it finds alone; "bao lâu" takes no unit when a second question follows it; how long is not who
(a category named picks its own entry) and "vks nào" asks who."""

from __future__ import annotations

import pytest

from knowledge.kb.in_place import in_place
from tests.conftest import World


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("cbxx NT nhiêu ngày", "45 ngày"),
        ("tạm giữ nhiêu ngày", "Tối đa 3 ngày"),
        ("kháng cáo bản án sơ thẩm nhiêu ngày", "15 ngày, kể từ ngày tuyên án"),
        ("khang cao quyet dinh so tham nhieu ngay", "7 ngày"),
        ("dieu tra toi it nghiem trong nhieu thang", "2 tháng"),
        ("truy to toi rat nghiem trong nhieu ngay", "30 ngày"),
        ("ủa chị ơi, tạm giam điều tra tội ĐBNT nhiêu tháng vậy", "4 tháng"),
        ("giu nguoi khan cap nhiu gio", "12 giờ"),
        ("chị ơi cbxx tội ít NT nhiêu ngày vậy chị", "30 ngày"),
    ],
)
async def test_southern_nhieu_asks_how_many(world: World, question: str, figure: str) -> None:
    text = await (await world.staff_chat("t10-nhieu")).text(question)
    assert figure in text and "Căn cứ" in text, text


@pytest.mark.parametrize(
    ("question", "first", "second"),
    [
        ("cbxx NT nhiêu ngày, ĐBNT nhiêu tháng", "45 ngày", "3 tháng"),
        ("khang cao ban an nhieu ngay, khang cao quyet dinh so tham nhieu ngay", "15 ngày", "7 ngày"),
        ("kn cùng cấp nhiêu ngày, cấp trên nhiêu ngày", "15 ngày", "30 ngày"),
    ],
)
async def test_southern_nhieu_in_two_parts(world: World, question: str, first: str, second: str) -> None:
    text = await (await world.staff_chat("t10-nhieu2")).text(question)
    assert text.startswith("Câu hỏi của anh/chị có 2 phần") and first in text and second in text, text


def test_nhieu_is_read_only_where_it_asks() -> None:
    assert in_place("khang cao ban an nhieu ngay") == "khang cao ban an bao nhieu ngay"
    assert in_place("tạm giữ nhiu ngày") == "tạm giữ bao nhiêu ngày"
    assert in_place("bao nhieu ngay") == "bao nhieu ngay"  # already asked
    assert in_place("co nhieu lan") == "co nhieu lan"  # "có nhiều lần": many
    assert in_place("gia hạn nhiều lần") == "gia hạn nhiều lần"  # typed with its marks: many
    assert in_place("bấy nhiêu ngày") == "bấy nhiêu ngày"
    assert in_place("nhiêu đó đủ chưa") == "nhiêu đó đủ chưa"


@pytest.mark.parametrize(
    ("first", "then", "figure"),
    [
        ("kháng cáo quyết định sơ thẩm mấy ngày", "vậy bản án sơ thẩm thì sao", "15 ngày, kể từ ngày tuyên án"),
        ("kc qđ st mấy ngày", "còn bản án st", "15 ngày, kể từ ngày tuyên án"),
        ("khang cao quyet dinh so tham may ngay", "con ban an so tham thi nhieu ngay", "15 ngày, kể từ ngày tuyên án"),
        ("rút gọn thì kháng cáo có thời hạn riêng hông anh", "vậy bản án sơ thẩm thì nhiêu ngày", "15 ngày kháng cáo"),
        ("rut gon co thoi han khang cao rieng ko", "the ban an so tham thuong thi bao nhieu ngay", "15 ngày kháng cáo"),
        (
            "rút gọn có thời hạn kháng cáo riêng không",
            "vậy còn bản án sơ thẩm thường thì bao nhiêu ngày",
            "15 ngày kháng cáo",
        ),
        ("thời hạn kháng cáo bản án sơ thẩm", "còn quyết định sơ thẩm thì sao", "7 ngày"),
    ],
)
async def test_a_follow_up_swaps_a_member_of_the_answers_modifier(
    world: World, first: str, then: str, figure: str
) -> None:
    chat = await world.staff_chat("t10-swap")
    await chat.text(first)
    text = await chat.text(then)
    assert figure in text and "Căn cứ" in text, text


@pytest.mark.parametrize(
    ("question", "figures"),
    [
        ("dieu tra toi nghiem trong gia han lan thu nhat toi da bao lau", ("lần thứ nhất không quá 3 tháng",)),
        ("dt NT gh lần 1 bn", ("lần thứ nhất không quá 3 tháng",)),
        ("điều tra tội nghiêm trọng gia hạn lần 1 tối đa bao lâu", ("lần thứ nhất không quá 3 tháng",)),
        ("gia hạn điều tra tội ít nghiêm trọng lần 1 bao lâu", ("không quá 2 tháng",)),
        ("gh dt toi RNT lan 1 toi da bn", ("mỗi lần không quá 4 tháng",)),
        ("anh ơi điều tra tội ĐBNT gia hạn lần 2 tối đa bao lâu vậy", ("mỗi lần không quá 4 tháng",)),
        (
            "dieu tra toi nghiem trong gia han lan thu nhat toi da bao lau lan thu hai toi da bao lau",
            ("lần thứ nhất không quá 3 tháng", "lần thứ hai không quá 2 tháng"),
        ),
        ("điều tra tội RNT gia hạn lần thứ nhất tối đa mấy tháng", ("mỗi lần không quá 4 tháng",)),
    ],
)
async def test_how_long_an_extension_is_not_who_grants_it(
    world: World, question: str, figures: tuple[str, ...]
) -> None:
    text = await (await world.staff_chat("t10-length")).text(question)
    assert all(f in text for f in figures) and not text.startswith("Theo văn bản 2015"), text  # not who


@pytest.mark.parametrize(
    "question",
    [
        "ad ơi gh đt RNT lần 2 giờ vks nào gh, sau 1/7/2025 ấy",
        "gia han dieu tra RNT lan 2 vks nao gia han",
        "gia hạn điều tra tội nghiêm trọng thì viện kiểm sát nào gia hạn",
        "gh tgiam dt toi NT lan 1 vks nao gh",
        "gia hạn điều tra ĐBNT lần 3 cơ quan nào gia hạn",
        "điều tra tội ít nghiêm trọng gia hạn thì viện nào gia hạn",
        "gia hạn tạm giam RNT lần 2 thì vks nào có thẩm quyền",
        "gh điều tra tội RNT lần 1 cấp nào gh",
    ],
)
async def test_which_procuracy_extends_is_never_a_bare_length(world: World, question: str) -> None:
    text = await (await world.staff_chat("t10-who")).text(question)
    # the authority is stated with its caveat (Luật 99/2025), or asked about; never the limit alone as law
    assert "đối chiếu" in text or "Có phải anh/chị muốn hỏi" in text, text


@pytest.mark.parametrize(
    ("first", "then"),
    [
        ("tin bao giai quyet trong bao lau", "neu tam dinh chi thi QĐ gui vks trong bao lau"),
        ("thời hạn giải quyết tố giác tin báo", "tạm đình chỉ thì gửi quyết định cho VKS mấy giờ"),
        ("tb tp giai quyet may ngay", "tam dinh chi thi gui qd cho vks khi nao"),
        ("giải quyết nguồn tin tối đa bao lâu", "nếu tạm đình chỉ thì quyết định gửi VKS trong bao lâu"),
        ("tin báo về tội phạm giải quyết 20 ngày tính từ khi nào", "nếu tạm đình chỉ thì QĐ gửi vks trong bao lâu"),
        ("han giai quyet to giac toi pham", "tam dinh chi giai quyet thi gui vks trong may gio"),
        ("chị ơi tin báo giải quyết mấy ngày vậy", "vậy còn tạm đình chỉ thì gửi qđ cho viện trong bao lâu"),
        ("nguon tin ve toi pham giai quyet bao lau", "neu tam dinh chi thi qd gui vks trong bao lau"),
    ],
)
async def test_a_follow_up_stays_in_the_answers_branch(world: World, first: str, then: str) -> None:
    chat = await world.staff_chat("t10-branch")
    await chat.text(first)
    text = await chat.text(then)
    assert "24 giờ" in text and "Điều 148" in text, text


@pytest.mark.parametrize(
    ("first", "then"),
    [
        (
            "ban an phat tu ma bi cao dang tam giam thi hdxx tam giam tiep de dam bao tha bao nhieu ngay",
            "con bi cao tai ngoai bi bat ngay tai toa thi sao",
        ),
        ("tuyên án xong tạm giam bị cáo bao nhiêu ngày", "còn bị cáo tại ngoại bị bắt ngay tại tòa thì sao"),
        ("tam giam de bao dam thi hanh an bao lau", "con bi cao tai ngoai bi bat tai phien toa thi sao"),
        ("bị cáo bị phạt tù tạm giam sau phiên tòa mấy ngày", "thế bị cáo tại ngoại bị bắt tại phiên tòa thì sao"),
    ],
)
async def test_a_follow_up_the_answer_itself_states(world: World, first: str, then: str) -> None:
    chat = await world.staff_chat("t10-states")
    await chat.text(first)
    text = await chat.text(then)
    assert "45 ngày" in text and "Điều 329" in text, text


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("luat thi hanh tam giu tam giam hien nay la luat so may", "128/2025"),
        ("luật thi hành tạm giữ, tạm giam hiện hành là luật nào", "128/2025"),
        ("luật thi hành tạm giữ tạm giam mới là luật số mấy", "128/2025"),
        ("luat thi hanh tam giu, tam giam hien nay la luat nao a", "128/2025"),
        ("quy chế kiểm sát tạm giữ tạm giam hiện nay là quy chế nào", "259/QĐ-VKSTC"),
        ("qc ks tgiu tgiam hien hanh la qc nao", "259/QĐ-VKSTC"),
        ("ksv kv3 hoi: qd cq 501/2017 ks tgiu tgiam con hl k", "259/QĐ-VKSTC"),
        ("qđ 501/2017 còn hiệu lực không", "259/QĐ-VKSTC"),
        ("quyết định 501 về kiểm sát tạm giữ tạm giam còn áp dụng không", "259/QĐ-VKSTC"),
        ("vks khu vực có bao nhiêu đơn vị", "355"),
        ("vkskv co bn don vi", "355"),
        ("sau sáp nhập còn bao nhiêu vks khu vực", "355"),
    ],
)
async def test_the_kind_of_document_or_unit_named_decides(world: World, question: str, figure: str) -> None:
    text = await (await world.staff_chat("t10-kind")).text(question)
    assert figure in text and "Căn cứ" in text, text


@pytest.mark.parametrize(
    "question",
    [
        "hop dong vay het han tra no vao chu nhat thi ben vay tra tien ngay thu hai co bi tinh lai qua han khong",
        "hợp đồng vay tiền hết hạn đúng thứ 7 thì có được lùi sang thứ 2 không",
        "trả nợ ngân hàng rơi vào ngày lễ thì có bị tính lãi không",
        "em ơi lãi suất quá hạn tính thế nào khi hạn trả rơi vào chủ nhật",
        "đòi nợ thì thời hạn khởi kiện bao lâu",
        "anh hỏi: hạn trả nợ theo hợp đồng vay vào CN thì thứ 2 trả có sao không",
        "khoan vay den han ngay nghi thi tra ngay lam viec tiep theo co bi phat ko",
        "hop dong het han vao ngay le thi gia han the nao",
    ],
)
async def test_a_civil_loan_is_out_of_scope(world: World, question: str) -> None:
    text = await (await world.staff_chat("t10-civil")).text(question)
    assert "Căn cứ" not in text, text


@pytest.mark.parametrize(
    ("question", "figures"),
    [
        (
            "Ad oi, chuan bi ky niem ngay thanh lap nganh, anh can trich lai loi Bac day can bo kiem sat cho that "
            "chinh xac, 5 chu do la gi em nhi? Va nganh minh thanh lap ngay thang nam nao?",
            ("Công minh", "26/7/1960"),
        ),
        ("em đang làm bài phát biểu về lời Bác dạy cán bộ kiểm sát, mấy chữ đó là gì ạ", ("Công minh",)),
        ("e can trich loi bac day nganh kiem sat, 5 chu ay la gi", ("Công minh",)),
        ("anh đang soạn diễn văn, chủ đề thi đua năm 2024 của ngành, nó là gì vậy em", ("vượt khó",)),
        ("em dang lam to trinh gap, tam giu toi da bao lau", ("3 ngày",)),
    ],
)
async def test_an_aside_naming_what_is_pointed_at_is_kept(
    world: World, question: str, figures: tuple[str, ...]
) -> None:
    text = await (await world.staff_chat("t10-aside")).text(question)
    assert all(f in text for f in figures), text


@pytest.mark.parametrize(
    ("question", "first", "second"),
    [
        ("kc ban an st? kn cung cap?", "15 ngày, kể từ ngày tuyên án", "Viện kiểm sát cùng cấp"),
        ("kháng cáo bản án sơ thẩm? kháng nghị cấp trên?", "15 ngày", "30 ngày"),
        ("tạm giữ? gia hạn tạm giữ?", "Tối đa 3 ngày", "tối đa 9 ngày"),
        ("tgiam dt RNT? tgiam truy to RNT?", "4 tháng", "30 ngày"),
        ("cbxx NT? cbxx ĐBNT?", "45 ngày", "3 tháng"),
        ("dt it NT? dt DBNT?", "2 tháng", "4 tháng"),
        ("kc qd so tham? kn qd so tham?", "7 ngày", "15 ngày"),
        ("giữ người khẩn cấp? tạm giữ?", "12 giờ", "Tối đa 3 ngày"),
    ],
)
async def test_fragments_asking_by_their_mark(world: World, question: str, first: str, second: str) -> None:
    text = await (await world.staff_chat("t10-marks")).text(question)
    assert text.startswith("Câu hỏi của anh/chị có 2 phần") and first in text and second in text, text


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("khang nghi cap tren ban an so tham?", "30 ngày, kể từ ngày tuyên án, đối với Viện kiểm sát cấp trên"),
        ("kháng nghị cấp trên bản án sơ thẩm", "30 ngày, kể từ ngày tuyên án, đối với Viện kiểm sát cấp trên"),
        ("kn cap tren ban an st", "30 ngày, kể từ ngày tuyên án, đối với Viện kiểm sát cấp trên"),
        ("vks cấp trên kháng nghị bản án?", "30 ngày, kể từ ngày tuyên án, đối với Viện kiểm sát cấp trên"),
        ("kháng nghị cùng cấp bản án sơ thẩm?", "15 ngày, kể từ ngày tuyên án, đối với Viện kiểm sát cùng cấp"),
        ("kn cùng cấp?", "15 ngày, kể từ ngày tuyên án, đối với Viện kiểm sát cùng cấp"),
        ("tin báo cqđt đề nghị gia hạn chậm nhất trước mấy ngày", "Chậm nhất 5 ngày"),
        ("tố giác thì cqđt phải đề nghị gia hạn trước bao nhiêu ngày", "Chậm nhất 5 ngày"),
        ("gia hạn điều tra đề nghị trước mấy ngày", "Chậm nhất 10 ngày"),
    ],
)
async def test_the_level_or_branch_named_decides(world: World, question: str, figure: str) -> None:
    text = await (await world.staff_chat("t10-level")).text(question)
    assert figure in text and "Căn cứ" in text, text


async def test_a_crime_reports_two_questions_stay_in_its_branch(world: World) -> None:
    chat = await world.staff_chat("t10-tb2")
    text = await chat.text("tin báo: cqđt đề nghị gh chậm nhất trước bn ngày? vks gh max bn?")
    assert "Chậm nhất 5 ngày" in text and "không quá 2 tháng" in text and "Điều 147" in text, text


@pytest.mark.parametrize(
    ("question", "first", "second"),
    [
        ("dt NT toi da bao lau tgiam NT tối đa bn", "tối đa 8 tháng", "Tối đa 5 tháng"),
        ("điều tra tội RNT tối đa bao lâu, tạm giam tối đa bao lâu", "tối đa 12 tháng", "Tối đa 7 tháng"),
        ("dt DBNT max bn tgiam max bn", "tổng 16 tháng", "tổng 12 tháng"),
        ("điều tra tội ít nghiêm trọng tối đa bao lâu, còn tạm giam thì bao lâu", "2 tháng", "Tối đa 3 tháng"),
        ("truy tố tội NT bao nhiêu ngày, tạm giam bao nhiêu ngày", "20 ngày", "Tạm giam trong giai đoạn truy tố"),
    ],
)
async def test_a_second_part_keeps_the_first_parts_stage_and_category(
    world: World, question: str, first: str, second: str
) -> None:
    text = await (await world.staff_chat("t10-stage")).text(question)
    assert text.startswith("Câu hỏi của anh/chị có 2 phần") and first in text and second in text, text
    assert "tội nghiêm trọng" not in text.split("2. «")[1] or "NT" in question.split(",")[0], text


@pytest.mark.parametrize(
    ("first", "then", "figure"),
    [
        ("điều tra tội RNT tối đa bao lâu", "tạm giam thì sao", "Tạm giam để điều tra tội rất nghiêm trọng"),
        ("dt it NT bao lau", "tgiam bn", "Tạm giam để điều tra tội ít nghiêm trọng"),
        ("thoi han dieu tra toi DBNT", "con tam giam toi da bao lau", "Tạm giam để điều tra tội đặc biệt nghiêm trọng"),
    ],
)
async def test_a_follow_up_keeps_the_answers_category(world: World, first: str, then: str, figure: str) -> None:
    chat = await world.staff_chat("t10-cat")
    await chat.text(first)
    text = await chat.text(then)
    assert figure in text, text


@pytest.mark.parametrize(
    ("first", "then"),
    [
        ("giu nguoi khan cap", "bn gio phai qd tgiu hoac tha"),
        ("giữ người khẩn cấp", "mấy giờ phải tạm giữ hay thả"),
        ("gnkc", "bao nhieu tieng thi phai tgiu hay tha"),
        ("giữ người trong trường hợp khẩn cấp", "bao nhiêu giờ thì phải tạm giữ hay là tha"),
    ],
)
async def test_tha_is_release_and_the_answer_states_it(world: World, first: str, then: str) -> None:
    chat = await world.staff_chat("t10-tha")
    await chat.text(first)
    text = await chat.text(then)
    assert "12 giờ" in text and "Điều 110" in text, text


def test_tha_is_release_only_beside_what_releases() -> None:
    assert in_place("qd tgiu hoac tha") == "qd tgiu hoac tra tu do"
    assert in_place("yeu cau tha ngay") == "yeu cau tra tu do ngay"
    assert in_place("qd tha gui vks trong bao lau") == "qd tha gui vks trong bao lau"  # thi hành án
    assert in_place("co quan tha cap tinh") == "co quan tha cap tinh"


@pytest.mark.parametrize(
    "question",
    [
        "Hom truoc doan kiem sat cua anh xuong trai tam giam thay co mot truong hop bi giam qua han, lenh tam giam da "
        "het ma chua co lenh moi. Trong truong hop nay vks co quyen gi, co duoc yeu cau tha ngay khong em?",
        "lenh tam giam het ma chua co lenh moi thi vks co duoc yeu cau tha ngay khong",
        "kiểm sát trại tạm giam thấy người bị giam quá hạn không có lệnh thì vks làm gì",
        "anh ơi bị can bị giam quá hạn, vks có được yêu cầu trả tự do không em",
        "ksv phat hien nguoi bi giam qua han lenh het thi co quyen gi",
        "người bị giam giữ không có lệnh hợp pháp thì vks xử lý sao",
        "doan kiem sat thay nguoi bi tam giam qua han, vks yeu cau tha ngay duoc ko",
        "giam giữ quá hạn thì vks có quyền gì",
        "vks co duoc yeu cau tha nguoi bi giam trai phap luat khong",
    ],
)
async def test_held_past_the_order_the_procuracy_orders_release(world: World, question: str) -> None:
    text = await (await world.staff_chat("t10-release")).text(question)
    assert "yêu cầu trả tự do ngay" in text and "dẫn độ" not in text, text


def test_tha_tu_stays_parole() -> None:
    assert in_place("nguoi duoc tha tu truoc thoi han") == "nguoi duoc tha tu truoc thoi han"
    assert in_place("mấy giờ phải tạm giữ hay thả") == "mấy giờ phải tạm giữ hay trả tự do"


@pytest.mark.parametrize(
    "question",
    [
        "vks tinh thai nguyen nam 2024 dat muc tieu bao nhieu phan tram vu an phai bao cao ban can su duoc lam bao "
        "cao bang so do tu duy",
        "bao cao ban an bang so do tu duy la chi tieu cua vks nao",
        "vks tỉnh Thái Nguyên năm 2024 mục tiêu báo cáo bằng sơ đồ tư duy bao nhiêu phần trăm",
        "báo cáo bằng sơ đồ tư duy, vks thái nguyên 2024 đặt mục tiêu bao nhiêu %",
    ],
)
async def test_a_report_by_mind_map_names_no_cao_bang(world: World, question: str) -> None:
    text = await (await world.staff_chat("t10-caobang")).text(question)
    assert "100%" in text and "Thái Nguyên" in text and "Cao Bằng" not in text and "cao bang" not in text, text


async def test_cao_bang_named_is_still_a_place(world: World) -> None:
    text = await (await world.staff_chat("t10-caobang2")).text("chỉ tiêu của VKS Cao Bằng năm 2024")
    assert "chưa có thông tin về chỉ tiêu công tác riêng của VKS Cao Bằng" in text, text


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("ttg báo trc hết hạn tgiam đã gh bn ngày", "Điều 13"),
        ("trại tạm giam phải báo trước khi hết hạn tạm giam bao nhiêu ngày", "Điều 13"),
        ("nhà tạm giữ thông báo trước khi hết hạn tạm giữ mấy ngày", "Điều 13"),
        ("ntg bao truoc het han tgiu bn ngay", "Điều 13"),
        ("cơ sở giam giữ thông báo trước hết hạn tạm giam đã gia hạn mấy ngày", "Điều 13"),
        ("giam thi trai tam giam bao het han tgiam truoc may ngay", "Điều 13"),
        ("cqđt đề nghị gia hạn tạm giam trước mấy ngày", "Điều 173 khoản 2"),
    ],
)
async def test_the_facility_named_is_the_one_that_notifies(world: World, question: str, figure: str) -> None:
    text = await (await world.staff_chat("t10-facility")).text(question)
    assert figure in text and "Căn cứ" in text, text


@pytest.mark.parametrize(
    ("first", "then", "figure"),
    [
        ("vks huyen binh dai ben tre co phuong cham hai chan ba mui phai ko", "ba mui gom nhung gi vay", "bỏ lọt"),
        ("phuong cham hai chan ba mui cua vks binh dai", "ba mui gom nhung gi vay", "bỏ lọt"),
        ("hai chân ba mũi là gì", "hai chân là gì", "trong sạch"),
        ("vks huyen binh dai ben tre co phuong cham hai chan ba mui phai ko", "con hai chan la gi", "trong sạch"),
    ],
)
async def test_a_follow_up_quoting_the_answer(world: World, first: str, then: str, figure: str) -> None:
    chat = await world.staff_chat("t10-quote")
    await chat.text(first)
    text = await chat.text(then)
    assert figure in text and "Căn cứ" in text, text


@pytest.mark.parametrize(
    ("question", "figures"),
    [
        (
            "vks tp pho yen 2024: ks truc tiep co quan thahs ca cung cap toi thieu may lan/nam, ks ubnd xa co ng huong "
            "an treo ty le bn %",
            ("1 lần", "50%"),
        ),
        (
            "vks tp Phổ Yên năm 2024: kiểm sát cơ quan THAHS mấy lần một năm, UBND xã có người hưởng án treo bao nhiêu %",
            ("1 lần", "50%"),
        ),
    ],
)
async def test_a_heading_before_a_colon_goes_with_each_part(
    world: World, question: str, figures: tuple[str, ...]
) -> None:
    text = await (await world.staff_chat("t10-head")).text(question)
    assert text.startswith("Câu hỏi của anh/chị có 2 phần") and all(f in text for f in figures), text


@pytest.mark.parametrize(
    "question",
    [
        "cum thi dua so 6 nam 2020 dat bao nhieu tren tong so chi tieu",
        "cụm thi đua số 6 năm 2020 đạt bao nhiêu trên tổng số chỉ tiêu",
        "cum 6 nam 2020 dat bao nhieu chi tieu tren tong so",
    ],
)
async def test_how_many_out_of_a_total_is_no_new_thing_counted(world: World, question: str) -> None:
    text = await (await world.staff_chat("t10-share")).text(question)
    assert "127/129" in text, text


@pytest.mark.parametrize(
    "question",
    [
        "vks cap cao bi bo roi thi cong tac khang nghi phuc tham, giam doc tham cua vks cap cao chuyen ve dau",
        "bỏ vks cấp cao thì kháng nghị phúc thẩm do ai làm",
        "vks cấp cao còn không",
    ],
)
async def test_the_abolished_high_procuracies_work(world: World, question: str) -> None:
    text = await (await world.staff_chat("t10-capcao")).text(question)
    assert "VKSND tối cao" in text and "chưa kiểm chứng" in text.lower(), text
