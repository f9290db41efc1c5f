"""guard13: the moment of a day asked ("thời điểm cuối cùng của thời hạn tạm giam là mấy giờ của ngày cuối cùng ghi
trong lệnh") is never answered by an entry that gives only spans ("3 ngày … phê chuẩn"); and Central "mô" is not
"nào" in "mô hình", "mô tả"."""

from __future__ import annotations

import pytest

from knowledge.kb.in_place import in_place
from knowledge.kb.moment import moment_asked, says_moment
from tests.conftest import World


@pytest.mark.parametrize(
    "question",
    [
        "thời điểm cuối cùng của thời hạn tạm giam là mấy giờ của ngày cuối cùng ghi trong lệnh",
        "dạ em chào anh chị ạ, hôm nay em được chị KSV giao soát lại mấy lệnh tạm giam trước khi trình. Em thắc mắc là "
        "thời điểm cuối cùng của thời hạn tạm giam là mấy giờ của ngày cuối cùng ghi trong lệnh ạ",
    ],
)
async def test_a_moment_is_not_a_span(world: World, question: str) -> None:
    text = await (await world.staff_chat("g13-moment")).text(question)
    assert "Điều 119" not in text, text
    assert "24 giờ" in text or "Căn cứ" not in text, text  # the moment, or no answer


def test_the_moment_asked_and_said() -> None:
    assert moment_asked(["het", "vao", "luc", "nao", "trong", "ngay"])
    assert not moment_asked(
        ["tam", "giu", "het", "han", "luc", "may", "gio"]
    )  # the calculator's, or the custody's hours
    assert moment_asked(["la", "may", "gio", "cua", "ngay", "cuoi", "cung"])
    assert not moment_asked(["vks", "phe", "chuan", "trong", "may", "gio"])
    assert says_moment("chậm nhất lúc 24 giờ của ngày cuối cùng ghi trong lệnh")
    assert not says_moment("trong 24 giờ kể từ khi nhận hồ sơ")


@pytest.mark.parametrize(
    ("typed", "read"),
    [("Mô hình mới ngành mình còn mấy cấp", "Mô hình mới ngành mình còn mấy cấp"), ("ở mô rứa", "ở nào vậy")],
)
def test_mo_is_nao_only_as_a_question(typed: str, read: str) -> None:
    assert in_place(typed) == read
