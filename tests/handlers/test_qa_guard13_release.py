"""guard13: a custody or a detention that ended with nothing new, asked what to do, is answered with the release
(BLTTHS Điều 118 khoản 3, Điều 173 khoản 7): "hết hạn tạm giam để điều tra mà không được gia hạn thì phải làm gì"
got the extension table, "hết thời hạn tạm giữ mà không khởi tố bị can thì giải quyết sao" nothing; "ko đủ cc kt bị
can" is "căn cứ khởi tố"."""

from __future__ import annotations

import pytest

from knowledge.kb.in_place import in_place
from knowledge.kb.release import release_asked
from tests.conftest import World

RELEASE = "trả tự do"


@pytest.mark.parametrize(
    "question",
    [
        "het han tam giam de dieu tra ma khong duoc gia han thi phai lam gi",
        "tạm giam hết hạn mà vks không phê chuẩn gia hạn thì xử lý thế nào",
        "lệnh tạm giam hết hạn rồi mà chưa có lệnh gia hạn thì trại làm sao",
        "hết thời hạn tạm giữ mà không khởi tố bị can thì giải quyết sao",
        "het han tgiu ma ko du cc kt bi can thi sao",
        "tgiu het han ma chua du cc kt bc thi phai lam gi",
        "anh ơi tạm giam hết hạn hôm qua mà cqđt vẫn chưa có lệnh mới thì trại phải làm sao ạ",
    ],
)
async def test_an_end_with_nothing_new_is_the_release(world: World, question: str) -> None:
    text = await (await world.staff_chat("g13-release")).text(question)
    assert RELEASE in text and "Căn cứ" in text and "Điều 118" in text, text


@pytest.mark.parametrize(
    ("tokens", "asked"),
    [
        ("het han tam giam ma chua gia han thi sao", True),
        ("tam giu het han thi tra tu do luc nao", False),  # the moment: the hour's entry or the calculator
        ("het han tam giam ma chua gia han thi het ngay nao", False),
        ("het han dieu tra ma chua xong thi phai lam gi", False),  # no custody nor detention
        ("gia han tam giam lan 1 toi da bao lau", False),
    ],
)
def test_what_to_do_at_the_end_is_asked(tokens: str, asked: bool) -> None:
    assert release_asked(tokens.split()) is asked


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("het han tgiu ma ko du cc kt bi can", "het han tgiu ma ko du can cu khoi to bi can"),
        ("chua co cc kt bc", "chua co can cu khoi to bc"),
        ("cc de tam giam la gi", "can cu de tam giam la gi"),
        ("kt dt xong thi sao", "kt dt xong thi sao"),  # kết thúc điều tra: left as typed
    ],
)
def test_cc_kt_read_as_grounds_to_prosecute(typed: str, read: str) -> None:
    assert in_place(typed) == read
