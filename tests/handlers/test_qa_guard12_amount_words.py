"""guard12: how an amount is asked ("mấy ngày" or "bao nhiêu ngày") never picks the entry. Typed with marks, the
words a question shares with an entry's wording weigh a little (``Index.accent_agreement``: "chỉ" is not
"chi"); "mấy" matched the appeal-of-a-decision entry's own "mấy ngày", and a long story about a judgment just
pronounced got that entry's 7 and 15 days instead of the judgment's 15 and 30."""

from __future__ import annotations

import pytest

from tests.conftest import World

_STORY = (
    "Dạ em chào anh chị, hôm nay em đi dự phiên tòa sơ thẩm với anh KSV, tòa vừa tuyên án xong. Anh bảo em về tính "
    "hạn kháng nghị phúc thẩm. Em hỏi là VKS khu vực bên em (cùng cấp) có {first} để kháng nghị, còn VKS tỉnh (cấp "
    "trên trực tiếp) thì {second} ạ?"
)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("mấy ngày", "bao nhiêu ngày"),
        ("bao nhiêu ngày", "mấy ngày"),
        ("mấy ngày", "mấy ngày"),
        ("bao nhiêu ngày", "bao nhiêu ngày"),
    ],
)
async def test_the_judgment_appeal_whatever_asks_the_days(world: World, first: str, second: str) -> None:
    text = await (await world.staff_chat("g12-amount")).text(_STORY.format(first=first, second=second))
    assert "15 ngày, kể từ ngày tuyên án" in text and "30 ngày, kể từ ngày tuyên án" in text, text
    assert "kể từ ngày Tòa án ra quyết định" not in text, text
