"""The stage and the procedure a conversation is at stay with the next line that names neither (round 13,
``knowledge/kb/turn_stage.py``, ``knowledge/kb/carried.py``), through the dispatcher as a fresh staff member.

"cbxx vụ ĐBNT gia hạn được bao nhiêu" → "vụ ít NT thì gh mấy ngày" was answered with the investigation's
extension (2 months) and "rút gọn … ra qđ đưa ra xét xử …" → "mở phiên tòa trong bao lâu sau qđ đó" with the
ordinary 15 days: both confident wrong answers of a blind writer's set. A wrong number is worse than none.
"""

from __future__ import annotations

import pytest

from knowledge.kb.reply import STAGE_NOTE
from tests.conftest import World


async def last_reply(world: World, *turns: str) -> str:
    chat = await world.staff_chat("carry12")
    text = ""
    for turn in turns:
        text = await chat.text(turn)
    return text


# BLTTHS Đ277 k1: trial preparation of a less serious or serious crime extended by at most 15 days.
TRIAL_PREPARATION = [
    ("cbxx vu DBNT gh duoc bao nhieu", "vu it NT thi gh may ngay"),
    ("chuẩn bị xét xử tội rất nghiêm trọng được gia hạn bao lâu", "còn tội nghiêm trọng thì gia hạn mấy ngày"),
    ("thoi han cbxx toi NT la bao lau", "gh them dc may ngay"),
    ("cbxx vụ RNT bao lâu", "nếu là ít NT thì gia hạn tối đa mấy ngày"),
    ("tòa chuẩn bị xét xử tội nghiêm trọng mấy ngày", "vậy gia hạn thêm bao nhiêu"),
]


@pytest.mark.parametrize("turns", TRIAL_PREPARATION)
async def test_the_trial_preparation_stays_the_stage(world: World, turns: tuple[str, str]) -> None:
    text = await last_reply(world, *turns)
    assert "15 ngày" in text, text
    assert "2 tháng" not in text.split("\n")[0], text  # not the investigation's extension


# BLTTHS Đ240: prosecution of a less serious or serious crime extended by at most 10 days.
PROSECUTION = [
    ("truy to toi RNT bao nhieu ngay", "con toi NT gh them may ngay"),
    ("thoi han truy to DBNT", "con NT thi gh bn ngay"),
    ("truy to vu RNT bao nhieu ngay vay a", "dzay vu it NT gh dc may ngay"),
    ("truy tố tội ít nghiêm trọng mấy ngày", "gia hạn được không, bao lâu"),
]


@pytest.mark.parametrize("turns", PROSECUTION)
async def test_the_prosecution_stays_the_stage(world: World, turns: tuple[str, str]) -> None:
    text = await last_reply(world, *turns)
    assert "10 ngày" in text, text
    assert "Điều 240" in text, text


# BLTTHS Đ462 (FACTS §8, V): under the summary procedure the judge decides within 10 days of accepting the case
# and the hearing opens within 7 days of the decision to try.
SUMMARY = [
    (
        "rút gọn thì tòa sơ thẩm phải ra qđ đưa ra xét xử trong mấy ngày kể từ thụ lý",
        "mở phiên tòa trong bao lâu sau qđ đó",
        "7 ngày",
    ),
    (
        "rut gon dieu tra may ngay",
        "con xet xu so tham thi toa mo phien toa trong may ngay ke tu qd dua ra xx",
        "7 ngày",
    ),
    ("thủ tục rút gọn điều tra bao lâu", "thẩm phán thụ lý xong bao lâu phải ra quyết định", "10 ngày"),
    ("rút gọn thì vks truy tố trong mấy ngày", "còn tòa mở phiên tòa trong mấy ngày kể từ qđ đưa ra xét xử", "7 ngày"),
]


@pytest.mark.parametrize(("first", "second", "days"), SUMMARY)
async def test_the_summary_procedure_stays_the_procedure(world: World, first: str, second: str, days: str) -> None:
    text = await last_reply(world, first, second)
    assert days in text, text
    assert "15 ngày, kể từ ngày có quyết định đưa vụ án ra xét xử" not in text, text  # the ordinary hearing


# A line that names its own stage is asked of that stage; the investigation's follow-up stays the investigation's.
OWN_STAGE = [
    (("truy tố tội NT mấy ngày", "còn điều tra thì bao lâu"), "3 tháng"),
    (("dieu tra toi NT bao lau", "con it NT thi gh may lan"), "gia hạn 1 lần không quá 2 tháng"),
    (("cbxx tội NT bao lâu", "tạm giam thì sao"), "45 ngày với tội nghiêm trọng"),
]


@pytest.mark.parametrize(("turns", "said"), OWN_STAGE)
async def test_a_stage_named_or_kept_is_answered(world: World, turns: tuple[str, str], said: str) -> None:
    text = await last_reply(world, *turns)
    assert said in text, text


# Nothing of the conversation's stage answers: the other stage's figure is offered, never stated as the answer.
OTHER_STAGE_ONLY = [
    ("cbxx tội NT bao lâu", "tạm đình chỉ thì gửi qđ cho vks mấy ngày"),
    ("chuan bi xet xu vu NT bao lau", "tam dinh chi thi gui qd cho vks trong may ngay"),
]


@pytest.mark.parametrize("turns", OTHER_STAGE_ONLY)
async def test_another_stage_alone_is_offered_not_answered(world: World, turns: tuple[str, str]) -> None:
    text = await last_reply(world, *turns)
    # a menu that says why: the stage decides the figure
    assert text.startswith(STAGE_NOTE) and "Có phải anh/chị muốn hỏi" in text, text
