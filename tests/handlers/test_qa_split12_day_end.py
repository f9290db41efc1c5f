"""The hour a period counted in days ends (BLTTHS Đ134 k1: "hết vào lúc 24 giờ ngày cuối cùng"), asked as "lúc mấy
giờ", "lúc nào trong ngày cuối", "giờ nào": the entry with the counting rule answers, leading with the 24 giờ; a
menu of close candidates is settled by the hour asked (only that entry gives one)."""

from __future__ import annotations

import pytest

from knowledge.kb.counts import asked_units
from tests.conftest import World


@pytest.mark.parametrize(
    "question",
    [
        "thoi han tinh bang ngay thi ket thuc luc may gio ngay cuoi",
        "anh dang ngoi xe di toa, tinh giup anh thoi han tinh bang ngay thi het vao luc nao trong ngay cuoi",
        "hạn tính bằng ngày thì hết vào giờ nào của ngày cuối",
        "thời hạn đếm theo ngày thì đến mấy giờ ngày cuối cùng mới hết",
        "han tinh ngay thi ngay chot het gio nao",
        "cho em hỏi thời hạn tính bằng ngày thì kết thúc lúc nào trong ngày cuối ạ",
    ],
)
async def test_a_period_in_days_ends_at_midnight(world: World, question: str) -> None:
    text = await (await world.staff_chat("s12-day-end")).text(question)
    assert text.startswith("Hết lúc 24 giờ"), text
    assert "Điều 134 khoản 1" in text, text


@pytest.mark.parametrize(
    ("question", "says"),
    [
        ("thời hạn tính theo tháng thì hết vào ngày nào", "ngày trùng"),
        ("tạm giữ hết vào lúc mấy giờ", "cùng giờ đó"),
    ],
)
async def test_neighbours_keep_their_own_rule(world: World, question: str, says: str) -> None:
    text = await (await world.staff_chat("s12-day-end2")).text(question)
    assert says in text and not text.startswith("Hết lúc 24 giờ"), text


def test_the_hour_is_asked_without_saying_may_gio() -> None:
    assert asked_units(["het", "vao", "luc", "nao", "trong", "ngay", "cuoi"]) == ["gio"]
    assert asked_units(["ket", "thuc", "vao", "gio", "nao"]) == ["gio"]
    assert asked_units(["tam", "giu", "het", "luc", "nao"]) == []
