"""How a message travels: drop redeliveries, identify the user, take the per-user lock,
load the conversation, route (checking roles here and only here), save, answer.

One error boundary: a failing handler leaves the conversation as it was, the user gets
a polite Vietnamese message with a short reference, and the traceback goes to the log.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
import unicodedata
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from functools import partial

from bot.chat import texts
from bot.chat.context import Context, Services
from bot.chat.keyed_locks import KeyedLocks
from bot.chat.menus import label_choice, menu_of, parse_choice
from bot.chat.messages import Button, Incoming, Outcome, Reply
from bot.chat.routing import Router
from storage.conversations import Conversation
from storage.users import Role, User

logger = logging.getLogger(__name__)

MAX_TEXT = 4000
MAX_NAME = 128
# Platforms that show buttons as numbered options and read "2" as pressing the second one.
NUMBERED_PLATFORMS = frozenset({"console", "zalo"})
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))


def clean_text(text: str) -> str:
    """NFC (some phone keyboards send NFD), no control or zero-width characters, no lone
    surrogates (JSON can carry them, UTF-8 and so SQLite cannot), trimmed."""
    text = unicodedata.normalize("NFC", text).translate(_ZERO_WIDTH)
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) not in ("Cc", "Cs"))
    return text.strip()


class Dispatcher:
    def __init__(self, router: Router, services: Services) -> None:
        self.router = router
        self.services = services
        self._locks: KeyedLocks[tuple[str, str, str]] = KeyedLocks()

    @asynccontextmanager
    async def _user_lock(self, key: tuple[str, str, str]) -> AsyncIterator[None]:
        """This process's lock in arrival order, then the store's (workers sharing PostgreSQL)."""
        async with self._locks.hold(key), self.services.repos.db.exclusive("user:" + "\x1f".join(key)):
            yield

    async def handle(self, incoming: Incoming) -> list[Reply]:
        """Never raises: any failure (a handler, or storage: the claim, the load, the save)
        becomes the polite error reply with a reference, the traceback goes to the log."""
        try:
            return await self._handle(incoming)
        except Exception:
            return [Reply(texts.ERROR.format(ref=_log_failure("handling failed", incoming)), outcome=Outcome.ERROR)]

    async def _handle(self, incoming: Incoming) -> list[Reply]:
        repos = self.services.repos
        key = (incoming.platform, incoming.chat_id, incoming.user_id)
        # The lock comes first so one person's messages are handled in the order they arrived.
        async with self._user_lock(key):
            # Started together, awaited together: one wait for the three (each batched with
            # other users' messages). The claim is committed before the handler runs.
            claim = repos.updates.claim(incoming.platform, incoming.update_key) if incoming.update_key else None
            loading = repos.conversations.load(*key)
            finding = repos.users.by_platform(incoming.platform, incoming.user_id)
            # gather: when one of the three fails, the others' outcomes are still collected.
            claimed, conversation, user = await asyncio.gather(claim or _true(), loading, finding)
            if not claimed:
                logger.info("ignoring redelivered update %s/%s", incoming.platform, incoming.update_key)
                return []
            if incoming.group:
                return [Reply(texts.GROUP_CHAT, outcome=Outcome.REFUSED)]
            try:
                replies = await self._route(incoming, user, conversation)
            except Exception:
                return [Reply(texts.ERROR.format(ref=_log_failure("handler failed", incoming)), outcome=Outcome.ERROR)]
            next_state = self.router.states.get(conversation.state or "")
            if incoming.platform in NUMBERED_PLATFORMS and next_state is not None and next_state.accepts_numbers:
                # A typed number will be input here, so options cannot be numbered: the
                # handler's text says which words to type instead (quay lại, hủy, ...).
                replies = [replace(r, buttons=()) for r in replies]
            # Kept on every platform: a typed number or a button's words press it (see _route).
            # A refusal of access changes nothing: the menu stays for when access is back.
            if not replies or any(r.outcome is not Outcome.REFUSED for r in replies):
                buttons = menu_of(replies)
                conversation.menu = [[b.text, b.data] for b in buttons] if buttons else []
            snapshot = conversation.changed()
            if snapshot is not None:
                try:
                    await repos.conversations.save(*key, conversation, snapshot)
                except Exception:
                    # What the handler did is committed (a submitted record is stored): its
                    # replies stand, with a note that the conversation's place was not saved.
                    ref = _log_failure("saving the conversation failed", incoming)
                    return [*replies, Reply(texts.STATE_NOT_SAVED.format(ref=ref), outcome=Outcome.ERROR)]
            return replies

    async def remember_menu(self, platform: str, chat_id: str, user_key: str, buttons: list[Button]) -> None:
        """A proactive message with buttons reached a numbered platform: from now on "1" presses
        its first button. Under the per-user lock, so it never interleaves with a message."""
        if platform not in NUMBERED_PLATFORMS or not buttons:
            return
        key = (platform, chat_id, user_key)
        async with self._user_lock(key):
            conversation = await self.services.repos.conversations.load(*key)
            conversation.menu = [[b.text, b.data] for b in buttons]
            await self.services.repos.conversations.save(*key, conversation)

    async def _route(self, incoming: Incoming, user: User | None, conversation: Conversation) -> list[Reply]:
        if incoming.display_name:  # the platform's name is input too: it is stored on registration
            name = " ".join(clean_text(incoming.display_name).split())[:MAX_NAME]
            incoming = replace(incoming, display_name=name)
        ctx = Context(incoming, user, conversation, self.services)
        if incoming.document is not None:
            takes = self.router.states.get(conversation.state or "")
            if takes is None:
                return self._document_hint(user)
            if not takes.accepts_documents:
                return [Reply(texts.UNSUPPORTED.format(extra=" và ảnh"))]
        if incoming.unsupported and not incoming.photos and not incoming.location:
            extra = " và ảnh" if self.router.states.get(conversation.state or "") else ""
            return [Reply(texts.UNSUPPORTED.format(extra=extra))]

        # Button data is as untrusted as text: a forged one may carry a lone surrogate too.
        callback = clean_text(incoming.callback) if incoming.callback is not None else None
        text = clean_text(incoming.text) if incoming.text is not None else None
        if text is not None:
            if len(text) > MAX_TEXT:
                return [Reply(texts.TOO_LONG.format(limit=f"{MAX_TEXT:,}".replace(",", ".")))]
            ctx.incoming = _with_text(incoming, text)
        state_route = self.router.states.get(conversation.state or "")

        # A typed number presses the numbered option where options are shown numbered (console,
        # Zalo); in a form, on every platform, a button's own words typed press it.
        if callback is None and text is not None and conversation.menu:
            numbered = incoming.platform in NUMBERED_PLATFORMS
            takes_numbers = state_route is not None and state_route.accepts_numbers
            choice = parse_choice(text) if numbered and not takes_numbers else None
            if choice is not None:
                if not 1 <= choice <= len(conversation.menu):
                    return [_current_menu(conversation, choice)]
                callback = conversation.menu[choice - 1][1]
            elif state_route is not None and not text.startswith("/"):
                callback = label_choice(text, conversation.menu)

        forms = self.router.forms  # every route runs through it: a form set aside is never lost
        if callback is not None:
            return await forms.run(ctx, partial(self._callback, data=callback), prefix=callback.partition(":")[0])
        if text and text.startswith("/"):
            return await forms.run(ctx, partial(self._command, text=text), command=_command_name(text))
        if state_route is not None:
            denied = self._denied(user, state_route.min_role)
            if denied and user is not None and user.active:  # a role lost mid-form: set aside until it is back
                return [*denied, *self.router.forms.set_aside(ctx)]
            if denied:  # a locked account (or none): the conversation stays as it is, unseen, till unlocked
                return denied
            return await forms.run(ctx, state_route.handler)
        if not text and not incoming.photos and not incoming.location:
            return [Reply(texts.EMPTY)]
        if self.router.text_route is None or not text:
            return [Reply(texts.EMPTY)]
        denied = self._denied(user, self.router.text_route.min_role)
        number = parse_choice(text) if not conversation.menu else None
        if not denied and number is not None:  # a stray "1": no list is open, and it is no question
            return [Reply(texts.NO_MENU.format(number=number))]
        return denied or await forms.run(ctx, self.router.text_route.handler)

    async def _command(self, ctx: Context, text: str) -> list[Reply]:
        name = _command_name(text)
        rest = text[1:].partition(" ")[2]
        route = self.router.commands.get(name)
        if route is None:
            if ctx.user is None or not ctx.user.active:
                return self._denied(ctx.user, Role.STAFF)
            return [Reply(texts.UNKNOWN_COMMAND.format(name=name[:32] or "?"))]
        denied = self._denied(ctx.user, route.min_role)
        if denied:
            return denied
        ctx.arg_text = rest.strip()
        ctx.args = ctx.arg_text.split()
        return await route.handler(ctx)

    async def _callback(self, ctx: Context, data: str) -> list[Reply]:
        prefix, _, rest = data.partition(":")
        route = self.router.callbacks.get(prefix)
        if route is None:
            return self._denied(ctx.user, Role.STAFF) or [Reply(texts.STALE_BUTTON)]
        denied = self._denied(ctx.user, route.min_role)
        if denied:
            return denied
        ctx.args = rest.split(":") if rest else []
        return await route.handler(ctx)

    def _document_hint(self, user: User | None) -> list[Reply]:
        route = self.router.commands.get(self.router.document_command or "")
        if route is None or self._denied(user, route.min_role):
            return [Reply(texts.UNSUPPORTED.format(extra=""))]
        return [Reply(texts.DOCUMENT_HINT.format(command=route.name))]

    @staticmethod
    def _denied(user: User | None, min_role: Role | None) -> list[Reply]:
        """The single place where access is decided. Empty list: allowed."""
        if min_role is None:
            return []
        if user is None:
            return [Reply(texts.NOT_REGISTERED, outcome=Outcome.REFUSED)]
        if not user.active:
            return [Reply(texts.INACTIVE, outcome=Outcome.REFUSED)]
        if not user.role.at_least(min_role):
            return [Reply(texts.NO_PERMISSION, outcome=Outcome.REFUSED)]
        return []


async def _true() -> bool:
    return True


def _log_failure(what: str, incoming: Incoming) -> str:
    ref = secrets.token_hex(3).upper()
    logger.exception("%s (ref %s) on %s message", what, ref, incoming.platform)
    return ref


def _command_name(text: str) -> str:
    """``/TinhHan@bot 1`` → ``tinhhan``."""
    return text[1:].partition(" ")[0].split("@", 1)[0].lower()


def _with_text(incoming: Incoming, text: str) -> Incoming:
    return replace(incoming, text=text)


def _current_menu(conversation: Conversation, number: int) -> Reply:
    buttons = tuple((Button(label, data),) for label, data in conversation.menu)
    return Reply(texts.STALE_NUMBER.format(number=number), buttons)
