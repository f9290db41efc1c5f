"""The commas a message typed without punctuation leaves out, put back where a clause plainly ends.

On a phone the comma between two clauses is often not typed, and what reads the message then joins
them: "tuyên án st sáng nay hạn kc và hạn kn của vks cấp trên" (the moment runs into the question:
the calculator does not read it and a worked example's dates answer), "tgiu gh lần 1 max mấy ngày có cần
vks pc k" (the yes or no question after an amount is read as one with it). A comma is put back only at
these two seams:

* after a moment or a date, before "hạn" / "thời hạn" ("sáng nay, hạn kc …");
* after an amount asked ("mấy ngày", "bao lâu"), before a yes or no question ("có cần … không");
* after an amount asked (and a particle: "ạ", "nhé"), before the asker's aside that asks nothing ("… tạm
  giữ lần đầu đc mấy ngày ạ em mới về vks khu vực nên chưa rành", "… mỗi lần bao lâu e đang duyệt hồ sơ
  gấp"): the question then reads as with its comma.

(Not before "còn": "… trong mấy tiếng còn gia hạn tạm giữ lần 1 tối đa mấy ngày" is two questions the cut
at "còn" reads apart; kept, "còn" would read the second under the first's "phê chuẩn".)

Nothing else changes; a message that already has a mark at the seam is left as typed. Pure.
"""

from __future__ import annotations

import re

from knowledge.kb.normalize import Synonyms
from knowledge.kb.vocabulary import Vocabulary, contains
from knowledge.kb.wording import Wording

_MOMENT = (
    r"(?:(?:s[aá]ng|tr[uư]a|chi[eề]u|t[oố]i|đ[eê]m|dem|h[oô]m)\s+(?:nay|qua|kia)"
    r"|\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?|h[oô]m\s+(?:tr[uư][oớ]c|bữa|bua))"
)
_MOMENT_THEN_LIMIT = re.compile(rf"(?<!\w)({_MOMENT})\s+(?=(?:th[oờ]i\s+)?h[aạ]n(?!\s+ch[eế])(?!\w))", re.IGNORECASE)
_AMOUNTS = (("bao", "lau"), ("bao", "nhieu"), ("may",))
_UNITS = frozenset({"ngay", "thang", "nam", "gio", "tieng", "lan", "tuan", "phut"})
_YES_NO_OPENS = frozenset({"co"})  # "có cần …", "có được …", "có phải …"
_YES_NO_ENDS = frozenset({"khong", "chua"})
_PARTICLES = frozenset({"a", "ah", "ak", "nhe", "nha", "vay", "the", "z", "v"})
# Who asks, opening an aside, as typed ("chi" without its marks may be "chỉ": "đạt bn chi tiêu")
_ASKERS = frozenset({"e", "em", "minh", "mình", "toi", "tôi", "anh", "chị"})


def with_marks(text: str, vocab: Vocabulary, synonyms: Synonyms) -> str:
    """``text`` with a comma put back at each seam of the module's two kinds (as typed otherwise)."""
    out = _MOMENT_THEN_LIMIT.sub(lambda m: f"{m.group(1)}, ", text)
    wording = Wording.of(out, synonyms)
    seams = [i for i in range(1, len(wording.raw) - 1) if _seam(wording, i, vocab, synonyms)]
    if not seams:
        return out
    raw = list(wording.raw)
    for i in reversed(seams):
        raw.insert(i, ",")
    return Wording(tuple(raw), ()).text()


def _seam(wording: Wording, i: int, vocab: Vocabulary, synonyms: Synonyms) -> bool:
    """Whether a comma belongs before raw word ``i`` (none is typed there)."""
    if wording.raw[i - 1] in ",;?":
        return False
    left, right = wording.tokens(0, i), wording.tokens(i)
    if not left or not right:
        return False
    if right[0] in _YES_NO_OPENS and _ends_with_amount(left):
        said = [t for t in right if t not in _PARTICLES]
        return len(said) > 2 and said[-1] in _YES_NO_ENDS and _asks(left, vocab, synonyms)
    if wording.raw[i].lower() in _ASKERS and len(right) > 1:
        body = left[:-1] if left[-1] in _PARTICLES else left
        return bool(body) and _ends_with_amount(body) and _asks(body, vocab, synonyms) and not _asks_again(right, vocab)
    return False


def _asks_again(tokens: list[str], vocab: Vocabulary) -> bool:
    """A question word other than a yes or no one, or a yes or no at the end ("… nên chưa rành" asks nothing)."""
    said = [t for t in tokens if t not in _PARTICLES]
    others = tuple(q for q in vocab.question_words if q not in (("khong",), ("chua",)))
    return contains(tokens, others) or bool(said and said[-1] in _YES_NO_ENDS)


def _asks(tokens: list[str], vocab: Vocabulary, synonyms: Synonyms) -> bool:
    """A question word and a word of content besides ("… còn bao lâu để giải quyết tiếp")."""
    words = {w for q in vocab.question_words for w in q}
    content = [t for t in tokens if t not in synonyms.stopwords and t not in words]
    return contains(tokens, vocab.question_words) and bool(content)


def _ends_with_amount(tokens: list[str]) -> bool:
    """An amount asked at the end: "… mấy ngày", "… bao lâu", "… bao nhiêu tháng"."""
    body = tokens[:-1] if tokens[-1] in _UNITS else tokens
    return any(tuple(body[-len(a) :]) == a for a in _AMOUNTS)
