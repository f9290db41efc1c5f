"""Typed button data, after aiogram's ``CallbackData``: one small frozen dataclass per kind of
button, packed as ``prefix:field1:field2`` (under Telegram's 64 bytes) and unpacked into named,
validated fields before a handler sees them.

    @dataclass(frozen=True, slots=True)
    class RoleButton(CallbackData, prefix="usr"):
        user_id: int
        role: Role

    Button("Lãnh đạo", RoleButton(7, Role.HEAD).pack())       # "usr:7:head"
    router.button(RoleButton, on_role)                           # on_role(ctx, data: RoleButton)

Kinds may share a prefix when each has its own ``tag``, a constant part right after the prefix
(``ks:f:12`` is ``PickFacility(12)`` with ``prefix="ks", tag="f"``); a kind without a tag under a
shared prefix is told apart by its fields (tried after the tagged ones). ``Router.button`` routes
a press to the first kind that unpacks it exactly.

Supported field types: ``int`` (ASCII digits, at most 18, so ids fit 64-bit integers; a leading
``-`` for page offsets is refused), ``str`` (no ``:``, not empty), ``bool`` (``1``/``0``), a
``StrEnum``, and any of these ``| None`` (packed as an empty part). Anything that does not unpack
exactly is refused (``None``): a forged or stale press is never half-read.
"""

from __future__ import annotations

import dataclasses
import enum
import re
import types
import typing
from typing import Any, ClassVar, Self

from bot.chat.messages import MAX_CALLBACK_BYTES

SEPARATOR = ":"
_DIGITS = re.compile(r"[0-9]{1,18}")


class CallbackData:
    """Base class; subclasses are frozen dataclasses declared with ``prefix="..."``."""

    prefix: ClassVar[str]
    tag: ClassVar[str] = ""

    def __init_subclass__(cls, prefix: str = "", tag: str = "", **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if not prefix and "prefix" in cls.__dict__:
            return  # @dataclass(slots=True) remakes the class, copying the prefix already set
        if not prefix or SEPARATOR in prefix or SEPARATOR in tag:
            raise ValueError(f"{cls.__name__}: prefix must be non-empty and contain no {SEPARATOR!r}")
        cls.prefix = prefix
        cls.tag = tag

    def pack(self) -> str:
        parts = [self.prefix, self.tag] if self.tag else [self.prefix]
        for f in dataclasses.fields(self):  # type: ignore[arg-type]
            parts.append(_encode(getattr(self, f.name), f"{type(self).__name__}.{f.name}"))
        data = SEPARATOR.join(parts)
        if len(data.encode()) > MAX_CALLBACK_BYTES:
            raise ValueError(f"callback data over {MAX_CALLBACK_BYTES} bytes: {data!r}")
        return data

    @classmethod
    def unpack(cls, data: str) -> Self | None:
        """The button whose packed form is ``data``, or None when it is not exactly one of ours."""
        prefix, _, rest = data.partition(SEPARATOR)
        if prefix != cls.prefix:
            return None
        return cls.from_args(rest.split(SEPARATOR) if rest else [])

    @classmethod
    def from_args(cls, args: list[str]) -> Self | None:
        """Unpack the parts after the prefix (what the dispatcher leaves in ``ctx.args``)."""
        if cls.tag:
            if not args or args[0] != cls.tag:
                return None
            args = args[1:]
        fields = dataclasses.fields(cls)  # type: ignore[arg-type]
        if len(args) != len(fields):
            return None
        hints = typing.get_type_hints(cls)
        values: dict[str, Any] = {}
        for f, text in zip(fields, args, strict=True):
            ok, value = _decode(text, hints[f.name])
            if not ok:
                return None
            values[f.name] = value
        return cls(**values)


def _encode(value: object, where: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, enum.Enum):
        value = value.value
    text = str(value)
    if SEPARATOR in text or (isinstance(value, str) and not text):
        raise ValueError(f"{where}: {text!r} cannot be packed")
    return text


def _decode(text: str, hint: Any) -> tuple[bool, Any]:
    args = typing.get_args(hint)
    if typing.get_origin(hint) in (typing.Union, types.UnionType) and type(None) in args:
        if text == "":
            return True, None
        (hint,) = [a for a in args if a is not type(None)]
    if hint is bool:
        return (True, text == "1") if text in ("0", "1") else (False, None)
    if hint is int:
        return (True, int(text)) if _DIGITS.fullmatch(text) else (False, None)
    if hint is str:
        return (True, text) if text else (False, None)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        try:
            return True, hint(text)
        except ValueError:
            return False, None
    raise TypeError(f"unsupported callback field type {hint!r}")
