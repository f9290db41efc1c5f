"""Every adapter implements the one contract (``bot.adapters.contract.ChatAdapter``): checked at
run time (attributes, coroutine methods, the same parameter names) and by mypy, which must
also refuse an adapter that lacks a method (so the check can fail)."""

from __future__ import annotations

import inspect
import io
import textwrap
from dataclasses import replace
from pathlib import Path

import pytest
from mypy import api as mypy_api

from bot.adapters.console import ConsoleAdapter
from bot.adapters.contract import Capabilities, ChatAdapter, Deliverer
from bot.adapters.telegram import TelegramAdapter
from bot.adapters.zalo.adapter import ZaloAdapter
from bot.app import App
from bot.config import Secret
from tests import REPO_ROOT

CLASSES = [ConsoleAdapter, TelegramAdapter, ZaloAdapter]
METHODS = ("run", "reply", "deliver")


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_each_adapter_class_has_the_contracts_methods(cls: type) -> None:
    for name in METHODS:
        contract = getattr(ChatAdapter, name)
        method = getattr(cls, name)
        assert inspect.iscoroutinefunction(method), f"{cls.__name__}.{name} must be async"
        wanted = list(inspect.signature(contract).parameters)
        got = list(inspect.signature(method).parameters)[: len(wanted)]
        assert got == wanted, f"{cls.__name__}.{name}{got} differs from the contract {wanted}"
    assert isinstance(cls.capabilities, Capabilities)
    assert isinstance(cls.platforms, tuple) and cls.platforms


async def test_built_adapters_satisfy_the_protocol_at_run_time(app: App) -> None:
    settings = replace(
        app.services.settings,
        telegram_token=Secret("123456:" + "A" * 30),
        zalo_token=Secret("1234567890:zalo-token"),
    )
    console = ConsoleAdapter(app.dispatcher, io.StringIO(""), io.StringIO())
    telegram = TelegramAdapter(app.dispatcher, settings)
    zalo = ZaloAdapter(app.dispatcher, settings)
    try:
        for adapter in (console, telegram, zalo):
            assert isinstance(adapter, ChatAdapter) and isinstance(adapter, Deliverer)
        assert not console.capabilities.buttons and telegram.capabilities.buttons
        assert zalo.capabilities.max_text < 2000 and telegram.capabilities.max_text == 4096
    finally:
        await zalo.aclose()


CHECK = """
from bot.adapters.console import ConsoleAdapter
from bot.adapters.contract import ChatAdapter
from bot.adapters.telegram import TelegramAdapter
from bot.adapters.zalo.adapter import ZaloAdapter


def adapters(c: ConsoleAdapter, t: TelegramAdapter, z: ZaloAdapter) -> list[ChatAdapter]:
    return [c, t, z]
"""
BROKEN = """
import asyncio
from bot.adapters.contract import Capabilities, ChatAdapter
from bot.chat.messages import Reply


class NoReply:
    platforms: tuple[str, ...] = ("x",)
    capabilities = Capabilities(buttons=False, files=False, photos=False, max_text=10)

    async def run(self, stop: asyncio.Event) -> None: ...

    async def deliver(self, chat_id: str, replies: list[Reply]) -> None: ...


adapter: ChatAdapter = NoReply()
"""


def test_mypy_checks_the_adapters_against_the_protocol(tmp_path: Path) -> None:
    good, bad = tmp_path / "adapters_ok.py", tmp_path / "adapter_broken.py"
    good.write_text(textwrap.dedent(CHECK))
    bad.write_text(textwrap.dedent(BROKEN))
    flags = ["--config-file", str(REPO_ROOT / "pyproject.toml"), "--cache-dir", str(REPO_ROOT / ".mypy_cache")]
    out, err, status = mypy_api.run([*flags, str(good)])
    assert status == 0, out + err
    out, _, status = mypy_api.run([*flags, str(bad)])
    assert status == 1 and "ChatAdapter" in out and "reply" in out  # mypy names the missing member
