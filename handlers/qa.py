"""Questions to the knowledge base: free text and /hoi, category menus, related entries (the administrators'
views are ``qa_admin``)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from bot.chat.callback_data import CallbackData
from bot.chat.context import Context
from bot.chat.messages import Button, Outcome, Reply, clip, reply
from bot.chat.routing import Router
from handlers.deadline_reminders import last_card
from handlers.qa_admin import NO_LIBRARY, library_of, reload_command, stats_command, unanswered_command
from handlers.qa_calc import calculator_followup
from handlers.qa_calc_asked import calculator_free_text
from handlers.qa_calc_order_chain import chain_followup, take_chain
from handlers.qa_calc_parts import parts_calculated
from handlers.qa_calc_told_end import extension_after_told_end, keep_told_end
from handlers.qa_calc_when import forget_said, keep_followup, keep_said, said_again, said_text
from handlers.qa_context import asked_again, last_question, previous, qualifiers, remember, told
from handlers.qa_date_after import date_after, dated_card
from handlers.qa_unread import read_as_typed, record_asked, typed_apart, unsettled_word, which_word
from knowledge.deadlines.separate_periods import periods_apart
from knowledge.kb.appeal_story import without_case_lengths
from knowledge.kb.blhs_category import why
from knowledge.kb.clause_end import lines_as_clauses
from knowledge.kb.entry import CATEGORY_LABELS, Entry
from knowledge.kb.library import Library
from knowledge.kb.normalize import fold
from knowledge.kb.render import EMPTY, format_answer
from knowledge.kb.reply import render_parts
from knowledge.kb.unread import unread_reader
from knowledge.kb.what_to_do import asks_what_to_do, release_after_end, what_to_do_after, without_moments
from storage.users import Role

PAGE = 8
MAX_OPTIONS = 6
MAX_BUTTON = 60
MENU_COMMANDS = {"thoihan": "thoi_han", "chitieu": "chi_tieu", "phuongcham": "phuong_cham"}
NO_ENTRY = "Mục này không còn trong cơ sở tri thức. Anh/chị vui lòng hỏi lại hoặc gõ /thoihan."
BAD_CATEGORY = "Nút này không hợp lệ. Anh/chị vui lòng gõ /thoihan, /chitieu hoặc /phuongcham."


@dataclass(frozen=True, slots=True)
class EntryButton(CallbackData, prefix="kb"):
    """``kb:<entry id>``: show that entry (checked against the knowledge base when pressed)."""

    entry_id: str


@dataclass(frozen=True, slots=True)
class CategoryPage(CallbackData, prefix="kbc"):
    """``kbc:<category>:<page>``: a page of a category menu (the category is checked when pressed)."""

    category: str
    page: int


def _entry_buttons(entries: list[Entry]) -> list[list[Button]]:
    return [[Button(clip(e.title, MAX_BUTTON), EntryButton(e.id).pack())] for e in entries]


def _category_buttons() -> list[list[Button]]:
    return [[Button(label, CategoryPage(cat, 1).pack())] for cat, label in CATEGORY_LABELS.items()]


def _logged(outcome: str) -> str:
    """The question log's outcome: a message with nothing searchable once cut to length is not answered."""
    return "dont_know" if outcome == "empty" else outcome


def _remember_period(ctx: Context, before: object) -> None:
    """A period just computed becomes the context: "còn gia hạn thì sao" is then about it."""
    library = library_of(ctx)
    last = last_card(ctx.conversation.data)
    if library is None or last is None or last is before or not isinstance(last.get("label"), str):
        return
    result = library.searcher.search(last["label"], ctx.local_now().date())
    if result.outcome == "answer" and result.entry is not None:
        remember(ctx, result.entry)


async def answer_question(ctx: Context, question: str, date_asked: bool = False) -> list[Reply]:
    library = library_of(ctx)
    if library is None:
        return [Reply(NO_LIBRARY)]
    today = ctx.local_now().date()
    if not fold(question):
        return [Reply(EMPTY)]
    parts = library.dialogue.read(asked_again(ctx, library, question), today, previous(ctx, library), qualifiers(ctx))
    parts = [replace(p, wants_date=True) for p in parts] if date_asked else parts  # a day nothing computed
    shown = render_parts(parts, today)
    cited = why(question) if shown.answered else None  # "… khoản 2 điều 173 …": read as that clause's category
    shown.text = f"{cited}\n{shown.text}" if cited else shown.text
    # One record per part, so that the part nobody could answer reaches /chuatraloi on its own.
    for part in parts:
        shown_entry = part.result.entry if part.answered and part.result.entry in shown.answered else None
        await ctx.repos.questions.record(
            unit_id=ctx.user.unit_id if ctx.user else None,
            text=part.text if len(parts) > 1 else question,
            folded=fold(part.text if len(parts) > 1 else question),
            # an answer not shown (another unit's, another year's) was offered as a choice
            outcome="answer" if shown_entry is not None else "ask" if part.answered else _logged(part.result.outcome),
            entry_id=shown_entry.id if shown_entry is not None else None,
            score=part.result.score,
            now=ctx.now(),
        )
    if shown.answered:
        asked = [p for p in parts if p.result.entry is shown.answered[-1]]
        remember(ctx, shown.answered[-1], library.dialogue.qualifiers(asked[-1]) if asked else (), question)
    else:
        told(ctx, library.dialogue.qualifiers(question), question)
    outcome = Outcome.ANSWERED if shown.answered else Outcome.ASKED if shown.suggestions else Outcome.UNANSWERED
    if shown.topics:
        return [
            reply(
                shown.text + "\nCâu hỏi đã được ghi lại để quản trị viên bổ sung. Anh/chị có thể xem theo chủ đề:",
                *_category_buttons(),
                outcome=outcome,
            )
        ]
    if shown.suggestions:
        return [reply(shown.text, *_entry_buttons(shown.suggestions[:MAX_OPTIONS]), outcome=outcome)]
    if len(shown.answered) == 1:
        return [_with_related(library, shown.answered[0], shown.text)]
    return [Reply(shown.text, outcome=outcome)]


def _answer_reply(library: Library, entry: Entry, today: date) -> Reply:
    return _with_related(library, entry, format_answer(entry, today))


def _with_related(library: Library, entry: Entry, text: str) -> Reply:
    related = [e for e in (library.kb.get(i) for i in entry.related) if e is not None][:3]
    if related:
        text += "\n\nXem thêm:"
    return reply(text, *_entry_buttons(related))


async def free_text(ctx: Context) -> list[Reply]:
    """A question, unless it names a period and a date: then the calculator answers. Everything
    reads the question without its courtesy padding ("chị ơi, cho em hỏi …, … ạ"), its short words
    written out and a mistyped word that has one plausible meaning read as meant."""
    before = last_card(ctx.conversation.data)
    library = library_of(ctx)
    ctx = _retyped(ctx, typed_apart(library, lines_as_clauses(ctx.text)))  # a line break is a comma; "tamgiam"
    synonyms, reading = None, None
    if library is not None:
        synonyms = library.searcher.synonyms
        reading = unread_reader(library.searcher).read(ctx.text, ctx.local_now().date())
        if reading.asks:  # "tgia": tạm giam or thời gian?
            text, entries = which_word(library, reading, ctx)
            await record_asked(ctx, ctx.text)
            return [reply(text, *_entry_buttons(entries[:MAX_OPTIONS]), outcome=Outcome.ASKED)]
    ctx = _retyped(ctx, without_case_lengths(read_as_typed(library, reading, ctx.text)))  # the typo; appeal_story
    unsettled = await unsettled_word(library, ctx)  # "vụ rút gọn, tg điều tra từ hôm nay …": which tg?
    if unsettled is not None:
        return [reply(unsettled[0], *_entry_buttons(unsettled[1][:MAX_OPTIONS]), outcome=Outcome.ASKED)]
    chained = chain_followup(ctx, take_chain(ctx.conversation.data))  # "còn lần 2" after an order's end
    if chained is not None:
        return chained
    told = extension_after_told_end(ctx)  # "tgiam NT hết ngày 15/3/2026", then "nếu gh 2 tháng thì hết ngày nào"
    if told is not None:
        return told
    keep_told_end(ctx)
    again = await said_again(ctx, before, synonyms)  # "thì tới hết ngày nào", "ngày đó CN có lùi không"
    if again is not None:
        return again
    followed = calculator_followup(ctx, synonyms) if synonyms is not None else None
    if followed is not None:  # "nếu trước đó tạm giữ 3 ngày thì sao" after a calculator card
        keep_followup(ctx, before)
        _remember_period(ctx, before)
        return followed
    # a period and a date: the calculator's card (not for what to do: "hết hạn hôm nay … thì phải làm sao")
    # (two dated periods in one sentence — "tgiam … từ 1/2 và tgiam … từ 1/3 thì hết khi nào" — are its parts, below)
    apart = periods_apart(ctx.text, ctx.local_now().replace(tzinfo=None))
    to_do = asks_what_to_do(ctx.text)
    computed = None if to_do or apart else await calculator_free_text(ctx, before)
    if computed is None and library is not None and not to_do:
        # "tuyên án 2/3: hạn kc … và hạn kn … ngày nào": one card per part
        computed = await parts_calculated(ctx, library, before, answer_question, apart)
    said, earlier = ctx, date_after(ctx) if computed is None else None  # "nếu gh tối đa thì hết ngày nào" after
    if earlier and (carded := await dated_card(ctx, earlier, before)):  # "… hôm nay, truy tố bn ngày"
        said, computed = carded
    if computed is not None:
        keep_said(said, before)
        _remember_period(ctx, before)
        return computed
    story = said_text(ctx) or last_question(ctx)  # "tgiam hết hạn hôm nay mà chưa có văn bản đề nghị gh"
    forget_said(ctx)
    # what to do when a moment is told ("tgiu hết hạn 23h 4/3 mà chưa có lệnh … thì sao"): the moment is the scene
    text = without_moments(ctx.text) if to_do or release_after_end(ctx.text) else ctx.text
    text = what_to_do_after(text, story) or text  # "vậy phải xử lý thế nào": of the story told before
    return await answer_question(ctx, text, date_asked=earlier is not None)


def _retyped(ctx: Context, text: str) -> Context:
    return ctx if text == ctx.text else replace(ctx, incoming=replace(ctx.incoming, text=text))


async def ask_command(ctx: Context) -> list[Reply]:
    if not ctx.arg_text:
        return [Reply("Cú pháp: /hoi <câu hỏi>. Ví dụ: /hoi thời hạn tạm giữ là bao lâu")]
    return await answer_question(ctx, ctx.arg_text)


async def show_entry(ctx: Context, data: EntryButton) -> list[Reply]:
    library = library_of(ctx)
    if library is None:
        return [Reply(NO_LIBRARY)]
    entry = library.kb.get(data.entry_id)
    if entry is None:
        return [Reply(NO_ENTRY)]
    await ctx.repos.questions.record(
        unit_id=ctx.user.unit_id if ctx.user else None,
        text=entry.title,
        folded=fold(entry.title),
        outcome="view",
        entry_id=entry.id,
        score=1.0,
        now=ctx.now(),
    )
    remember(ctx, entry)
    return [_answer_reply(library, entry, ctx.local_now().date())]


async def category_command(ctx: Context) -> list[Reply]:
    name = ctx.incoming.text.split()[0].lstrip("/").split("@")[0].lower() if ctx.incoming.text else ""
    return _category_page(ctx, MENU_COMMANDS.get(name, "thoi_han"), 1)


async def category_button(ctx: Context, data: CategoryPage) -> list[Reply]:
    if data.category not in CATEGORY_LABELS:
        return [Reply(BAD_CATEGORY)]
    return _category_page(ctx, data.category, max(data.page, 1))


def _category_page(ctx: Context, category: str, page: int) -> list[Reply]:
    library = library_of(ctx)
    if library is None:
        return [Reply(NO_LIBRARY)]
    entries = library.kb.by_category(category)
    pages = max((len(entries) + PAGE - 1) // PAGE, 1)
    page = min(page, pages)
    chunk = entries[(page - 1) * PAGE : page * PAGE]
    nav = []
    if page > 1:
        nav.append(Button("« Trước", CategoryPage(category, page - 1).pack()))
    if page < pages:
        nav.append(Button("Sau »", CategoryPage(category, page + 1).pack()))
    title = f"{CATEGORY_LABELS[category]} (trang {page}/{pages}). Chọn một mục:"
    if not entries:
        return [Reply(f"{CATEGORY_LABELS[category]}: chưa có mục nào.")]
    return [reply(title, *_entry_buttons(chunk), nav)]


def register(router: Router) -> None:
    router.command("hoi", ask_command, help="Hỏi về thời hạn, chỉ tiêu, phương châm", usage="<câu hỏi>")
    router.command("thoihan", category_command, help="Danh mục thời hạn tố tụng")
    router.command("chitieu", category_command, help="Danh mục chỉ tiêu công tác")
    router.command("phuongcham", category_command, help="Danh mục phương châm, chủ đề thi đua")
    router.command("kb_reload", reload_command, min_role=Role.ADMIN, help="Nạp lại cơ sở tri thức")
    router.command("chuatraloi", unanswered_command, min_role=Role.ADMIN, help="Câu hỏi chưa trả lời được")
    router.command("thongke_hoi", stats_command, min_role=Role.HEAD, help="Mục được hỏi nhiều nhất tháng này")
    router.button(EntryButton, show_entry, invalid=NO_ENTRY)
    router.button(CategoryPage, category_button, invalid=BAD_CATEGORY)
    router.text(free_text)
