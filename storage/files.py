"""Files the assistant writes (exports, media): owner-only (0600), like the database.

Written to a temporary name created 0600 and renamed over the target, so the file never exists
with wider permissions, even for a moment, and an existing file with wider ones is replaced. Missing
folders are created owner-only."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

PRIVATE = 0o600
PRIVATE_FOLDER = 0o700


def make_private_folder(folder: Path) -> None:
    """Create ``folder`` and any missing parent owner-only (0700; ``mkdir -p`` would make the
    parents 0755): the folders hold personal data. Existing folders are left as they are."""
    missing = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for new in reversed(missing):
        new.mkdir(mode=PRIVATE_FOLDER, exist_ok=True)
        new.chmod(PRIVATE_FOLDER)  # mkdir's mode is masked by the umask


def write_private(path: str | os.PathLike[str], data: bytes) -> Path:
    target = Path(path)
    make_private_folder(target.parent)
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE)
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(data)
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return target


def write_private_new(folder: str | os.PathLike[str], name: str, data: bytes) -> Path:
    """Write ``data`` owner-only under ``name`` in ``folder`` without ever replacing a file: when the
    name is taken, ``stem-2.ext``, ``stem-3.ext``… (each tried with O_EXCL, so two writers at once
    never share a name). Returns the path written."""
    directory = Path(folder)
    make_private_folder(directory)
    stem, suffix = Path(name).stem, Path(name).suffix
    for n in range(1, 10_000):
        target = directory / (name if n == 1 else f"{stem}-{n}{suffix}")
        try:
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE)
        except FileExistsError:
            continue
        with os.fdopen(fd, "wb") as file:
            file.write(data)
        return target
    raise FileExistsError(f"no free name for {name} in {directory}")
