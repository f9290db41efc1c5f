"""Knowledge and wording of round 9 ("tune9"), through the dispatcher: detention that ends on the trial day
(until the hearing ends, Đ278 k3), an order expired with no new one (release), custody counted through
weekends ("thứ 7", "trừ ra"), the biên bản of a direct check ("bb", "nd"), the kháng cáo of a first-instance
decision, the special ANQG detention, the written request before a nguồn tin extension ("vb"). Own phrasings."""

from __future__ import annotations

import pytest

from knowledge.kb.what_to_do import asks_what_to_do
from tests.conftest import World


def body(text: str) -> str:
    return text.split("Xem thêm")[0]


async def ask(world: World, question: str) -> str:
    return body(await (await world.staff_chat("t9-kb")).text(question))


@pytest.mark.parametrize(
    "question",
    [
        "anh ơi đến ngày mở phiên tòa mà lệnh tạm giam bị cáo hết hạn thì hđxx xử lý sao ạ",
        "Anh ơi đến ngày mở phiên tòa mà lệnh tạm giam của bị cáo hết hạn rồi thì xử lý sao ạ",
        "hom nay mo phien toa ma lenh tam giam bi cao het han thi hdxx lam gi",
    ],
)
async def test_detention_ending_on_the_trial_day(world: World, question: str) -> None:
    text = await ask(world, question)
    assert "đến khi kết thúc phiên tòa" in text and "Điều 278 khoản 3" in text, text


@pytest.mark.parametrize(
    "question",
    [
        "ad ơi lệnh tạm giam của 1 bị can bên trại hết hạn hôm nay mà chưa thấy lệnh mới hay gia hạn thì phải làm sao ạ",
        "hết hạn tạm giam mà không có lệnh gia hạn thì sao",
    ],
)
async def test_an_order_expired_without_a_new_one_means_release(world: World, question: str) -> None:
    text = await ask(world, question)
    assert "trả tự do" in text and "kết thúc phiên tòa" not in text, text


@pytest.mark.parametrize(
    "question",
    [
        "tam giu co tinh ca thu 7 chu nhat, ngay le khong hay tru ra",
        "tạm giam có tính thứ 7, chủ nhật không hay trừ ra",
        "tgiu co tinh t7 cn khong",
    ],
)
async def test_custody_runs_through_weekends(world: World, question: str) -> None:
    text = await ask(world, question)
    assert text.startswith("Có tính") and "liên tục" in text, text


@pytest.mark.parametrize(
    "question", ["bb ks trực tiếp ntg thường phải nêu những nd gì", "bien ban kiem sat nha tam giu gom nhung nd gi"]
)
async def test_the_record_of_a_direct_check(world: World, question: str) -> None:
    text = await ask(world, question)
    assert "quá hạn" in text and "Thường gồm" in text, text


@pytest.mark.parametrize(
    "question",
    [
        "khang cao quyet dinh so tham thi bao nhieu ngay",
        "kháng cáo quyết định sơ thẩm trong mấy ngày",
        "kc quyet dinh so tham bn ngay",
    ],
)
async def test_the_appeal_against_a_first_instance_decision(world: World, question: str) -> None:
    text = await ask(world, question)
    assert text.startswith("7 ngày") and "Điều 333" in text, text


@pytest.mark.parametrize(
    "question",
    [
        "tội ĐBNT xâm phạm anqg trường hợp đặt biệt thì tạm giam được đến khi nào",
        "toi dbnt xam pham anqg truong hop dac biet tam giam den khi nao",
    ],
)
async def test_the_special_national_security_detention(world: World, question: str) -> None:
    text = await ask(world, question)
    assert "đến khi kết thúc" in text and "an ninh quốc gia" in text, text


@pytest.mark.parametrize(
    "question",
    [
        "anh oi cqdt muon xin gh thoi han giai quyet tb thi phai gui vb truoc han it nhat may ngay vay anh",
        "cqđt xin gia hạn xác minh tin báo phải gửi vb đề nghị trước mấy ngày",
    ],
)
async def test_the_written_request_before_a_nguon_tin_extension(world: World, question: str) -> None:
    text = await ask(world, question)
    assert text.startswith("Chậm nhất 5 ngày"), text


def test_what_to_do_is_asked_apart_from_a_date() -> None:
    assert asks_what_to_do("lệnh tạm giam hết hạn hôm nay mà chưa thấy lệnh mới thì phải làm sao ạ")
    assert asks_what_to_do("hom nay xu ma lenh tam giam het han thi hdxx xu ly the nao")
    # a date asked, or "thì sao" after a period: the calculator's
    assert not asks_what_to_do("tạm giam 2 tháng từ hôm nay thì hết ngày nào, phải làm sao")
    assert not asks_what_to_do("tam giam 2 thang tu 01/03/2026, neu gia han thi sao")


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("vi pham quy dinh tham gia giao thong khoan 1 dieu 260 thi thoi han dieu tra bao lau", "3 tháng"),
        ("trộm cắp tài sản khoản 2 điều 173 thì tạm giam để điều tra tối đa bao lâu", "Tối đa 5 tháng"),
        ("trom cap tai san khoan 1 dieu 173 blhs thi dieu tra bao lau", "2 tháng"),
    ],
)
async def test_a_cited_blhs_clause_gives_the_category(world: World, question: str, figure: str) -> None:
    text = await ask(world, question)
    reason, answer = text.split("\n")[:2]  # why the clause is of its category first (round 10), then the limit
    assert reason.endswith("(Điều 9 BLHS).") and (answer.startswith(figure) or figure in answer), text
