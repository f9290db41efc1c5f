"""The robustness harness's confident wrong answers, fixed by mechanism (issue #15, guard10). Through the
dispatcher, own phrasings with and without diacritics, in shorthand, with padding:

* a comma typed away joins two clauses: put back after a moment before "hạn", before a "còn" between two
  questions, and before a yes or no question after an amount (``knowledge.kb.marks``);
* a rate asked ("1 ngày tạm giữ tính bằng bao nhiêu ngày tạm giam") is answered by the entry that states
  it, never by "1 tháng = 30 ngày" (``knowledge.kb.ratio``);
* shorthand and slips that changed the case: "trg" (trong, never "ttrg"), "khng"/"khog" (không: the
  negation kept), "rất NT" / "đặc biệt NT" (the category in full), "th 2 năm nay" (the month);
* a later part naming another member of a group ("NT" after "ít NT") is no detail of the first answer;
* "tg" before a stage with a date to count is asked (tạm giam or thời gian), never counted for one;
* a stated extension ending in "?" is counted like the one without it.
"""

from __future__ import annotations

import pytest

from tests.conftest import World
from tests.eval.judge import Case, judge_text

TWO = "Câu hỏi của anh/chị có 2 phần"


def verdict(question: str, text: str) -> str:
    return judge_text(Case(question, "NONE", frozenset(), 0), text).got


@pytest.mark.parametrize(
    ("question", "figures"),
    [
        # a moment, then "hạn" (the calculator reads the moment; not the worked example's 2024 dates)
        ("tuyen an st sang nay han kc va han kn cua vks cap tren", ["17/03/2026", "01/04/2026"]),
        ("tuyên án sơ thẩm sáng nay hạn kháng cáo đến ngày nào", ["17/03/2026"]),
        ("ban an tuyen hom nay han kn cua vks cap tren het ngay nao", ["01/04/2026"]),
        ("tuyen an st chieu nay thoi han kc het ngay nao", ["17/03/2026"]),
        ("tuyên án st hôm qua hạn kc hết ngày nào", ["16/03/2026"]),
        ("tuyen an ngay 20/02/2026 han kc het ngay nao", ["09/03/2026"]),
        ("a ơi bản án tuyên sáng nay hạn kc với hạn kn của vks cấp trên hết ngày nào ạ", ["17/03/2026", "01/04/2026"]),
    ],
)
async def test_a_moment_run_into_the_limit_is_still_counted(world: World, question: str, figures: list[str]) -> None:
    chat = await world.staff_chat("marks-moment")
    text = await chat.text(question)
    assert all(f in text for f in figures) and "2024" not in text, text


@pytest.mark.parametrize(
    ("question", "first", "second"),
    [
        # "còn" between two questions: the second keeps it (read against the first's subject)
        (
            "tb bi tdc vks huy qd tdc thi cqdt con bao lau de giai quyet tiep con khi phuc hoi thi gui qd cho vks"
            " trong may ngay",
            "1 tháng",
            "phục hồi giải quyết nguồn tin",
        ),
        ("tạm giữ tối đa bao lâu còn tạm giam điều tra tội NT tối đa bao lâu", "Tối đa 3 ngày", "Tối đa 5 tháng"),
        ("dt toi RNT toi da bn thang con truy to bn ngay", "tối đa 12 tháng", "30 ngày đối với tội rất nghiêm trọng"),
        # a yes or no question after an amount asked
        ("tgiu gh lần 1 max mấy ng có cần vks pc k", "mỗi lần không quá 3 ngày", "phê chuẩn"),
        ("tam giu toi da bao lau co duoc gia han khong", "Tối đa 3 ngày", "Gia hạn tối đa 2 lần"),
        ("khang cao ban an so tham may ngay co duoc khang cao qua han khong", "15 ngày", "quá hạn"),
    ],
)
async def test_two_questions_without_a_comma_each_answered(world: World, question: str, first: str, second: str) -> None:
    chat = await world.staff_chat("marks-parts")
    text = await chat.text(question)
    if text.startswith(TWO):
        one, two = text.split("\n2. ", 1)
        assert first.lower() in one.lower() and second.lower() in two.lower(), text
    else:  # one entry answers both
        assert first.lower() in text.lower() and second.lower() in text.lower(), text


CUSTODY_RATE = "1 ngày tạm giữ = 1 ngày tạm giam"
PRISON_RATE = "= 1 ngày tù"


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("1 ngày tạm giữ tính bằng bao nhiêu ngày tạm giam", CUSTODY_RATE),
        ("1 ngay tgiu bang may ngay tgiam", CUSTODY_RATE),
        ("1 ngày tạm giữ được tính là bao nhiêu ngày tạm giam ạ", CUSTODY_RATE),
        ("cho em hỏi 1 ngày tạm giữ bằng bn ngày tạm giam", CUSTODY_RATE),
        ("a oi 1 ngày tạm giữ đc tính bằng bn ngày tgiam a", CUSTODY_RATE),
        ("1 ngay tam giu quy ra may ngay tam giam", CUSTODY_RATE),
        ("1 ngay tam giu duoc tinh bang bao nhieu ngay tam giam", CUSTODY_RATE),
        ("1 ngày tạm giam bằng mấy ngày tù", PRISON_RATE),
        ("1 ngay tam giam tinh bang bao nhieu ngay tu", PRISON_RATE),
        ("1 ngày tạm giữ bằng mấy ngày cải tạo không giam giữ", "3 ngày cải tạo không giam giữ"),
        ("1 ngay tam giam doi ra bao nhieu ngay cai tao khong giam giu", "3 ngày cải tạo không giam giữ"),
        ("1 tháng tạm giam bằng bao nhiêu ngày", "1 tháng = 30 ngày"),  # a month in days: the conversion
    ],
)
async def test_a_rate_asked_is_answered_by_the_entry_that_states_it(world: World, question: str, figure: str) -> None:
    chat = await world.staff_chat("rate")
    text = await chat.text(question)
    assert verdict(question, text) == "answer" and figure in text, text
    if figure != "1 tháng = 30 ngày":
        assert "1 tháng = 30 ngày" not in text, text


@pytest.mark.parametrize(
    ("question", "same_as"),
    [
        # "trg" is "trong" (not "ttrg", thủ tục rút gọn); "trg hợp" is "trường hợp"
        ("truy tố xong giao cáo trạng cho bị can trg mấy ngày", "truy tố xong giao cáo trạng cho bị can trong mấy ngày"),
        ("giao cao trang cho bi can trg bao nhieu ngay", "giao cao trang cho bi can trong bao nhieu ngay"),
        ("trg giai doan truy to thi tam giam toi da bao lau", "trong giai doan truy to thi tam giam toi da bao lau"),
        ("trg hop rut gon thi truy to may ngay", "truong hop rut gon thi truy to may ngay"),
        # a negation with a letter left out or two swapped is still a negation
        (
            "tội ĐBNT khng phải ANQG thì tạm giam điều tra tối đa bao lâu",
            "tội ĐBNT không phải ANQG thì tạm giam điều tra tối đa bao lâu",
        ),
        ("dbnt khog phai anqg tgiam dt toi da bn thang", "dbnt khong phai anqg tgiam dt toi da bn thang"),
        ("toi dbnt kog phai anqg thi dieu tra toi da bao lau", "toi dbnt khong phai anqg thi dieu tra toi da bao lau"),
        ("tội ĐBNT khnog phải ANQG thì gia hạn điều tra mấy lần", "tội ĐBNT không phải ANQG thì gia hạn điều tra mấy lần"),
        # a category half shortened: read in full (the calculator too)
        (
            "toa thu ly vu rat NT ngay 09/03/2026 thi thoi han chuan bi xet xu het ngay nao",
            "toa thu ly vu rat nghiem trong ngay 09/03/2026 thi thoi han chuan bi xet xu het ngay nao",
        ),
        (
            "tòa thụ lý vụ đặc biệt NT ngày 09/03/2026 thì thời hạn chuẩn bị xét xử hết ngày nào",
            "tòa thụ lý vụ đặc biệt nghiêm trọng ngày 09/03/2026 thì thời hạn chuẩn bị xét xử hết ngày nào",
        ),
        (
            "khoi to vu an rat NT ngay 02/03/2026 thi dieu tra het ngay nao",
            "khoi to vu an rat nghiem trong ngay 02/03/2026 thi dieu tra het ngay nao",
        ),
        ("tạm giam để điều tra tội rất NT tối đa bao lâu", "tạm giam để điều tra tội rất nghiêm trọng tối đa bao lâu"),
        # "th 2 năm nay": the month, not Monday nor a count
        (
            "Lenh tg 2 th bat dau ng 20/02/2026, th 2 nam nay chi co 28 ng thi het han ng nao",
            "Lenh tam giam 2 thang bat dau ngay 20/02/2026, thang 2 nam nay chi co 28 ngay thi het han ngay nao",
        ),
    ],
)
async def test_shorthand_and_slips_read_as_the_word_in_full(world: World, question: str, same_as: str) -> None:
    typed, full = await world.staff_chat("short-typed"), await world.staff_chat("short-full")
    text, expected = await typed.text(question), await full.text(same_as)
    assert verdict(same_as, expected) == "answer", expected
    assert text == expected, f"{text}\n---\n{expected}"
