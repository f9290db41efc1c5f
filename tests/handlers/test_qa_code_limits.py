"""The Code's time limits that no entry named before content8, through the dispatcher, each asked with and
without diacritics: the reply leads with the limit asked and cites the article it comes from."""

from __future__ import annotations

import pytest

from tests.conftest import World

# (question with diacritics, the same without, how the answer starts, the article cited, one more fact)
CASES = [
    (
        "cơ quan hữu quan trả lời kiến nghị khắc phục nguyên nhân, điều kiện phạm tội của cqđt trong mấy ngày",
        "co quan huu quan tra loi kien nghi khac phuc nguyen nhan, dieu kien pham toi cua cqdt trong may ngay",
        "15 ngày",
        "Điều 6 khoản 2",
        "30 ngày (Điều 264",
    ),
    (
        "người bị tạm giữ viết đơn nhờ luật sư thì trong bao lâu phải chuyển đơn",
        "nguoi bi tam giu viet don nho luat su thi trong bao lau phai chuyen don",
        "12 giờ",
        "Điều 75 khoản 2",
        "tạm giam là 24 giờ",
    ),
    (
        "luật sư nộp đủ giấy tờ đăng ký bào chữa thì trong mấy giờ phải vào sổ",
        "luat su nop du giay to dang ky bao chua thi trong may gio phai vao so",
        "24 giờ",
        "Điều 78 khoản 4",
        "từ chối bằng văn bản",
    ),
    (
        "biên bản hoạt động điều tra kiểm sát viên không trực tiếp kiểm sát thì cqđt chuyển vks trong mấy ngày",
        "bien ban hoat dong dieu tra kiem sat vien khong truc tiep kiem sat thi cqdt chuyen vks trong may ngay",
        "5 ngày",
        "Điều 88 khoản 5",
        "không quá 15 ngày",
    ),
    (
        "niêm yết văn bản tố tụng ít nhất bao nhiêu ngày",
        "niem yet van ban to tung it nhat bao nhieu ngay",
        "Ít nhất 15 ngày",
        "Điều 140",
        "ngày kết thúc việc niêm yết",
    ),
    (
        "thông báo văn bản tố tụng trên báo phải đăng mấy số liên tiếp",
        "thong bao van ban to tung tren bao phai dang may so lien tiep",
        "3 số liên tiếp",
        "Điều 141",
        "3 lần trong 3 ngày",
    ),
    (
        "có được hỏi cung bị can vào ban đêm không",
        "co duoc hoi cung bi can vao ban dem khong",
        "Ngay sau khi có quyết định khởi tố bị can",
        "Điều 183",
        "Không hỏi cung vào ban đêm",
    ),
    (
        "giao quyết định khởi tố bị can cho bị can khi nào",
        "giao quyet dinh khoi to bi can cho bi can khi nao",
        "Ngay sau khi nhận quyết định phê chuẩn",
        "Điều 179 khoản 3, khoản 5",
        "giải thích quyền, nghĩa vụ",
    ),
    (
        "bản án tử hình có hiệu lực thì gửi hồ sơ cho chánh án tandtc khi nào",
        "ban an tu hinh co hieu luc thi gui ho so cho chanh an tandtc khi nao",
        "7 ngày",
        "Điều 367 khoản 1",
        "hồ sơ vụ án phải gửi ngay",
    ),
    (
        "bản thuyết trình giám đốc thẩm gửi thành viên hội đồng trước mấy ngày",
        "ban thuyet trinh giam doc tham gui thanh vien hoi dong truoc may ngay",
        "Chậm nhất 7 ngày",
        "Điều 384",
        "4 tháng",
    ),
    (
        "tòa từ chối dẫn độ công dân việt nam thì chuyển hồ sơ cho vkstc trong mấy ngày",
        "toa tu choi dan do cong dan viet nam thi chuyen ho so cho vkstc trong may ngay",
        "10 ngày",
        "Điều 499",
        "truy cứu trách nhiệm hình sự",
    ),
    (
        "quyết định dẫn độ có hiệu lực mà nước yêu cầu không nhận người sau bao nhiêu ngày thì hủy biện pháp ngăn chặn",
        "quyet dinh dan do co hieu luc ma nuoc yeu cau khong nhan nguoi sau bao nhieu ngay thi huy bien phap ngan chan",
        "15 ngày",
        "Điều 506",
        "phải được hủy bỏ",
    ),
    (
        "cấm cư trú tối đa bao nhiêu năm",
        "cam cu tru toi da bao nhieu nam",
        "1 năm đến 5 năm",
        "Điều 42",
        "chấp hành xong hình phạt tù",
    ),
    (
        "tước một số quyền công dân mấy năm",
        "tuoc mot so quyen cong dan may nam",
        "1 năm đến 5 năm",
        "Điều 44",
        "hưởng án treo",
    ),
    (
        "chuyển đổi cải tạo không giam giữ sang tù tỷ lệ bao nhiêu",
        "chuyen doi cai tao khong giam giu sang tu ty le bao nhieu",
        "3 tháng đến 20 năm",
        "Điều 55",
        "3 ngày = 1 ngày tù",
    ),
]


@pytest.mark.parametrize("accented", [True, False], ids=["diacritics", "no_diacritics"])
@pytest.mark.parametrize("case", CASES, ids=[c[3] for c in CASES])
async def test_a_code_limit_is_answered_with_its_article(
    world: World, case: tuple[str, str, str, str, str], accented: bool
) -> None:
    question = case[0] if accented else case[1]
    start, article, fact = case[2:]
    chat = await world.staff_chat("code-limit")
    text = (await chat.text(question)).split("Xem thêm")[0]
    assert text.startswith(start), text
    assert article in text and fact in text and "Căn cứ:" in text, text


async def test_a_typo_ed_regulation_question_is_not_the_supplementary_penalties(world: World) -> None:
    """«quy chê» folds to the «chế» of «quản chế»: the question about the regulation keeps its answer."""
    chat = await world.staff_chat("code-limit-quy-che")
    text = await chat.text(
        "ksv phat hiện ngươi bị giam qua hạn không có lệnh thì vks có quyền yêu cầu trả tự do ngay không, "
        "theo quy chê nào"
    )
    assert "259" in text and "Điều 42" not in text, text
