"""Short words whose meaning the words around them decide, written out where a message enters the
questions (``handlers.qa``), for the search and the calculator alike.

* Units: "ng" is "người" in the synonym table ("ng bị kết án") and "th" nothing; after a count (a
  number, "mấy", "bao nhiêu", "bn") they are "ngày" and "tháng", and "ng" before "nào" or a date is
  "ngày": "tạm giam 2 th từ 20/03/2026 hết ng nào" is "tạm giam 2 tháng … hết ngày nào".
* "tg" is tạm giữ, tạm giam or thời gian: it is tạm giam when a length in months follows, after
  "trại", "lệnh", "chuyển (sang)", "bắt", before "bị can"/"bị cáo" (a measure put on the accused), or
  when the message names the tạm giữ apart ("tgiu 3 ng rồi chuyển tg 2 th"); it is tạm giữ when it starts at a clock time ("tg từ 22h hôm qua"); otherwise it
  stays ambiguous (the search offers the readings).
* An age: "bị can 17t", "bị cáo mới 16 t", "cháu 15t": "17 tuổi" (after a person, never "tạm giam 2t"), so
  that a minor is read as one (adult limits never answer a question about minors).
* "tt" is "thông tư" before a number ("tt 04/2018"), "thủ tục" before "rút gọn"/"đặc biệt", and
  "trực tiếp" after a level or "kiểm sát" ("VKS cấp trên tt", "ks tt nhà tạm giữ"), and otherwise "truy tố"
  ("thời hạn tt tội RNT", "giai đoạn tt", "VKS tt").
"""

from __future__ import annotations

import re

from knowledge.kb.normalize import has_diacritics

# "nhiêu" alone is "bao nhiêu" ("cbxx NT nhiêu ngày"); typed plain, "nhieu" may be "nhiều" (many: "nhieu ng" is
# "nhiều người"), so only a unit that ends its clause follows it ("cbxx NT nhieu ng, ĐBNT nhieu th").
_COUNT = r"(?:\d+|m[aấ]y|bao\s+nhi[eê]u|bn|bnh?i[eê]?u|nhiêu|nhieu(?=\s*(?:ng|th)\s*(?:[,.;?!\n]|$)))"
# "5 ng bị tạm giữ", "mấy ng dân": people, not days.
_PEOPLE = r"(?!\s+(?:b[iị]|d[aâ]n|th[aâ]n|ph[aạ]m|l[aà]m|kh[aá]c|n[aà]y|đ[oó]|do)(?!\w))"
_AFTER_COUNT = re.compile(rf"(?<!\w)({_COUNT})\s*(ng{_PEOPLE}|th)(?!\w)", re.IGNORECASE)
# "hết ng nào", "ng 09/03", "16h ng mai", "ng cuối": the day ("người mai" is no phrase); "tính bằng ng"
_DAY_BEFORE = re.compile(
    r"(?<!\w)ng(?=\s+(?:n[aà]o(?!\w)|mai(?!\w)|cu[oố]i(?!\w)|\d{1,2}[/.-]\d{1,2}))|(?<=b[aằ]ng )ng(?!\w)",
    re.IGNORECASE,
)
# "một th tạm giam": a month ("một ng" stays: one person)
_ONE_MONTH = re.compile(r"(?<!\w)(m[oộ]t)\s+th(?!\w)", re.IGNORECASE)
_SPELT = {"ng": ("ngày", "ngay"), "th": ("tháng", "thang")}


_TG = re.compile(r"(?<!\w)tg(?!\w)", re.IGNORECASE)
_TG_DETENTION = re.compile(
    r"(?<!\w)(?:tr[aạ]i|l[eệ]nh|chuy[eể]n(?:\s+sang)?|b[aắ]t)\s+tg(?!\w)|(?<!\w)tg(?:\s+\w+){0,3}?\s+\d+\s+th[aá]ng(?!\w)"
    r"|(?<!\w)tg\s+b[iị]\s+c(?:an|[aá]o)(?!\w)"  # "tg bị cáo": the measure put on the accused (tạm giữ is before)
    r"|(?<!\w)(?:\d+|m[oộ]t)\s+th[aá]ng\s+tg(?!\w)",  # "1 tháng tg = bn ngày": a month of the measure
    re.IGNORECASE,
)
# "tg từ 22h hôm qua", "tg lúc 9h30 sáng nay": a measure that starts at a clock time is tạm giữ (counted
# in hours, Đ118; a tạm giam is counted in days from its first day, TTLT 04/2018 Đ17).
_TG_CUSTODY = re.compile(
    r"(?<!\w)tg\s+(?:\w+\s+){0,2}?(?:t[uừ]|l[uú]c|v[aà]o|b[aắ]t\s+[dđ][aầ]u(?:\s+t[uừ])?)\s+"
    r"(?:ng[aà]y\s+)?\d{1,2}\s*(?:h|g|gi[oờ])(?:\s*\d{2})?(?!\w)",
    re.IGNORECASE,
)
_CUSTODY = re.compile(r"(?<!\w)(?:tgiu|t[aạ]m\s+gi[uữ])(?!\w)", re.IGNORECASE)
_TT = re.compile(r"(?<!\w)tt(?!\w)(?!\s*(?:s[oố]\s*)?\d)(?!\s+(?:li[eê]n\s+t[iị]ch|lt)(?!\w))", re.IGNORECASE)
_TT_PROCEDURE = re.compile(
    r"(?<!\w)tt(?=\s+(?:r[uú]t\s+g[oọ]n|rg|đ[aặ]c\s+bi[eệ]t|d[aặ]c\s+bi[eệ]t)(?!\w))", re.IGNORECASE
)
# "VKS cấp trên tt", "ks tt", "cấp dưới tt": trực tiếp
_TT_DIRECT = re.compile(
    r"(?<=c[aấ]p\s)(?:tr[eê]n|d[uư][oớ]i)\s+tt(?!\w)|(?<!\w)(?:ki[eể]m\s+s[aá]t|ks)\s+tt(?!\w)", re.IGNORECASE
)
# "vụ rất NT", "đặc biệt NT": the category in full, so the calculator does not read a bare "NT" (nghiêm trọng)
_GRADED_NT = re.compile(r"(?<!\w)(r[aấ]t|[đd][aặ]c\s+bi[eệ]t|[ií]t)\s+nt(?!\w)", re.IGNORECASE)
# "th 2 năm nay chỉ có 28 ngày": a month named, not a count ("th" before a month's number and "năm")
_MONTH_NAMED = re.compile(r"(?<!\w)th(?=\s+(?:[1-9]|1[0-2])\s+n[aă]m(?!\w))", re.IGNORECASE)
# "trước đó hông tạm giữ", "ko có tạm giữ": the negation written out, as the calculator reads it (not "điểm k",
# "5 kg")
_NEGATION = re.compile(
    r"(?<!\w)(?<!đi[eể]m )(?<!diem )(?<!\d )(?<!\d)(?:k|ko|kg|khg|hok|h[oô]ng|hem|kh[oô]g)(?!\w)", re.IGNORECASE
)
# "bị can 17t", "bị cáo mới 16 t", "nghi phạm khoảng 15t": an age after the person it is told of
_PERSON = (
    r"b[iị]\s+(?:can|c[aá]o|h[aạ]i)|ng[uư][oờ]i|ch[aá]u|em|[đd][oố]i\s+t[uư][oợ]ng|nghi\s+(?:ph[aạ]m|can)|tr[eẻ]|b[eé]"
    r"|th[aằ]ng|h[oọ]c\s+sinh|bc"
)
_AGE = re.compile(
    rf"(?<!\w)((?:{_PERSON})(?:\s+(?:m[oớ]i|ch[iỉ]|c[oó]|l[aà]|[đd][aã]|kho[aả]ng|t[aầ]m|ch[uư]a\s+[đd][uủ]|[đd][uủ])){{0,2}}"
    r"\s+)(1[0-9]|[1-9])\s*t(?!\w)",
    re.IGNORECASE,
)
_SPELT.update(
    {
        "khong": ("không", "khong"),
        "nt": ("nghiêm trọng", "nghiem trong"),
        "tg": ("tạm giam", "tam giam"),
        "tgiu": ("tạm giữ", "tam giu"),
        "tt": ("truy tố", "truy to"),
        "tuoi": ("tuổi", "tuoi"),
        "ttt": ("thủ tục", "thu tuc"),
        "ttd": ("trực tiếp", "truc tiep"),
    }
)


def spell_short(text: str) -> str:
    """``text`` with the short words written out where the words around them decide (as typed otherwise)."""
    lower = text.lower()
    if not any(short in lower for short in ("ng", "th", "tg", "tt", "nt", "k", "h", "t")):
        return text
    marked = has_diacritics(text)

    def spelt(short: str) -> str:
        full, plain = _SPELT[short.lower()]
        return full if marked else plain

    out = _AGE.sub(lambda m: f"{m.group(1)}{m.group(2)} {spelt('tuoi')}", text)
    out = _GRADED_NT.sub(lambda m: f"{m.group(1)} {spelt('nt')}", out)
    out = _NEGATION.sub(lambda m: spelt("khong"), out)
    out = _MONTH_NAMED.sub(lambda m: spelt("th"), out)
    out = _AFTER_COUNT.sub(lambda m: f"{m.group(1)} {spelt(m.group(2))}", out)
    out = _ONE_MONTH.sub(lambda m: f"{m.group(1)} {spelt('th')}", out)
    out = _DAY_BEFORE.sub(lambda m: spelt("ng"), out)
    if _TG.search(out) and (_CUSTODY.search(out) or _TG_DETENTION.search(out)):
        out = _TG.sub(spelt("tg"), out)
    elif _TG_CUSTODY.search(out):
        out = _TG.sub(spelt("tgiu"), out)
    out = _TT_PROCEDURE.sub(spelt("ttt"), out)
    out = _TT_DIRECT.sub(lambda m: m.group(0)[:-2] + spelt("ttd"), out)
    return _TT.sub(spelt("tt"), out)
