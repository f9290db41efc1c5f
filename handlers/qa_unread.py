"""A word typed one slip from two deciding words ("tgia": tạm giam or thời gian?): asked back, not guessed.

``knowledge.kb.unread`` reads a slipped word as meant when one reading is likeliest; when two are as
likely and mean different things, this asks which one was meant, with the entry each reading finds.
"""

from __future__ import annotations

from bot.chat.context import Context
from knowledge.deadlines.dateparse import DateParseError, detect_deadline_query
from knowledge.kb.entry import Entry
from knowledge.kb.joined import joined_reader
from knowledge.kb.library import Library
from knowledge.kb.marks import with_marks
from knowledge.kb.normalize import fold
from knowledge.kb.padding import strip_padding
from knowledge.kb.short_words import spell_short
from knowledge.kb.spelling import speller
from knowledge.kb.telex import keys_read
from knowledge.kb.unread import Reading
from knowledge.kb.unsettled import unsettled_tg


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


def typed_apart(library: Library | None, text: str) -> str:
    """``text`` with Telex keys left in read ("tooij its NT vaf NT": "toi it NT va NT") and two known words
    typed without a space between them read apart ("tamgiam")."""
    if library is None:
        return text
    synonyms = library.searcher.synonyms
    return joined_reader(library.searcher).apart(keys_read(text, synonyms.readings.keys() | synonyms.stopwords))


def read_as_typed(library: Library | None, reading: Reading | None, text: str) -> str:
    """``text`` as everything after reads it: each slipped word read as meant (``reading``), a mistyped
    word the speller knows, the courtesy padding cut, short words written out, and the commas a message
    typed without marks leaves out put back at a clause's plain end (``knowledge.kb.marks``)."""
    if library is None or reading is None:
        return spell_short(strip_padding(text))
    typed = speller(library.searcher).correct(reading.text)
    return with_marks(spell_short(strip_padding(typed)), library.dialogue.vocab, library.searcher.synonyms)


async def unsettled_word(library: Library | None, ctx: Context) -> tuple[str, list[Entry]] | None:
    """The question back when a short word no other word settles would decide a computed date ("vụ rút
    gọn, tg điều tra từ hôm nay …": tạm giam or thời gian?), or None."""
    reading = unsettled_tg(ctx.text) if library is not None else None
    if library is None or reading is None:
        return None
    try:
        counted = detect_deadline_query(ctx.text, ctx.local_now().replace(tzinfo=None))
    except DateParseError:
        return None
    if counted is None:
        return None  # no date to count: the search reads "tg" (and asks when its readings disagree)
    await record_asked(ctx, ctx.text)
    return which_word(library, reading, ctx)
