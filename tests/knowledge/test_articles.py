"""A BLTTHS article cited by number decides between entries the other words leave close ("Đ240 ĐBNT gia
hạn": the prosecution's extension, Điều 240, not the investigation's); an article of another code does not
(round 10: a provincial office's staff name the article instead of the stage). Pure parts, then through
the dispatcher; own phrasings."""

from __future__ import annotations

import pytest

from knowledge.kb.articles import cited_articles, source_articles
from knowledge.kb.normalize import syllables
from tests.conftest import World


@pytest.mark.parametrize(
    ("text", "articles"),
    [
        ("Đ240 ĐBNT gia hạn", {240}),
        ("theo khoản 2 Điều 173 thì gia hạn mấy lần", {173}),
        ("đ. 277 rnt bao lau", {277}),
        ("dieu 147 va dieu 148 khac nhau the nao", {147, 148}),
        ("điều 173 blhs trộm cắp điều tra bao lâu", set()),  # the Criminal Code: a crime, not a stage
        ("bộ luật dân sự điều 147 thời hạn", set()),
        ("tạm giam 2 tháng từ 05/03/2026", set()),
    ],
)
def test_the_articles_a_question_cites(text: str, articles: set[int]) -> None:
    assert cited_articles(syllables(text)) == articles


@pytest.mark.parametrize(
    ("source", "articles"),
    [
        ("BLTTHS 2015, Điều 240 khoản 1", {240}),
        ("BLTTHS 2015, Điều 278 khoản 2, khoản 3; Điều 277 khoản 1", {278, 277}),
        ("Điều 134 khoản 1 BLTTHS 2015; Điều 17 TTLT 04/2018", {134}),
        ("BLTTHS 2015, Điều 119 khoản 5; TTLT 04/2018, Điều 17", {119}),
        ("BLHS 2015, Điều 38 khoản 1 (và Điều 36 khoản 1) (văn bản hợp nhất)", set()),
        ("Luật Thi hành án hình sự 41/2019/QH14, Điều 22 khoản 2; Điều 23 khoản 1", set()),
    ],
)
def test_the_articles_a_source_rests_on(source: str, articles: set[int]) -> None:
    assert source_articles(source) == articles


async def ask(world: World, question: str) -> str:
    return await (await world.staff_chat("article")).text(question)


@pytest.mark.parametrize(
    ("question", "basis", "figure"),
    [
        ("Đ240 ĐBNT gia hạn", "Điều 240", "30 ngày"),
        ("điều 240 ĐBNT gia hạn", "Điều 240", "30 ngày"),
        ("đ240 rnt gia hạn tối đa bao nhiêu ngày", "Điều 240", "15 ngày"),
        ("theo điều 240 thì vụ ít nghiêm trọng được gia hạn mấy ngày", "Điều 240", "10 ngày"),
        ("đ. 277 rnt bao lau", "Điều 277", "2 tháng"),
        ("theo điều 172 thì rnt gia hạn mấy lần", "Điều 172", "2 lần"),
    ],
)
async def test_the_article_cited_names_the_stage(world: World, question: str, basis: str, figure: str) -> None:
    text = await ask(world, question)
    head = text.split("Xem thêm")[0]
    assert basis in head and figure in head and "Có phải anh/chị muốn hỏi" not in head, text
