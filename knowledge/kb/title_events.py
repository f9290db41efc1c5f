"""What happens, in an entry's title, that the question must say to be answered by it.

"tòa phúc thẩm nhận hồ sơ thì bao lâu phải mở phiên tòa" is not the adjourned hearing's "bao lâu phải mở lại";
"đang tạm giữ …" is not the release for lack of grounds unless the grounds are said ("không đủ căn cứ", "thiếu cc");
"xử sơ thẩm xong bị cáo kháng cáo trong mấy ngày" is not the court's notice of an appeal (Đ338 k1: 7 days from the
appeal period's end) but the appeal's own 15 days (Đ333 k1): a notice is said ("thông báo", "báo cho", "báo trước"),
or the protest's sending, the entry's other half (Đ338 k2).
Pure.
"""

from __future__ import annotations

from collections.abc import Sequence

from knowledge.kb.release import GROUNDS, grounds_said
from knowledge.kb.vocabulary import Phrase, find

_NOTICE: Phrase = ("thong", "bao")
# (only the court's notice of an appeal: the custody's and the report's notices are asked by their own words)
_APPEAL_NOTICE: Phrase = ("thong", "bao", "viec", "khang", "cao")
EVENTS: tuple[Phrase, ...] = (("hoan",), ("tam", "ngung"), GROUNDS, _APPEAL_NOTICE)
# "báo" alone is a notice only before whom or when ("báo cho vks", "báo trước"): "bao" is also "bao nhiêu", "bao lâu"
_TOLD_TO = frozenset({"cho", "truoc", "trc", "lai", "vks", "toa", "vien", "nguoi", "gia", "co", "cqdt"})


def _notice_said(tokens: Sequence[str]) -> bool:
    return any(w == "bao" and i + 1 < len(tokens) and tokens[i + 1] in _TOLD_TO for i, w in enumerate(tokens))


def said(event: Phrase, tokens: Sequence[str]) -> bool:
    """Whether the question says ``event`` (also as staff say it short)."""
    if event == _APPEAL_NOTICE:  # (its other half: the protest sent, "gửi")
        return find(tokens, _NOTICE) >= 0 or _notice_said(tokens) or "gui" in tokens
    return grounds_said(tokens) if event == GROUNDS else find(tokens, event) >= 0


def unsaid(title: Sequence[str], tokens: Sequence[str], mark: str) -> list[str]:
    """The events ``title`` names that the question does not say, each marked with ``mark``."""
    return [f"{mark}{' '.join(e)}" for e in EVENTS if find(title, e) >= 0 and not said(e, tokens)]
