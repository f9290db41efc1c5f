"""Zalo media on disk: charts published for sendPhoto, and photos users send, kept at once.

Incoming photo links point at Zalo's CDN, are restricted and expire: a check-in photo kept only
as a link stops showing. So a received photo is downloaded straight away into the media folder
(owner-only, 0600) and the link is kept only as a fallback. Outgoing charts are written there too
(0600 as well: the web server that publishes them runs as the same user or is given the group)."""

from __future__ import annotations

import logging
import secrets
from pathlib import Path

from bot.adapters.zalo.api import ZaloApiError, ZaloBotApi
from bot.chat.messages import OutFile, Photo
from storage.files import write_private

logger = logging.getLogger(__name__)

MAX_PHOTO_BYTES = 10 * 1024 * 1024
LOCAL_PREFIX = "zalo-media:"


def publish(image: OutFile, folder: str, base_url: str | None) -> str | None:
    """Write an image where the public media URL serves it; None when none is configured."""
    if not base_url:
        return None
    suffix = Path(image.filename).suffix.lower() or ".png"
    name = f"{secrets.token_urlsafe(16)}{suffix if suffix in ('.png', '.jpg', '.jpeg') else '.png'}"
    write_private(Path(folder) / name, image.data)
    return f"{base_url}/{name}"


async def keep_photo(api: ZaloBotApi, photo: Photo, folder: str) -> Photo:
    """Download a received photo into ``folder/incoming``; the kept photo's id names the file, its
    URL stays as the fallback. On failure the photo is kept as the link alone (logged)."""
    url = photo.url or photo.file_id
    if not url.startswith(("https://", "http://")):
        return photo
    try:
        data = await api.download(url, MAX_PHOTO_BYTES)
    except ZaloApiError as exc:
        logger.warning("could not keep a received Zalo photo (%s): the link alone is stored", exc.description)
        return photo
    name = f"{secrets.token_urlsafe(16)}.jpg"
    write_private(Path(folder) / "incoming" / name, data)
    return Photo(f"{LOCAL_PREFIX}incoming/{name}", len(data), url)
