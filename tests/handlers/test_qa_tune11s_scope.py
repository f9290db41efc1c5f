"""Classes of the session-11 tuning sets (tune11a, tune11b), through the dispatcher: an age typed short ("bị can
17t") names a minor, whose limits are never the adults'; the conditions of something ("điều kiện hưởng án treo")
are not answered by an entry that never speaks of conditions; a transfer of post is the unit's own personnel work;
a unit's own result ("tỉ lệ … đạt bao nhiêu") is not the law."""

from __future__ import annotations

import pytest

from knowledge.kb.short_words import spell_short
from tests.conftest import World

ASK = "Có phải anh/chị muốn hỏi"


def _stated(text: str) -> bool:
    """An answer given with confidence: a source and no flag that it is unverified."""
    return "Căn cứ" in text and "chưa kiểm chứng" not in text.lower() and "đối chiếu" not in text


@pytest.mark.parametrize(
    "question",
    [
        "bi can 16t toi RNT tgiam dt toi da bn thang",
        "bi cao 17t thi toa chuan bi xx vu NT bn ngay",
        "bi can 17t tgiam dt toi NT bn thang",
        "bị can mới 15t phạm tội rất nghiêm trọng thì tạm giam điều tra tối đa bao lâu",
        "doi tuong 16 t, toi it NT, thoi han dieu tra bao lau",
        "bị cáo chưa đủ 17t thì chuẩn bị xét xử tội nghiêm trọng mấy ngày",
    ],
)
async def test_an_age_typed_short_is_a_minor_never_given_adult_limits(world: World, question: str) -> None:
    text = await (await world.staff_chat("t11-age")).text(question)
    assert not _stated(text), text


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("bi can 19t tgiam dt toi NT bn thang", "3 tháng"),  # of age: the adults' limit
        ("tgiam dt toi NT bn thang", "3 tháng"),
    ],
)
async def test_an_adult_or_no_age_keeps_the_adult_limit(world: World, question: str, figure: str) -> None:
    text = await (await world.staff_chat("t11-adult")).text(question)
    assert figure in text and "Căn cứ" in text, text


def test_the_age_is_spelt_only_after_a_person() -> None:
    assert spell_short("bi can 17t tgiam") == "bi can 17 tuoi tgiam"
    assert spell_short("bị cáo mới 16 t") == "bị cáo mới 16 tuổi"
    assert spell_short("tgiam 2t") == "tgiam 2t"  # no person: left as typed
    assert spell_short("bi can tgiam 3t") == "bi can tgiam 3t"


@pytest.mark.parametrize(
    "question",
    [
        "dk huong an treo la gi",
        "điều kiện được hưởng án treo gồm những gì",
        "dieu kien cho huong an treo",
        "đk để được hưởng án treo",
        "cho em hỏi điều kiện hưởng án treo theo blhs",
    ],
)
async def test_conditions_are_not_answered_by_an_entry_that_never_speaks_of_them(world: World, question: str) -> None:
    text = await (await world.staff_chat("t11-cond")).text(question)
    assert "Căn cứ" not in text, text


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("điều kiện áp dụng thủ tục rút gọn", "quả tang"),
        ("dk ap dung rut gon la gi", "quả tang"),
        ("dieu kien tha tu truoc thoi han", "1/2 mức phạt tù"),
        ("Tạm giữ gia hạn lần hai cần điều kiện gì?", "đặc biệt"),  # "trường hợp đặc biệt": its condition
    ],
)
async def test_conditions_an_entry_gives_are_answered(world: World, question: str, figure: str) -> None:
    text = await (await world.staff_chat("t11-cond2")).text(question)
    assert figure in text and "Căn cứ" in text, text


@pytest.mark.parametrize(
    "question",
    [
        "em muon xin chuyen cong tac tu vks khu vuc ve vks tinh thi lam ho so gi",
        "chuyển công tác sang VKS tỉnh khác cần những giấy tờ gì",
        "thuyen chuyen ksv tu vks khu vuc len vks tinh thi ai quyet dinh",
        "điều động kiểm sát viên về VKS khu vực 3 thì hồ sơ gồm gì",
        "ksv nghi huu thi nop ho so o dau",
    ],
)
async def test_a_transfer_of_post_is_refused(world: World, question: str) -> None:
    text = await (await world.staff_chat("t11-move")).text(question)
    assert "Căn cứ" not in text, text


async def test_the_count_of_regional_procuracies_is_still_answered(world: World) -> None:
    text = await (await world.staff_chat("t11-move2")).text("hiện có bao nhiêu vks khu vực")
    assert "355" in text and "Căn cứ" in text, text


@pytest.mark.parametrize(
    "question",
    [
        "vks tinh nghe an 2025 ti le giai quyet tin bao dat bn",
        "VKSND tỉnh Cà Mau năm 2024 tỷ lệ giải quyết tin báo đạt bao nhiêu phần trăm",
        "vks tinh quang ngai nam 2025 ket qua giai quyet tin bao toi pham the nao",
        "tỉ lệ giải quyết nguồn tin của VKS tỉnh Nghệ An năm 2025 là bao nhiêu",
        "vks tinh an giang 2024 giai quyet tin bao dat may %",
    ],
)
async def test_a_units_result_is_not_answered_with_the_law(world: World, question: str) -> None:
    text = await (await world.staff_chat("t11-unit")).text(question)
    # refused, or the unit said first to be unknown before anything sector-wide
    assert "Căn cứ" not in text or text.startswith("Trợ lý chưa có thông tin"), text


async def test_the_law_asked_by_a_unit_in_passing_is_answered(world: World) -> None:
    text = await (await world.staff_chat("t11-unit2")).text("em o vks tinh nghe an, tin bao giai quyet trong bao lau")
    assert "20 ngày" in text and "Căn cứ" in text, text
