"""``python -m bot ask``: ask the knowledge base one question (or a file of them).

    python -m bot ask "thời hạn tạm giữ là bao lâu"
    python -m bot ask --json "thoi han tam giu"
    python -m bot ask --json --batch questions.txt

Plain mode prints what a user would see: each question goes through the chat's own dispatcher
and free-text route (a deadline named with a date is computed, anything else asks the knowledge
base), as a registered staff member of a throwaway unit in a temporary database, and the replies
are printed as the console shows them. ``--json`` prints one JSON object per question:
``{"matched", "entry_id", "answer", "source", "suggestions", "score", "reply"}`` (``reply``: the
chat's text).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
from collections.abc import Iterator
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

from bot.chat.menus import render_numbered
from bot.chat.messages import Incoming
from bot.clock import LOCAL_TZ, Clock, SystemClock, local
from bot.config import Settings
from knowledge.kb.library import Library
from knowledge.kb.render import format_result
from knowledge.kb.search import SearchResult
from knowledge.kb.store import KnowledgeError
from storage.users import Role


def register(subparsers: Any) -> None:
    """Add the ``ask`` subcommand to an argparse subparsers object."""
    parser = subparsers.add_parser(
        "ask",
        help="hỏi cơ sở tri thức một câu",
        description="Hỏi cơ sở tri thức và in câu trả lời như người dùng nhìn thấy.",
    )
    parser.add_argument("question", nargs="?", help="câu hỏi (đặt trong dấu nháy)")
    parser.add_argument("--json", action="store_true", help="in một đối tượng JSON mỗi câu hỏi")
    parser.add_argument("--batch", type=Path, metavar="FILE", help="tệp UTF-8, mỗi dòng một câu hỏi")
    parser.add_argument("--data-dir", type=Path, default=None, help="thư mục dữ liệu tri thức")
    parser.add_argument("--today", type=date.fromisoformat, default=None, help="ngày hôm nay (YYYY-MM-DD), để thử")
    parser.set_defaults(func=_main)


def read_batch(path: Path) -> Iterator[str]:
    """Questions of a batch file: blank lines and '#' comments skipped, TSV -> first column."""
    with path.open(encoding="utf-8-sig") as handle:
        for line in handle:
            text = line.rstrip("\r\n")
            if not text.strip() or text.lstrip().startswith("#"):
                continue
            yield text.split("\t", 1)[0]


def to_json(result: SearchResult, today: date) -> dict[str, Any]:
    """The JSON view of one result."""
    matched = result.outcome == "answer" and result.entry is not None
    entry = result.entry if matched else None
    return {
        "matched": matched,
        "entry_id": entry.id if entry else None,
        "answer": entry.answer if entry else format_result(result, today),
        "source": entry.source if entry else None,
        "suggestions": [c.entry.title for c in result.candidates] if result.outcome == "ask" else [],
        "score": round(float(result.score), 4),
    }


class _FixedClock:
    """``--today``: 08:00 of that day in Hà Nội, for every question."""

    def __init__(self, day: date) -> None:
        self._now = datetime.combine(day, time(8, 0), LOCAL_TZ).astimezone(UTC)

    def now(self) -> datetime:
        return self._now


async def chat_replies(questions: list[str], library: Library, clock: Clock) -> list[str]:
    """What the chat answers each question, through the real dispatcher (``bot.app``) on a
    temporary database: a staff member of a throwaway unit, a fresh person per question (so a
    question that opens a step-by-step flow does not swallow the next one)."""
    from bot.app import build_app  # the composition root; imported here, as `run` does

    with tempfile.TemporaryDirectory(prefix="bot-ask-") as folder:
        settings = Settings(db_path=str(Path(folder) / "ask.sqlite3"), db_quick_check=False, demo=False)
        app = await build_app(settings, clock=clock, library=library)
        try:
            unit = await app.repos.units.add("HOI", "Đơn vị thử (python -m bot ask)", "tinh")
            out = []
            for i, question in enumerate(questions):
                person = f"ask-{i}"
                await app.repos.users.create("console", person, "Cán bộ thử", unit.id, Role.STAFF)
                incoming = Incoming(
                    platform="console", chat_id=person, user_id=person, display_name="Cán bộ thử", text=question
                )
                replies = await app.dispatcher.handle(incoming)
                out.append("\n\n".join(render_numbered(replies)))
            return out
        finally:
            await app.close()


def _main(args: argparse.Namespace) -> int:
    if args.batch is None and not args.question:
        print('Thiếu câu hỏi. Ví dụ: python -m bot ask "thời hạn tạm giữ là bao lâu"', file=sys.stderr)
        return 2
    try:
        library = Library(args.data_dir)
    except KnowledgeError as exc:
        print(f"Không tải được cơ sở tri thức:\n{exc}", file=sys.stderr)
        return 2
    searcher = library.searcher
    clock: Clock = _FixedClock(args.today) if args.today else SystemClock()
    today = local(clock.now()).date()
    if args.batch is not None:
        try:
            questions = list(read_batch(args.batch))
        except (OSError, UnicodeDecodeError) as exc:
            print(f"Không đọc được tệp {args.batch}: {exc}", file=sys.stderr)
            return 2
    else:
        questions = [args.question]
    replies = asyncio.run(chat_replies(questions, library, clock))
    for i, (question, shown) in enumerate(zip(questions, replies, strict=True)):
        if args.json:
            view = to_json(searcher.search(question, today), today)
            print(json.dumps({**view, "reply": shown}, ensure_ascii=False))
        else:
            if i:
                print("\n---")
            if args.batch is not None:
                print(f"❓ {question}")
            print(shown)
    return 0
