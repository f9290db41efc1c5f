"""The robustness harness's confident wrong answers, fixed by mechanism (issue #15, guard10). Through the
dispatcher, own phrasings with and without diacritics, in shorthand, with padding:

* a comma typed away joins two clauses: put back after a moment before "hạn" and before a yes or no
  question after an amount (``knowledge.kb.marks``);
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
from tests.eval.transforms_marks import strip_diacritics

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
        # "còn" between two questions (the cut at "còn" reads them apart; no comma is put back there)
        ("tạm giữ tối đa bao lâu còn tạm giam điều tra tội NT tối đa bao lâu", "Tối đa 3 ngày", "Tối đa 5 tháng"),
        ("dt toi RNT toi da bn thang con truy to bn ngay", "tối đa 12 tháng", "30 ngày đối với tội rất nghiêm trọng"),
        # a yes or no question after an amount asked
        ("tgiu gh lần 1 max mấy ng có cần vks pc k", "mỗi lần không quá 3 ngày", "phê chuẩn"),
        ("tam giu toi da bao lau co duoc gia han khong", "Tối đa 3 ngày", "Gia hạn tối đa 2 lần"),
        ("khang cao ban an so tham may ngay co duoc khang cao qua han khong", "15 ngày", "quá hạn"),
    ],
)
async def test_two_questions_without_a_comma_each_answered(
    world: World, question: str, first: str, second: str
) -> None:
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
        (
            "truy tố xong giao cáo trạng cho bị can trg mấy ngày",
            "truy tố xong giao cáo trạng cho bị can trong mấy ngày",
        ),
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
        (
            "tội ĐBNT khnog phải ANQG thì gia hạn điều tra mấy lần",
            "tội ĐBNT không phải ANQG thì gia hạn điều tra mấy lần",
        ),
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


@pytest.mark.parametrize(
    ("first", "follow_up", "figure"),
    [
        # a slip no entry has (a letter left out) is no evidence against the answer followed up
        ("giải quyết tố giác tin báo bn ngày", "nếu vụ iệc phức tạp ko kịp thì sao", "2 tháng"),
        ("giải quyết tin báo tối đa bao nhiêu ngày", "nếu vụ iệc phức tạp thì sao", "2 tháng"),
        ("nguon tin ve toi pham giai quyet may ngay", "neu phuc tap, nhieu dia iem thi sao", "2 tháng"),
        ("giai quyet nguon tin bao nhieu ngay", "neu phai xac minh nhieu dia iem thi sao", "2 tháng"),
        ("gq tin bao toi da may ngay", "neu vu vec phuc tap thi sao", "2 tháng"),
        # a slipped category in a follow-up that only follows up ("còn vụ dbn")
        ("truy to vu it NT bn ngay", "con vu dbn", "30 ngày đối với tội rất nghiêm trọng và tội đặc biệt"),
        ("truy to vu it NT bn ngay", "con vu dnt", "30 ngày đối với tội rất nghiêm trọng và tội đặc biệt"),
        ("truy tố vụ ít NT bao nhiêu ngày", "thế còn tội đbt", "30 ngày đối với tội rất nghiêm trọng và tội đặc biệt"),
        # Telex keys left in ("toongr" is "tổng"; "oong" is a syllable only after x, b, g, l)
        ("tam giam de dieu tra toi RNT toi da bao lau", "the toongr cong toi da bao nhieu thang", "Tối đa 7 tháng"),
        (
            "gia hạn tạm giam để điều tra tôi RNT tối đa bao lâu",
            "ad ơi, thế toongr cộng tối đa bao nhiêu tháng thế",
            "7 tháng",
        ),
    ],
)
async def test_a_follow_up_with_a_slip_stays_on_the_answer(
    world: World, first: str, follow_up: str, figure: str
) -> None:
    chat = await world.staff_chat("slip-follow")
    await chat.text(first)
    text = await chat.text(follow_up)
    assert verdict(follow_up, text) == "answer" and figure in text, text
    assert "tranh luận tại phiên tòa" not in text and "Kết quả truy tố" not in text, text


@pytest.mark.parametrize(
    ("question", "first", "second"),
    [
        ("tạm giam ít NT tối đa là bao lâu, NT thì bao lâu", "Tối đa 3 tháng", "5 tháng"),
        ("tg ít NT tối đa bao lâu, NT thì bao lâu", "Tối đa 3 tháng", "5 tháng"),
        ("tạm giam ít NT tối đa trong bao lâu, NT thì bao lâu", "Tối đa 3 tháng", "5 tháng"),
        ("tam giam it nghiem trong toi da la bao lau, nghiem trong thi bao lau", "Tối đa 3 tháng", "5 tháng"),
        ("tạm giam tội NT tối đa là bao lâu, RNT thì sao", "Tối đa 5 tháng", "7 tháng"),
        ("điều tra tội ít NT tối đa là bao lâu, còn NT", "tối đa 4 tháng", "8 tháng"),
        ("chi oi dieu tra toi it NT toi da la bao lau, NT thi bao lau a", "tối đa 4 tháng", "8 tháng"),
        ("truy tố tội ít NT là bao nhiêu ngày, ĐBNT thì sao", "20 ngày", "30 ngày"),
        ("tam giu toi da la bao lau, tam giam de dieu tra NT thi sao", "Tối đa 3 ngày", "5 tháng"),
        ("kháng cáo bản án sơ thẩm là mấy ngày, phúc thẩm thì sao", "15 ngày", "phúc thẩm"),
    ],
)
async def test_another_member_is_never_answered_by_the_first_part(
    world: World, question: str, first: str, second: str
) -> None:
    """ "NT" after "ít NT" is another question: answered, or asked back — never the first figure alone."""
    chat = await world.staff_chat("member")
    text = await chat.text(question)
    assert first.lower() in text.lower(), text
    if text.startswith(TWO):
        two = text.split("\n2. ", 1)[1]
        assert second.lower() in two.lower() or "Chưa rõ ý phần này" in two, text
    else:
        assert second.lower() in text.lower(), text


@pytest.mark.parametrize(
    "question",
    [
        "vụ rút gọn, tg điều tra từ hôm nay thì tối đa tới hết ngày nào",
        "vu rut gon, tg dieu tra tu hom nay thi toi da toi het ngay nao",
        "tg điều tra từ 02/03/2026 thì hết ngày nào",
        "vu rut gon tg truy to tu hom nay toi da den ngay nao",
        "tg dieu tra toi NT tu ngay 01/03/2026 thi het ngay nao",
        "a ơi vụ rút gọn tg đt từ hôm nay hết ngày nào ạ",
        "tg dt tu 01/03/2026 toi RNT thi het ngay nao",
        "tg để điều tra từ hôm qua thì hết hạn ngày nào",
        "tg xet xu tu 02/03/2026 het ngay nao",
        "vu rut gon tg cbxx tu hom nay den ngay nao",
    ],
)
async def test_an_unsettled_tg_before_a_stage_is_asked_before_counting(world: World, question: str) -> None:
    """ "tg điều tra" is tạm giam (để) điều tra or thời gian điều tra: their dates differ; asked, never counted."""
    chat = await world.staff_chat("tg-stage")
    text = await chat.text(question)
    # a question back (ours, or the calculator's own "«tg» có thể là …"), no card counted
    assert "«tg»" in text and "hết 24:00" not in text and "Ngày cuối cùng" not in text, text


@pytest.mark.parametrize(
    "question",
    [
        "tg 2 tháng từ 01/03/2026 hết ngày nào",  # a length in months: tạm giam
        "lenh tg 2 thang tu 01/03/2026 het ngay nao",
        "tgiu 3 ng roi chuyen tg 2 th tu 01/03/2026 thi het ngay nao",
    ],
)
async def test_a_tg_the_message_settles_is_still_counted(world: World, question: str) -> None:
    chat = await world.staff_chat("tg-settled")
    text = await chat.text(question)
    assert "TẠM GIAM" in text and "«tg»" not in text, text


@pytest.mark.parametrize(
    ("first", "follow_up", "figure"),
    [
        ("tạm giữ lúc 20h 27/02 hết khi nào", "nếu gia hạn thêm 3 ngày nữa?", "05/03/2026"),
        ("tạm giữ lúc 20h 27/02 hết khi nào", "nếu gia hạn thêm 3 ngày nữa??", "05/03/2026"),
        ("tạm giữ lúc 20h 27/02 hết khi nào", "nếu gia hạn thêm 3 ngày nữa", "05/03/2026"),
        ("tgiu tu 20h ngay 27/02/2026 het khi nao", "gh them 3 ngay nua??", "05/03/2026"),
        ("tgiu tu 20h ngay 27/02/2026 het khi nao", "gh them 3 ngay nua ?", "05/03/2026"),
        ("tam giu tu 8h sang 01/03/2026 thi het luc nao", "neu gia han them 3 ngay nua?", "07/03/2026"),
        ("tạm giữ từ 8h sáng 01/03/2026 thì hết lúc nào", "thế gia hạn thêm 3 ngày?", "07/03/2026"),
        ("tạm giữ từ 8h sáng 01/03/2026 thì hết lúc nào", "còn nếu gia hạn 3 ngày nữa?", "07/03/2026"),
        ("tam giu tu 8h sang 01/03/2026 thi het luc nao", "vay gia han them 3 ngay nua thi sao?", "07/03/2026"),
        ("tam giu tu 8h sang 01/03/2026 thi het luc nao", "gia han them 3 ngay nua ạ?", "07/03/2026"),
    ],
)
async def test_a_stated_extension_ending_in_a_question_mark_is_counted(
    world: World, first: str, follow_up: str, figure: str
) -> None:
    chat = await world.staff_chat("ext-mark")
    await chat.text(first)
    text = await chat.text(follow_up)
    assert figure in text and "TẠM GIỮ" in text, text


@pytest.mark.parametrize(
    ("question", "same_as"),
    [
        # two known words typed without the space between them
        ("tamgiam toi RNT toi da bao lau", "tam giam toi RNT toi da bao lau"),
        ("tạm giam tội rất nghiêm trọng tối đa baolâu", "tạm giam tội rất nghiêm trọng tối đa bao lâu"),
        ("tamgiu co duoc giahan khong", "tam giu co duoc gia han khong"),
        ("tạmgiữ tối đa mấy ngày", "tạm giữ tối đa mấy ngày"),
        ("khangcao ban an so tham may ngay", "khang cao ban an so tham may ngay"),
        ("truyto toi NT bn ngay", "truy to toi NT bn ngay"),
        ("thoihan dieu tra toi DBNT toi da bao lau", "thoi han dieu tra toi DBNT toi da bao lau"),
        ("tam giam de dieutra toi NT toi da bao lau", "tam giam de dieu tra toi NT toi da bao lau"),
        ("khangnghi cua vks cap tren may ngay", "khang nghi cua vks cap tren may ngay"),
        ("chị ơi tgiam tội NT toida bn tháng ạ", "chị ơi tgiam tội NT tối đa bn tháng ạ"),
        # "không" with a slip before "phải" is still the negation
        (
            "đbnt kông phải anqg thì tạm giam điều tra tối đa bao lâu",
            "đbnt không phải anqg thì tạm giam điều tra tối đa bao lâu",
        ),
        (
            "dbnt khogn phai anqg thi tam giam dieu tra toi da bao lau",
            "dbnt khong phai anqg thi tam giam dieu tra toi da bao lau",
        ),
        ("dbnt khon phai anqg tgiam dt max bn thang", "dbnt khong phai anqg tgiam dt max bn thang"),
        (
            "ĐBNT hông phải ANQG thì tạm giam điều tra tối đa bao lâu",
            "ĐBNT không phải ANQG thì tạm giam điều tra tối đa bao lâu",
        ),
    ],
)
async def test_words_run_together_or_slipped_read_as_typed_apart(world: World, question: str, same_as: str) -> None:
    typed, full = await world.staff_chat("joined-typed"), await world.staff_chat("joined-full")
    text, expected = await typed.text(question), await full.text(same_as)
    assert verdict(same_as, expected) == "answer", expected
    assert text == expected, f"{text}\n---\n{expected}"


@pytest.mark.parametrize(
    ("question", "same_as"),
    [
        # the phone's Vietnamese keyboard off: Telex keys left in every word
        (
            "kyf thoongs kee 6 thangs vaf 12 thangs tinhs tuwf ngayf naof",
            "ky thong ke 6 thang va 12 thang tinh tu ngay nao",
        ),
        (
            "ksv cho e hoir tgiam dt its NT vaf NT toois dda bn thangs",
            "ksv cho e hoi tgiam dt it NT va NT toi da bn thang",
        ),
        (
            "tgiam its NT vaf ddieeuf tra its NT toois dda car gia hanj",
            "tgiam it NT va dieu tra it NT toi da ca gia han",
        ),
        (
            "Lowif Bacs dayj cans booj kieemr sats laf gif, vaf phuwowng chaam coong tacs nawm 2021 cuar nganhf?",
            "Loi Bac day can bo kiem sat la gi, va phuong cham cong tac nam 2021 cua nganh?",
        ),
        ("ddk aps dungj tt ruts gonj cos aps cho tooij NT ddc ko", "dk ap dung tt rut gon co ap cho toi NT dc ko"),
        (
            "thowf hanj chuaanr bij xets xuwr vuj ddawcj bieetj nghieem trongj",
            "thoi han chuan bi xet xu vu dac biet nghiem trong",
        ),
        ("tamj giuwx tooi ddaa maays ngayf", "tam giu toi da may ngay"),
        ("truy toos vuj its NT bn ngayf || conf vuj ddbnt", "truy to vu it NT bn ngay || con vu dbnt"),
        ("bawts qtang r thif cqddt cos bn h ddeer ra qdd tgiu", "bat qtang r thi cqdt co bn h de ra qd tgiu"),
        ("gia hanj tamj giuwx ddc maays laanf", "gia han tam giu dc may lan"),
        # negation shorthand, as the calculator reads it
        (
            "Áp dụng thủ tục rút gọn, bắt tạm giam bị can để điều tra 20 ngày từ ngày 10/03/2026, trước đó hông tạm giữ,"
            " lệnh ghi hết ngày nào em?",
            "Áp dụng thủ tục rút gọn, bắt tạm giam bị can để điều tra 20 ngày từ ngày 10/03/2026, trước đó không tạm"
            " giữ, lệnh ghi hết ngày nào em?",
        ),
        (
            "tạm giam 2 tháng từ 01/03/2026, trước đó ko tạm giữ thì hết ngày nào",
            "tạm giam 2 tháng từ 01/03/2026, trước đó không tạm giữ thì hết ngày nào",
        ),
    ],
)
async def test_telex_keys_and_negation_shorthand_read_as_typed_plainly(
    world: World, question: str, same_as: str
) -> None:
    typed, plain = await world.staff_chat("telex-typed"), await world.staff_chat("telex-plain")
    first, second = question.split(" || ") if " || " in question else ("", question)
    first_plain, second_plain = same_as.split(" || ") if " || " in same_as else ("", same_as)
    if first:
        await typed.text(first)
        await plain.text(first_plain)
    text, expected = await typed.text(second), await plain.text(second_plain)
    assert verdict(second_plain, expected) == "answer", expected
    assert text == expected, f"{text}\n---\n{expected}"


_STORY = (
    "chào em, anh hỏi em chút chuyện tính ngày: lệnh tạm giam mà ngày cuối rơi vào mùng 1 Tết hay chủ nhật thì có"
    " được lùi sang ngày làm việc tiếp theo không em, anh nhớ là không nhưng muốn chắc, với lại 1 tháng tạm giam"
    " tính là 30 ngày hay theo lịch, cảm ơn em"
)


@pytest.mark.parametrize(
    ("question", "first", "second"),
    [
        (_STORY, "Có tính", "30 ngày"),
        (strip_diacritics(_STORY), "Có tính", "30 ngày"),
        (f"a oi cho em hoi {strip_diacritics(_STORY)} vay", "Có tính", "30 ngày"),
        (_STORY.replace("tạm giam", "tgiam").replace("không", "ko"), "Có tính", "30 ngày"),
        (
            "chao em, anh hoi chut: tam giam het han vao chu nhat thi co lui sang thu 2 khong, anh nho la khong nhung"
            " muon chac, voi lai 1 thang tam giam tinh 30 ngay hay theo lich",
            "ngày nghỉ",
            "30 ngày",
        ),
        (
            # ("thì tha lúc nào" is no longer read since «tha» became trả tự do only beside what releases: round 11's
            # merge left it unanswered alone; the aside is what this row tests)
            "a oi, tam giu het han luc nua dem thi tra tu do luc nao, e nho la dung gio nhung muon chac, voi lai gia han"
            " tam giu toi da may lan",
            "72 giờ",
            "Gia hạn tối đa 2 lần",
        ),
    ],
)
async def test_an_aside_between_two_questions_leaves_both_answered(
    world: World, question: str, first: str, second: str
) -> None:
    """ "anh nhớ là không nhưng muốn chắc" asks nothing; "1 tháng tính là 30 ngày hay theo lịch" asks which figure."""
    chat = await world.staff_chat("aside")
    text = await chat.text(question)
    assert text.startswith("Câu hỏi của anh/chị có"), text
    one, *_, last = text.split("\n2. ", 1)[0], *text.split("\n3. ")
    assert first.lower() in one.lower() and second.lower() in last.split("\n2. ")[-1].lower(), text
