"""The question inside a chatty message ("Chị ơi, vụ … bên em … Vậy tạm giam tối đa bao lâu ạ? Em cảm ơn").

A long message tells a story around its question. When the whole message finds nothing, its
clauses that ask (a question word, or a question mark) are the question; what the story says of
the case that the asking clauses leave open — the crime category, ANQG, rút gọn, the measure
or stage (a subject) — is added to them: "xác định ít nghiêm trọng … Vậy tạm giam để điều tra tối
đa bao lâu" asks the detention limit for a less serious crime.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from knowledge.kb.followup import has_subject
from knowledge.kb.normalize import Synonyms
from knowledge.kb.part import Part
from knowledge.kb.vocabulary import Vocabulary, contains, find

Phrase = tuple[str, ...]

_CLAUSES = re.compile(r"[.!?;:\n]+|,|\(|\)")
# What asks in a chatty clause (stricter than the two-part question words: "không", "hay", "nào"
# are said in passing: "em sợ không kịp", "hay quên").
_ASKING: tuple[Phrase, ...] = (
    ("bao", "lau"),
    ("bao", "nhieu"),
    ("may",),
    ("khi", "nao"),
    ("luc", "nao"),
    ("ngay", "nao"),
    ("the", "nao"),
    ("ra", "sao"),
    ("toi", "da"),
    ("ai",),
    ("o", "dau"),
    ("la", "gi"),
)
# A request asks too ("nhờ anh nhắc lại 5 điều Bác dạy", "anh liệt kê giúp em"), after a story of what the asker
# is doing ("em đang viết báo cáo chuyên đề")
_REQUEST: tuple[Phrase, ...] = (("nhac", "lai"), ("liet", "ke"), ("cho", "em", "xin"), ("cho", "e", "xin"))
# A clause that ends in "không"/"chưa" asks yes or no ("gia hạn được hông ad"); the particles after it
# apart. "em sợ không kịp" does not end in it.
_YES_NO = frozenset({"khong", "chua"})
_PARTICLES = frozenset(
    {"a", "ad", "admin", "anh", "chi", "em", "e", "vay", "ha", "nhi", "ta", "ak", "nha", "nhe", "ban"}
)
_MIN_CLAUSES = 2  # a story clause and an asking one
_MIN_STORY = 3  # words


def question_core(text: str, vocab: Vocabulary, tokens: Callable[[str], list[str]]) -> tuple[str, str] | None:
    """The case details the story of a chatty ``text`` adds (folded) and its asking clauses, or None
    (no story around a question: the message is searched as it is). ``tokens``: folded, expanded."""
    clauses = [c.strip() for c in _CLAUSES.split(text) if c and c.strip()]
    marks = [m.group(0) for m in _CLAUSES.finditer(text)]
    asking = [
        i
        for i, c in enumerate(clauses)
        if contains(tokens(c), _ASKING)
        or contains(tokens(c), _REQUEST)
        or _yes_no(tokens(c))
        or _which_figure(tokens(c))
        or (i < len(marks) and "?" in marks[i] and len(tokens(c)) > 2)
    ]
    if len(clauses) < _MIN_CLAUSES or not asking or len(asking) == len(clauses):
        return None
    asked = [w for i in asking for w in tokens(clauses[i])]
    story = [tokens(c) for i, c in enumerate(clauses) if i not in asking]
    if sum(map(len, story)) < _MIN_STORY:
        return None  # "anh ơi, tạm giữ bao lâu": a greeting is no story
    added: list[str] = []  # the phrases added, as typed words
    said: list[str] = []  # and as tokens
    own_subject = contains(_without_bodies(asked), vocab.subjects)  # "cqđt xin gh thì vks cho thêm …"
    for group in (*vocab.exclusive, *vocab.carried):
        measure = group not in vocab.carried and any(p in vocab.subjects for p in group)
        if contains(asked, group) or contains(said, group) or (own_subject and measure):
            continue  # the question says it itself ("truy tố" asked: the story's "tạm giam" is no detail)
        named = next((p for words in story for p in group if find(words, p) >= 0), None)
        if named is not None:
            added.append(" ".join(named))
            said += named
    return " ".join(added), ", ".join(clauses[i] for i in asking)


_MEASURES: tuple[Phrase, ...] = (("tam", "giam"), ("tam", "giu"))


def measure_told(details: list[str]) -> Phrase | None:
    """The measure (tạm giam, tạm giữ) the story's details name, if one."""
    return next((m for m in _MEASURES if find(details, m) >= 0), None)


# Bodies whose names hold a subject word ("cơ quan điều tra" is no investigation asked of, "viện kiểm sát" no
# supervision): who acts, not what is asked
_BODIES: tuple[Phrase, ...] = (
    ("co", "quan", "dieu", "tra"),
    ("canh", "sat", "dieu", "tra"),
    ("dieu", "tra", "vien"),
    ("vien", "kiem", "sat"),
)


def _without_bodies(words: list[str]) -> list[str]:
    out = list(words)
    for body in _BODIES:
        at = find(out, body)
        while at >= 0:
            out[at : at + len(body)] = ["_"]
            at = find(out, body)
    return out


def _which_figure(words: list[str]) -> bool:
    """Whether a clause asks which of two figures ("1 tháng tính là 30 ngày hay theo lịch", "12 giờ hay 24 giờ")."""
    return any(w == "hay" and any(t.isdigit() for t in words[max(i - 2, 0) : i]) for i, w in enumerate(words))


def _yes_no(words: list[str]) -> bool:
    """Whether a clause ends in "không"/"chưa" (a yes-or-no question), its particles apart."""
    while words and words[-1] in _PARTICLES:
        words = words[:-1]
    return bool(words) and words[-1] in _YES_NO


# What greets, introduces the asker, thanks or pleads: a part of a message that says one of these and finds
# nothing is an aside, not a question left unanswered ("Chào anh chị, em mới chuyển sang phòng 2 được mấy
# tuần", "mình quên mất, ai biết chỉ giúp với", "anh nhớ là không nhưng muốn chắc").
_ASIDES: tuple[Phrase, ...] = (
    ("chao",),
    ("cam", "on"),
    ("chuc", "moi"),
    ("em", "la"),
    ("minh", "la"),
    ("moi", "ve"),
    ("moi", "chuyen"),
    ("can", "bo", "moi"),
    ("quen", "mat"),
    ("chi", "giup"),
    # what the asker believes and wants confirmed ("anh nhớ là không nhưng muốn chắc"): no question of its own
    ("nho", "la"),
    ("muon", "chac"),
    ("cho", "chac"),
)


def is_aside(tokens: list[str]) -> bool:
    """Whether a part's folded words greet, introduce, thank or plead (see ``_ASIDES``)."""
    return contains(tokens, _ASIDES)


# What introduces the asker: where they just came to work ("em mới về vks khu vực", "mới chuyển sang phòng 2"),
# never part of what is asked (as "phòng em", "bên em" in synonyms.yaml's fillers)
_INTRODUCTIONS: tuple[Phrase, ...] = (
    ("moi", "ve"),
    ("moi", "chuyen"),
    ("moi", "sang"),
    ("can", "bo", "moi"),
    # newly appointed ("em mới được bổ nhiệm kiểm tra viên"): no personnel question (outside_topics' "bổ nhiệm")
    ("moi", "duoc", "bo", "nhiem"),
    ("moi", "bo", "nhiem"),
    ("moi", "duoc", "phan", "cong"),
    # about to retire ("anh là ksv sắp nghỉ hưu, hỏi em vụ này: …"): no personnel question (outside_topics' "nghỉ hưu")
    ("sap", "nghi", "huu"),
    ("sap", "ve", "huu"),
    # where the asker worked before and what they do not know yet ("hồi trước ở bên dân sự nên chưa rành hình sự"):
    # the other branch of law is the asker's past, not the case's
    ("hoi", "truoc", "o"),
    ("truoc", "o", "ben"),
    ("truoc", "lam", "ben"),
    ("chua", "ranh"),
    # where the asker works ("em ở văn phòng tổng hợp nè", "mình làm bên phòng 7")
    ("em", "o"),
    ("minh", "o"),
    ("toi", "o"),
    ("em", "lam", "o"),
    ("em", "lam", "ben"),
    ("minh", "lam", "ben"),
    ("em", "cong", "tac", "o"),
)


def _boundaries(text: str) -> list[int]:
    """Where a preamble may end: after a colon or a run of emoji ("hỏi nhanh:", "trực đêm nên hỏi nhiều 🙏")."""
    out = []
    for i, char in enumerate(text):
        symbol = unicodedata.category(char) == "So" or char == "\ufe0f"
        following = text[i + 1 : i + 2]  # "" at the end: a symbol last ends a run too ("0©")
        more = bool(following) and (unicodedata.category(following) == "So" or following == "\ufe0f")
        if char == ":" or (symbol and not more):
            out.append(i + 1)
    return out


def without_preamble(text: str, tokens: Callable[[str], list[str]], vocab: Vocabulary) -> str:
    """``text`` without what the asker says before a colon or an emoji when it asks nothing, names nothing the
    question is about and has no number ("Ca trực buồn ngủ quá 😅 hỏi nhanh: tạm giữ có tính cả thứ 7 …")."""
    kept = text
    for end in _boundaries(text):
        before, rest = text[:end], text[end:]
        said = tokens(before)
        if any(c.isdigit() for c in before) or contains(said, _ASKING) or _yes_no(said):
            break
        if contains(_without_bodies(said), vocab.subjects) or len(tokens(rest)) < _MIN_STORY:
            break
        if contains(said, vocab.outside_topics):  # "dịch giúp câu này sang tiếng anh: …" is what is asked
            break
        kept = rest.strip()
    return kept


def without_introduction(text: str, tokens: Callable[[str], list[str]]) -> str:
    """``text`` without the clauses that introduce the asker and ask nothing ("hi chị, e mới về vks khu vực, chị
    cho e hỏi bh cả nước còn bao nhiêu vks tỉnh" asks of the provinces, not of the regional units)."""
    clauses = [c for c in _CLAUSES.split(text) if c and c.strip()]
    kept = [c for c in clauses if not contains(tokens(c), _INTRODUCTIONS) or contains(tokens(c), _ASKING)]
    return ", ".join(c.strip() for c in kept) if kept and len(kept) < len(clauses) else text


def no_story(parts: list[Part], vocab: Vocabulary, synonyms: Synonyms) -> bool:
    """Every part answered, or a later one answered with a menu that asks on its own ("tạm giữ tối đa mấy ngày,
    còn tạm giam thì sao": the detention's stage is asked, the message is not read again as a story), or a unit
    or year named that no entry covers ("Năm 2025 VKSND TP. Phổ Yên đặt chỉ tiêu …": the asking clause alone
    would drop the year, and answer 2024's target as if it were asked)."""
    if any(p.unknown_unit or p.unknown_year for p in parts):
        return True
    menus = [p for p in parts[1:] if p.result.outcome == "ask" and has_subject(p.tokens, vocab, synonyms, p.text)]
    return all(p.answered for p in parts) or (bool(menus) and all(p.result.outcome in ("answer", "ask") for p in parts))
