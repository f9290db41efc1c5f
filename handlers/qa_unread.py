"""A word typed one slip from two deciding words ("tgia": tạm giam or thời gian?): asked back, not guessed.

``knowledge.kb.unread`` reads a slipped word as meant when one reading is likeliest; when two are as
likely and mean different things, this asks which one was meant, with the entry each reading finds.
"""

from __future__ import annotations

from bot.chat.context import Context
from knowledge.kb.entry import Entry
from knowledge.kb.library import Library
from knowledge.kb.normalize import fold
from knowledge.kb.unread import Reading


def which_word(library: Library, reading: Reading, ctx: Context) -> tuple[str, list[Entry]]:
    """The question back, and the entries the readings find (one per reading that is answered)."""
    today = ctx.local_now().date()
    entries: list[Entry] = []
    for text in reading.alternatives:
        for part in library.dialogue.read(text, today):
            if part.answered and part.result.entry is not None and part.result.entry not in entries:
                entries.append(part.result.entry)
                break
    options = " hay ".join(f"«{o}»" for o in reading.options)
    text = f"Trợ lý chưa đọc chắc chữ «{reading.typed}»: anh/chị hỏi về {options}?"
    more = " Anh/chị chọn mục đúng bên dưới hoặc gõ lại câu hỏi." if entries else " Anh/chị gõ lại câu hỏi giúp trợ lý."
    return text + more, entries


async def record_asked(ctx: Context, question: str) -> None:
    """The question log: asked back (so that /chuatraloi and /thongke_hoi count it)."""
    await ctx.repos.questions.record(
        unit_id=ctx.user.unit_id if ctx.user else None,
        text=question,
        folded=fold(question),
        outcome="ask",
        entry_id=None,
        score=0.0,
        now=ctx.now(),
    )
