"""Before the assistant starts: which platform may not start (a missing token, or a service with no one to
chat with) and what the console says about a database that is not ready for it. Texts in Vietnamese and English."""

from __future__ import annotations

from bot.config import Settings

NO_TOKEN = (
    "chưa đặt TELEGRAM_BOT_TOKEN hoặc ZALO_BOT_TOKEN / no platform token is set (BOT_DEMO=false and no "
    "terminal: there is no one to chat with). Đặt token trong tệp cấu hình (README, mục «Running as a "
    "service») và chạy với --platform zalo hoặc --platform telegram; muốn chat trên máy: --platform console."
)
NO_UNITS = (
    "Cơ sở dữ liệu chưa có đơn vị nào (BOT_DEMO=false) / the database has no unit yet. Tạo đơn vị và mã mời "
    "đầu tiên: python -m bot admin unit add --code X --name '...' --level tinh; python -m bot admin invite "
    "--unit X --role admin; rồi gửi /start MÃ trong chat."
)
NOT_THE_DEMO = (
    "Cơ sở dữ liệu này không phải bản demo: chat trên máy không có quyền quản trị sẵn. Gửi /start MÃ_MỜI "
    "(mã từ python -m bot admin invite) để đăng ký như mọi người."
)


def platform_problem(settings: Settings, platform: str, *, explicit: bool, interactive: bool) -> str | None:
    """Why ``python -m bot run`` must not start on ``platform`` (a missing token), or None.
    ``explicit``: --platform was given; ``interactive``: stdin is a terminal. A service (no
    terminal) outside the demo never falls back to the console silently."""
    if platform == "telegram" and settings.telegram_token is None:
        return "chưa đặt TELEGRAM_BOT_TOKEN / TELEGRAM_BOT_TOKEN is not set (--platform telegram)."
    if platform == "zalo" and settings.zalo_token is None:
        return "chưa đặt ZALO_BOT_TOKEN / ZALO_BOT_TOKEN is not set (--platform zalo)."
    if platform == "console" and not explicit and not settings.demo and not interactive:
        return NO_TOKEN
    return None
