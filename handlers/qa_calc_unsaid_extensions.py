"""A tạm giữ extended "2 lần" without the days, then tạm giam: "tạm giữ từ 10h ngày 25/02/2026, gia hạn 2
lần, sau đó tạm giam 2 tháng luôn thì lệnh tạm giam đến hết ngày nào". The detention starts on the day the
custody ends and every day of custody is deducted (TTLT 04/2018 Đ17; FACTS §1), so its last day is the
custody's first day + 30 × months − 1 whatever each extension's length. That is checked, never assumed:
the question is counted with several lengths the law allows (Đ118 k1, k2: at most 3 days each) and the day
is said only when they all agree ("gh đủ 2 lần" too; a total in brackets, "gh 1 lần (6 ngày)", is not needed); the card shown is the one with every extension in full, said so. When
they do not agree (a length in days), the usual request for the days stands. The same when the extension's
days are said but not the term ("tgiu từ 14h 02/03, gh 1 lần 3 ngày rồi chuyển tgiam 2 tháng"): the term is
tried at 1, 2 and 3 days."""

from __future__ import annotations

import re
from datetime import date

from bot.chat.context import Context
from bot.chat.messages import Reply
from handlers.deadline_cards import computed, local_naive, run
from knowledge.deadlines.calculator import DeadlineInputError, fmt_date
from knowledge.deadlines.calendar import weekday_vi
from knowledge.deadlines.dateparse import DateParseError, DeadlineQuery, detect_deadline_query, fold_text
from knowledge.deadlines.kind_words import spell_out

_COUNT = re.compile(r"(?<![a-z])(?:gia han|gh)(?: them| du| toi da| het)? ([12]|mot|hai) lan(?![a-z])")
_CUSTODY = re.compile(r"(?<![a-z])tam giu(?![a-z])")
# "gh 1 lần (6 ngày)": the days in brackets after the count are the custody's total, not each extension's
_TOTAL = re.compile(
    r"(?<![a-z])((?:gia han|gh)(?: them| du| toi da| het)? (?:[12]|mot|hai) lan)\s*\(\s*(\d+)\s*ngay\s*\)"
)
_TERM = re.compile(r"(?<![a-z])tam giu \d ngay(?![a-z])")
# "tgiu từ 14h 02/03, gh 1 lần 3 ngày rồi tạm giam": the extension's days said, the term not.
_DAYS_AFTER = re.compile(r"\s*(?:moi lan\s*)?\d\s*ngay(?![a-z])")
_EXTENDED = re.compile(r"(?<![a-z])(?:gia han|gh)(?![a-z])")
# (term, each extension) in days: the most, the least, and a mix; all within Đ118 k1, k2.
_TRIALS = ((3, 3), (1, 1), (3, 1), (2, 3))


def _one_said(text: str, count: re.Match[str]) -> bool:
    """ "gh 1 lần 3 ngày": one extension, its days said (not "2 lần 3 ngày": each, or both?)."""
    return count[1] in ("1", "mot") and _DAYS_AFTER.match(text, count.end()) is not None


def _with_days(text: str, term: int, each: int) -> str:
    count = _COUNT.search(text)
    if count is not None and not _one_said(text, count):  # "gh 1 lần 3 ngày": said
        text = f"{text[: count.end()]} moi lan {each} ngay{text[count.end() :]}"
    if _TERM.search(text):
        return text
    first = _CUSTODY.search(text)
    assert first is not None
    return f"{text[: first.end()]} {term} ngay{text[first.end() :]}"


async def extensions_unsaid(ctx: Context) -> list[Reply] | None:
    """The detention's last day and the card, or None (not such a question, or the day depends on the days)."""
    text = spell_out(fold_text(ctx.text))
    total = _TOTAL.search(text)
    text = _TOTAL.sub(r"\1", text)  # "gh 1 lần (6 ngày)": the custody's total, which the last day does not need
    count, custody = _COUNT.search(text), _CUSTODY.search(text)
    if custody is None or "moi lan" in text or "tam giam" not in text[(count or custody).end() :]:
        return None
    if count is not None and _one_said(text, count):
        count = None  # "gh 1 lần 3 ngày": the days are said; the term may not be
    if count is None and (_TERM.search(text) or not _EXTENDED.search(text)):
        return None  # neither the extensions' days nor the term left unsaid
    now = local_naive(ctx)
    try:
        detect_deadline_query(ctx.text, now)
        return None  # read as it is: not this question
    except DateParseError:
        pass
    queries: list[DeadlineQuery] = []
    ends: set[date] = set()
    for term, each in _TRIALS:
        try:
            query = detect_deadline_query(_with_days(text, term, each), now)
            if query is None or not query.kind.startswith("tam_giam") or not query.tam_giu_days:
                return None
            ends.add(run(ctx, query).base.last_day)
        except (DateParseError, DeadlineInputError):
            return None
        queries.append(query)
    if len(ends) != 1:
        return None
    [last] = ends
    said = _said(last, count is not None, int(total[2]) if total is not None else None)
    full = 3 * (1 + (2 if count is not None and count[1] in ("2", "hai") else 1))  # the card's days: all in full
    if total is not None and int(total[2]) != full:
        said += f" Thẻ tính {full} ngày tạm giữ, khác {total[2]} ngày câu hỏi nêu: anh/chị sửa số ngày theo quyết định."
    return [Reply(said), *computed(ctx, queries[0])]


def _said(last: date, extensions: bool, total: int | None) -> str:
    """What the question left unsaid (or the total it gave, "gh 1 lần (6 ngày)"), and why the day stands."""
    if total is not None:  # the total is said: only how it splits is not, and the day does not need it
        opening = (
            f"Câu hỏi cho biết tổng thời gian tạm giữ {total} ngày; ngày hết lệnh tạm giam không phụ thuộc cách chia "
            "số ngày đó giữa thời hạn tạm giữ và các lần gia hạn"
        )
    else:
        unsaid = "mỗi lần gia hạn tạm giữ bao nhiêu ngày" if extensions else "thời hạn tạm giữ ban đầu bao nhiêu ngày"
        opening = f"Câu hỏi không nói {unsaid}, nhưng ngày hết lệnh tạm giam không phụ thuộc số ngày đó"
    return (
        f"{opening}: tạm giam bắt đầu từ ngày hết tạm giữ và được trừ đúng số ngày tạm giữ (Điều 17 TTLT 04/2018), nên "
        f"lệnh tạm giam đến hết ngày {weekday_vi(last)} {fmt_date(last)}. Thẻ dưới tính với thời hạn tạm giữ và mỗi "
        "lần gia hạn đủ 3 ngày; giờ hết tạm giữ, ngày bắt đầu và số ngày tạm giam đổi theo quyết định thực tế."
    )
