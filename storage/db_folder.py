"""The folder of an SQLite database file: whether it can hold the file, and creating the one
folder the project makes itself (``data/``), owner-only since it holds personal data.

A mistyped ``BOT_DB`` must not quietly become a new, empty database in a new folder: only the
default folder is created; any other missing folder is a problem the caller reports."""

from __future__ import annotations

from pathlib import Path

from storage.files import make_private_folder


def _nearest_existing(folder: Path) -> Path:
    for candidate in (folder, *folder.parents):
        if candidate.exists():
            return candidate
    return Path(folder.anchor or ".")


def folder_problem(db_file: str) -> str | None:
    """Why the folder of ``db_file`` cannot hold a database (in Vietnamese, naming the folder), or
    None when it is an existing folder."""
    folder = Path(db_file).parent
    if folder.is_dir():
        return None
    existing = _nearest_existing(folder)
    if not existing.is_dir():
        return f"{existing} là một tệp, không phải thư mục / is a file, not a folder"
    return f"thư mục {folder} không tồn tại / the folder {folder} does not exist"


def create_private_folder(db_file: str) -> None:
    """Create the folder of ``db_file`` owner-only (0700) when missing; a path through a file
    raises ``NotADirectoryError`` naming it (not the «File exists» of ``mkdir``)."""
    folder = Path(db_file).parent
    if folder.is_dir():
        return
    existing = _nearest_existing(folder)
    if not existing.is_dir():
        raise NotADirectoryError(f"{existing} là một tệp, không phải thư mục / is a file, not a folder")
    make_private_folder(folder)
