"""The days of tạm giữ and tạm giam credited against a sentence: "bị tạm giữ 6 ngày, tạm giam 54 ngày, tòa
xử 2 năm tù thì được trừ bao nhiêu ngày" → 6 + 54 = 60 days. Every day of tạm giữ or tạm giam is one day
of prison (BLHS 2015 Đ38 k1) or three days of cải tạo không giam giữ (BLHS Đ36 k1); the two measures
add up, nothing is deducted from one another here (that is the tạm giam order's own count, Đ118 k4,
``order_days``). Also the plain total ("tạm giữ 3 ngày rồi tạm giam 57 ngày thì tổng bao nhiêu ngày").

Only days said in figures are added: a measure said in months ("tạm giam 2 tháng") is counted from its
dates, not guessed, and a tạm giữ cut short in hours is not rounded. Pure; the text is folded, shorthand
written out (``kind_words.spell_out``) and numbers in figures."""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.deadlines.custody_days import CustodyDaysError, custody_words, read_custody_days

# "tạm giữ 3 ngày" (the measure first) or "3 ngày tạm giữ" (the days first): one way through a question.
_MEASURE_FIRST = re.compile(r"(?<![a-z])tam (giu|giam)(?: [a-z]+){0,3}? (\d{1,3}) ngay(?![a-z])")
_DAYS_FIRST = re.compile(r"(?<![\d/])(\d{1,3}) ngay (?:[a-z]+ ){0,2}?tam (giu|giam)(?![a-z])")
_ANY_DAYS = re.compile(r"(?<![\d/])\d{1,3} ngay(?![a-z])")
_A_MEASURE = re.compile(r"(?<![a-z])tam (?:giu|giam)(?![a-z])")
_IN_MONTHS = re.compile(r"(?<![a-z])tam (?:giu|giam)(?: [a-z]+){0,3}? \d{1,2} (?:thang|nam|gio|tieng)(?![a-z])")
_PRISON = re.compile(
    r"(?<![a-z])(?:\d{1,2} (?:nam|thang) tu|tu (?:co thoi han )?\d{1,2} (?:nam|thang)|an tu|hinh phat tu"
    r"|phat tu|tu giam|chap hanh (?:an|hinh phat) tu)(?![a-z])"
)
# not a bare "cải tạo": "đang ở trại cải tạo" is where a prison sentence is served
_NON_CUSTODIAL = re.compile(r"(?<![a-z])(?:cai tao khong giam giu|ctkgg)(?![a-z])")
_SUSPENDED = re.compile(r"(?<![a-z])an treo(?![a-z])")
_FINE = re.compile(r"(?<![a-z])phat tien(?![a-z])")
# A sentence named without its kind ("tòa xử …", "bị kết án", "hình phạt")
_KIND_UNSAID = re.compile(r"(?<![a-z])(?:hinh phat|ket an|toa xu|bi xu|xu phat)(?![a-z])")
# the prison term named ("2 năm tù", "tù 3 tháng"): to say when the days held already cover it (BLTTHS Đ328 k5)
_TERM = re.compile(r"(?<![a-z])(?:(\d{1,2}) (nam|thang) tu|tu (?:co thoi han )?(\d{1,2}) (nam|thang))(?![a-z])")
_CREDIT = re.compile(r"(?<![a-z])(?:tru|khau tru|tinh vao|bu tru|doi ra|quy doi|bang bao nhieu)(?![a-z])")
_TOTAL = re.compile(r"(?<![a-z])(?:tong|tong cong|cong lai|ca hai|tat ca)(?![a-z])")
_HOW_MANY = re.compile(r"(?<![a-z])(?:bao nhieu|may|bn|bnhieu|nhieu)(?: ngay)?(?![a-z])")
_DATE = re.compile(r"\d{1,2}/\d{1,2}")

# Each credit cites its own article (BLHS 2015, read in blhs.md): prison Đ38 k1 ("cứ 01 ngày tạm giữ, tạm giam bằng 01
# ngày tù"), cải tạo không giam giữ Đ36 k1 ("… bằng 03 ngày cải tạo không giam giữ").
PRISON_BASIS = "Căn cứ: Điều 38 khoản 1 BLHS 2015."
CTKGG_BASIS = "Căn cứ: Điều 36 khoản 1 BLHS 2015."
BASIS = (
    "Căn cứ: Điều 38 khoản 1 BLHS 2015 (trừ vào hình phạt tù); Điều 36 khoản 1 BLHS 2015 (trừ vào cải tạo không giam "
    "giữ)."
)


@dataclass(frozen=True)
class Held:
    """Days of tạm giữ and tạm giam said in a question (0: not said)."""

    custody: int
    detention: int

    @property
    def total(self) -> int:
        return self.custody + self.detention


MONTHS_ASKED = (
    "Trừ vào hình phạt là số ngày thực tế đã bị tạm giữ, tạm giam: cứ 1 ngày tạm giữ, tạm giam bằng 1 ngày tù, "
    "hoặc 3 ngày cải tạo không giam giữ. Thời hạn ghi bằng tháng trong lệnh chưa phải số ngày thực tế (lệnh tạm "
    "giam sau tạm giữ đã trừ những ngày tạm giữ); anh/chị cho biết số ngày thực tế của từng lần, ví dụ «tạm giữ 3 ngày, tạm "
    "giam 117 ngày, xử 2 năm tù thì được trừ bao nhiêu ngày»."
)


def held_days(plain: str) -> Held | None:
    """The days of each measure said in figures, or None when none is said or one is said otherwise."""
    if _IN_MONTHS.search(plain) or _DATE.search(plain):
        return None  # "tạm giam 2 tháng", "từ 04/03": a count from dates, not a sum of days said
    first_days, first_measure = _ANY_DAYS.search(plain), _A_MEASURE.search(plain)
    if first_days is None or first_measure is None:
        return None
    if first_days.start() < first_measure.start():  # "3 ngày tạm giữ, 57 ngày tạm giam"
        said = [(m[2], int(m[1])) for m in _DAYS_FIRST.finditer(plain)]
    else:  # "tạm giữ 3 ngày, tạm giam 57 ngày"
        said = [(m[1], int(m[2])) for m in _MEASURE_FIRST.finditer(plain)]
    if len(said) != len(_ANY_DAYS.findall(plain)):
        return None  # a number of days not read as either measure's ("…, gia hạn 3 ngày", mixed orders): not added
    custody = [n for measure, n in said if measure == "giu"]
    detention = [n for measure, n in said if measure == "giam"]
    if len(custody) > 1 or len(detention) > 1:
        return None  # "tạm giữ 3 ngày, gia hạn 3 ngày": the extension's days are read elsewhere
    return Held(custody[0] if custody else 0, detention[0] if detention else 0)


def _extended_custody(plain: str) -> Held | None:
    """ "tạm giữ 3 ngày, gia hạn 3 ngày, tạm giam 54 ngày": the tạm giữ with its extensions (``custody_days``) and
    one tạm giam in days, every number of days read; None otherwise."""
    if _IN_MONTHS.search(plain) or _DATE.search(plain):
        return None
    text = custody_words(plain)
    try:
        custody = read_custody_days(text)
    except CustodyDaysError:
        return None
    detention = [int(m[2]) for m in _MEASURE_FIRST.finditer(text) if m[1] == "giam"]
    if custody is None or len(detention) > 1 or len(custody.spans) + len(detention) != len(_ANY_DAYS.findall(text)):
        return None
    return Held(custody.total, detention[0] if detention else 0)


# What one day held (tạm giữ or tạm giam) is worth against a sentence served in days: one day of prison (BLHS Đ38
# k1), three days of cải tạo không giam giữ (BLHS Đ36 k1)
CREDIT_RATES = {"tu": 1, "ctkgg": 3}
# … as the Q&A's answers name the sentence ("1 ngày tạm giữ, tạm giam = 1 ngày tù hoặc = 3 ngày cải tạo …")
SENTENCE_WORDS = {"tu": "tu", "cai tao khong giam giu": "ctkgg"}


def credited(days: int, sentence: str) -> int:
    """The days of ``sentence`` ("tu", "ctkgg") that ``days`` held are credited as."""
    return days * CREDIT_RATES[sentence]


def names_sentence(plain: str, *, unsaid: bool = False) -> str | None:
    """ "tu" (prison), "ctkgg" (cải tạo không giam giữ), "treo" (a suspended prison term), "tien" (a fine) or None:
    the sentence the days are credited to. With ``unsaid``, "an" for a sentence named without its kind ("tòa xử",
    "bị kết án", "hình phạt"): what the days held are then deducted from is a sentence, not the detention's term
    (``order_days``, ``knowledge.kb.ratio``)."""
    if _SUSPENDED.search(plain):
        return "treo"
    if _NON_CUSTODIAL.search(plain):
        return "ctkgg"
    if _PRISON.search(plain):
        return "tu"
    if _FINE.search(plain):
        return "tien"
    return "an" if unsaid and _KIND_UNSAID.search(plain) else None


# Neither a suspended term nor a fine is served in days: nothing is counted against them (BLHS Đ38 k1, Đ36 k1 speak
# of prison and cải tạo không giam giữ only); a detained accused is released at the hearing (BLTTHS Đ328 k3, k4).
SUSPENDED = (
    "Án treo không phải chấp hành hình phạt tù, nên thời gian tạm giữ, tạm giam không trừ vào đâu khi tuyên án; bị "
    "cáo đang bị tạm giam được trả tự do ngay tại phiên tòa (Điều 328 khoản 4 BLTTHS 2015). Nếu sau này bị buộc chấp "
    "hành hình phạt tù của bản án treo (Điều 65 khoản 5 BLHS) thì thời gian đó mới được trừ, 1 ngày bằng 1 ngày tù — "
    "theo hướng dẫn của TANDTC (nguồn thứ cấp), cần đối chiếu văn bản.\n"
    "Căn cứ: Điều 328 khoản 4 BLTTHS 2015; Điều 38 khoản 1, Điều 65 khoản 5 BLHS 2015."
)
FINE = (
    "Phạt tiền không tính theo ngày: Điều 38 khoản 1 và Điều 36 khoản 1 BLHS chỉ quy định trừ thời gian tạm giữ, tạm "
    "giam vào hình phạt tù (1 ngày bằng 1 ngày tù) và cải tạo không giam giữ (1 ngày bằng 3 ngày); trợ lý chưa có "
    "quy định trừ vào tiền phạt. Bị cáo đang bị tạm giam mà bị xử phạt bằng hình phạt không phải là hình phạt tù thì "
    "được trả tự do ngay tại phiên tòa (Điều 328 khoản 3 BLTTHS 2015).\n"
    "Căn cứ: Điều 328 khoản 3 BLTTHS 2015; Điều 36 khoản 1, Điều 38 khoản 1 BLHS 2015."
)


def _covers_term(plain: str, held: Held) -> str | None:
    """The note when the days held are clearly no fewer than the prison term named (BLTTHS Đ328 k5)."""
    m = _TERM.search(plain)
    if m is None:
        return None
    n, unit = (int(m[1]), m[2]) if m[1] else (int(m[3]), m[4])
    longest = n * (366 if unit == "nam" else 31)  # a term of n months is at most n × 31 days
    if held.total < longest:
        return None
    return (
        f"{held.total} ngày đã bị tạm giữ, tạm giam không ít hơn mức {n} {'năm' if unit == 'nam' else 'tháng'} tù: "
        "thời hạn phạt tù bằng hoặc ngắn hơn thời gian đã bị tạm giam thì bị cáo được trả tự do ngay tại phiên tòa "
        "(Điều 328 khoản 5 BLTTHS 2015)."
    )


def asks_credit(plain: str) -> bool:
    """Whether a message names a sentence and asks what is deducted from it ("thì được trừ bao nhiêu ngày")."""
    # "được trừ", "tính vào", "quy đổi": a bare "mấy ngày" may ask another period ("xử 2 năm tù thì kháng cáo mấy
    # ngày" is the appeal's 15 days, not the days credited)
    return names_sentence(plain) is not None and _CREDIT.search(plain) is not None


def _sum(held: Held) -> str:
    if held.custody and held.detention:
        return f"{held.custody} ngày tạm giữ + {held.detention} ngày tạm giam = {held.total} ngày"
    return f"{held.total} ngày {'tạm giữ' if held.custody else 'tạm giam'}"


def credit_answer(held: Held, sentence: str | None, plain: str = "") -> str:
    """The days credited against the sentence named (or both kinds of sentence when none is)."""
    if sentence == "treo":
        return SUSPENDED
    if sentence == "tien":
        return FINE
    lines = []
    if sentence == "ctkgg":
        lines.append(
            f"Được trừ {credited(held.total, 'ctkgg')} ngày cải tạo không giam giữ: {_sum(held)}, "
            "cứ 1 ngày tạm giữ, tạm giam bằng 3 ngày cải tạo không giam giữ."
        )
    elif sentence == "tu":
        lines.append(
            f"Được trừ {credited(held.total, 'tu')} ngày vào thời hạn chấp hành hình phạt tù: {_sum(held)}, "
            "cứ 1 ngày tạm giữ, tạm giam bằng 1 ngày tù."
        )
    else:
        lines.append(f"Tổng thời gian bị tạm giữ, tạm giam: {_sum(held)}.")
        lines.append(
            f"Khi bị kết án, số ngày này được trừ vào hình phạt: {credited(held.total, 'tu')} ngày tù (1 ngày tạm giữ, "
            f"tạm giam bằng 1 ngày tù) hoặc {credited(held.total, 'ctkgg')} ngày cải tạo không giam giữ (1 ngày bằng 3 "
            "ngày)."
        )
    covered = _covers_term(plain, held) if sentence == "tu" else None
    if covered:
        lines.append(covered)
    if held.custody and held.detention:
        lines.append(
            "Trừ vào hình phạt là số ngày thực tế đã bị tạm giữ và tạm giam, cộng cả hai; việc trừ ngày tạm giữ "
            "vào thời hạn tạm giam (Điều 118 khoản 4 BLTTHS 2015) chỉ dùng khi tính số ngày ghi trong lệnh tạm giam."
        )
    lines.append({"tu": PRISON_BASIS, "ctkgg": CTKGG_BASIS}.get(sentence or "", BASIS))
    return "\n".join(lines)


def sentence_credit(plain: str) -> tuple[Held, str] | None:
    """The days said and the answer to a question about the days credited to a sentence, or their total;
    None when the question is not this one."""
    held = held_days(plain) or _extended_custody(plain)
    if names_sentence(plain) in ("treo", "tien") and asks_credit(plain) and _A_MEASURE.search(plain):
        # "tạm giam 57 ngày, xử 2 năm tù cho hưởng án treo thì được trừ bao nhiêu ngày": nothing is counted
        return held or Held(0, 0), credit_answer(held or Held(0, 0), names_sentence(plain))
    if held is None:
        said = _IN_MONTHS.search(plain) or _ANY_DAYS.search(plain)  # a length said, but not read as days held
        both = len({m[0] for m in _A_MEASURE.finditer(plain)}) == 2  # one measure alone: the Q&A's rate answer
        if asks_credit(plain) and both and said and not _DATE.search(plain):
            return Held(0, 0), f"{MONTHS_ASKED}\n{BASIS}"  # "tạm giam 4 tháng, xử 2 năm tù": days not guessed
        return None
    sentence = names_sentence(plain)
    if not (held.custody and held.detention):
        return None  # "tạm giam 25 ngày, xử cải tạo không giam giữ": one measure, the Q&A's rate answer
    if sentence is not None and asks_credit(plain):
        return held, credit_answer(held, sentence, plain)
    if sentence is None and held.custody and held.detention and _TOTAL.search(plain) and _HOW_MANY.search(plain):
        return held, credit_answer(held, None)
    return None
