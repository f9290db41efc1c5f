"""Which of several moments in a custody question the law counts from; the others are set aside.

* Tạm giữ runs from when the CQĐT receives the person (Đ118 k1; FACTS §3), not from the arrest:
  "hôm qua 23h bắt quả tang, 1h sáng nay CQĐT mới nhận người, tạm giữ 3 ngày thì hết lúc nào" counts
  from 01:00 today. When the receipt is said with one of the dates, that date (and its hour) is the
  start; when it is said but cannot be told apart from the arrest's moment, the question is asked back
  (a count from the arrest would end early).
* A tạm giữ that ended in release, then a tạm giam ordered on a later day: "tạm giữ 3 ngày từ 16h
  28/02 thì được thả, đến 20/03 bị bắt tạm giam 3 tháng" — the tạm giam starts on its own day and
  the tạm giữ's days are deducted (TTLT 04/2018 Đ17; FACTS §1, the official 60 − 6 example). Only
  when the tạm giữ's days are said and end no later than that day (a tạm giữ cut short: how many days
  to deduct is open, FACTS §1 U — the existing refusal stands).

Pure; the text is folded (``dateparse.fold_text``), spans are the parser's.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from knowledge.deadlines.custody_days import CustodyDaysError, custody_words, read_custody_days
from knowledge.deadlines.custody_span import whole_days, with_days
from knowledge.deadlines.date_owner import detention_owns
from knowledge.deadlines.dayparts import in_period
from knowledge.deadlines.kind_words import spell_out
from knowledge.deadlines.other_case import other_case_said
from knowledge.kb.numbers import numbers_from_words

Span = tuple[int, int]
Timed = tuple[int, int, int | None]  # a time's span and its minute of the day (None: unknown)
Dated = tuple[int, int, date, str | None]  # a date's span, day and part of the day said with it
Clock = tuple[int, int, tuple[int, int] | None, str | None]  # a time's span, hour and minute, part of the day

RECEIPT_UNCLEAR = (
    "Tạm giữ tính từ khi Cơ quan điều tra nhận người bị giữ, bị bắt (Điều 118 khoản 1 BLTTHS 2015), không từ lúc "
    "bắt. Anh/chị ghi rõ ngày giờ Cơ quan điều tra nhận người, ví dụ «CQĐT nhận người lúc 1h ngày 02/03/2026, "
    "tạm giữ 3 ngày thì hết lúc nào»."
)
SURRENDER_UNCLEAR = (
    "Người tự thú, đầu thú: tạm giữ tính từ khi Cơ quan điều tra ra quyết định tạm giữ (Điều 118 khoản 1 BLTTHS "
    "2015), không từ lúc đến trình diện. Anh/chị ghi rõ ngày giờ ra quyết định tạm giữ, ví dụ «quyết định tạm giữ "
    "lúc 15h ngày 01/03/2026, tạm giữ 3 ngày thì hết lúc nào»."
)
RELEASED_UNCLEAR = (
    "Tạm giữ đã kết thúc, sau đó mới tạm giam: tạm giam tính từ ngày của lệnh tạm giam và được trừ số ngày đã tạm "
    "giữ (Điều 17 TTLT 04/2018). Anh/chị cho biết số ngày tạm giữ, ví dụ «tạm giữ 3 ngày rồi được thả, ngày "
    "10/03/2026 bắt tạm giam 2 tháng thì hết ngày nào»; nếu tạm giữ bị rút ngắn, số ngày được trừ chưa có hướng dẫn "
    "thống nhất, anh/chị đối chiếu lệnh."
)
ORDER_END = (
    "Ngày {day} là ngày hết lệnh tạm giam, không phải ngày bắt đầu. Gia hạn tính từ ngày sau ngày đó: anh/chị hỏi "
    "kèm loại tội và thời hạn gia hạn, ví dụ «lệnh tạm giam hết ngày {day}, tội ít nghiêm trọng, gia hạn thêm 1 "
    "tháng thì đến ngày nào»; để tính lại lệnh, anh/chị cho biết ngày bắt đầu, ví dụ «tạm giam 2 tháng từ 05/03/2026»."
)
PERIOD_END = (
    "Ngày {day} là ngày hết thời hạn, không phải ngày bắt đầu, nên trợ lý không tính thời hạn từ ngày này. Để tính "
    "lần gia hạn thứ nhất, anh/chị ghi loại tội và mức gia hạn, ví dụ «vụ ít nghiêm trọng, hạn truy tố hết ngày "
    "{day}, gia hạn 10 ngày thì đến ngày nào»; để tính cả thời hạn, anh/chị cho biết ngày bắt đầu."
)
CUSTODY_END = (
    "{moment} là lúc hết tạm giữ, không phải lúc bắt đầu. Trợ lý tính từ lúc bắt đầu tạm giữ (khi Cơ quan điều tra "
    "nhận người): anh/chị hỏi lại, ví dụ «tạm giữ từ 8h ngày 05/03/2026, gia hạn thêm 3 ngày thì hết lúc nào»; "
    "mỗi lần gia hạn không quá 3 ngày, tính liên tục từ lúc hết tạm giữ (Điều 118 khoản 2 BLTTHS 2015)."
)
# The date closes the tạm giam order: "lệnh tạm giam 2 tháng hết ngày", "đến hết ngày", "hết hạn tạm giam ngày".
_CLOSES = re.compile(
    r"(?<![a-z])(?:den het|toi het|het han|het|ket thuc)(?: (?:han|thoi han))?(?: (?:lenh )?(?:tam giam|tam giu|lenh))?"
    r"(?: (?:dung|vao|la|luc)){0,2}(?: \d{1,2}\s*(?:h|g|gio)(?:\s*\d{1,2})?(?: (?:sang|trua|chieu|toi|dem))?)?(?: ngay)?\s*$"
)
_MEASURE = re.compile(r"(?<![a-z])tam (?:giu|giam)(?![a-z])")
_RELEASED = re.compile(
    r"(?<![a-z])(?:tha|tra tu do|ra tu do|tai ngoai|cho ve|huy (?:quyet dinh |qd )?tam giu|cam di khoi noi cu tru)"
    r"(?![a-z])"
)
# The VKS's approvals counted from its receipt of the file (Đ110 k6, Đ118 k2), not from the hold before it.
FILE_RECEIPT_KINDS = frozenset({"vks_phe_chuan_bat_khan_cap", "vks_phe_chuan_gia_han_tam_giu"})
_FILE = re.compile(r"(?<![a-z])(?:nhan|tiep nhan)(?: duoc)? (?:ho so|hs|de nghi|van ban)(?![a-z])")
FILE_UNCLEAR = (
    "VKS quyết định phê chuẩn trong 12 giờ kể từ khi nhận hồ sơ đề nghị (Điều 110 khoản 6, Điều 118 khoản 2 BLTTHS "
    "2015). Anh/chị ghi rõ lúc VKS nhận hồ sơ, ví dụ «VKS nhận hồ sơ lúc 21h ngày 02/03/2026, phê chuẩn trước lúc nào»."
)
_SURRENDER = re.compile(r"(?<![a-z])(?:tu thu|dau thu|ra trinh dien)(?![a-z])")
# "qđ tạm giữ", shorthand too ("qd tgiu", "lệnh t.giữ"): matched on the text as typed (its spans are the parser's).
_DECIDED = re.compile(r"(?<![a-z])(?:quyet dinh|qd|lenh) (?:tam ?|t[./]?\s?)giu(?![a-z])")
_NOT_YET = re.compile(r"(?<![a-z])(?:chua|khong|ko|k|hong)(?: co| kip)?(?: ra)? $")  # "chưa ra qđ tạm giữ": no decision
# The CQĐT receives the person: "cqđt (mới) nhận người", "giải về (trụ sở) CQĐT", "bàn giao cho CQĐT".
_RECEIPT = re.compile(
    r"(?<![a-z])(?:(?:cqdt|co quan dieu tra)(?: (?:moi|da|chi|vua))? (?:nhan|tiep nhan)(?! (?:don|tin|to giac|ho so))"
    r"|(?:nhan|tiep nhan) (?:duoc )?(?:nguoi|doi tuong|nghi pham|ho so nguoi|nguoi bi (?:bat|giu))"
    r"|(?:giai|dan giai|ap giai|dua|chuyen) (?:ve |den |toi ){1,2}(?:tru so |tru so cua )?(?:cqdt|co quan dieu tra|cong an)"
    r"|ban giao (?:nguoi |doi tuong )?(?:cho |sang )?(?:cqdt|co quan dieu tra))(?![a-z])"
)
# Where a clause ends: punctuation (a bracket too; not a dot inside shorthand, "t.giữ"), or a word that starts
# another step of the story.
_CLAUSE = re.compile(r"[,;()]|\.(?![a-z])|(?<![a-z])(?:nhung|roi|sau do|den khi|thi|va)(?![a-z])")


def receipt_said(folded: str) -> bool:
    """Whether the CQĐT's receipt of the person is said ("CQĐT nhận người lúc 1h", "giải đến CQĐT lúc 0h30"):
    then that moment is the tạm giữ's start (``from_receipt``), whatever else is dated."""
    return _RECEIPT.search(folded) is not None and _SURRENDER.search(folded) is None


def _clause(folded: str, span: Span) -> Span:
    """The clause around a date: from the last break before it to the first break after it."""
    a, b = span
    before = [m.end() for m in _CLAUSE.finditer(folded, 0, a)]
    after = _CLAUSE.search(folded, b)
    return (before[-1] if before else 0, after.start() if after else len(folded))


def _blank(folded: str, spans: list[Span]) -> str:
    for a, b in sorted(spans, reverse=True):
        folded = folded[:a] + " " * (b - a) + folded[b:]
    return folded


# A time that leads straight into a date ("2h sáng 28/02", "23h ngày 01/03") is that date's.
_LEADS_TO_DATE = re.compile(r"\s*(?:(?:sang|trua|chieu|toi|dem)\s+)?(?:(?:ngay|hom)\s*)?$")


def set_aside(folded: str, dates: list[Span], times: list[Span], keep: int) -> str:
    """``folded`` with every date but ``dates[keep]`` blanked, and every time nearer to a blanked date."""
    kept = dates[keep]

    def distance(t: Span, d: Span) -> int:
        if t[1] <= d[0] and _LEADS_TO_DATE.match(folded[t[1] : d[0]]):  # "2h sáng 28/02": that date's hour
            return -1
        return min(abs(t[0] - d[1]), abs(d[0] - t[1]))

    gone = [d for i, d in enumerate(dates) if i != keep]
    gone += [t for t in times if gone and min(distance(t, d) for d in gone) < distance(t, kept)]
    return _blank(folded, gone)


def _said_in(marker: re.Pattern[str], folded: str, spans: list[Span]) -> list[int]:
    return [i for i, span in enumerate(spans) if marker.search(folded, *_clause(folded, span))]


def from_receipt(folded: str, kind: str, dates: list[Span], times: list[Timed]) -> str | None:
    """The text with only the CQĐT's receipt (for a person who surrendered: its decision) as the tạm
    giữ's start, when another moment is said too (None: not such a question). Raises ``ValueError``
    when that moment is said but not placed: a count from the arrest would end early."""
    surrendered = _SURRENDER.search(folded) is not None
    marker, unclear = (_DECIDED, SURRENDER_UNCLEAR) if surrendered else (_RECEIPT, RECEIPT_UNCLEAR)
    if kind in FILE_RECEIPT_KINDS:  # "giữ khẩn cấp lúc 20h, VKS nhận hồ sơ lúc 8h": from the file's receipt
        marker, unclear = _FILE, FILE_UNCLEAR
    spans = [(a, b) for a, b, _ in times]
    if not kind.startswith(("tam_giu", "vks_phe_chuan")) or not marker.search(folded) or len(dates) + len(times) < 3:
        return None
    if len(dates) > 1:
        said = _said_in(marker, folded, dates)
        if len(said) != 1:
            raise ValueError(unclear)
        return set_aside(folded, dates, spans, said[0])
    said = _said_in(marker, folded, spans)  # one day, two hours: the receipt's, later than the other's that day
    if len({m for _, _, m in times}) == 1 and None not in {m for _, _, m in times}:
        return None  # "8h ra qđ tạm giữ (nhận người lúc 8h)": one moment said twice, nothing to choose
    if len(said) != 1:
        raise ValueError(unclear)
    at = times[said[0]][2]
    others = [m for i, (_, _, m) in enumerate(times) if i != said[0]]
    if at is None or any(m is None or m > at for m in others):
        raise ValueError(unclear)  # past midnight, or not placed: not guessed
    return _blank(folded, [span for i, span in enumerate(spans) if i != said[0]])


def _marked(folded: str, dates: list[Span], at: int) -> str:
    """The text with the date ``at`` as ``@`` and the others blanked, shorthand spelled out."""
    for i, (a, b) in sorted(enumerate(dates), key=lambda x: -x[1][0]):
        folded = folded[:a] + (" @ " if i == at else " ") + folded[b:]
    return custody_words(" ".join(numbers_from_words(spell_out(folded).split())))


def detention_index(
    folded: str, kind: str, dates: list[Span], days: list[date], spanned: int | None = None
) -> int | None:
    """The last date, when it starts a tạm giam after a tạm giữ that ended (its days deducted: those said, else
    ``spanned``, the whole days between its two ends). Raises ``ValueError`` (:data:`RELEASED_UNCLEAR`) when the
    tạm giữ's days are not said (with a release date between) or it was cut short (how many days to deduct is
    open, FACTS §1 U)."""
    last = len(dates) - 1
    if not kind.startswith("tam_giam") or last < 1 or days[last] <= days[0]:
        return None
    marked = _marked(folded, dates, last)
    if not detention_owns(marked, marked.find("@")):
        return None
    if other_case_said(marked):  # a tạm giữ in another case: the tạm giam's own day, nothing deducted (other_case)
        return last
    try:
        custody = read_custody_days(marked)
    except CustodyDaysError:
        custody = None
    total = custody.total if custody is not None and custody.total else spanned
    if not total:
        if last == 1 and not _RELEASED.search(marked, 0, marked.find("@")):
            return None  # "tạm giữ từ 9h 01/06, 04/06 chuyển tạm giam": its two ends (custody_chain)
        raise ValueError(RELEASED_UNCLEAR)  # released, its days unsaid (or said in hours): not its two ends
    ended = days[0] + timedelta(days=total)
    if ended > days[last] or any(d < ended for d in days[1:last]):
        raise ValueError(RELEASED_UNCLEAR)  # cut short, or released before its days ran out
    return last


def _minute(hour_minute: tuple[int, int] | None, period: str | None) -> int | None:
    if hour_minute is None:
        return None
    hour, shift = in_period(hour_minute[0], period)
    return (24 * shift + hour) * 60 + hour_minute[1]


# The moment said is an arrest or a hold ("bắt quả tang lúc 8h", "giữ người khẩn cấp", "bắt theo truy nã") …
_ARREST = re.compile(
    r"(?<![a-z])(?:bat|giu)(?: nguoi)?(?: (?:pham toi )?qua tang| khan cap|(?: dang)?(?: bi)? (?:theo (?:quyet dinh |lenh )?)?truy na)"
    r"(?![a-z])"
)
# … unless the custody's own start is said: "tạm giữ (3 ngày) từ 8h", "tạm giữ bắt đầu lúc 8h".
_HELD_FROM = re.compile(r"(?<![a-z])tam giu(?: [a-z0-9]+){0,3}? (?:tu|bat dau)(?![a-z])")
SURRENDER_KINDS = frozenset({"tam_giu", "tam_giu_rut_gon"})


def not_the_custodys_start(folded: str, kind: str) -> str | None:
    """What to ask when the only moment a tạm giữ question gives is one the law does not count from (Đ118 k1,
    FACTS §3, V): a surrender (from the CQĐT's decision to hold) or an arrest, a hold, a wanted person's capture
    (from the CQĐT's receipt of the person). None when the decision, the receipt or the custody's start is said
    ("qđ tgiu ra lúc 15h": shorthand written out)."""
    folded = spell_out(folded)
    decided = any(not _NOT_YET.search(folded, 0, m.start()) for m in _DECIDED.finditer(folded))
    if kind not in SURRENDER_KINDS or decided or _HELD_FROM.search(folded):
        return None
    if _SURRENDER.search(folded):
        return SURRENDER_UNCLEAR
    if _ARREST.search(folded) and not _RECEIPT.search(folded):
        return RECEIPT_UNCLEAR
    return None


def counted_moment(folded: str, kind: str, found: list[Dated], clocks: list[Clock]) -> str | None:
    """The text with only the moment the law counts from, when it is not the first one said; None
    when the first one is. Raises ``ValueError`` when the CQĐT's receipt (for a surrender: its decision)
    is not said or not placed."""
    unsaid = not_the_custodys_start(folded, kind)
    if unsaid is not None:
        raise ValueError(unsaid)
    if len({day for _, _, day, _ in found}) == 1:
        found = found[:1]  # "hôm nay 2/3 bắt lúc 6h (CQĐT nhận người lúc 9h)": one day said twice, its hours apart
    dates = [(a, b) for a, b, _, _ in found]
    period = found[0][3] if len(found) == 1 else None  # "tối qua 21h …, 23h …": both in the evening
    times = [(a, b, _minute(hm, own or period)) for a, b, hm, own in clocks]
    received = from_receipt(folded, kind, dates, times)
    if received is not None:
        return received
    days = [day for _, _, day, _ in found]
    spanned = whole_days(folded, dates, days, times)  # "tạm giữ từ 10h 24/2 đến 10h 27/2": 3 days
    keep = detention_index(folded, kind, dates, days, spanned)
    if not keep:
        return None
    chosen = set_aside(folded, dates, [(a, b) for a, b, _ in times], keep)
    return with_days(chosen, spanned) if spanned and not _days_said(folded) else chosen


def _days_said(folded: str) -> bool:
    try:
        said = read_custody_days(custody_words(" ".join(numbers_from_words(spell_out(folded).split()))))
    except CustodyDaysError:
        return False
    return said is not None and bool(said.total)


def closes_the_order(folded: str, at: int, measures: tuple[str, ...] = ("tam giam",)) -> bool:
    """Whether the date at ``at`` is said as the tạm giam order's last day ("lệnh tạm giam 2 tháng hết ngày
    03/05"), not its start: the last measure named before it is one of ``measures``, and an end word leads
    to it."""
    before = spell_out(folded[:at]).rstrip()
    named = list(_MEASURE.finditer(before))
    return bool(named) and named[-1][0] in measures and _CLOSES.search(before + " ") is not None


# "hạn truy tố hết ngày 20/03", "điều tra hết hạn vào ngày 20/03": the date ends a period (a stage's, not an order's)
_PERIOD_CLOSES = re.compile(
    r"(?<![a-z])(?:(?:han|thoi han)(?: [a-z]+){1,4} (?:het|ket thuc)|het han)(?: (?:vao|la))?(?: ngay)?\s*$"
)


def closes_a_period(folded: str, at: int) -> bool:
    """Whether the date at ``at`` is said as the end of a period ("hạn truy tố hết ngày 20/03/2026")."""
    return _PERIOD_CLOSES.search(spell_out(folded[:at]).rstrip() + " ") is not None
