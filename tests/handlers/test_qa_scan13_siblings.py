"""Siblings that differ in one qualifier, through the real dispatcher (scan13; the scans are
``tests/knowledge/test_scan13_siblings.py``): the first instance named is not answered with the appeal's figure, a
special procedure unnamed (rút gọn, ANQG) is not answered with its figure alone, a minor typed "ntn" is not given
the adults' limits, and the summary trial asked "bao lâu" is its 10 days, not its conditions."""

from __future__ import annotations

import pytest

from tests.conftest import World


async def reply(world: World, question: str) -> str:
    chat = await world.staff_chat("scan13-siblings")
    return await chat.text(question)


# The appeal's detention and trial preparation (Đ347, Đ346: 60 days at the provincial court, 90 at the high court)
_APPEAL = ("Tòa án cấp cao", "phúc thẩm")


@pytest.mark.parametrize(
    "question",
    [
        "tạm giam bị cáo ở giai đoạn sơ thẩm được bao lâu",
        "tgiam giai đoạn xét xử sơ thẩm mấy tháng",
        "anh ơi tạm giam ở cấp sơ thẩm thì được bao lâu vậy",
        "bị cáo bị tạm giam ở tòa sơ thẩm tối đa bao lâu",
        "tam giam bi cao giai doan so tham bao lau",
    ],
)
async def test_the_first_instance_named_is_never_the_appeals_detention(world: World, question: str) -> None:
    text = await reply(world, question)
    assert "60 ngày (Tòa án cấp tỉnh)" not in text and "90 ngày" not in text, text


@pytest.mark.parametrize(
    "question",
    [
        "toà sơ thẩm phải mở phiên tòa trong bao lâu",
        "toa so tham phai mo phien toa trong bao lau",
        "thẩm phán chủ tọa sơ thẩm phải ra quyết định trong bao nhiêu ngày kể từ ngày thụ lý",
        "thông báo phiên tòa sơ thẩm cho bị hại trước mấy ngày",
    ],
)
async def test_the_first_instance_named_is_never_the_appeals_trial(world: World, question: str) -> None:
    text = await reply(world, question)
    first = text.split("\n", 1)[0]
    assert "phúc thẩm" not in first and "60 ngày với Tòa án" not in text, text


@pytest.mark.parametrize(
    "question",
    [
        "vụ án phải kết thúc điều tra trong bao lâu",
        "vu an phai ket thuc dieu tra trong bao lau",
        "cqđt phải kết thúc điều tra vụ án trong bao lâu vậy anh",
    ],
)
async def test_the_summary_procedures_days_are_not_the_rule(world: World, question: str) -> None:
    text = await reply(world, question)
    assert not text.startswith("20 ngày"), text


@pytest.mark.parametrize(
    "question",
    ["tam giam toi gia han them bao lau", "tạm giam tội gì gia hạn thêm được bao lâu", "tgiam gh them toi da bn"],
)
async def test_the_national_security_extension_is_not_the_rule(world: World, question: str) -> None:
    text = await reply(world, question)
    assert not text.startswith("Tội xâm phạm an ninh quốc gia"), text


@pytest.mark.parametrize(
    "question",
    [
        "ntn pham toi tam giu bao lau",
        "bị can là ntn thì tạm giam bao lâu",
        "vụ án có ntn thì điều tra mấy tháng",
        "ntn bị tạm giam tối đa bao lâu",
    ],
)
async def test_a_minor_typed_ntn_is_not_given_the_adults_limits(world: World, question: str) -> None:
    text = await reply(world, question)
    assert "chưa thành niên" in text and not text.startswith("Tối đa 3 ngày"), text


@pytest.mark.parametrize("question", ["tạm giữ tính ntn", "thoi han tam giu tinh ntn", "gia hạn tạm giữ ntn"])
async def test_ntn_elsewhere_is_still_how(world: World, question: str) -> None:
    text = await reply(world, question)
    assert "chưa thành niên" not in text and "tạm giữ" in text.lower(), text


@pytest.mark.parametrize(
    "question",
    [
        "toa thu ly vu it nghiem trong bao lau phai dua ra xet xu theo thu tuc rut gon",
        "rút gọn thì tòa thụ lý bao lâu phải đưa vụ án ra xét xử",
        "xét xử rút gọn, tòa thụ lý xong trong bao lâu phải ra quyết định",
    ],
)
async def test_the_summary_trial_asked_how_long_is_its_days(world: World, question: str) -> None:
    text = await reply(world, question)
    assert text.startswith("10 ngày"), text


@pytest.mark.parametrize(
    "question",
    [
        "tòa phải mở phiên tòa trong bao lâu",
        "toa phai mo phien toa trong bao lau",
        "quyết định đưa vụ án ra xét xử gửi vks trước mấy ngày",
        "ksv nhận quyết định đưa vụ án ra xét xử trước bao lâu",
    ],
)
async def test_no_instance_named_is_never_the_appeal_alone(world: World, question: str) -> None:
    text = await reply(world, question)
    assert not text.startswith(("60 ngày", "10 ngày trước khi mở phiên tòa là hạn chậm nhất để Tòa án cấp phúc")), text


@pytest.mark.parametrize(
    "question",
    [
        "ty le phat hien nguoi bi giam giu trai luat",
        "tỷ lệ phát hiện người bị giam giữ trái luật là bao nhiêu",
        "ty le ubnd xa phai kiem sat co nguoi cai tao khong giam giu",
        "mỗi năm kiểm sát cơ quan thi hành án hình sự công an mấy lần",
    ],
)
async def test_a_units_target_without_the_unit_is_offered_never_a_penalty(world: World, question: str) -> None:
    chat = await world.staff_chat("scan13-units")
    text = await chat.text(question)
    offered = " ".join(b.text for b in chat.visible())
    # the unit's target is offered (a menu holding it), never the penalty's "3 tháng đến 20 năm" or a sentence's rule
    assert "Chỉ tiêu" in offered and not text.startswith(("3 tháng đến 20 năm", "1 lần mỗi năm")), text


@pytest.mark.parametrize(
    "question",
    [
        "tạm giữ được bao nhiêu ngày với người dưới 18",
        "bị can 16t tạm giữ tối đa mấy ngày",
        "nguoi chua du 18 pham toi thi tam giam dieu tra bao lau",
        "người chưa thành niên phạm tội, giữ người khẩn cấp thì trong bao lâu phải ra quyết định",
        "đối tượng 17t bị bắt khẩn cấp, vks phê chuẩn trong mấy giờ",
    ],
)
async def test_a_minor_however_typed_never_gets_the_adults_figure(world: World, question: str) -> None:
    text = await reply(world, question)
    adults = ("Tối đa 3 ngày", "12 giờ", "Trong 12 giờ")
    assert not any(a in text for a in adults) and ("chưa thành niên" in text or "chưa có thông tin" in text), text


@pytest.mark.parametrize(
    "question", ["án tù dưới 18 tháng có được hưởng án treo không", "tạm giam 2t thì hết ngày nào"]
)
async def test_eighteen_months_or_two_months_is_no_age(world: World, question: str) -> None:
    text = await reply(world, question)
    assert "chưa thành niên" not in text, text


@pytest.mark.parametrize(
    "question",
    [
        "Thời hạn chuẩn bị xét xử phúc thẩm tội ít nghiêm trọng",
        "thoi han chuan bi xx phuc tham toi it nghiem trong",
        "cbxx phúc thẩm vụ rất nghiêm trọng bao lâu",
        "chuẩn bị xét xử phúc thẩm tội đặc biệt nghiêm trọng mấy ngày",
    ],
)
async def test_the_appeals_preparation_with_a_category_is_offered(world: World, question: str) -> None:
    """The appeal's period does not change with the category (Đ346): never the first instance's figure alone."""
    chat = await world.staff_chat("scan13-appeal")
    text = await chat.text(question)
    offered = " ".join(b.text for b in chat.visible())
    assert "chuẩn bị xét xử phúc thẩm" in f"{text} {offered}", text
    assert not text.startswith(("30 ngày", "45 ngày", "2 tháng", "3 tháng")), text
