"""Two-part questions of round 9 ("tune9"), through the dispatcher: two named subjects with the one year
("phương châm 2021 với chủ đề thi đua 2021"), two topics listed without a question word, a second question
said as only what changes ("…, còn 12 tháng", "…, NT thì bao lâu", "…, còn tạm giam thì sao"), and a stage's
next step that the first answer states. Own phrasings, with and without diacritics."""

from __future__ import annotations

import pytest

from tests.conftest import World


def folded_has(text: str, *figures: str) -> bool:
    return all(f in text for f in figures)


@pytest.mark.parametrize(
    ("question", "figures"),
    [
        ("phuong cham nganh nam 2021 voi chu de thi dua 2021 la j", ("Thực chất", "Khát vọng cống hiến")),
        ("chủ đề thi đua 2024 với phương châm 2024", ("vượt khó", "liêm chính")),
        ("phương châm 2023 với chủ đề thi đua 2023 là gì", ("liêm chính", "gương mẫu")),
    ],
)
async def test_two_subjects_of_one_year(world: World, question: str, figures: tuple[str, ...]) -> None:
    text = await (await world.staff_chat("t9-year")).text(question)
    assert text.startswith("Câu hỏi của anh/chị có 2 phần") and folded_has(
        text.lower(), *(f.lower() for f in figures)
    ), text


@pytest.mark.parametrize(
    "question",
    [
        "lời dạy của Bác với cán bộ kiểm sát và ngày thành lập ngành",
        "loi day cua bac ho doi voi can bo kiem sat va ngay thanh lap nganh",
    ],
)
async def test_two_topics_listed(world: World, question: str) -> None:
    text = await (await world.staff_chat("t9-list")).text(question)
    assert "thận trọng" in text and "26/7/1960" in text, text


@pytest.mark.parametrize(
    ("question", "first", "second"),
    [
        ("tạm giam ít NT tối đa bao lâu, NT thì bao lâu", "Tối đa 3 tháng", "Tối đa 5 tháng"),
        (
            "tam giam toi it nghiem trong toi da bao lau, con nghiem trong thi bao lau",
            "Tối đa 3 tháng",
            "Tối đa 5 tháng",
        ),
        ("điều tra tội RNT tối đa bao lâu, còn ĐBNT?", "tối đa 12 tháng", "tối đa 20 tháng"),
        ("kỳ thống kê 6 tháng tính từ ngày nào đến ngày nào, còn 12 tháng", "31/5", "30/11"),
        ("ky thong ke 6 thang tu ngay nao den ngay nao, con 12 thang", "31/5", "30/11"),
        ("kỳ thống kê tháng tính từ ngày nào, còn 6 tháng", "tháng dương lịch", "31/5"),
    ],
)
async def test_a_second_question_said_as_only_what_changes(
    world: World, question: str, first: str, second: str
) -> None:
    text = await (await world.staff_chat("t9-ellipsis")).text(question)
    assert text.startswith("Câu hỏi của anh/chị có 2 phần"), text
    one, two = text.split("\n2. ", 1)
    assert first in one and second in two and second not in one, text


async def test_the_measure_changed_is_asked_again_not_dropped(world: World) -> None:
    # "…, còn tạm giam thì sao": the detention's limit depends on the stage; it is asked, never lost
    text = await (await world.staff_chat("t9-measure")).text("tam giu toi da may ngay, con tam giam thi sao")
    assert text.startswith("Câu hỏi của anh/chị có 2 phần") and "9 ngày" in text, text
    assert "2. «tam giam toi da may ngay»" in text, text


@pytest.mark.parametrize(
    "question",
    [
        "thu tuc rut gon o phuc tham: thu ly xong bao nhieu ngay phai ra qd dua ra xet xu, mo phien toa trong bao lau",
        "phúc thẩm rút gọn thì thụ lý xong mấy ngày phải ra quyết định, mở phiên tòa trong mấy ngày",
    ],
)
async def test_a_stage_s_next_step_that_the_answer_states(world: World, question: str) -> None:
    text = await (await world.staff_chat("t9-steps")).text(question)
    assert text.startswith("15 ngày") and "phiên tòa mở trong 7 ngày" in text and "Điều 465" in text, text
