"""One check of a stated extension's length against the law's dated steps, shared by every way it is
asked: after a card ("gia hạn 5 tháng" of an investigation, Đ172 k2; of a tạm giữ or a detention with its
own steps), in the same question, and as an extension order said before its start ("gia hạn điều tra 5
tháng tội NT từ 10/11/2026"). A plain tạm giam order (no stage) is checked by
``detention_extension.check_plain`` (Đ173 by category). Pure; reads the period table it is given."""

from __future__ import annotations

import re

from knowledge.deadlines.periods import KindDef, Length, StepDef

UNITS = {"m": "tháng", "d": "ngày", "y": "năm", "h": "giờ"}
# What to do after a stated extension longer than the law allows.
CHECK_ORDER = " Anh/chị đối chiếu lại thời hạn ghi trong quyết định gia hạn rồi hỏi lại với thời hạn đó."


def law_steps(kd: KindDef, category: str | None, anqg: bool) -> list[StepDef]:
    """The kind's dated extension steps for the category, in order (the ANQG ones after the others); a
    step counted from a decision (Đ462 k2: the hearing after the decision to try) is no extension."""
    steps = (
        *(s for s in kd.extensions if not (anqg and s.unless_anqg)),
        *(kd.anqg_extensions if anqg else ()),
    )
    return [s for s in steps if s.applies_to(category) and not s.open_ended and s.anchor != "decision"]


def approx_days(length: Length) -> int:
    """A length in days as the law's months and years are compared (a month 30 days, a year 365)."""
    return length.value * {"y": 365, "m": 30}.get(length.unit, 1)


def over_the_step(
    kd: KindDef, chain: list[StepDef], category: str | None, n: int, asked_days: int, asked: str, who: str
) -> str | None:
    """The refusal when extension ``n`` of ``asked_days`` days («``asked``») is longer than the law's step
    allows (``who``: " đối với <category>" or ""); None when it is within it or the step has no length
    in days (tạm giữ's hours are checked by the clock)."""
    if not 0 < n <= len(chain):
        return None
    allowed = chain[n - 1].length_for(category)
    if allowed is None or allowed.unit == "h" or asked_days <= approx_days(allowed):
        return None
    return (
        f"{chain[n - 1].label}{who} không quá {allowed.value} {UNITS[allowed.unit]} "
        f"({chain[n - 1].basis or kd.basis}); trợ lý không tính gia hạn {asked}.{CHECK_ORDER}"
    )


_CLAUSE_CITED = re.compile(r"Điều (\d+) ((?:khoản \d+(?: [^,;]*?)?(?:, )?)+)")


def steps_basis(steps: list[StepDef], fallback: str) -> str:
    """The clauses that give these extension steps, cited once ("Điều 173 khoản 2, 6 BLTTHS 2015" for a
    very serious crime, not the kind's own "khoản 1, 2, 5, 6": khoản 1 is the term, khoản 5 the ANQG
    steps); ``fallback`` when the steps cite no single article."""
    articles, clauses = set(), []
    for step in steps:
        for article, said in _CLAUSE_CITED.findall(step.basis or ""):
            articles.add(article)
            clauses += [c for c in re.findall(r"khoản (\d+)", said) if c not in clauses]
    if len(articles) != 1 or not clauses:
        return fallback
    return f"Điều {articles.pop()} khoản {', '.join(sorted(clauses, key=int))} BLTTHS 2015"
