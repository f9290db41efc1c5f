"""When to release once custody or detention runs out: "tạm giữ hết hạn lúc nửa đêm thì tha lúc nào" was not
answered ("tha" is read as release only beside words that release). Bare "tha"/"thả" before "lúc nào", "khi
nào", "mấy giờ", "ngày nào", after a custody or a detention named, is release; and release asked is answered
by an entry that speaks of it, not by how custody's hours are counted (the hour named pulled it there)."""

from __future__ import annotations

import pytest

from knowledge.kb.in_place import in_place
from tests.conftest import World

# The answer opens with the tạm giữ's release at its clock hour, then the tạm giam's 24 giờ (fix12b).
CUSTODY = "Hết thời hạn mà không có lệnh hoặc quyết định mới thì phải trả tự do: tạm giữ là ngay lúc hết giờ ghi trong"
DETENTION = "tạm giam là chậm nhất lúc 24 giờ của ngày cuối cùng ghi trong lệnh"


@pytest.mark.parametrize(
    "question",
    [
        "tạm giữ hết hạn lúc nửa đêm thì tha lúc nào",
        "tam giu het han thi tha khi nao",
        "het han tam giu ma chua co qd gia han thi tha luc nao",
        "tam giu het han luc 0h thi tha luc nao",
        "anh ơi tạm giữ hết hạn 12 giờ đêm thì thả lúc nào ạ",
        "tạm giữ hết hạn thì trả tự do lúc nào",
    ],
)
async def test_custody_run_out_is_released_at_its_hour(world: World, question: str) -> None:
    text = await (await world.staff_chat("tha-giu")).text(question)
    assert text.startswith(CUSTODY) and DETENTION in text, text


@pytest.mark.parametrize(
    "question",
    [
        "tam giam het han thi tha luc nao",
        "tạm giam hết hạn mà không gia hạn thì tha khi nào",
        "tạm giam hết hạn thì thả ngày nào",
    ],
)
async def test_detention_run_out_is_released_by_the_end_of_its_last_day(world: World, question: str) -> None:
    text = await (await world.staff_chat("tha-giam")).text(question)
    assert "trả tự do" in text and "24 giờ" in text and "Căn cứ" in text, text  # this entry, or the formula's
    assert "72 giờ cho 3 ngày" not in text and "Có phải" not in text, text


def test_tha_when_is_release_only_after_custody_or_detention() -> None:
    assert in_place("tam giu het han thi tha luc nao") == "tam giu het han thi tra tu do luc nao"
    assert in_place("tạm giam hết hạn thì tha mấy giờ") == "tạm giam hết hạn thì trả tự do mấy giờ"
    assert in_place("ban an co hieu luc thi tha khi nao") == "ban an co hieu luc thi tha khi nao"  # thi hành án
    assert in_place("qd tha gui vks trong bao lau") == "qd tha gui vks trong bao lau"


async def test_counting_custody_by_the_hour_is_still_its_own(world: World) -> None:
    text = await (await world.staff_chat("tha-gio")).text("tạm giữ 3 ngày hết lúc mấy giờ")
    assert text.startswith("72 giờ cho 3 ngày"), text
