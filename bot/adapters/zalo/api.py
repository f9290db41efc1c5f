"""A small async client for the Zalo Bot Platform HTTP API (Telegram-like, one token).

Every call is ``POST {base}/bot<TOKEN>/<method>`` with a JSON body and answers with the
envelope ``{"ok", "result", "error_code", "description"}``. Errors become the exceptions
below, by code; transport failures become ``ZaloNetworkError``. The URL carries the token,
so no exception message or log line here ever includes the URL or the httpx error text.
"""

from __future__ import annotations

import logging
from typing import Any

import httpx

logger = logging.getLogger(__name__)

DEFAULT_BASE = "https://bot-api.zaloplatforms.com"
NO_UPDATE = 408  # getUpdates: the long poll ended without an update
MAX_TEXT = 2000
# Words in a 403's description that say the recipient is gone (blocked the bot, left, unknown).
_GONE = ("block", "not found", "not exist", "unfollow", "chặn", "không tồn tại")


class ZaloApiError(Exception):
    """The Bot API answered ``ok: false`` (or an HTTP error); ``code`` is its error code."""

    def __init__(self, method: str, code: int | None, description: str = "") -> None:
        self.method = method
        self.code = code
        self.description = description[:200]
        super().__init__(f"{method}: {code or 'error'} {self.description}".strip())


class ZaloBadRequest(ZaloApiError):
    """400: the request was malformed (empty or too long text, bad chat id, ...)."""


class ZaloUnauthorized(ZaloApiError):
    """401: the bot token was refused."""


class ZaloForbidden(ZaloApiError):
    """403. Zalo's documented error table lists 403 among the *server* errors, not as "blocked":
    it is retried, unless the description says the recipient blocked the bot or is gone
    (``recipient_gone``). Both readings are handled until the platform says which holds."""

    @property
    def recipient_gone(self) -> bool:
        text = self.description.lower()
        return any(word in text for word in _GONE)


class ZaloNotFound(ZaloApiError):
    """404: unknown method or chat."""


class ZaloRateLimited(ZaloApiError):
    """429: quota exceeded; ``retry_after`` seconds when the platform said how long to wait."""

    def __init__(self, method: str, description: str = "", retry_after: float | None = None) -> None:
        super().__init__(method, 429, description)
        self.retry_after = retry_after


class ZaloServerError(ZaloApiError):
    """5xx, or an answer that is not the documented envelope."""


class ZaloNetworkError(ZaloApiError):
    """The request did not get an answer (connection refused, timeout, ...)."""

    def __init__(self, method: str, kind: str) -> None:
        super().__init__(method, None, kind)


_BY_CODE: dict[int, type[ZaloApiError]] = {
    400: ZaloBadRequest,
    401: ZaloUnauthorized,
    403: ZaloForbidden,
    404: ZaloNotFound,
}


def _retry_after(envelope: dict[str, Any], response: httpx.Response) -> float | None:
    """How long a 429 asks us to wait: ``parameters.retry_after`` or a ``Retry-After`` header."""
    params = envelope.get("parameters")
    value: Any = params.get("retry_after") if isinstance(params, dict) else None
    if value is None:
        value = response.headers.get("retry-after")
    try:
        seconds = float(value) if value is not None else None
    except (TypeError, ValueError):
        return None
    return seconds if seconds is not None and 0 <= seconds <= 3600 else None


def raise_for_envelope(method: str, response: httpx.Response) -> Any:
    """The ``result`` of a successful call, or the matching ``ZaloApiError``."""
    try:
        envelope = response.json()
    except ValueError:
        envelope = None
    if not isinstance(envelope, dict):
        raise ZaloServerError(method, response.status_code, "not a JSON envelope")
    if envelope.get("ok") is True and response.status_code < 400:
        return envelope.get("result")
    code = envelope.get("error_code")
    if not isinstance(code, int):
        code = response.status_code if response.status_code >= 400 else None
    description = str(envelope.get("description") or "")
    if code == 429:
        raise ZaloRateLimited(method, description, _retry_after(envelope, response))
    if code is not None and code >= 500:
        raise ZaloServerError(method, code, description)
    raise _BY_CODE.get(code or 0, ZaloApiError)(method, code, description)


class ZaloBotApi:
    """The Bot API methods this project uses. Construct once; ``aclose()`` at the end."""

    def __init__(
        self,
        token: str,
        base: str = DEFAULT_BASE,
        *,
        timeout: float = 15.0,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self._prefix = f"{base.rstrip('/')}/bot{token}/"
        self._timeout = timeout
        self._client = httpx.AsyncClient(timeout=timeout, transport=transport, follow_redirects=False)

    async def aclose(self) -> None:
        await self._client.aclose()

    async def call(self, method: str, params: dict[str, Any] | None = None, *, wait: float | None = None) -> Any:
        """One API call; ``wait`` overrides the read timeout (long polls)."""
        try:
            response = await self._client.post(self._prefix + method, json=params or {}, timeout=wait or self._timeout)
        except httpx.HTTPError as exc:
            # The httpx message may contain the URL, and so the token: keep only the error class.
            raise ZaloNetworkError(method, type(exc).__name__) from None
        return raise_for_envelope(method, response)

    async def get_me(self) -> dict[str, Any]:
        result = await self.call("getMe")
        return result if isinstance(result, dict) else {}

    async def get_updates(self, poll_seconds: int = 30) -> list[dict[str, Any]]:
        """The updates of one long poll: documented as one object per call; a list (Telegram's
        shape) is taken whole. Empty when the poll timed out."""
        try:
            result = await self.call("getUpdates", {"timeout": str(poll_seconds)}, wait=poll_seconds + 10)
        except ZaloApiError as exc:
            if exc.code == NO_UPDATE:
                return []
            raise
        if isinstance(result, list):
            return [item for item in result if isinstance(item, dict) and item]
        return [result] if isinstance(result, dict) and result else []

    async def download(self, url: str, max_bytes: int) -> bytes:
        """A received file (a photo's CDN link), at most ``max_bytes``; ``ZaloNetworkError`` otherwise."""
        try:
            async with self._client.stream("GET", url, timeout=self._timeout) as response:
                if response.status_code != 200:
                    raise ZaloNetworkError("download", f"HTTP {response.status_code}")
                data = bytearray()
                async for chunk in response.aiter_bytes():
                    data += chunk
                    if len(data) > max_bytes:
                        raise ZaloNetworkError("download", "file too large")
                return bytes(data)
        except httpx.HTTPError as exc:
            raise ZaloNetworkError("download", type(exc).__name__) from None

    async def set_webhook(self, url: str, secret_token: str) -> Any:
        return await self.call("setWebhook", {"url": url, "secret_token": secret_token})

    async def delete_webhook(self) -> Any:
        return await self.call("deleteWebhook")

    async def get_webhook_info(self) -> Any:
        return await self.call("getWebhookInfo")

    async def send_message(self, chat_id: str, text: str) -> Any:
        return await self.call("sendMessage", {"chat_id": chat_id, "text": text})

    async def send_photo(self, chat_id: str, photo_url: str, caption: str | None = None) -> Any:
        params: dict[str, Any] = {"chat_id": chat_id, "photo": photo_url}
        if caption:
            params["caption"] = caption
        return await self.call("sendPhoto", params)

    async def send_sticker(self, chat_id: str, sticker: str) -> Any:
        return await self.call("sendSticker", {"chat_id": chat_id, "sticker": sticker})

    async def send_chat_action(self, chat_id: str, action: str = "typing") -> Any:
        return await self.call("sendChatAction", {"chat_id": chat_id, "action": action})
