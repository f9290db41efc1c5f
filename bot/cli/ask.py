"""``python -m bot ask``: ask the knowledge base one question (or a file of them).

    python -m bot ask "thời hạn tạm giữ là bao lâu"
    python -m bot ask --json "thoi han tam giu"
    python -m bot ask --json --batch questions.txt

Plain mode prints what a user would see. ``--json`` prints one JSON object per question:
``{"matched", "entry_id", "answer", "source", "suggestions", "score"}``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from bot.clock import SystemClock, local
from knowledge.kb.render import format_result
from knowledge.kb.search import Searcher, SearchResult
from knowledge.kb.store import KnowledgeError, load_kb


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


def _main(args: argparse.Namespace) -> int:
    if args.batch is None and not args.question:
        print('Thiếu câu hỏi. Ví dụ: python -m bot ask "thời hạn tạm giữ là bao lâu"', file=sys.stderr)
        return 2
    try:
        searcher = Searcher(load_kb(args.data_dir))
    except KnowledgeError as exc:
        print(f"Không tải được cơ sở tri thức:\n{exc}", file=sys.stderr)
        return 2
    today = args.today or local(SystemClock().now()).date()
    if args.batch is not None:
        try:
            questions = list(read_batch(args.batch))
        except (OSError, UnicodeDecodeError) as exc:
            print(f"Không đọc được tệp {args.batch}: {exc}", file=sys.stderr)
            return 2
    else:
        questions = [args.question]
    for i, question in enumerate(questions):
        result = searcher.search(question, today)
        if args.json:
            print(json.dumps(to_json(result, today), ensure_ascii=False))
        else:
            if i:
                print("\n---")
            if args.batch is not None:
                print(f"❓ {question}")
            print(format_result(result, today))
    return 0
