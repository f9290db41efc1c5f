"""Replies the platform would not take, even after the adapter's own retries (a long outage, flood
control asking for a long wait, a shutdown in the middle of a send).

They are queued in the outbox for the person who asked: the outbox worker keeps trying with its
backoff and rate limit, and a message that finally fails is recorded as failed, where administrators
see delivery problems. So a reply is never dropped with only a log line to show for it.
"""

from __future__ import annotations

import logging
import secrets
from datetime import timedelta

from bot.chat.context import Services
from bot.chat.messages import Incoming, Reply

logger = logging.getLogger(__name__)

FILE_NOT_SENT = "(Chưa gửi được tệp {name} do lỗi đường truyền. Anh/chị vui lòng yêu cầu lại sau ít phút.)"


async def queue_undelivered(
    services: Services, incoming: Incoming, replies: list[Reply], reason: str, *, retry_after: float | None = None
) -> int:
    """Queue ``replies`` to the sender of ``incoming``; returns how many were queued.

    ``retry_after``: seconds the platform asked to wait (flood control); the outbox waits as long.
    Only a registered person's private chat can be queued (the outbox addresses users); anything else
    (a stranger's /start, a group chat) is logged as an error. The outbox carries text and buttons: an
    attachment is replaced by a note asking the person to request it again.
    """
    repos = services.repos
    user = await repos.users.by_platform(incoming.platform, incoming.user_id)
    if user is None or incoming.group or incoming.chat_id != user.platform_user_id:
        logger.error(
            "%d replies on %s could not be sent (%s) and cannot be queued: not a registered person's private chat",
            len(replies),
            incoming.platform,
            reason,
        )
        return 0
    now = services.clock.now()
    not_before = now + timedelta(seconds=retry_after) if retry_after else None
    batch = f"reply:{incoming.platform}:{incoming.update_key or '-'}:{secrets.token_hex(4)}"
    queued = 0
    for index, reply in enumerate(replies):
        text = reply.text
        for attachment in (reply.photo, reply.file):
            if attachment is not None:
                text = f"{text}\n\n{FILE_NOT_SENT.format(name=attachment.filename)}".strip()
        if not text:
            continue
        if await repos.outbox.enqueue(
            key=f"{batch}:{index}", user=user, text=text, now=now, buttons=reply.buttons, not_before=not_before
        ):
            queued += 1
    logger.warning("%d replies on %s could not be sent (%s): queued in the outbox", queued, incoming.platform, reason)
    return queued
