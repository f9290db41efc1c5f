"""fix13b, finding 4: answers changed this session and checked against the article carry the review date
07/12/2026; Luật 02/2021/QH15 added (did not amend) the force-majeure points of BLTTHS Điều 148 khoản 1 (điểm c),
Điều 229 and Điều 247 khoản 1 (điểm d), as the codified text says ("được bổ sung bởi"); Điều 148 khoản 1 điểm b
is the request for documents "có ý nghĩa quyết định đối với việc khởi tố hoặc không khởi tố vụ án"."""

from __future__ import annotations

import pytest

from tests.conftest import World


async def reply(world: World, question: str) -> str:
    return await (await world.staff_chat("fix13b-review")).text(question)


@pytest.mark.parametrize(
    ("question", "article"),
    [
        ("trường hợp nào tạm đình chỉ giải quyết tố giác tin báo", "Điều 148"),
        ("chờ kết quả giám định thì có được tạm đình chỉ giải quyết tin báo không", "Điều 148"),
        ("khi nao cqdt duoc tam dinh chi dieu tra", "Điều 229"),
        ("vks tạm đình chỉ vụ án trong giai đoạn truy tố khi nào", "Điều 247"),
    ],
)
async def test_the_2021_law_added_the_point(world: World, question: str, article: str) -> None:
    text = await reply(world, question)
    assert f"{article} " in text and "bổ sung bởi Luật 02/2021/QH15" in text, text
    assert "sửa đổi bởi Luật 02/2021" not in text, text


async def test_the_request_for_documents_is_the_articles(world: World) -> None:
    text = await reply(world, "can cu tam dinh chi giai quyet nguon tin toi pham")
    assert "có ý nghĩa quyết định đối với việc khởi tố hoặc không khởi tố vụ án" in text, text
    assert "Rà soát lần cuối: 07/12/2026" in text, text


@pytest.mark.parametrize(
    "question",
    [
        "phục hồi giải quyết tố giác thì giải quyết trong bao lâu",
        "thời hạn điều tra bắt đầu tính từ lúc nào",
        "tố giác tội phạm phải giải quyết trong bao nhiêu ngày",
    ],
)
async def test_answers_checked_this_review_carry_its_date(world: World, question: str) -> None:
    text = await reply(world, question)
    assert "Rà soát lần cuối: 07/12/2026" in text, text
