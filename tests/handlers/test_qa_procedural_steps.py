"""Single procedural steps with their own time limits, through the dispatcher (own phrasings, issue #15).

Where two entries share almost every word, the word that changes the step decides, both ways:
"không khởi tố" (synonyms modifier) against the decision to prosecute, "hủy án" at the court level
that annuls, and "lao động phục vụ cộng đồng" is a part of a sentence, not labour law (an exception).
"""

from __future__ import annotations

import pytest

from tests.conftest import World


async def ask(world: World, name: str, question: str) -> str:
    chat = await world.staff_chat(name)
    return await chat.text(question)


@pytest.mark.parametrize(
    ("question", "figure", "article", "not_article"),
    [
        ("qd khoi to vu an gui vks may gio", "24 giờ", "Điều 154", "Điều 158"),
        ("quyết định không khởi tố vụ án gửi viện kiểm sát trong bao lâu", "24 giờ", "Điều 158", "Điều 154"),
        ("huy bo quyet dinh khoi to vu an thi gui vks may gio", "24 giờ", "Điều 158", "Điều 154"),
    ],
)
async def test_prosecuting_and_not_prosecuting_are_told_apart(
    world: World, question: str, figure: str, article: str, not_article: str
) -> None:
    text = await ask(world, "k1", question)
    assert figure in text and article in text and not_article not in text.split("Căn cứ:")[1], text


async def test_annulment_by_giam_doc_tham_is_its_own_step(world: World) -> None:
    text = await ask(world, "h1", "gdt huy ban an de xet xu lai thi chuyen ho so cho toa may ngay")
    assert "15 ngày" in text and "Điều 396" in text, text
    assert "7 ngày" not in text.split("\n")[0], text  # not the transfer of a file to study a protest (Đ376)


async def test_annulment_on_appeal_keeps_its_entry(world: World) -> None:
    text = await ask(world, "h2", "toà phúc thẩm huỷ án sơ thẩm để điều tra lại thì chuyển hồ sơ mấy ngày")
    assert "15 ngày" in text and "Điều 358" in text, text


async def test_transfer_of_a_file_for_a_protest_is_not_an_annulment(world: World) -> None:
    text = await ask(
        world, "h3", "vks đề nghị chuyển hồ sơ để nghiên cứu kháng nghị giám đốc thẩm thì tòa gửi mấy ngày"
    )
    assert "7 ngày" in text and "Điều 376" in text, text


async def test_community_labour_is_a_sentence_not_labour_law(world: World) -> None:
    text = await ask(world, "l1", "cai tao khong giam giu lao dong cong dong moi ngay may gio")
    assert "4 giờ" in text and "BLHS 2015, Điều 36" in text, text


async def test_labour_law_is_still_refused(world: World) -> None:
    text = await ask(world, "l2", "nghi phep nam theo bo luat lao dong duoc bao nhieu ngay")
    assert "Căn cứ:" not in text, text


@pytest.mark.parametrize(
    ("question", "figure", "article"),
    [
        ("giám định thương tích thời hạn bao nhiêu ngày", "9 ngày", "Điều 208"),
        ("giam dinh tam than bi can toi da may thang", "3 tháng", "Điều 208"),
        ("khám xét khẩn cấp xong bao lâu phải báo vks", "24 giờ", "Điều 193"),
        ("bat nguoi roi bao cho gia dinh trong may gio", "24 giờ", "Điều 116"),
        ("kiem lam khoi to vu an chuyen ho so cho cqdt may ngay", "7 ngày", "Điều 164"),
        ("tòa yêu cầu vks bổ sung chứng cứ thì mấy ngày vks phải gửi", "5 ngày", "Điều 284"),
        ("tu co thoi han cao nhat may nam", "20 năm", "BLHS 2015, Điều 38"),
    ],
)
async def test_a_step_answers_with_its_own_figure(world: World, question: str, figure: str, article: str) -> None:
    """The step's figure in the answer's first sentence (an entry with several cases, such as the
    kinds of expert examination in Đ208, lists them in the law's order) and its own article."""
    text = await ask(world, "s1", question)
    assert figure in text.split(".")[0] or text.startswith("▶"), text
    assert article in text.split("Căn cứ:")[1], text
