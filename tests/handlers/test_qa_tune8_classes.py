"""Round 8, tune8 (search): the classes behind the tuning sets' misses, through the dispatcher, in own
phrasings (with and without diacritics, shorthand), not the sets' rows.

* another branch of procedure (kinh doanh thương mại, dân sự, hành chính, lao động, phá sản, hôn nhân
  gia đình, thi hành án dân sự, xử lý vi phạm hành chính; "kdtm", "án ds", "án hc") is refused even when
  it shares "kháng nghị / kháng cáo / phúc thẩm"; the criminal case's own civil part stays in scope;
* the measure a chatty story names (tạm giam) decides the entry over "gia hạn" in the asking clause;
* "gia hạn tiếp / lần nữa / lần N được không" answered yes or no from the law's count per category;
* a follow-up whose case the answer itself states ("còn ở trại tạm giam") is answered by it;
* a document named by number ("qđ 139/2020") is the topic; "gđ" before a stage is "giai đoạn";
  "bây giờ còn không" is no moment for the calculator.
"""

from __future__ import annotations

import pytest

from tests.conftest import World
from tests.eval.judge import Case, judge_text

REFUSED = "chưa có thông tin"


def verdict(question: str, text: str) -> str:
    """What the judge of the evaluation sets reads the reply as (answer, refuse, ask, disclaimed)."""
    return judge_text(Case(question, "NONE", frozenset(), 0), text).got


@pytest.mark.parametrize(
    "question",
    [
        "thời hạn kháng nghị phúc thẩm bản án kinh doanh thương mại của vks cấp trên",
        "khang nghi phuc tham ban an kinh doanh thuong mai bao nhieu ngay",
        "kháng cáo bản án kdtm mấy ngày",
        "vks kháng nghị phúc thẩm án ds trong bn ngày",
        "khang cao ban an hc so tham may ngay",
        "kháng nghị phúc thẩm vụ án tranh chấp thương mại mấy ngày",
        "kháng cáo quyết định mở thủ tục phá sản trong bao lâu",
        "khang nghi phuc tham vu an hon nhan gia dinh bn ngay",
        "thời hạn kháng nghị giám đốc thẩm bản án kinh doanh thương mại",
        "tạm giữ người theo thủ tục xử lý vi phạm hành chính tối đa bao lâu",
        "thoi han khang nghi quyet dinh thi hanh an dan su",
        "thời hạn khởi kiện tranh chấp lao động",
    ],
)
async def test_another_branch_of_procedure_is_refused(world: World, question: str) -> None:
    chat = await world.staff_chat("tb")
    text = await chat.text(question)
    assert verdict(question, text) == "refuse", text
    assert "Căn cứ: BLTTHS" not in text


@pytest.mark.parametrize(
    ("first", "then"),
    [
        ("kháng nghị phúc thẩm bản án hình sự vks cùng cấp mấy ngày", "còn án kdtm thì sao"),
        ("khang cao ban an hinh su so tham may ngay", "con an ds thi sao"),
    ],
)
async def test_another_branch_in_a_follow_up_is_refused(world: World, first: str, then: str) -> None:
    chat = await world.staff_chat("tf")
    assert "15 ngày" in await chat.text(first)
    text = await chat.text(then)
    assert verdict(then, text) == "refuse", text


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("kháng cáo bản án hình sự sơ thẩm mấy ngày", "15 ngày"),
        ("kháng cáo phần dân sự trong bản án hình sự mấy ngày", "15 ngày"),
        ("kháng nghị phúc thẩm bản án hình sự vks cấp trên bn ngày", "30 ngày"),
    ],
)
async def test_the_criminal_case_and_its_civil_part_stay_in_scope(world: World, question: str, figure: str) -> None:
    chat = await world.staff_chat("tc")
    text = await chat.text(question)
    assert verdict(question, text) == "answer" and figure in text, text


@pytest.mark.parametrize(
    ("question", "figure", "not_this"),
    [
        (
            "chị ơi vụ trộm ít NT, bị can đang tgiam, 2 tháng sắp hết, muốn gh thì được thêm tối đa bao nhiêu ạ",
            "1 tháng",
            "Điều 172",
        ),
        ("vụ trộm ít NT, bị can đang bị giam, 2 tháng sắp hết muốn gh thì đc thêm bn", "1 tháng", "Điều 172"),
        # "cqđt", "vks" name who acts, not a stage or supervision: the story's tạm giam stays the subject
        (
            "vụ án NT bị can đang bị tạm giam, cqđt xin gh thì vks cho thêm tối đa mấy tháng",
            "Tội nghiêm trọng gia hạn 1 lần tối đa 2 tháng",
            "Điều 172",
        ),
        (
            "vu lua dao toi rat nghiem trong, bi can dang tam giam, sap het 4 thang, gh them duoc bn thang",
            "3 tháng",
            "Điều 172",
        ),
    ],
)
async def test_the_measure_the_story_names_decides_the_entry(
    world: World, question: str, figure: str, not_this: str
) -> None:
    chat = await world.staff_chat("tm")
    text = await chat.text(question)
    # the detention's extension (Đ173), never the investigation's (Đ172) that "gia hạn" alone finds
    assert "Điều 173" in text and figure in text and not_this not in text, text


async def test_the_measure_alone_when_the_category_does_not_fit_it(world: World) -> None:
    chat = await world.staff_chat("tg")
    text = await chat.text(
        "anh ơi vụ ít NT, đối tượng đang bị tạm giữ, 3 ngày sắp hết, muốn gh thì được thêm mấy ngày ạ"
    )
    # tạm giữ has no category: the story's "ít NT" is dropped, its measure kept (never the investigation's)
    assert "Điều 118" in text and "3 ngày" in text and "Điều 172" not in text, text


@pytest.mark.parametrize(
    ("question", "line"),
    [
        ("tội ít nghiêm trọng gia hạn điều tra lần 2 được không", "Không: tội ít nghiêm trọng chỉ được gia hạn 1 lần"),
        ("toi it nghiem trong da gia han dieu tra 1 lan roi, gh tiep dc ko", "Không: tội ít nghiêm trọng chỉ được"),
        ("tội ít nghiêm trọng gia hạn tạm giam lần 2 được không", "Không: tội ít nghiêm trọng chỉ được gia hạn 1 lần"),
        (
            "tội rất nghiêm trọng đã gia hạn điều tra 2 lần rồi, gia hạn thêm lần nữa được không",
            "Không: tội rất nghiêm trọng chỉ được gia hạn 2 lần",
        ),
        ("tạm giữ gia hạn lần 3 được không", "Không: chỉ được gia hạn 2 lần"),
        ("tam giu gh lan 2 dc k", "Được: được gia hạn tối đa 2 lần"),
        (
            "tội nghiêm trọng gia hạn điều tra lần thứ hai được không",
            "Được: tội nghiêm trọng được gia hạn tối đa 2 lần",
        ),
        (
            "anh ơi vụ trộm ít NT, cqđt gia hạn điều tra rồi, giờ hết hạn mà chưa xong thì gia hạn tiếp được không",
            "Không: tội ít nghiêm trọng chỉ được gia hạn 1 lần",
        ),
    ],
)
async def test_one_more_extension_is_answered_yes_or_no(world: World, question: str, line: str) -> None:
    chat = await world.staff_chat("te")
    text = await chat.text(question)
    assert line in text and "Căn cứ: BLTTHS 2015" in text, text


@pytest.mark.parametrize(
    "question",
    [
        # a very complex ĐBNT case has one more (Đ172 k3): never a plain no
        "toi dac biet nghiem trong gia han dieu tra lan 4 duoc khong",
        # the extensions already had are unsaid and the law gives two: no guess
        "tội nghiêm trọng gia hạn điều tra tiếp được không",
    ],
)
async def test_no_yes_or_no_when_the_count_does_not_settle_it(world: World, question: str) -> None:
    chat = await world.staff_chat("tn")
    text = await chat.text(question)
    assert "▶ Không" not in text and "▶ Được" not in text, text


@pytest.mark.parametrize("then", ["còn ở trại tạm giam", "con trai tam giam thi sao"])
async def test_a_follow_up_whose_case_the_answer_states(world: World, then: str) -> None:
    chat = await world.staff_chat("tk")
    first = await chat.text("ksv kiểm sát trực tiếp hồ sơ ở nhà tạm giữ bao lâu một lần")
    assert "Hằng ngày tại nhà tạm giữ" in first
    text = await chat.text(then)
    assert "hằng tuần tại trại tạm giam" in text and "Về: Tần suất kiểm sát" in text, text


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("qđ 139/2020 về chỉ tiêu còn dùng không", "358"),
        ("qd 139/2020 con hieu luc ko", "358"),
        ("quyết định 358/2025 còn áp dụng không", "358/QĐ-VKSTC"),
        ("tgiam rút gọn gđ truy tố tối đa bn ngày", "truy tố không quá 5 ngày"),
        ("tam giam rut gon gd dieu tra toi da bao lau", "điều tra không quá 20 ngày"),
        ("những đức tính bác hồ dạy người cán bộ kiểm sát", "Công minh"),
        ("vks cấp cao bây giờ còn không anh", "tối cao"),
    ],
)
async def test_document_numbers_stage_shorthand_and_organisation(world: World, question: str, figure: str) -> None:
    chat = await world.staff_chat("td")
    text = await chat.text(question)
    assert verdict(question, text) == "answer" and figure in text, text


async def test_now_still_is_no_moment_but_from_now_is(world: World) -> None:
    chat = await world.staff_chat("tw")
    text = await chat.text("vks cấp cao bây giờ còn không, phúc thẩm chuyển về đâu")
    assert "Bắt đầu:" not in text and "tối cao" in text, text  # no calculator card
    card = await chat.text("tạm giữ từ bây giờ thì hết hạn lúc nào")
    assert "Bắt đầu: 08:00" in card, card
