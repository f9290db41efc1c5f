"""How many days of tạm giữ a free-text question says, extensions included (Đ118 k1, k2).

"tạm giữ 3 ngày từ 9h 02/03, gia hạn thêm 3 ngày rồi tạm giam 2 tháng" is 6 days of tạm giữ, all
deducted from the tạm giam (Đ118 k4: one day of tạm giữ is one day of tạm giam), and the tạm giam
starts on the day the sixth day ends. Every "N ngày" said of the tạm giữ — between the words "tạm
giữ" and the next "tạm giam" — is counted: the first is the term, each one after "gia hạn", "gh",
"lần 2", "thêm" is an extension, "gia hạn 2 lần, mỗi lần 3 ngày" is two. The spans are returned so
that none of these days is read again as days of the tạm giam.

An extension said without its length ("gia hạn 1 lần"), a third extension, or one longer than 3
days is not guessed: :class:`CustodyDaysError` says what to type. Pure; the text is folded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.deadlines.numbered_extensions import highest_rank

CUSTODY_TERM_DAYS = 3  # the tạm giữ decision's term, Đ118 k1
MAX_EXTENSION_DAYS = 3  # each extension, Đ118 k2
MAX_EXTENSIONS = 2
SUMMARY_CUSTODY_DAYS = 3  # the summary procedure: no extension (Đ459 k2)
_NUMBER = {"mot": 1, "hai": 2, "ba": 3}
_N = r"(\d{1,2}|mot|hai|ba)"
_MEASURE = re.compile(r"(?<![a-z])tam (giu|giam)(?![a-z])")
_DAYS = re.compile(rf"(?<![\d/.,]){_N}\s*ngay(?![a-z])")
_DECIMAL_DAYS = re.compile(r"(?<![\d/.,])\d{1,2}\s*[.,]\d+\s*ngay(?![a-z])")
_EXTENDS = re.compile(r"(?<![a-z])(?:gia han|gh|them|lan(?: thu)? (?:\d|mot|nhat|hai|nhi|dau))(?![a-z])")
_EACH = re.compile(rf"(?<![a-z]){_N} lan(?![a-z])[^@]*?\bmoi lan\s*(?:them\s*)?$")
_UNSAID = re.compile(r"(?<![a-z])(?:gia han|gh)(?![a-z])(?!\s+tam giam)")
_EXAMPLE = "«tạm giữ 3 ngày từ 9h 02/03/2026, gia hạn thêm 3 ngày, rồi tạm giam 2 tháng»"
# "đã gia hạn 1 lần đủ 6 ngày", "tổng cộng 6 ngày": the whole tạm giữ, extensions included.
_TOTAL = re.compile(r"(?<![a-z])(?:du|tong cong|tong|tat ca|ca thay|tong thoi gian(?: tam giu)?|tinh ca gia han)\s*$")
_COUNTED = re.compile(r"(?<![a-z])(?:gia han|gh)(?: them)? (\d|mot|hai) lan(?![a-z])")


_NO_CUSTODY = re.compile(r"(?<![a-z])(?:khong|chua|ko|hong|hok|khg)(?: he)?(?: co| bi| qua)? tam giu(?![a-z])")
_DAYS_FIRST = re.compile(rf"(?<![\d/]){_N}\s*ngay (?:thoi gian |bi )?tam giu(?![a-z])")
_DEDUCT_SHORT = re.compile(r"(?<![a-z])tru (?:di )?(?:thoi gian )?tg(?![a-z])")
_ALREADY = re.compile(r"(?<![a-z])da (?:duoc )?tru(?![a-z])")
_PLUS = re.compile(r"(?<![\d/])(\d{1,2})\s*\+\s*(?=\d{1,2}\s*(?:\+\s*\d{1,2}\s*)*ngay(?![a-z]))")
_NEGATED = re.compile(
    r"(?<![a-z])(?:(?:khong|chua|ko|k)(?: duoc| can| phai| co)?"  # "không gia hạn": none
    r"|(?:het|ket thuc)(?: han| thoi han)?(?: lan)?) (?:gia han|gh)(?![a-z])"  # "hết hạn gia hạn": its end
)


def custody_words(folded: str) -> str:
    """The ways of saying the tạm giữ's days put as "tạm giữ N ngày": "trừ 3 ngày tạm giữ",
    "trừ tg 3 ngày" (never read as days of the tạm giam); "3+3 ngày" is a term and an extension."""
    text = _PLUS.sub(r"\1 ngay gia han them ", folded)
    return _DAYS_FIRST.sub(r"tam giu \1 ngay", _DEDUCT_SHORT.sub("tru tam giu", text))


def already_deducted(folded: str) -> bool:
    """ "57 ngày (đã trừ 3 ngày tạm giữ)": the order's length is what is left after the deduction."""
    return _ALREADY.search(folded) is not None


class CustodyDaysError(ValueError):
    """The tạm giữ's extensions are said in a way that cannot be counted without guessing."""

    def __init__(self, message_vi: str, *, no_term: bool = False) -> None:
        super().__init__(message_vi)
        self.message_vi = message_vi
        self.no_term = no_term  # only extensions were said: a card's own days may be the term


@dataclass(frozen=True, slots=True)
class CustodyDays:
    total: int
    term: int  # the first "N ngày": the tạm giữ decision's own term (0 when only extensions are said)
    extensions: tuple[int, ...]
    spans: tuple[tuple[int, int], ...]  # where they are written: removed before the tạm giam is read

    def without(self, text: str) -> str:
        """``text`` (the same length as the text read) with these days blanked."""
        for a, b in sorted(self.spans, reverse=True):
            text = text[:a] + " " * (b - a) + text[b:]
        return text


def _number(word: str) -> int:
    return _NUMBER.get(word) or int(word)


def _total(count: int, said: str) -> int:
    """The whole tạm giữ said as one number: at most 3 days and 3 for each extension said (Đ118 k1, k2)."""
    times = _COUNTED.search(said)
    most = MAX_EXTENSION_DAYS * (1 + (_number(times[1]) if times else MAX_EXTENSIONS))
    if count > most:
        raise CustodyDaysError(
            f"Tạm giữ không quá 3 ngày và mỗi lần gia hạn không quá 3 ngày (Điều 118 khoản 1, 2 BLTTHS 2015): "
            f"tổng {count} ngày vượt mức {most} ngày. Anh/chị kiểm tra lại quyết định tạm giữ, gia hạn."
        )
    return count


def custody_segment(marked: str) -> tuple[int, int] | None:
    """Where the tạm giữ is described: from the first "tạm giữ" to the next "tạm giam" after it
    (the end of the text when the tạm giam is named first); None when there is none ("ko tạm giữ trước")."""
    first = next((m for m in _MEASURE.finditer(marked) if m[1] == "giu"), None)
    if first is None or _NO_CUSTODY.search(marked):
        return None
    stop = next((m for m in _MEASURE.finditer(marked, first.end()) if m[1] == "giam"), None)
    return first.end(), stop.start() if stop else len(marked)


def _later_segment(marked: str, after: int) -> tuple[int, int] | None:
    """The next description of the tạm giữ after ``after`` (its days said after the tạm giam), or None."""
    again = next((m for m in _MEASURE.finditer(marked, after) if m[1] == "giu"), None)
    if again is None:
        return None
    stop = next((m for m in _MEASURE.finditer(marked, again.end()) if m[1] == "giam"), None)
    return again.end(), stop.start() if stop else len(marked)


def read_custody_days(marked: str) -> CustodyDays | None:
    """The tạm giữ days the text says, or None when it says none. Raises :class:`CustodyDaysError`."""
    segment = custody_segment(marked)
    if segment is None or _NO_CUSTODY.search(marked):  # "(không có tạm giữ trước), tháng 2 chỉ có 28 ngày"
        return None
    if not _DAYS.search(marked, *segment):  # "tạm giữ hết ngày 01/09 rồi tạm giam 2 tháng, đã tạm giữ 3 ngày"
        later = _later_segment(marked, segment[1])
        if later is not None and _DAYS.search(marked, *later):  # else its extensions are said in the first
            segment = later
    begin, end = segment
    if _DECIMAL_DAYS.search(marked, begin, end):  # "tạm giữ 1,5 ngày": by the clock, in hours
        raise CustodyDaysError(
            "Tạm giữ tính theo giờ; tạm giữ không tròn ngày thì số ngày được trừ vào tạm giam chưa có hướng dẫn "
            "thống nhất, trợ lý không tự làm tròn. Anh/chị cho biết số ngày được trừ, ví dụ «tạm giam 2 tháng từ "
            "03/03/2026, đã tạm giữ 2 ngày»."
        )
    marked = _NEGATED.sub(lambda m: " " * len(m[0]), marked)  # not a new extension (same positions)
    term = 0
    extensions: list[int] = []
    spans: list[tuple[int, int]] = []
    last = begin
    for m in _DAYS.finditer(marked, begin, end):
        said = marked[last : m.start()]
        count = _number(m[1])
        each = _EACH.search(said)
        if each is not None:  # "gia hạn 2 lần, mỗi lần 3 ngày"
            extensions += [count] * _number(each[1])
        elif not spans and count > MAX_EXTENSION_DAYS and _TOTAL.search(said):  # "gia hạn 1 lần đủ 6 ngày"
            term = _total(count, said)
        elif _EXTENDS.search(said):  # "gia hạn thêm 3 ngày", "lần 2: 2 ngày"
            extensions.append(count)
        elif not spans:
            term = count
        elif count not in (term, term + sum(extensions)):  # a restatement must say the same
            raise CustodyDaysError(
                f"Câu hỏi nói tạm giữ {term + sum(extensions)} ngày và {count} ngày. Anh/chị nói rõ thời hạn "
                f"tạm giữ và từng lần gia hạn, ví dụ {_EXAMPLE}."
            )
        spans.append(m.span())
        last = m.end()
    total_said = term > MAX_EXTENSION_DAYS and not extensions  # "tạm giữ 6 ngày (đã gia hạn)"
    if not total_said and any(u.start() < end for u in _UNSAID.finditer(marked, last)):  # "gia hạn 1 lần"?
        raise CustodyDaysError(
            "Anh/chị cho biết tạm giữ được gia hạn bao nhiêu ngày (mỗi lần không quá 3 ngày, Điều 118 "
            f"khoản 2 BLTTHS 2015), ví dụ {_EXAMPLE}."
        )
    if not total_said and highest_rank(marked[begin:end]) > len(extensions):  # "kết thúc gia hạn lần 2"
        raise CustodyDaysError(
            "Câu hỏi nói tạm giữ đã gia hạn nhưng chưa nói mỗi lần gia hạn bao nhiêu ngày; trợ lý không đoán. "
            f"Anh/chị cho biết từng lần (mỗi lần không quá 3 ngày, Điều 118 khoản 2 BLTTHS 2015), ví dụ {_EXAMPLE}."
        )
    if not spans:
        return None
    if extensions and not term:
        raise CustodyDaysError(
            f"Anh/chị cho biết thời hạn tạm giữ ban đầu (không quá 3 ngày) và số ngày gia hạn, ví dụ {_EXAMPLE}.",
            no_term=True,
        )
    if len(extensions) > MAX_EXTENSIONS or any(d > MAX_EXTENSION_DAYS for d in (*extensions, term * bool(extensions))):
        raise CustodyDaysError(
            "Tạm giữ không quá 3 ngày và chỉ được gia hạn tối đa 2 lần, mỗi lần không quá 3 ngày (Điều 118 "
            "khoản 1, 2 BLTTHS 2015); "
            "trợ lý không tính với số ngày gia hạn này. Anh/chị kiểm tra lại quyết định gia hạn."
        )
    if term + sum(extensions) > SUMMARY_CUSTODY_DAYS and re.search(r"(?<![a-z])rut gon(?![a-z])", marked):
        raise CustodyDaysError(
            "Theo thủ tục rút gọn, thời hạn tạm giữ không quá 03 ngày kể từ ngày Cơ quan điều tra nhận người bị "
            "bắt (Điều 459 khoản 2 BLTTHS 2015), không có gia hạn; trợ lý không tính với số ngày tạm giữ này."
        )
    spans += _restated(marked, end, term + sum(extensions))
    return CustodyDays(term + sum(extensions), term, tuple(extensions), tuple(spans))


def _restated(marked: str, after: int, total: int) -> list[tuple[int, int]]:
    """The same days said again after the tạm giam ("… tạm giam 2 tháng, có trừ 3 ngày tạm giữ không"): theirs too,
    so they are not read as the tạm giam's own days."""
    spans = []
    segment = _later_segment(marked, after)
    while segment is not None:
        m = _DAYS.search(marked, segment[0], min(segment[1], segment[0] + 12))
        if m is not None and _number(m[1]) == total:
            spans.append(m.span())
        segment = _later_segment(marked, segment[1]) if segment[1] < len(marked) else None
    return spans
