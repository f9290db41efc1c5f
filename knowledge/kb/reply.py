"""What the user sees for one message: its parts rendered into one reply (pure).

One part: the answer (with a lead line for the case asked, and the entry's title when it was
read against the previous answer), a menu, or "don't know" with the topics. Several parts:
each numbered with the words it answers and its own source, and a part that found nothing
says so — one part's figure is never shown as the answer to both. A unit or a year the
knowledge base lacks is said first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from knowledge.kb.another_extension import another_line
from knowledge.kb.bodies import PROCURACY_ONLY
from knowledge.kb.branches import BRANCH_UNNAMED
from knowledge.kb.by_category import LABELS, family_note
from knowledge.kb.deducted import deducted_line
from knowledge.kb.dialogue import Part
from knowledge.kb.entry import CATEGORY_LABELS, Entry
from knowledge.kb.lead import lead_line, period_line
from knowledge.kb.normalize import syllables
from knowledge.kb.query import resolve_relative_years
from knowledge.kb.ratio import ratio_line
from knowledge.kb.render import ASK_HEADER, DONT_KNOW, TOPICS, format_answer, spell_out, verification_warning, vn_date
from knowledge.kb.reorganised import reorganised_line
from knowledge.kb.turn_stage import OTHER_STAGE
from knowledge.kb.year_range import RANGE_REASON, year_range

NOT_FOUND_PART = "Tôi chưa tìm được câu trả lời cho phần này; anh/chị hỏi riêng phần này cụ thể hơn giúp tôi."
STAGE_NOTE = "Thời hạn khác nhau theo giai đoạn tố tụng (điều tra, truy tố, xét xử)."
BRANCH_NOTE = (
    "Tạm đình chỉ, phục hồi có quy định riêng cho việc giải quyết nguồn tin (tố giác, tin báo, kiến nghị khởi tố), "
    "cho điều tra và cho truy tố."
)
DATE_NOTE = "Trợ lý chưa trả lời được ngày cụ thể từ câu hỏi này; anh/chị gõ /tinhhan để tính ngày. Quy định áp dụng:"
UNCLEAR_PART = "Chưa rõ ý phần này; có thể anh/chị muốn hỏi:"
_CODE = "BLTTHS 2015, "  # said once before the articles of a family
_NUMBER = re.compile(r"\d+/\d{4}/[A-ZĐ0-9-]+")  # a document's number: "94/2015/QH13"
BY_CATEGORY = "Thời hạn khác nhau theo loại tội; anh/chị cho biết loại tội để có con số cụ thể:"


@dataclass(slots=True)
class Rendered:
    text: str
    suggestions: list[Entry] = field(default_factory=list)  # offered as buttons
    answered: list[Entry] = field(default_factory=list)  # shown as answers (the last is kept as context)
    topics: bool = False  # offer the category menu (nothing found)


def _label(entry: Entry) -> str:
    return CATEGORY_LABELS.get(entry.category, "nội dung này").lower()


def _notice(part: Part, entry: Entry | None) -> str:
    about = f"về {_label(entry)} " if entry is not None else ""
    if part.unknown_unit is not None:
        named = part.unknown_year or part.year_named
        year = f" năm {named}" if named else ""
        return f"Trợ lý chưa có thông tin {about}riêng của {part.unknown_unit}{year}."
    return f"Trợ lý chưa có thông tin {about}năm {part.unknown_year}."


def _other_body(part: Part) -> str:
    entry = part.result.candidates[0].entry if part.result.candidates else None
    if entry is None or entry.category not in PROCURACY_ONLY or part.other_topic:
        return f"Xin lỗi, trợ lý chỉ có thông tin về tố tụng hình sự và công tác của ngành Kiểm sát, chưa có về {part.other_body}."
    return f"Xin lỗi, trợ lý chỉ có thông tin về {_label(entry)} của ngành Kiểm sát nhân dân, chưa có của {part.other_body}."


def _usable(part: Part) -> Entry | None:
    """The answered entry if it may be shown as an answer despite a scope notice."""
    entry = part.result.entry if part.answered else None
    if entry is None:
        return None
    if part.unknown_unit is not None and entry.unit is not None:
        return None  # another unit's plan is not an answer about this one
    if part.unknown_year is not None and entry.year is not None:
        return None  # another year's content is not an answer about this year
    return entry


def _family_text(part: Part, today: date) -> str:
    """Every category's figure, least serious first, each with its source once (``by_category``)."""
    lines = [DATE_NOTE] if part.wants_date else []
    lines.append(BY_CATEGORY)
    lines += [f"• {label}: {spell_out(e.answer.strip())}" for label, e in zip(LABELS, part.family, strict=True)]
    note = family_note(part.family)
    lines += [f"• {note}"] if note else []
    sources = list(dict.fromkeys(e.source.strip().removeprefix(_CODE) for e in part.family))
    cited = f"{_CODE}{'; '.join(sources)}" if all(e.source.strip().startswith(_CODE) for e in part.family) else None
    lines += ["", f"Căn cứ: {cited or '; '.join(sources)}"]
    lines.append(f"Rà soát lần cuối: {vn_date(min(e.reviewed for e in part.family))}")
    warnings = [w for w in dict.fromkeys(verification_warning(e) for e in part.family) if w]
    return "\n".join(lines + warnings)


def _answer_text(part: Part, entry: Entry, today: date, with_title: bool) -> str:
    if part.family:
        return _family_text(part, today)
    lines = [DATE_NOTE] if part.wants_date else []
    if part.unknown_unit is not None or part.unknown_year is not None:
        lines.append(_notice(part, entry) + " Dưới đây là thông tin chung của toàn Ngành:")
    if with_title or part.context is not None:
        lines.append(f"Về: {entry.title}")
    tokens = part.tokens or tuple(syllables(part.text))
    another = another_line(entry.answer, tokens)
    if another:  # "gia hạn tiếp được không": the yes or no from the answer's own count
        lines.append(f"▶ {another}.")
    lead = lead_line(entry.answer, tokens)
    if lead:
        lines.append(f"▶ {lead}{_replaced(entry, today)}.")
    worked = ratio_line(entry.answer, tokens) or deducted_line(entry.answer, tokens, part.text)
    if worked:  # "tổng cộng 40 ngày … cải tạo không giam giữ": the rate applied to the length told
        lines.append(f"▶ {worked}.")
    period = period_line(entry.answer, resolve_relative_years(list(tokens), today)) if entry.year is None else None
    if period:  # "kỳ thống kê 12 tháng năm 2026": the dates of that year, not only the rule
        lines.append(f"▶ {period}.")
    lines.append(format_answer(entry, today))
    reorganised = reorganised_line(entry.answer, tokens)
    if reorganised:  # "sau sáp nhập … có thuộc VT VKS khu vực không": the 2015 text is not the law after 2025
        lines.insert(len(lines) - 1, f"▶ {reorganised}.")
    return "\n".join(lines)


def _replaced(entry: Entry, today: date) -> str:
    """After a lead drawn from a document with an end date (Luật 94/2015, replaced on 01/07/2026): the lead alone
    must not read as the law in force (FACTS §15)."""
    if entry.effective_to is None:
        return ""
    number = _NUMBER.search(entry.source)
    document = "văn bản" if number is None else f"{entry.source.split()[0]} {number[0]}"
    when = "nay đã" if entry.effective_to < today else "sau đó"
    return (
        f" (theo {document}, chỉ có hiệu lực đến hết ngày {vn_date(entry.effective_to)}, {when} được thay thế; "
        "cần đối chiếu điều tương ứng của văn bản mới)"
    )


def _single(part: Part, today: date) -> Rendered:
    entry = _usable(part)
    if entry is not None:
        return Rendered(_answer_text(part, entry, today, with_title=False), answered=[entry])
    if part.other_body is not None:
        return Rendered(_other_body(part) + "\n" + TOPICS, topics=True)
    top = part.result.entry or (part.result.candidates[0].entry if part.result.candidates else None)
    scoped = part.unknown_unit is not None or part.unknown_year is not None
    options = [c.entry for c in part.result.candidates[:3]] if part.result.outcome in ("ask", "answer") else []
    if scoped:
        head = _notice(part, top)
        if options:
            return Rendered(head + " Trợ lý có các nội dung gần nhất sau, anh/chị chọn nếu phù hợp:", options)
        return Rendered(head + "\n" + DONT_KNOW, topics=True)
    if part.result.outcome == "ask" and options:
        staged = part.result.reason in ("stage not named", OTHER_STAGE)  # the stage decides the figure
        head = STAGE_NOTE + "\n" + ASK_HEADER if staged else ASK_HEADER
        head = f"{STAGE_NOTE} {BRANCH_NOTE}\n{ASK_HEADER}" if part.result.reason == BRANCH_UNNAMED else head
        return Rendered(_period_note(part) or head, options)
    return Rendered(DONT_KNOW, topics=True)


def _period_note(part: Part) -> str:
    """Before a menu of one year's entries for a period asked: each year has its own."""
    span = year_range(part.text) if part.result.reason == RANGE_REASON else None
    if span is None:
        return ""
    return f"Mỗi năm trong giai đoạn {span[0]}–{span[1]} có nội dung riêng; anh/chị chọn năm cần xem:"


def render_parts(parts: list[Part], today: date) -> Rendered:
    """One reply for all the parts of a message."""
    if len(parts) == 1:
        return _single(parts[0], today)
    blocks = [f"Câu hỏi của anh/chị có {len(parts)} phần:"]
    out = Rendered("")
    for number, part in enumerate(parts, start=1):
        entry = _usable(part)
        head = f"{number}. «{part.text}»"
        if entry is not None:
            blocks.append(f"{head}\n{_answer_text(part, entry, today, with_title=True)}")
            out.answered.append(entry)
        elif part.result.outcome == "ask" and part.result.candidates:
            options = [c.entry for c in part.result.candidates[:3]]
            titles = "; ".join(f"«{e.title}»" for e in options)
            blocks.append(f"{head}\n{UNCLEAR_PART} {titles} (chọn ở nút bên dưới).")
            out.suggestions += [e for e in options if e not in out.suggestions]
        else:
            notice = _notice(part, None) + " " if part.unknown_unit or part.unknown_year else ""
            notice = _other_body(part) + " " if part.other_body is not None else notice
            blocks.append(f"{head}\n{notice}{NOT_FOUND_PART}")
    if not out.answered and not out.suggestions:
        return Rendered(DONT_KNOW, topics=True)
    out.text = "\n\n".join(blocks)
    return out
