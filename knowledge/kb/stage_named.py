"""The stage a question implies when it names none: one rule, in one order.

1. A stage typed ("giai đoạn truy tố", "phúc thẩm", "chuẩn bị xét xử") is the stage; nothing is implied.
2. Else an article of the BLTTHS cited whose entries speak of one stage implies it ("Đ240 ĐBNT gia hạn": truy
   tố), as if the stage were typed (``Index.article_stages``).
3. Else the court named (thẩm phán, chánh án, HĐXX, "tòa" but not "phiên tòa" nor "chủ tọa") implies the first
   instance's trial (``decision._trial_first``): staff name the review when they mean it.

The two implications can disagree ("tòa … theo Điều 240": the court, and an article of the prosecution); the
article, said on purpose, wins. Pure.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from knowledge.kb.vocabulary import contains

# Who acts at the trial: named without a stage, the question is about the first instance's trial. Not the
# hearing ("phiên tòa") nor the presiding judge ("chủ tọa"): a later part "mở phiên tòa trong mấy ngày" after
# "phúc thẩm rút gọn …" is still the appeal's (the earlier part's answer states it).
_COURT = (("tham", "phan"), ("chanh", "an"), ("hdxx",))
_NOT_THE_COURT = frozenset({"phien", "chu"})


@dataclass(frozen=True, slots=True)
class Implied:
    stages: frozenset[str]  # the stage an article cited implies (rule 2), to take as named
    court: bool  # the court named and no stage: the first instance's trial (rule 3)


def names_court(tokens: Sequence[str]) -> bool:
    if contains(list(tokens), _COURT):
        return True
    return any(t == "toa" and (i == 0 or tokens[i - 1] not in _NOT_THE_COURT) for i, t in enumerate(tokens))


def implied_stage(tokens: Sequence[str], typed: frozenset[str], articles: Iterable[frozenset[str]]) -> Implied:
    """What ``tokens`` imply of the stage: ``typed``, the stages named; ``articles``, the stage of each article
    cited (empty when its entries speak of none or of several)."""
    if typed:
        return Implied(frozenset(), False)
    cited = frozenset(stage for stages in articles for stage in stages)
    if cited:
        return Implied(cited, False)
    return Implied(frozenset(), names_court(tokens))
