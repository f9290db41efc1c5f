"""The stage a question implies, one rule in one table (``knowledge.kb.stage_named``): a stage typed is the
stage; else an article cited implies its own; else the court named implies the first instance's trial. The
article and the court can disagree ("tòa … Điều 240"): the article wins."""

from __future__ import annotations

from datetime import date

import pytest

from knowledge.kb.search import Searcher
from knowledge.kb.stage_named import implied_stage
from knowledge.kb.store import load_kb

SEARCHER = Searcher(load_kb())
TODAY = date(2026, 3, 2)


@pytest.mark.parametrize(
    ("question", "stages", "court"),
    [
        # 1. typed: the stage, nothing implied
        ("giai đoạn truy tố tạm giam tối đa bao lâu", {"truy to"}, False),
        ("tòa phúc thẩm nhận hồ sơ thì bao lâu phải mở phiên tòa", {"phuc tham"}, False),
        ("thẩm phán chuẩn bị xét xử tội nghiêm trọng bao lâu", {"chuan bi xet xu", "xet xu"}, False),
        # 2. an article cited: its stage
        ("Đ240 ĐBNT gia hạn", {"truy to"}, False),
        ("tòa hỏi theo điều 240 thì gia hạn bao lâu", {"truy to"}, False),  # the article over the court
        # 3. the court named, no stage: the first instance's trial
        ("rút gọn thì thẩm phán thụ lý xong phải làm gì trong mấy ngày", set(), True),
        ("tòa hoãn phiên tòa thì bao lâu phải mở lại", set(), True),
        ("chánh án ra quyết định trong mấy ngày", set(), True),
        ("hdxx nghị án tối đa mấy ngày", {"xet xu"}, False),  # "hội đồng xét xử" types the stage
        # neither: the hearing is no court, an article of no one stage implies none
        ("hoãn phiên tòa thì bao lâu phải mở lại", set(), False),
        ("chủ tọa phiên tòa có quyền gì", set(), False),
        ("theo điều 134 thì thời hạn tính thế nào", set(), False),
    ],
)
def test_the_stage_implied(question: str, stages: set[str], court: bool) -> None:
    [ranked] = SEARCHER.rank(question, TODAY) or []
    assert (set(ranked.stages), ranked.court) == (stages, court)


def test_the_order_of_the_rules() -> None:
    tokens = ["toa", "dieu", "240"]
    assert implied_stage(tokens, frozenset({"xet xu"}), [frozenset({"truy to"})]).stages == frozenset()
    assert implied_stage(tokens, frozenset(), [frozenset({"truy to"})]).stages == {"truy to"}
    assert not implied_stage(tokens, frozenset(), [frozenset({"truy to"})]).court
    assert implied_stage(tokens, frozenset(), [frozenset()]).court
