"""Courtesy padding around a question, as staff type it on a phone: "Chị ơi, cho em hỏi tí, còn VKS
kháng nghị thì mấy ngày ạ, em cảm ơn" is "còn VKS kháng nghị thì mấy ngày?".

The search drops such words anyway (``fillers`` in synonyms.yaml); the other readers of a message
do not: a follow-up is recognised by how it *opens* ("còn …", "nếu …") or *ends* ("… thì sao"),
the calculator reads the text as typed. So the padding is cut once, where a message enters the
questions (``handlers.qa``), and everything after reads the question as if typed bare.

Only greetings and "may I ask" openings are cut from the front, only particles, thanks and "hiện
nay" / "theo luật" (every answer is the law in force) from the end; the words in between are kept exactly as typed (diacritics, punctuation). A message that is
nothing but padding is kept whole.
"""

from __future__ import annotations

import re

from knowledge.kb.normalize import fold, lower_nfc

# Openings (folded words). A name before "ơi" greets; "hỏi" may be followed by "chút", "tí", "với", "là".
_CALLED = frozenset(
    {"a", "anh", "chi", "c", "e", "em", "ad", "admin", "bot", "ban", "bac", "co", "chu", "thay", "sep", "dc"}
)
_CALLED_PAIRS = frozenset({("tro", "ly"), ("anh", "chi"), ("moi", "nguoi"), ("dong", "chi"), ("cac", "anh")})
_ASKERS = frozenset({"em", "e", "minh", "toi", "a", "anh", "chi", "c", "t", "tui", "bot", "ad"})
_AFTER_ASK = frozenset({"chut", "ti", "xiu", "voi", "la", "nhe", "nha", "a"})
# … each as it is typed: "nhà" (a house: "nhà tạm giữ") folds onto the particle "nha" but is none
_AFTER_ASK_TYPED = frozenset({"chút", "tí", "xíu", "với", "là", "nhé", "nhá", "ạ", "à"}) | _AFTER_ASK
# … and typed without marks, "nha" before these is "nhà" ("cho hỏi nha tam giu phai bao truoc …"): kept
_HOUSE_NEXT = frozenset({"tam", "nuoc", "tu", "giam", "chuc", "tgiu", "tgiam", "tg"})
# Endings: particles and thanks (folded), longest first.
_ENDINGS: tuple[tuple[str, ...], ...] = tuple(
    sorted(
        {
            tuple(p.split())
            for p in (
                "a",
                "ah",
                "nhe",
                "nha",
                "nhi",
                "vay",
                "the",
                "voi",
                "voi a",
                "vay a",
                "the a",
                "nhe a",
                "nha a",
                "a nhe",
                "cam on",
                "cam on a",
                "em cam on",
                "e cam on",
                "em cam on a",
                "e cam on a",
                "cam on nhieu",
                "thanks",
                "thank",
                "tks",
                "giup em voi",
                "giup e voi",
                "giup minh voi",
                "giup voi",
                # said of every question: the law in force is the one answered
                "hien nay",
                "hien hanh",
                "theo luat",
                "theo luat hien hanh",
                "theo quy dinh",
                "theo quy dinh hien hanh",
                "theo bltths",
                "theo bo luat to tung hinh su",
            )
        },
        key=len,
        reverse=True,
    )
)
# "điểm a", "như vậy", "như thế", "là thế": the word belongs to the question.
_KEEP_AFTER = {"a": frozenset({"diem", "muc", "tiet", "khoan"}), "vay": frozenset({"nhu"}), "the": frozenset({"nhu"})}

_WORD = re.compile(r"\w+")


def strip_padding(text: str) -> str:
    """``text`` without a courtesy opening and closing (see the module's docstring)."""
    spans = [(m.start(), m.end(), fold(m.group(0))) for m in _WORD.finditer(text)]
    words = [w for _, _, w in spans]
    # each word as typed, lower case, with the comma after it ("nha," is the particle, whatever follows)
    typed = [lower_nfc(text[a:b]) + ("," if text[b:].lstrip()[:1] in {",", ";"} else "") for a, b, _ in spans]
    first = _opening(words, typed)
    last = _closing(words, first, [text[a:b] for a, b, _ in spans])
    if first >= last or (first == 0 and last == len(words)):
        return text
    tail = text[spans[last - 1][1] :]
    core = text[spans[first][0] : spans[last - 1][1]]
    return core + ("?" if "?" in tail else "")


def _opening(words: list[str], typed: list[str]) -> int:
    """How many leading words greet or ask leave to ask (``typed``: the words as typed, lower case)."""
    i = 0
    while i < len(words):
        j = _greeting(words, i) or _asking(words, i, typed)
        if not j:
            break
        i = j
    return i


def _greeting(words: list[str], i: int) -> int:
    """End of "chị ơi" / "trợ lý ơi" / "chào anh" at ``i`` (0: none)."""
    if tuple(words[i : i + 2]) in _CALLED_PAIRS and words[i + 2 : i + 3] == ["oi"]:
        return i + 3
    if words[i] in _CALLED and words[i + 1 : i + 2] == ["oi"]:
        return i + 2
    if words[i] == "oi" or words[i] == "alo":
        return i + 1
    if words[i] == "chao" and i + 1 < len(words) and (words[i + 1] in _CALLED or words[i + 1] == "ca"):
        return i + 2 + (words[i + 1 : i + 3] == ["ca", "nha"])
    return 0


def _asking(words: list[str], i: int, typed: list[str]) -> int:
    """End of "cho em hỏi chút" / "em xin hỏi" / "xin hỏi" / "em hỏi" at ``i`` (0: none)."""
    j = i
    if words[j : j + 1] == ["cho"]:
        j += 1
        if words[j : j + 1] and words[j] in _ASKERS:
            j += 1
    elif words[j : j + 1] and words[j] in _ASKERS:
        j += 1
    if words[j : j + 1] == ["xin"]:
        j += 1
    if words[j : j + 1] == ["muon"]:
        j += 1
    if words[j : j + 1] != ["hoi"] or (j == i and words[i : i + 1] == ["hoi"]):
        return 0
    j += 1
    while words[j : j + 1] and _particle(typed, words, j):
        j += 1
    return j if j < len(words) else 0


def _particle(typed: list[str], words: list[str], j: int) -> bool:
    """Whether the word at ``j``, after "hỏi", is a particle ("chút", "với", "nhé"), not a word of the question."""
    if typed[j].rstrip(",") not in _AFTER_ASK_TYPED:
        return False  # "cho hỏi nhà tạm giữ …": the house, typed with its mark
    house = words[j] == "nha" and not typed[j].endswith(",") and words[j + 1 : j + 2] != []
    return not house or words[j + 1] not in _HOUSE_NEXT


def _closing(words: list[str], first: int, typed: list[str]) -> int:
    """Index after the last word of the question (particles and thanks at the end cut)."""
    end = len(words)
    cut = True
    while cut and end > first + 1:
        cut = False
        for phrase in _ENDINGS:
            n = len(phrase)
            if end - n <= first or tuple(words[end - n : end]) != phrase:
                continue
            before = words[end - n - 1]
            if n == 1 and before in _KEEP_AFTER.get(phrase[0], ()):
                continue
            if phrase == ("a",) and typed[end - 1] == "a" and len(before) == 1:
                continue  # "khoản 1 a", "b a": a letter of a list, not "ạ"
            end -= n
            cut = True
            break
    return end
