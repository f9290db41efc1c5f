"""User-facing text for search results (pure functions, shared by the CLI and the chat).

Every answer shows its legal basis and review date; an entry that is not verified against
the text of the law says so plainly.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from knowledge.kb.entry import Entry
from knowledge.kb.search import SearchResult

WARNING_SECONDARY = (
    "⚠️ Chưa kiểm chứng với nguyên văn văn bản (thông tin từ nguồn thứ cấp). "
    "Anh/chị vui lòng đối chiếu văn bản gốc trước khi sử dụng."
)
WARNING_UNVERIFIED = (
    "⚠️ Chưa kiểm chứng: nội dung này chưa được xác minh là quy định pháp luật. "
    "Anh/chị cần kiểm tra lại văn bản gốc trước khi sử dụng."
)
ASK_HEADER = "Có phải anh/chị muốn hỏi:"
ASK_FOOTER = "Anh/chị vui lòng chọn một số hoặc hỏi lại cụ thể hơn."
TOPICS = (
    "Tôi trả lời được về thời hạn tố tụng, chỉ tiêu công tác, phương châm, chủ đề thi đua, "
    "tổ chức ngành và quy trình kiểm sát; anh/chị có thể hỏi lại theo cách khác."
)
DONT_KNOW = "Xin lỗi, tôi chưa có thông tin về nội dung này. " + TOPICS
EMPTY = "Anh/chị vui lòng nhập câu hỏi, ví dụ: «thời hạn tạm giữ là bao lâu»."


# Abbreviations an answer may use, spelled out at their first use ("Viện kiểm sát (VKS)"): a reader
# who does not know them, and a question that names the body in full, both find the full name.
SPELLED_OUT = {
    "VKSNDTC": "Viện kiểm sát nhân dân tối cao",
    "VKSTC": "Viện kiểm sát nhân dân tối cao",
    "VKSND": "Viện kiểm sát nhân dân",
    "VKS": "Viện kiểm sát",
    "CQĐT": "Cơ quan điều tra",
    "TANDTC": "Tòa án nhân dân tối cao",
    "TAND": "Tòa án nhân dân",
    "KSV": "Kiểm sát viên",
    "UBND": "Ủy ban nhân dân",
    "THAHS": "thi hành án hình sự",
}
# Not inside a document's number ("358/QĐ-VKSTC", "01/CT-VKSTC"): that is its official name.
_ABBREVIATION = re.compile(r"(?<![\w(/-])(" + "|".join(sorted(SPELLED_OUT, key=len, reverse=True)) + r")(?![\w)/-])")


def spell_out(text: str) -> str:
    """Each abbreviation of ``SPELLED_OUT`` written in full at its first use, unless the text has the full name."""
    seen: set[str] = set()
    lowered = text.lower()

    def full(match: re.Match[str]) -> str:
        abbreviation = match.group(1)
        name = SPELLED_OUT[abbreviation]
        if name in seen or name.lower() in lowered:
            return abbreviation
        seen.add(name)
        return f"{name} ({abbreviation})"

    return _ABBREVIATION.sub(full, text)


def vn_date(day: date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def verification_warning(entry: Entry) -> str | None:
    """The warning to show under an answer, or None for a verified entry."""
    if entry.is_verified:
        return None
    return WARNING_SECONDARY if entry.verified == "secondary" else WARNING_UNVERIFIED


def format_answer(entry: Entry, today: date | None = None) -> str:
    """Answer text + source + review date (+ scope, validity and verification notes)."""
    lines = [spell_out(entry.answer.strip()), ""]
    if today is not None and entry.founded is not None and today.year > entry.founded.year:
        years = today.year - entry.founded.year  # counted when shown, never stored
        lines[0] += f" Năm {today.year} là năm kỷ niệm {years} năm ngày thành lập ({vn_date(entry.founded)})."
    if entry.unit:
        scope = f"{entry.unit}, năm {entry.year}" if entry.year else entry.unit
        lines.append(f"Phạm vi: kế hoạch/kết quả của {scope} (không phải quy định chung của Ngành).")
    lines.append(f"Căn cứ: {entry.source.strip()}")
    if today is not None and entry.effective_to is not None and entry.effective_to < today:
        lines.append(f"Lưu ý: căn cứ này hết hiệu lực từ sau ngày {vn_date(entry.effective_to)}.")
    if today is not None and entry.effective_from is not None and entry.effective_from > today:
        lines.append(f"Lưu ý: căn cứ này có hiệu lực từ ngày {vn_date(entry.effective_from)}.")
    lines.append(f"Rà soát lần cuối: {vn_date(entry.reviewed)}")
    warning = verification_warning(entry)
    if warning:
        lines.append(warning)
    return "\n".join(lines)


def format_suggestions(titles: Sequence[str]) -> str:
    """The "did you mean" message with numbered titles."""
    numbered = [f"{i}. {title}" for i, title in enumerate(titles, start=1)]
    return "\n".join([ASK_HEADER, *numbered, ASK_FOOTER])


def format_result(result: SearchResult, today: date | None = None) -> str:
    """What the user sees for one search result."""
    if result.outcome == "answer" and result.entry is not None:
        return format_answer(result.entry, today)
    if result.outcome == "ask" and result.candidates:
        return format_suggestions([c.entry.title for c in result.candidates])
    if result.outcome == "empty":
        return EMPTY
    return DONT_KNOW
