"""Command line: ``python -m bot run | admin | kb | ask | deadline ...``."""

from __future__ import annotations

import argparse
import asyncio
import importlib
import logging
import os
import sys

from bot.config import PLATFORMS, ConfigError, load_settings
from bot.logs import setup_service_logging

# Each module adds its subcommand with ``register(subparsers)``.
CLI_MODULES = (
    "bot.cli.admin",
    "bot.cli.ask",
    "bot.cli.kb",
    "bot.cli.deadline",
    "bot.cli.calendar",
    "bot.cli.facilities",
    "bot.cli.export",
    "bot.cli.track",
)


def _run(args: argparse.Namespace) -> int:
    from bot.app import StartupError, run
    from bot.service.preflight import platform_problem

    settings = load_settings()
    platform = args.platform or settings.default_platform()
    if args.as_name is not None and platform != "console":
        print("--as chỉ dùng với chat trên máy (--platform console).", file=sys.stderr)
        return 2
    problem = platform_problem(settings, platform, explicit=args.platform is not None, interactive=sys.stdin.isatty())
    if problem is not None:
        raise ConfigError(problem)  # main() prints it once, "Cấu hình sai: …", exit 2
    # In the console chat, log lines would interleave with the conversation: warnings only on
    # stderr, or everything at BOT_LOG_LEVEL in BOT_LOG_FILE.
    setup_service_logging(
        settings.log_level,
        settings.secrets(),
        console=platform == "console",
        file=settings.log_file,
        json_lines=settings.log_format == "json",
    )
    try:
        return asyncio.run(run(settings, platform, console_as=args.as_name))
    except ConfigError:
        raise  # a setting found unusable at start (BOT_HEALTH_PORT taken): main() names it
    except StartupError as exc:
        if settings.log_file or settings.log_format == "json":
            # For the log collector; a plain log on stderr would only repeat the line below.
            logging.getLogger("bot").error("start-up failed: %s", exc)
        print(f"Không khởi động được / cannot start: {exc}", file=sys.stderr)
        return 3
    except Exception:
        # Python would print this traceback raw, past the log filter, and some carry secrets
        # (python-telegram-bot's InvalidToken quotes the token): it goes through the log instead.
        logging.getLogger("bot").exception("the assistant stopped on an unexpected error")
        print("Trợ lý đã dừng do lỗi; chi tiết ở nhật ký (log) phía trên.", file=sys.stderr)
        return 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot", description="Trợ lý VKS")
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="chạy trợ lý")
    run.add_argument("--platform", choices=PLATFORMS, default=None, help="mặc định: theo token đã cấu hình")
    run.add_argument(
        "--as",
        dest="as_name",
        metavar="NAME",
        default=None,
        help="chat trên máy với tư cách một người khác (đăng ký bằng /start MÃ_MỜI); mặc định: quản trị demo",
    )
    run.set_defaults(func=_run)
    for name in CLI_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except ConfigError as exc:
        print(f"Cấu hình sai: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return reader_went_away()


def reader_went_away() -> int:
    """``python -m bot ask … | head``: the reader closed the pipe. Stop quietly, as Unix tools do
    (128 + SIGPIPE), and point stdout at /dev/null so the flush at exit does not fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return 141


if __name__ == "__main__":
    sys.exit(main())
