"""``python -m bot kb check [--data-dir DIR]``: validate the knowledge-base data files.

Prints a summary (entries per file, per category, per verification status) and every
problem on its own line. Exit code 0 when the data is clean, 1 otherwise.

``python -m bot kb blhs FILE [--out PATH]``: write ``blhs_categories.yaml`` from the text of the consolidated
BLHS (``knowledge/kb/blhs_table.py``).
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path
from typing import Any

from knowledge.kb.blhs_category import CATEGORIES_FILE
from knowledge.kb.blhs_table import read_code, to_yaml
from knowledge.kb.entry import CATEGORIES, CATEGORY_LABELS, VERIFIED_VALUES
from knowledge.kb.store import DATA_DIR, check_kb

VERIFIED_LABELS: dict[str, str] = {
    "yes": "đã kiểm chứng (verified)",
    "secondary": "nguồn thứ cấp (secondary)",
    "no": "chưa kiểm chứng (unverified)",
}


def register(subparsers: Any) -> None:
    """Add the ``kb`` subcommand (with ``check``) to an argparse subparsers object."""
    kb = subparsers.add_parser("kb", help="cơ sở tri thức", description="Công cụ cho cơ sở tri thức.")
    kb_sub = kb.add_subparsers(dest="kb_command", required=True)
    check = kb_sub.add_parser(
        "check",
        help="kiểm tra dữ liệu tri thức",
        description="Kiểm tra các tệp kb_*.yaml, in bảng tổng hợp và mọi lỗi (mã thoát 1 nếu có lỗi).",
    )
    check.add_argument("--data-dir", type=Path, default=None, help=f"thư mục dữ liệu (mặc định: {DATA_DIR})")
    check.set_defaults(func=_main)
    blhs = kb_sub.add_parser(
        "blhs",
        help="lập bảng loại tội phạm theo khoản của BLHS",
        description="Đọc văn bản hợp nhất BLHS, ghi khung hình phạt nặng nhất và loại tội phạm của từng khoản.",
    )
    blhs.add_argument("file", type=Path, metavar="FILE", help="văn bản hợp nhất BLHS (markdown)")
    blhs.add_argument("--out", type=Path, default=CATEGORIES_FILE, help=f"tệp ghi ra (mặc định: {CATEGORIES_FILE})")
    blhs.set_defaults(func=_blhs)


def _row(label: str, count: int, width: int = 44) -> str:
    return f"  {label:<{width}}{count:>5}"


def _main(args: argparse.Namespace) -> int:
    folder: Path = args.data_dir if args.data_dir is not None else DATA_DIR
    kb, problems = check_kb(folder)
    print(f"Kiểm tra cơ sở tri thức (knowledge base check): {folder}")
    if kb is not None:
        per_file = Counter(e.file for e in kb.entries)
        summary = kb.summary()
        print("Tệp (files):")
        for name in kb.files:
            print(_row(name, per_file.get(name, 0)))
        print("Nhóm (category):")
        for category in CATEGORIES:
            print(_row(f"{category} — {CATEGORY_LABELS[category]}", summary[category]))
        print("Trạng thái (verified):")
        for value in VERIFIED_VALUES:
            print(_row(f"{value} — {VERIFIED_LABELS[value]}", summary[value]))
        print(_row("Tổng số mục hợp lệ (valid entries)", summary["total"]))
    if problems:
        print(f"Lỗi (problems): {len(problems)}")
        for problem in problems:
            print(f"  {problem}")
        return 1
    print("Không có lỗi (no problems).")
    return 0


def _blhs(args: argparse.Namespace) -> int:
    if not args.file.is_file():
        print(f"Không tìm thấy tệp {args.file}. Anh/chị chỉ đường dẫn tới văn bản hợp nhất BLHS.")
        return 1
    articles = read_code(args.file.read_text(encoding="utf-8"))
    if not articles:
        print(f"Không đọc được điều nào của phần các tội phạm trong {args.file}.")
        return 1
    args.out.write_text(to_yaml(articles), encoding="utf-8")
    clauses = sum(len(c) for _, c in articles.values())
    print(f"Đã ghi {args.out}: {len(articles)} điều, {clauses} khoản.")
    return 0
