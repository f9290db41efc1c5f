"""Console chat on stdin/stdout: one message per line, buttons as numbered options.

Works interactively (with a prompt) and with piped input (no prompt; exits cleanly at
the end of input), so scripts and tests can drive it.
"""

from __future__ import annotations

import asyncio
import itertools
import threading
from pathlib import Path
from typing import TextIO

from bot.adapters.contract import Capabilities
from bot.chat.dispatcher import Dispatcher
from bot.chat.menus import folded_words, render_numbered
from bot.chat.messages import Incoming, OutFile, Reply
from bot.demo import CONSOLE_CHAT_ID, CONSOLE_USER_ID, DEMO_ADMIN_NAME
from storage.database import is_postgres_url
from storage.files import write_private_new

PLATFORM = "console"
BANNER = "Trợ lý VKS — chat trên máy (gõ /help để xem lệnh, Ctrl+D để thoát)."


class ConsoleAdapter:
    platforms: tuple[str, ...] = (PLATFORM,)
    capabilities = Capabilities(buttons=False, files=True, photos=True, max_text=1_000_000)

    def __init__(
        self,
        dispatcher: Dispatcher,
        stdin: TextIO,
        stdout: TextIO,
        *,
        files_dir: Path = Path("data/exports"),
        user_id: str = CONSOLE_USER_ID,
        display_name: str = DEMO_ADMIN_NAME,
    ) -> None:
        self.dispatcher = dispatcher
        self.stdin = stdin
        self.stdout = stdout
        self.files_dir = files_dir
        # One console person per process: the chat id is the person's id (a private chat).
        self.user_id = user_id
        self.chat_id = CONSOLE_CHAT_ID if user_id == CONSOLE_USER_ID else user_id
        self.display_name = display_name
        self._interactive = stdin.isatty()
        self._counter = itertools.count(1)

    def _write(self, text: str) -> None:
        self.stdout.write(text)
        self.stdout.flush()

    def _start_reader(self) -> asyncio.Queue[str]:
        """Read stdin on a daemon thread, so a stop signal never waits for the next line."""
        loop = asyncio.get_running_loop()
        lines: asyncio.Queue[str] = asyncio.Queue()

        def pump() -> None:
            while True:
                line = self.stdin.readline()
                loop.call_soon_threadsafe(lines.put_nowait, line)
                if line == "":
                    return

        threading.Thread(target=pump, name="console-stdin", daemon=True).start()
        return lines

    async def _next_line(self, lines: asyncio.Queue[str], stop: asyncio.Event | None) -> str | None:
        if stop is None:
            return await lines.get()
        getter = asyncio.ensure_future(lines.get())
        stopper = asyncio.ensure_future(stop.wait())
        done, pending = await asyncio.wait({getter, stopper}, return_when=asyncio.FIRST_COMPLETED)
        for task in pending:
            task.cancel()
        return getter.result() if getter in done else None

    async def run(self, stop: asyncio.Event | None = None) -> None:
        if self._interactive:
            self._write(BANNER + "\n")
        lines = self._start_reader()
        while stop is None or not stop.is_set():
            if self._interactive:
                self._write("> ")
            line = await self._next_line(lines, stop)
            if not line:  # end of input, or a stop signal
                break
            incoming = Incoming(
                platform=PLATFORM,
                chat_id=self.chat_id,
                user_id=self.user_id,
                text=line.rstrip("\r\n"),
                display_name=self.display_name,
            )
            await self.send(await self.dispatcher.handle(incoming))

    async def reply(self, incoming: Incoming, replies: list[Reply]) -> None:
        """The console has one chat: the answer is printed."""
        await self.send(replies)

    async def deliver(self, chat_id: str, replies: list[Reply]) -> None:
        """Outbox delivery: proactive messages (alerts, reminders) appear in the chat. One machine
        is one screen: a message for another console person (``--as``) appears here too, under
        that person's name; its buttons are remembered in that person's chat, so "1" in their
        console presses its first one."""
        if chat_id == self.chat_id:
            self._write("🔔 Thông báo:\n")
        else:
            person = await self.dispatcher.services.repos.users.by_platform(PLATFORM, chat_id)
            self._write(
                f"🔔 Thông báo gửi {person.display_name if person else chat_id} (người dùng khác trên máy này):\n"
            )
        await self.send(replies)

    async def send(self, replies: list[Reply]) -> None:
        texts = render_numbered(replies)
        for reply, text in zip(replies, texts, strict=True):
            for attachment in (reply.file, reply.photo):
                if attachment is not None:
                    text += f"\n[Đã lưu tệp: {self._save(attachment)}]"
            if reply.request_location:
                text += "\n(Trên máy tính không gửi được vị trí: gõ 'bỏ qua' hoặc chọn số tương ứng.)"
            self._write(text + "\n\n")

    def _save(self, file: OutFile) -> Path:
        """The file under the person's name (several console people share one folder), never over
        another file: a name already there gets a counter. Personal data: 0600."""
        name = Path(file.filename).name or f"tep-{next(self._counter)}"
        who = folded_words(self.display_name).replace(" ", "-")[:40] or "may"
        stem, suffix = Path(name).stem, Path(name).suffix
        return write_private_new(self.files_dir, f"{stem}-{who}{suffix}", file.data)


def exports_dir(db_path: str) -> Path:
    """Where the console saves files: ``exports/`` beside the SQLite database ``BOT_DB`` names (the
    data stays together, whatever folder the program runs from); ``data/exports`` for PostgreSQL."""
    if is_postgres_url(db_path):
        return Path("data/exports")
    return Path(db_path).expanduser().resolve().parent / "exports"
