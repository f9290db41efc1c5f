"""Where a question typed without a separator ends when it does not ask an amount (``twopart._cut``).

Typed on a phone without punctuation, two questions run together: "tạm giam hết hạn đúng chủ nhật
thì có lùi sang thứ 2 không 1 tháng tgiam tính mấy ngày", "5 đức tính gì ngành thành lập ngày
nào", "kỳ thống kê 6 tháng tính tới ngày nào chế độ báo cáo thống kê theo qđ số mấy". Besides an
amount asked ("bao lâu", "mấy ngày": ``twopart``), a question ends at a yes or no ("… không",
"… chưa"), at "gì" and at "nào" — when what follows is a question of its own: it names a subject
(``dialogue.subjects`` of ``synonyms.yaml``) and asks something other than yes or no. "tạm giữ có
được gia hạn không thì tối đa bao lâu" stays one question (no subject after "không"); so does
"tạm giam bao lâu không kể ngày nghỉ" (nothing asked after it).
"""

from __future__ import annotations

from collections.abc import Sequence

from knowledge.kb.vocabulary import Phrase, Vocabulary, contains

_ENDS: tuple[Phrase, ...] = (("khong",), ("chua",), ("gi",), ("nao",))
_YES_NO: tuple[Phrase, ...] = (("khong",), ("chua",))


def ends_question(left: Sequence[str], right: Sequence[str], vocab: Vocabulary) -> bool:
    """Whether ``left`` (folded, expanded tokens) ends a question at a yes or no, "gì" or "nào" and
    ``right`` asks one of its own about a subject it names."""
    if not any(tuple(left[-len(e) :]) == e for e in _ENDS if len(left) > len(e)):
        return False
    asks = tuple(q for q in vocab.question_words if q not in _YES_NO)
    return contains(right, vocab.subjects) and contains(right, asks)
