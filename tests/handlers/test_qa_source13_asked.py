"""Round 14 (source13), through the dispatcher:

* a request after a story of what the asker is doing ("e đang viết bc chuyên đề, nhờ a nhắc lại 5 điều Bác dạy cán
  bộ kiểm sát với") asks: Hồ Chí Minh's teaching (FACTS §12, V), not a refusal;
* an extension of tạm giữ the VKS does not approve is no extension: at the end of the custody in force the person
  is released (BLTTHS Đ118 k2; the release rule of the entry on the end of custody), asked alone or after the
  extension's figures ("… || nếu vks ko phê chuẩn cái đó thì người bị tgiu xử lý ntn");
* custody without grounds to charge ("ko đủ cc kt bị can") ends in release at once (Đ118 k3);
* how many times the crime report's time is extended is a digit ("1 lần", Đ147 k2), asked alone or after it.
"""

from __future__ import annotations

import pytest

from tests.conftest import World

TEACHING = ("Công minh", "chính trực", "khách quan", "thận trọng", "khiêm tốn")


async def last_reply(world: World, *turns: str) -> str:
    chat = await world.staff_chat("source13-asked")
    text = ""
    for turn in turns:
        text = await chat.text(turn)
    return text


@pytest.mark.parametrize(
    "question",
    [
        "e dang viet bc chuyen de, nho a nhac lai 5 dieu Bac day can bo kiem sat voi",
        "em đang chuẩn bị bài sinh hoạt chi bộ, anh nhắc lại giúp em lời Bác dạy cán bộ kiểm sát",
        "chiều nay e phải thuyết trình ở cơ quan, cho e xin 5 điều Bác Hồ dạy cán bộ kiểm sát với ạ",
        "mai thi nghiệp vụ rồi, a liệt kê giúp e lời dạy của Bác với cán bộ ngành kiểm sát",
    ],
)
async def test_a_request_after_the_askers_story_is_answered(world: World, question: str) -> None:
    text = await last_reply(world, question)
    assert all(word in text for word in TEACHING), text


@pytest.mark.parametrize(
    "turns",
    [
        ("gh tgiu lan 2 toi da bn ngay", "neu vks ko phe chuan cai đó thi nguoi bi tgiu xu ly ntn"),
        ("gia hạn tạm giữ lần 1 bao nhiêu ngày", "viện không phê chuẩn thì người bị tạm giữ thế nào"),
        ("vks khong phe chuan gia han tam giu thi nguoi bi tam giu xu ly sao",),
        ("cqđt xin gia hạn tạm giữ mà viện ko phê chuẩn thì làm sao với người bị giữ",),
    ],
)
async def test_an_unapproved_extension_of_custody_ends_in_release(world: World, turns: tuple[str, ...]) -> None:
    text = await last_reply(world, *turns)
    assert "trả tự do" in text and "Điều 118" in text, text


@pytest.mark.parametrize(
    "turns",
    [
        ("gh thoi han xac minh tin bao dc may lan, moi lan max bn thang",),
        ("gq tin bao qua 2 thang ma chua xac minh xong thi sao", "vks gh nó dc may lan"),
        ("viện trưởng gia hạn giải quyết tố giác được mấy lần",),
    ],
)
async def test_the_crime_reports_extension_is_once(world: World, turns: tuple[str, ...]) -> None:
    text = await last_reply(world, *turns)
    assert "1 lần" in text and "2 tháng" in text and "Điều 147" in text, text


@pytest.mark.parametrize(
    "question",
    [
        "het han tgiu ma ko du cc kt bi can thi sao",
        "tgiu rồi mà k đủ cc kt bc thì làm sao",
        "đang tạm giữ mà thiếu cc khởi tố bị can thì cqđt phải làm gì",
        "nguoi bi tam giu ko du can cu khoi to thi sao",
    ],
)
async def test_custody_without_grounds_to_charge_ends_in_release(world: World, question: str) -> None:
    """ "cc" is căn cứ and "kt" khởi tố beside each other or a charge (BLTTHS Đ118 k3: released at once)."""
    text = await last_reply(world, question)
    assert "trả tự do ngay" in text and "Điều 118" in text, text
