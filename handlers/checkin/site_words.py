"""What a person types at the facility form's choice steps (/coso → Thêm cơ sở), read as the choice
it names: «hang tuan», «tuần», «weekly», «trại tạm giam», or the option's number typed where numbers
are not read as buttons (Telegram). Anything else re-asks the step with all its options."""

from __future__ import annotations

from bot.chat.menus import folded_words as _words
from storage.facilities import FREQUENCIES, KINDS

_FREQUENCY_WORDS = {
    "daily": ("ngay", "hang ngay", "hangngay", "moi ngay", "daily", "day"),
    "weekly": ("tuan", "hang tuan", "hangtuan", "moi tuan", "weekly", "week", "1 tuan 1 lan", "tuan 1 lan"),
}
_KIND_WORDS = {
    "nha_tam_giu": ("nha tam giu", "ntg", "tam giu"),
    "trai_tam_giam": ("trai tam giam", "ttg", "trai", "tam giam"),
    "buong_tam_giu_don_bien_phong": ("buong tam giu", "bien phong", "don bien phong", "buong"),
}


def _numbered(text: str, codes: list[str]) -> str | None:
    words = _words(text)
    return codes[int(words) - 1] if words.isdigit() and 1 <= int(words) <= len(codes) else None


def typed_frequency(text: str) -> str | None:
    """«hằng tuần», «hang tuan», «mỗi tuần», «weekly», «2» → ``weekly``; None when unclear."""
    words = _words(text)
    found = {code for code, options in _FREQUENCY_WORDS.items() if words in options}
    if not found:
        found = {code for code, options in _FREQUENCY_WORDS.items() if any(o in words.split() for o in options[:1])}
    return found.pop() if len(found) == 1 else _numbered(text, list(FREQUENCIES))


def typed_kind(text: str) -> str | None:
    """«trại tạm giam», «nha tam giu», «biên phòng», «2» → the kind's code; None when unclear."""
    words = _words(text)
    found = {code for code, options in _KIND_WORDS.items() if words in options}
    if not found:
        found = {code for code, options in _KIND_WORDS.items() if options[0] in words}
    return found.pop() if len(found) == 1 else _numbered(text, list(KINDS))
