"""A period named only to compare with the one asked: "thời hạn kháng cáo 15 ngày … có được lùi không, hay
tính cũng như thời hạn tạm giam? Ví dụ tuyên án 01/03/2024 thì hạn kháng cáo là ngày nào" asks the
appeal's day; the tạm giam is what it is compared with, never the period computed. Such a mention is
blanked before the kind is read (only when another period is named: a lone one is the question's).

Both custody measures named together as a field of work ("kế hoạch kiểm sát tạm giữ, tạm giam … ví dụ tạm
giữ từ 8h sáng nay 3 ngày thì đến mấy giờ") are the same: the period asked is the one named on its own.

Also a date said to be the *end* of a period that falls on a day off ("tạm giam hết đúng vào ngày lễ 30/4
thì có được lùi không"): it is what the rule is asked about, not a start (BLTTHS 2015 Đ134 k1), so it is
blanked too, even when it is the only date — the Q&A answers the rule.
And an end the question proposes for confirmation ("… thì hết ngày chủ nhật 03/05 phải không, hay được lùi
sang thứ hai 04/05?"): the answer, not an input — blanked when an earlier date is the start.
Pure; the text is folded (``dateparse.fold_text``); blanks keep every other position.
"""

from __future__ import annotations

import re

from knowledge.deadlines.kind_words import spell_out

# "cũng như thời hạn tgiam": the custody measures as staff type them too (``kind_words._SHORTHAND``)
_KINDS = r"(?:tam giam|tam giu|(?:t[./]?\s?|tam)(?:giu|giam)|khang cao|khang nghi|dieu tra|truy to|xet xu)"
# "cũng như thời hạn tạm giam", "giống tạm giữ", "khác với hạn kháng cáo", "so với thời hạn tạm giam".
_COMPARED = re.compile(
    rf"(?<![a-z])(?:cung nhu|giong nhu|giong|nhu la|nhu|khac voi|khac|so voi)"
    rf"(?: (?:cach tinh|cach dem|viec tinh))?(?: (?:thoi han|han))?(?: (?:cua|ve))? {_KINDS}(?![a-z])"
)
_NAMED = re.compile(rf"(?<![a-z]){_KINDS}(?![a-z])")
# "hết đúng vào ngày lễ 30/4 … có được lùi", "rơi vào chủ nhật 03/05 thì có lùi không".
_END_ON_DAY_OFF = re.compile(
    r"(?<![a-z])(?:het|roi|ket thuc|trung)(?: (?:dung|ngay|han|vao|dung vao|dung ngay))*"
    r" (?:ngay )?(?:nghi le|nghi tet|nghi|le|tet|chu nhat|cn|thu 7|thu bay)(?: ngay)?"
    r"\s+(\d{1,2}/\d{1,2}(?:/\d{2,4})?)(?![\d/])"
    r"(?=[^.;?]{0,40}?(?<![a-z])lui(?![a-z]))"
)


# "(kế hoạch) kiểm sát tạm giữ, tạm giam", "nhà tạm giữ, trại tạm giam": the field's name, not a period.
_PAIR = re.compile(r"(?<![a-z])tam giu\s*(?:,|va|/|-)?\s*tam giam(?![a-z])")
# A status ("bị cáo đang bị tạm giam, … kháng cáo ngày nào") or a place ("giám thị trại tạm giam"): who is held
# and where, when another period is asked (a place stays otherwise: "giao cho trại tạm giam" is Đ286 k4's).
_STATUS = re.compile(
    r"(?<![a-z])(?:(?:dang (?:bi )?|bi )tam (?:giu|giam)(?![a-z])(?!\s*(?:\d|tu |ke tu ))|(?:nha|trai|buong) tam (?:giu|giam))"
    r"(?![a-z])"
)
_OTHER = re.compile(r"(?<![a-z])(?:khang cao|khang nghi|truy to|xet xu|giam doc tham|tai tham)(?![a-z])")


def without_compared(folded: str) -> str:
    """``folded`` with each period named only as a comparison, or both custody measures named as a field
    ("kiểm sát tạm giữ, tạm giam"), blanked out, when another period is named."""
    status = list(_STATUS.finditer(folded)) if _OTHER.search(spell_out(folded)) else []
    found = [*_COMPARED.finditer(folded), *_PAIR.finditer(folded), *status]
    found.sort(key=lambda m: m.start())
    if not found:
        return folded
    blanked = folded
    for m in reversed(found):
        blanked = blanked[: m.start()] + " " * (m.end() - m.start()) + blanked[m.end() :]
    return blanked if _NAMED.search(spell_out(blanked)) else folded  # "kc có lùi như tạm giam"


# … or a day off named by its date first: "30/4 nghỉ lễ thì hạn kháng cáo có lùi không" (the rule asked, no start)
_DAY_OFF_DATED = re.compile(
    r"(?<![\d/])(\d{1,2}/\d{1,2}(?:/\d{2,4})?)(?![\d/]) (?:la |duoc |dc )?(?:ngay )?(?:nghi le|nghi tet|nghi|le|tet)(?![a-z])"
    r"(?=[^.;?]{0,40}?(?<![a-z])lui(?![a-z]))"
)


# A facility named by its measure ("trực ở trại tạm giam", "nhà tạm giữ huyện"): where someone is or works.
_PLACE = re.compile(r"(?<![a-z])(?:trai|nha|buong) (?:tam |t[./]?\s?|tam)(giu|giam)(?![a-z])")
_MEASURE = re.compile(r"(?<![a-z])(?:tam |t[./]?\s?|tam)(giu|giam)(?![a-z])")


def without_places(folded: str) -> str:
    """``folded`` with each facility named by a measure ("em trực ở trại tạm giam: … bị tạm giữ lúc 23h50 tối
    qua, quyết định 3 ngày") blanked, when that measure is named nowhere else and the other one is: the place is
    where the story happens, the other measure the period asked. A place whose measure is also named stays
    ("tòa ra qđ tạm giam, giao cho trại tạm giam": Đ286 k4's delivery)."""
    places = list(_PLACE.finditer(folded))
    if not places:
        return folded
    blanked = folded
    for m in reversed(places):
        blanked = blanked[: m.start()] + " " * (m.end() - m.start()) + blanked[m.end() :]
    named = {m[1] for m in _MEASURE.finditer(blanked)}
    if not named:
        return folded
    kept = folded
    for m in reversed(places):
        if m[1] not in named:
            kept = kept[: m.start()] + " " * (m.end() - m.start()) + kept[m.end() :]
    return kept


def without_day_off_ends(folded: str) -> str:
    """``folded`` with each date said to be a period's end on a day off, asked whether it moves, blanked."""
    found = [*_END_ON_DAY_OFF.finditer(folded), *_DAY_OFF_DATED.finditer(folded)]
    for m in sorted(found, key=lambda m: m.start(), reverse=True):
        a, b = m.span(1)
        folded = folded[:a] + " " * (b - a) + folded[b:]
    return folded


_DATE = re.compile(r"(?<![\d/])\d{1,2}/\d{1,2}(?:/\d{2,4})?(?![\d/])")
_WEEKDAY = r"(?:(?:ngay )?(?:chu nhat|cn|thu (?:[2-7]|hai|ba|tu|nam|sau|bay)|t[2-7])\s+)?"
# "(tính ra) hết ngày chủ nhật 03/05 phải không", "đến hết 03/05 đúng không", "hay (được) lùi sang thứ hai 04/05".
_PROPOSED = re.compile(
    rf"(?<![a-z])(?:(?:het|den het|ket thuc|la)(?: (?:luc )?\d{{1,2}}\s*(?:h|gio)(?:\s*\d{{1,2}})?)?(?: ngay)? {_WEEKDAY}(?P<a>\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?)(?![\d/])"
    r"(?=[^.;?]{0,12}?(?<![a-z])(?:phai (?:khong|ko|k)|dung (?:khong|ko|k)|chu|hay|ha)(?![a-z]))"
    rf"|(?:lui|chuyen|doi|keo)(?: (?:sang|qua|den|toi|ve))? (?:ngay )?{_WEEKDAY}(?P<b>\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?)(?![\d/]))"
)


def without_proposed_ends(folded: str) -> str:
    """``folded`` with each end proposed for confirmation blanked, when a date comes before it."""
    first = _DATE.search(folded)
    for m in reversed(list(_PROPOSED.finditer(folded))):
        group = "a" if m["a"] else "b"
        a, b = m.span(group)
        if first is not None and first.start() < a:
            folded = folded[:a] + " " * (b - a) + folded[b:]
    return folded


# The same field's name in the text as typed (any case, with or without marks): "kiểm sát tạm giữ, tạm giam".
_PAIR_TYPED = re.compile(
    r"(?<![^\W\d_])t(?:[aạ]m|\.)?\s*gi[ữuưũ]\s*(?:,|và|va|/|-)?\s*t(?:[aạ]m|\.)?\s*giam(?![^\W\d_])", re.IGNORECASE
)
_CUSTODY_TYPED = re.compile(r"(?<![^\W\d_])(?:t[aạ]m\s*|t\.?\s?)gi(?:[ữuưũ]|am)(?![^\W\d_])", re.IGNORECASE)


def without_field_name(text: str) -> str:
    """The message as typed without the field's name ("kế hoạch kiểm sát tạm giữ, tạm giam: tạm giữ từ 8h …"),
    when a custody measure is still named on its own; else the message unchanged."""
    left = _PAIR_TYPED.sub(" ", text)
    return left if left != text and _CUSTODY_TYPED.search(left) else text
