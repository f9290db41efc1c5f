"""Files the assistant writes (exports, media): owner-only (0600), like the database.

Written to a temporary name created 0600 and renamed over the target, so the file never exists
with wider permissions, even for a moment, and an existing file with wider ones is replaced."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

PRIVATE = 0o600


def write_private(path: str | os.PathLike[str], data: bytes) -> Path:
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
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
