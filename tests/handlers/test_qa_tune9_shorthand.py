"""The shorthand prosecutors type (round 9, "tune9"), through the dispatcher: "tb" (tin báo) where a question
puts it, "kc" after a custody word (khẩn cấp), "pc" (phê chuẩn), "tt" after a level (trực tiếp), "TTRG",
"max", "kv", "cn"/"bh" before a count (còn, bây giờ), "qđ bc tk … số mấy", and an introduction of the asker
("em mới về vks khu vực") that is no part of the question. Own phrasings, with and without diacritics."""

from __future__ import annotations

import pytest

from tests.conftest import World


def body(text: str) -> str:
    """The answer without its «Xem thêm» list (the related titles may name other figures)."""
    return text.split("Xem thêm")[0]


@pytest.mark.parametrize(
    "question",
    [
        "tb bn ngay?",
        "tb bao nhiêu ngày",
        "cho em hỏi tb giải quyết trong mấy ngày ạ",
        "thoi han gq tb la bao lau",
        "anh oi, tb gq may ngay vay",
    ],
)
async def test_tb_is_a_tin_bao(world: World, question: str) -> None:
    text = body(await (await world.staff_chat("t9-tb")).text(question))
    assert text.startswith("20 ngày") and "tin báo" in text and "Điều 147" in text, text


async def test_tb_beside_what_a_thong_bao_does_is_not_a_tin_bao(world: World) -> None:
    # "tb cho gia đình …": a notice; never read as the 20 days of a tin báo
    text = body(await (await world.staff_chat("t9-tb-no")).text("tb cho gia dinh nguoi bi giu trong bn h"))
    assert "20 ngày" not in text, text


@pytest.mark.parametrize(
    "question",
    [
        "vks pc lệnh bắt người bị giữ kc trong bn h",
        "vks pc lenh bat nguoi bi giu kc trong may tieng",
        "ksv dc bn h de xet phe chuan lenh bat nguoi bi giu kc",
        "lệnh bắt người bị giữ kc thì vks phê chuẩn trong bao nhiêu giờ",
    ],
)
async def test_kc_after_a_custody_word_is_khan_cap_and_pc_is_phe_chuan(world: World, question: str) -> None:
    text = body(await (await world.staff_chat("t9-kc")).text(question))
    assert text.startswith("12 giờ") and "phê chuẩn" in text, text


@pytest.mark.parametrize(
    "question",
    [
        "kn pt cua vks cap tren tt vs ban an st bn ngay",
        "kn pt của vks cấp trên tt đối với bản án sơ thẩm mấy ngày",
        "vks cap tren tt khang nghi pt ban an st trong bn ngay",
    ],
)
async def test_tt_after_a_level_is_truc_tiep(world: World, question: str) -> None:
    text = body(await (await world.staff_chat("t9-tt")).text(question))
    assert text.startswith("30 ngày") and "cấp trên trực tiếp" in text, text


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("TTRG dt bn ngay", "20 ngày"),
        ("ttrg dieu tra toi da bn ngay", "20 ngày"),
        ("TTRG thì truy tố mấy ngày", "5 ngày"),
        ("tgiam RNT max bn tinh ca gh", "7 tháng"),
        ("tam giam RNT max bao lau", "7 tháng"),
        ("tạm giam tội RNT tối đa bao lâu, tính cả gia hạn", "7 tháng"),
    ],
)
async def test_ttrg_and_max(world: World, question: str, figure: str) -> None:
    text = body(await (await world.staff_chat("t9-max")).text(question))
    assert figure in text and "Căn cứ" in text, text


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("sau 1/7/25 cn co bn vks kv", "355"),
        ("sau 1/7/2025 con bao nhieu vks khu vuc", "355"),
        ("hi chi, e moi ve vks khu vuc, chi cho e hoi bh ca nuoc con bao nhieu vks tinh a", "34"),
        ("chị ơi em mới chuyển sang khâu ntg, chị cho e hỏi hiện nay cả nước còn mấy vks tỉnh ạ", "34"),
        ("hi anh, em mới về vks tỉnh, anh cho em hỏi cả nước có bao nhiêu vks khu vực", "355"),
    ],
)
async def test_units_counted_and_the_askers_introduction(world: World, question: str, figure: str) -> None:
    text = body(await (await world.staff_chat("t9-units")).text(question))
    assert text.startswith(figure), text


@pytest.mark.parametrize(
    "question",
    [
        "qd bc tk hien hanh cua nganh so may",
        "qđ báo cáo thống kê hiện hành số mấy",
        "quyết định báo cáo thống kê của ngành số mấy",
    ],
)
async def test_the_number_of_a_document_asked_at_the_end(world: World, question: str) -> None:
    text = body(await (await world.staff_chat("t9-doc")).text(question))
    assert "358" in text and "Có phải" not in text, text
