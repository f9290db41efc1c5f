"""Hostile input through the real dispatcher and the adapters' parsing (issue 8, item 4).

Hypothesis generates what a careless phone, a copy-paste accident or a curious user sends:
random Unicode (lone surrogates included), NFD, zero-width, bidi and control characters,
texts of 10,000 characters, SQL- and HTML/Markdown-looking strings, numbers such as 1e309,
-0 and NaN, impossible dates, and forged button data (other units' ids, malformed, overlong).
Each message is sent in a conversation state that takes input (every registered state is
covered: see ``test_every_input_state_is_driven``), by a user of unit A, while unit B holds
records with distinctive marker strings.

Invariants, checked on every reply:
- no handler crashed (the dispatcher's error boundary answer counts as a failure);
- every reply has text, and the Telegram adapter's split keeps each part within 4096;
- nothing of unit B (its marker strings, its invite code) reaches a unit-A user;
- unit B's records are unchanged, and the database passes ``PRAGMA integrity_check``.
Each bug found this way keeps its input as an ``@example``.
"""

from __future__ import annotations

import io
import json
import os
import unicodedata
import zipfile
from collections.abc import AsyncIterator
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bot.adapters.console import ConsoleAdapter
from bot.adapters.telegram import MAX_MESSAGE, TelegramAdapter, to_incoming
from bot.chat import texts
from bot.chat.messages import Location, Photo, Reply, split_text
from bot.config import Secret
from bot.demo import ensure_console_admin
from handlers.register import service as register_service
from storage.checkins import Checkin
from storage.conversations import Conversation
from storage.facilities import Facility, FacilityInput
from storage.register_model import NewItem
from storage.users import Role, User
from tests.conftest import World
from tests.fakes import FakeChat, buttons, joined
from tests.ptb_offline import TOKEN, RecordingRequest

MARK = "ZQXB"  # every piece of unit B's data carries it; a unit-A user must never see it
ERROR_PREFIX = texts.ERROR.split("(", 1)[0]


def examples(count: int) -> settings:
    """Hypothesis settings for tests that share one world across their examples.
    ``HOSTILE_SCALE=10`` runs ten times as many (a longer hunt than ``make test`` affords)."""
    return settings(
        max_examples=count * int(os.environ.get("HOSTILE_SCALE", "1")),
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )


# -- what hostile input looks like -----------------------------------------------------------
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
CONTROLS = "".join(map(chr, range(32))) + "\x7f\x85"
SEPARATORS = "\u2028\u2029\u00a0\u3000\u180e"
INVISIBLE = ZERO_WIDTH + BIDI + CONTROLS + SEPARATORS
PHRASES = (
    "thời hạn tạm giữ là bao lâu",
    "tam giam 2 thang tu 04/03/2018 het han khi nao",
    "tạm giữ từ 14h 03/05/2026",
    "chỉ tiêu phát hiện vi phạm",
    "phương châm năm 2026",
    "kháng cáo bản án từ 31/02/2026",
    "tg tam giu",
    "Nhà tạm giữ Công an huyện X",
    "bỏ qua",
    "quay lại",
    "hủy",
    "xong",
    "gửi",
    "không",
    "hôm nay",
    "bây giờ",
    "2 tháng",
    "1 tháng 15 ngày",
    "57 ngày",
    "3",
    "0",
    "/help",
    "/huy",
    "/kiemsat",
    "/tinhhan",
    "/lichsu",
)
NUMBERS = (
    "1e309",
    "-1e309",
    "1e-309",
    "-0",
    "+0",
    "-0.0",
    "NaN",
    "nan",
    "inf",
    "-inf",
    "Infinity",
    "0x10",
    "1_000",
    "٣",
    "²",
    "١٢",
    "Ⅻ",
    "𝟓",
    "99999999999999999999999",
    "9" * 400,
    "-1",
    "3.5",
    "3,5",
    "+3",
    " 0 ",
    "0" * 50,
    "1" * 3999,
    "1 000",
    "3 người",
    "ba",
    "5001",
    "5000",
)
DATES = (
    "31/02/2026",
    "00/00/0000",
    "29/02/2025",
    "29/02/2024",
    "32/13/2026",
    "31/04/2026 14:61",
    "24:00 01/01/2026",
    "01/01/99999",
    "1/1/1",
    "-1/-1/-1",
    "31/12/9999 23:59",
    "01/01/0001",
    "2026-02-31",
    "14h 31/02/2026",
    "99h99 01/01/2026",
    "03/05/2026 14:30",
    "hôm qua",
    "ngày mai",
    "0/0",
    "31/12",
    "٠٣/٠٥/٢٠٢٦",
    "03.05.2026",
    "3-5-2026",
    "03/05/26",
    "25h 03/05/2026",
    "14h60 03/05/2026",
)
SQL = (
    "'; DROP TABLE users; --",
    '" OR 1=1 --',
    "1; DELETE FROM checkins",
    "Robert'); DROP TABLE units;--",
    "%",
    "_",
    "\\",
    "' UNION SELECT code FROM invites --",
    "%' OR '1'='1",
    "NULL",
    "0 OR 1=1",
)
MARKUP = (
    "<b>đậm</b>",
    "<script>alert(1)</script>",
    "*bold* _it_ `code` [link](http://x.y)",
    "```\ncode\n```",
    "&lt;&amp;&#0;",
    "||spoiler||",
    "<a href='tg://user?id=1'>x</a>",
    "__init__",
    "~~gạch~~",
    "\\*\\_",
    "{name} {0} %s %d {{}}",
    "${jndi:ldap://x}",
    "../../etc/passwd",
)
SPECIAL = NUMBERS + DATES + SQL + MARKUP


def _sprinkle(base: str, extras: list[str], positions: list[int]) -> str:
    out = list(base)
    for char, pos in zip(extras, positions, strict=False):
        out.insert(pos % (len(out) + 1), char)
    return "".join(out)


def _long(seed: str, length: int, lines: bool) -> str:
    unit = (seed or "x") + ("\n" if lines else " ")
    return (unit * (length // len(unit) + 1))[:length]


_any_char = st.one_of(st.characters(), st.characters(categories=["Cs"]), st.sampled_from(INVISIBLE))
_base = st.one_of(st.sampled_from(PHRASES), st.sampled_from(SPECIAL))
hostile_text = st.one_of(
    st.text(_any_char, max_size=40),
    st.sampled_from(SPECIAL),
    _base.map(lambda s: unicodedata.normalize("NFD", s)),
    _base.map(str.upper),
    st.builds(
        _sprinkle,
        _base,
        st.lists(st.sampled_from(INVISIBLE + "\ud800\udfff"), max_size=6),
        st.lists(st.integers(0, 80)),
    ),
    st.builds(lambda n, d: f"tạm giam {n} tháng từ {d}", st.sampled_from(NUMBERS), st.sampled_from(DATES)),
    st.builds(lambda d: f"tạm giữ từ {d} hết hạn khi nào", st.sampled_from(DATES)),
    st.builds(lambda d: f"kháng cáo bản án tuyên ngày {d}", st.sampled_from(DATES)),
    st.builds(
        _long, st.text(_any_char, min_size=1, max_size=6), st.sampled_from((3999, 4000, 4001, 10_000)), st.booleans()
    ),
    st.builds(lambda a, b: a + b, _base, st.text(_any_char, max_size=20)),
).filter(lambda s: MARK not in s)
hostile_float = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True), st.sampled_from((float("nan"), float("inf"), -0.0, 1e309, 90.0001))
)
hostile_photo = st.builds(
    Photo,
    st.one_of(st.text(_any_char, max_size=30), st.just("x" * 10_000)),
    st.one_of(st.none(), st.integers(-(2**70), 2**70)),
)
display_name = st.one_of(st.text(_any_char, min_size=1, max_size=64), st.sampled_from(SQL + MARKUP), st.just("N" * 300))
# Callback data as a forger would type it: known prefixes and actions, with hostile arguments.
PREFIX_ACTIONS = {
    "ks": (
        "f",
        "fp",
        "t",
        "vn",
        "vl",
        "vc",
        "pc",
        "e",
        "send",
        "skip",
        "back",
        "cancel",
        "ok",
        "resume",
        "new",
        "discard",
    ),
    "kh": ("v", "e", "d", "f", "k", "x"),
    "cs": ("c", "a", "u", "k", "s", "f", "v", "n", "d", "q", "x", "r"),
    "dl": ("p", "k", "c", "today", "tg0"),
    "dlr": ("0", "1", "2", "3"),
    "kb": ("tam_giu", "khong-co"),
    "kbc": ("thoi_han", "chi_tieu", "phuong_cham"),
    "tdo": ("<item_b>", "<item_a>"),
    "tda": ("<item_b>", "<item_a>"),
    "tdk": ("<item_b>", "<item_a>"),
    "tdl": ("m", "a", "s", "q"),
    "tdf": (
        "new",
        "kind",
        "category",
        "start",
        "save",
        "ext",
        "stage",
        "stage_today",
        "conv_cat",
        "assign",
        "rel_day",
        "cancel",
    ),
    "tdc": (),
    "usr": (),
    "usa": (),
    "usp": (),
    "inv": (),
    "zzz": (),
}
NASTY_ARGS = (
    "",
    "0",
    "-1",
    "1e309",
    "NaN",
    "²",
    "١٢",
    "99999999999999999999999",
    "9223372036854775808",
    "9223372036854775807",
    "x" * 80,
    "admin",
    "head",
    "staff",
    "0x1",
    " 1",
    "1 ",
    "hang_ngay",
    "daily",
    "weekly",
    "nha_tam_giu",
    "notes",
    "overdue",
    "violations",
    "summary",
    "facility",
    "it",
    "\ud800",
    "✓",
    "%",
    "'",
)


@dataclass(repr=False)
class Arena:
    """The world of conftest plus facilities, check-ins and marker data in unit B."""

    world: World
    fac_a: Facility
    fac_b: Facility
    checkin_a: int
    checkin_b: Checkin
    head_b: User
    invite_b: str
    markers: tuple[str, ...]
    item_a: int = 0
    item_b: int = 0

    @property
    def app(self) -> Any:
        return self.world.app

    def tokens(self) -> dict[str, str]:
        w = self.world
        ids = {
            "fac_b": self.fac_b.id,
            "checkin_b": self.checkin_b.id,
            "head_b": self.head_b.id,
            "staff_b": w.staff_b.id,
            "admin_b": w.admin_b.id,
            "unit_b": w.staff_b.unit_id,
            "fac_a": self.fac_a.id,
            "checkin_a": self.checkin_a,
            "staff_a": w.staff_a.id,
            "head_a": w.head_a.id,
            "admin_a": w.admin_a.id,
            "unit_a": w.staff_a.unit_id,
            "unit_p": w.province_admin.unit_id,
            "draft_b": self.checkin_b.draft_id,
            "item_a": self.item_a,
            "item_b": self.item_b,
        }
        return {f"<{name}>": str(value) for name, value in ids.items()}

    def chat(self, user: User) -> FakeChat:
        return self.world.chat(user)

    def __repr__(self) -> str:
        return "Arena()"


async def _submit(chat: FakeChat, facility: Facility, notes: str, violation: str, requests: str) -> None:
    for step in (
        "/huy",
        "/kiemsat",
        f"@ks:f:{facility.id}",
        "@ks:t:dot_xuat",
        "7",
        "5",
        "1",
        "2",
        "1",
        "@ks:vl",
        violation,
        "@ks:ok",
        requests,
        "@ks:skip",
        "@ks:skip",
        notes,
    ):
        await (chat.press(step[1:]) if step.startswith("@") else chat.send(step))
    send = next(data for _, data in buttons(chat.history[-1][1]) if data.startswith("ks:send:"))
    assert "Đã gửi phiếu" in joined(await chat.press(send))


@pytest.fixture
async def arena(world: World) -> AsyncIterator[Arena]:
    app = world.app
    repos = app.repos
    fac_a = await repos.facilities.add(world.admin_a, FacilityInput("Nhà tạm giữ Công an khu vực A", "nha_tam_giu"))
    fac_b = await repos.facilities.add(
        world.admin_b, FacilityInput(f"Nhà tạm giữ {MARK}-FAC", "nha_tam_giu", f"{MARK}-ADDR")
    )
    head_b = await repos.users.create("test", "head-b", f"{MARK}-USER", world.staff_b.unit_id, Role.HEAD)
    await _submit(world.chat(world.staff_b), fac_b, f"{MARK}-NOTE", f"{MARK}-VIOL", f"{MARK}-REQ")
    await _submit(world.chat(world.staff_a), fac_a, "Ghi chú A", "Vi phạm A", "Kiến nghị A")
    assert "chưa có thông tin" in await world.chat(world.staff_b).text(f"{MARK}-QUESTION về lương hưu")
    invite = await repos.invites.create(world.staff_b.unit_id, Role.ADMIN, created_by=None, ttl=timedelta(days=7))
    [checkin_b] = await repos.checkins.recent(head_b)
    [checkin_a] = await repos.checkins.recent(world.staff_a)
    item_b = await _track(app, world.staff_b, f"{MARK}-REG")
    item_a = await _track(app, world.staff_a, "Theo dõi A")
    yield Arena(
        world,
        fac_a,
        fac_b,
        checkin_a.id,
        checkin_b,
        head_b,
        invite.code,
        (MARK, invite.code, invite.code.replace("-", "")),
        item_a,
        item_b,
    )
    assert await app.db.integrity_ok()
    assert await app.db.fetchall("PRAGMA foreign_key_check") == []
    after = await repos.checkins.get_in_scope(head_b, checkin_b.id)
    assert after == checkin_b, "unit B's check-in changed"
    assert await repos.facilities.get_in_scope(head_b, fac_b.id) == fac_b, "unit B's facility changed"
    for user in (head_b, world.staff_b, world.admin_b):
        assert await repos.users.get(user.id) == user, "a unit-B user changed"


# -- invariants ------------------------------------------------------------------------------
def _payload(reply: Reply) -> str:
    """Everything a user sees of a reply: text, button labels, and attached files' contents."""
    parts = [reply.text, *(b.text for b in reply.flat_buttons)]
    for attachment in (reply.file, reply.photo):
        if attachment is None:
            continue
        data = attachment.data
        if data[:2] == b"PK":  # XLSX: a zip of XML files
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                parts += [archive.read(name).decode("utf-8", "replace") for name in archive.namelist()]
        else:
            parts.append(data.decode("utf-8", "replace"))
    return "\n".join(parts)


def check(replies: list[Reply], sent: object, markers: tuple[str, ...] = ()) -> None:
    assert replies, f"no reply to {sent!r}"
    for r in replies:
        assert not r.text.startswith(ERROR_PREFIX), f"a handler crashed on {sent!r}"
        assert r.text.strip(), f"empty reply to {sent!r}"
        for part in split_text(r.text, MAX_MESSAGE):
            assert 0 < len(part) <= MAX_MESSAGE and part.strip(), f"bad message part for {sent!r}"
        for b in r.flat_buttons:
            assert b.text.strip(), f"empty button label in the reply to {sent!r}"
        payload = _payload(r)
        for marker in markers:
            assert marker not in payload, f"unit B's {marker!r} shown for {sent!r}: {payload[:300]!r}"


async def say(arena: Arena, user: User, message: str | Location | Photo, *, press: bool = False) -> list[Reply]:
    """Send one message (text, button data, location or photo) and check the invariants."""
    chat = arena.chat(user)
    if isinstance(message, Location):
        replies = await chat.send_location(message.latitude, message.longitude)
    elif isinstance(message, Photo):
        replies = await chat.send_incoming(photos=(message,))
    elif press:
        replies = await chat.press(message)
    else:
        replies = await chat.send(message)
    in_unit_b = user.unit_id == arena.world.staff_b.unit_id or user.id == arena.world.province_admin.id
    check(replies, message, () if in_unit_b else arena.markers)
    return replies


# -- driving a user into each state that takes input ----------------------------------------
CHECKIN_PATH = (
    "/kiemsat",
    "@ks:f:{fac_a}",
    "@ks:t:hang_ngay",
    "3",
    "2",
    "1",
    "0",
    "0",
    "@ks:vl",
    "Vi phạm mẫu",
    "@ks:ok",
    "@ks:skip",
    "@ks:skip",
    "@ks:skip",
    "@ks:skip",
)
CHECKIN_STEPS = (
    "facility",
    "kind",
    "held_tam_giu",
    "held_tam_giam",
    "admitted",
    "released",
    "overdue",
    "violations",
    "violation_items",
    "requests",
    "location",
    "photos",
    "notes",
    "summary",
)
# state -> (who, path); a path is followed until the conversation is in the state.
PATHS: dict[str, tuple[str, tuple[str, ...]]] = {
    **{f"ks.{step}": ("staff_a", CHECKIN_PATH) for step in CHECKIN_STEPS},
    "ks.offer": ("staff_a", ("/kiemsat", "@ks:f:{fac_a}", "/kiemsat")),
    "dl.category": ("staff_a", ("/tinhhan", "@dl:k:truy_to")),
    "dl.length": ("staff_a", ("/tinhhan", "@dl:k:tam_giam")),
    "dl.start": ("staff_a", ("/tinhhan", "@dl:k:tam_giu")),
    "dl.start/date": ("staff_a", ("/tinhhan", "@dl:k:khang_cao_ban_an")),
    "dl.tg": ("staff_a", ("/tinhhan", "@dl:k:tam_giam", "2 tháng", "@dl:today")),
    "dl.stage": ("staff_a", ("/tinhhan", "@dl:k:tam_giam_phuc_tham", "01/03/2026")),
    "dl.decision": ("staff_a", ("/tinhhan", "@dl:k:xet_xu_rut_gon", "01/03/2026")),  # the hearing's decision
    "dl.returned": ("staff_a", ("tạm giam điều tra bổ sung từ 01/11/2026",)),  # who returned the file?
    # Drafts stored by the calculator's earlier engine (its own states, the draft under "dl").
    "dl_length": ("staff_a", ('=dl_length {"dl": {"kind": "tam_giam"}}',)),
    "dl_start": ("staff_a", ('=dl_start {"dl": {"kind": "tam_giu"}}',)),
    "dl_tg": ("staff_a", ('=dl_tg {"dl": {"kind": "tam_giam", "months": 2, "days": 0, "start": "2026-03-01"}}',)),
    "kh.value": ("staff_a", ("@kh:f:{checkin_a}:notes",)),
    "kh.value/count": ("staff_a", ("@kh:f:{checkin_a}:admitted",)),
    "kh.value/violations": ("staff_a", ("@kh:f:{checkin_a}:violations",)),
    "kh.reason": ("head_a", ("@kh:d:{checkin_a}",)),
    "cs.unit": ("province_admin", ("@cs:a",)),
    "cs.name": ("head_a", ("@cs:a",)),
    "cs.kind": ("head_a", ("@cs:a", "Nhà tạm giữ mới")),
    "cs.address": ("head_a", ("@cs:a", "Nhà tạm giữ mới", "@cs:k:nha_tam_giu")),
    "cs.freq": ("head_a", ("@cs:a", "Nhà tạm giữ mới", "@cs:k:nha_tam_giu", "@cs:s")),
    "cs.value": ("head_a", ("@cs:n:{fac_a}",)),
    "cs.value/address": ("head_a", ("@cs:d:{fac_a}",)),
    "tdf.kind": ("staff_a", ("/theodoi_moi",)),
    "tdf.category": ("staff_a", ("/theodoi_moi", "@tdf:kind:dieu_tra")),
    "tdf.start": ("staff_a", ("/theodoi_moi", "@tdf:kind:tam_giu", "@tdf:anqg:0")),
    "tdf.anqg": ("staff_a", ("/theodoi_moi", "@tdf:kind:tam_giam", "@tdf:category:nghiem_trong")),
    "tdf.length": (
        "staff_a",
        ("/theodoi_moi", "@tdf:kind:tam_giam", "@tdf:category:nghiem_trong", "@tdf:anqg:0", "01/03/2026"),
    ),
    "tdf.deduct": (
        "staff_a",
        ("/theodoi_moi", "@tdf:kind:tam_giam", "@tdf:category:nghiem_trong", "@tdf:anqg:0", "01/03/2026", "2 tháng"),
    ),
    "tdf.stage_start": (
        "staff_a",
        ("/theodoi_moi", "@tdf:kind:tam_giam_truy_to", "@tdf:category:nghiem_trong", "01/03/2026"),
    ),
    "tdf.order": (
        "staff_a",
        ("/theodoi_moi", "@tdf:kind:tam_giam_truy_to", "@tdf:category:nghiem_trong", "01/03/2026", "28/02/2026"),
    ),
    "tdf.label": ("staff_a", ("/theodoi_moi", "@tdf:kind:tam_giu", "@tdf:anqg:0", "10h 01/03/2026")),
    "tdf.case": ("staff_a", ("/theodoi_moi", "@tdf:kind:tam_giu", "@tdf:anqg:0", "10h 01/03/2026", "A1")),
    "tdf.confirm": ("staff_a", ("/theodoi_moi", "@tdf:kind:tam_giu", "@tdf:anqg:0", "10h 01/03/2026", "A1", "bỏ qua")),
    # Drafts stored by the register's earlier engine (its own states, the draft under "td").
    **{
        f"td_{step}": ("staff_a", (f'=td_{step} {{"td": {{"kind": "tam_giam", "category": "nghiem_trong"}}}}',))
        for step in ("kind", "category", "start", "length", "deduct", "label", "case")
    },
    "tde_len": ("staff_a", ("@tda:{item_a}:gh",)),
    "tde_start": ("staff_a", ("@tda:{item_a}:gd", "@tdf:stage:truy_to")),
    "tde_pick": ("staff_a", ("@tda:{item_a}:gd",)),  # a choice asked with buttons only
    "tde_day": ("staff_a", ("@tda:{item_a}:gh", "@tdf:ext:max")),  # «Tối đa»: the decision's day (extension_day.py)
    "tde_release": ("staff_a", ("@tda:{item_a}:tt",)),  # «Trả tự do»: its day (release_day.py)
    "tde_reason": ("head_a", ("@tda:{item_a}:gh", "@tdf:ext:max", "@tdf:ext_noday:1", "@tda:{item_a}:xo")),
    # A stage's extension decision (stage_decision.py): its draft as the card's button leaves it.
    **{
        state: ("staff_a", (f'={state} {{"tde": {{"item": {{item_a}}, "version": 1, "act": "gg"}}}}',))
        for state in ("tde_dec_len", "tde_dec_day")
    },
    # The summary procedure cancelled (summary.py): its draft at each step, as the earlier answers leave it.
    "tde_sc_day": (
        "staff_a",
        ('=tde_sc_day {"tde": {"item": {item_a}, "version": 1, "act": "hb", "to": "dieu_tra"}}',),
    ),
    "tde_sc_cat": (
        "staff_a",
        (
            '=tde_sc_cat {"tde": {"item": {item_a}, "version": 1, "act": "hb", "to": "dieu_tra", '
            '"decided_on": "2026-03-01"}}',
        ),
    ),
    "tde_sc_start": (
        "staff_a",
        (
            '=tde_sc_start {"tde": {"item": {item_a}, "version": 1, "act": "hb", "to": "tam_giam", '
            '"decided_on": "2026-03-01", "category": "nghiem_trong"}}',
        ),
    ),
    "tde_sc_len": (
        "staff_a",
        (
            '=tde_sc_len {"tde": {"item": {item_a}, "version": 1, "act": "hb", '
            '"to": "tam_giam_truy_to", "decided_on": "2026-03-01", "category": "nghiem_trong", "start": "2026-03-01"}}',
        ),
    ),
    "tdn_file": ("head_a", ("/theodoi_nhap",)),
    "-": ("staff_a", ()),  # no state: free text is a question or a deadline
}
TEXT_STATES = sorted(PATHS)


async def restore(arena: Arena) -> None:
    """Undo what earlier examples may have done to unit A (a forged press can lock a user,
    deactivate the facility or delete the check-in the paths rely on)."""
    w, repos = arena.world, arena.app.repos
    for user in (w.staff_a, w.head_a, w.admin_a):
        current = await repos.users.get(user.id)
        assert current is not None and current.unit_id == user.unit_id
        if current.role is not user.role:
            await repos.users.set_role(w.province_admin, user.id, user.role)
        if not current.active:
            await repos.users.set_active(w.province_admin, user.id, True)
    facility = await repos.facilities.get_in_scope(w.admin_a, arena.fac_a.id)
    if facility is not None and not facility.active:
        await repos.facilities.update(w.admin_a, arena.fac_a.id, active=True)
    checkin = await repos.checkins.get_in_scope(w.head_a, arena.checkin_a)
    if checkin is None or checkin.deleted_at is not None:
        await _submit(arena.chat(w.staff_a), arena.fac_a, "Ghi chú A", "Vi phạm A", "Kiến nghị A")
        [latest, *_] = await repos.checkins.recent(w.staff_a)
        arena.checkin_a = latest.id
    item = await repos.register.get(w.staff_a, arena.item_a)
    if item is None or item.closed_at is not None or len(item.live_events) > 1:  # fresh: no extension used
        arena.item_a = await _track(arena.app, w.staff_a, "Theo dõi A")


async def _track(app: Any, user: User, label: str) -> int:
    """A tracked investigation stage (the register) of the user's unit."""
    start = {"kind": "dieu_tra", "start": "2026-03-01", "category": "nghiem_trong"}
    item = NewItem(user.unit_id, label, user.id, start)
    now, tz = app.services.clock.now(), app.services.settings.timezone
    (item_id,) = await register_service.create(app.repos, user, [item], now, tz)
    return item_id


async def enter(arena: Arena, target: str) -> User:
    """Bring the target state's user into it through real messages; returns the user."""
    who, path = PATHS[target]
    state = target.split("/", 1)[0]
    user: User = getattr(arena.world, who)
    await restore(arena)
    await say(arena, user, "/huy")
    # /huy cancels the form in progress only: forms an earlier example set aside are kept
    # (bot/chat/drafts.py), so the user starts from an empty conversation.
    key = (user.platform, user.platform_user_id, user.platform_user_id)
    await arena.app.repos.conversations.save(*key, Conversation())
    if state == "-":
        return user
    values = {"fac_a": arena.fac_a.id, "checkin_a": arena.checkin_a, "item_a": arena.item_a}
    for step in path:
        if step.startswith("="):  # a conversation as an earlier version stored it: "=<state> <data json>"
            state_name, _, data = step[1:].partition(" ")
            data = data.replace("{item_a}", str(arena.item_a))  # the JSON's braces are not a format
            key = (user.platform, user.platform_user_id, user.platform_user_id)
            await arena.app.repos.conversations.save(*key, Conversation(state_name, json.loads(data)))
        else:
            step = step.format(**values)
            await say(arena, user, step[1:] if step.startswith("@") else step, press=step.startswith("@"))
        if await current_state(arena, user) == state:
            return user
    raise AssertionError(f"the path for {target} ended in {await current_state(arena, user)!r}")


async def current_state(arena: Arena, user: User) -> str | None:
    conversation = await arena.app.repos.conversations.load(user.platform, user.platform_user_id, user.platform_user_id)
    return conversation.state


def test_every_input_state_is_driven(router_states: list[str]) -> None:
    """A new conversation state is covered here automatically, or this fails until it is."""
    driven = {name.split("/", 1)[0] for name in PATHS}
    assert set(router_states) <= driven, f"states without a hostile-input driver: {set(router_states) - driven}"


@pytest.fixture
def router_states(world: World) -> list[str]:
    return list(world.app.services.router.states)


# -- the tests -------------------------------------------------------------------------------
message_in_a_state = st.one_of(
    hostile_text, hostile_text, hostile_text, st.builds(Location, hostile_float, hostile_float), hostile_photo
)


@examples(220)
@given(target=st.sampled_from(TEXT_STATES), messages=st.lists(message_in_a_state, min_size=1, max_size=4))
@example(target="-", messages=["bad\ud800surrogate"])
@example(target="ks.notes", messages=["ghi chú \udfff"])
@example(target="ks.location", messages=[Location(float("nan"), float("inf"))])
@example(target="ks.photos", messages=[Photo("x" * 10_000, -(2**70))])
@example(target="kh.value/count", messages=["9" * 400, "1e309", "-0"])
@example(target="dl.start", messages=["31/02/2026 14:00", "00/00/0000", "24:00 01/01/2026"])
@example(target="cs.name", messages=["\u200b\u200b", "<b>x</b>' OR 1=1 --"])
@example(target="tde_sc_start", messages=["31/02/2026", "28/02/2026", "01/01/9999"])
@example(target="tde_sc_len", messages=["0 ngày", "99 tháng", "bỏ qua"])
@example(target="tde_sc_day", messages=["01/01/1900", "mai", "\x00"])
async def test_hostile_text_in_every_state(arena: Arena, target: str, messages: list[Any]) -> None:
    user = await enter(arena, target)
    state = target.split("/", 1)[0]
    for message in messages:
        if (await current_state(arena, user) or "-") != state:
            user = await enter(arena, target)
        await say(arena, user, message)


forged_callback = st.one_of(
    st.builds(
        lambda prefix, args: ":".join([prefix, *args]),
        st.sampled_from(sorted(PREFIX_ACTIONS)),
        st.lists(st.sampled_from(NASTY_ARGS) | st.text(_any_char, max_size=8), max_size=3),
    ),
    st.text(_any_char, max_size=80),
    st.just("x" * 1000),
)
# Real record ids, filled in at run time: unit B's first, then unit A's and the units'.
ID_TOKENS = (
    "<item_a>",
    "<item_b>",
    "<fac_b>",
    "<checkin_b>",
    "<head_b>",
    "<staff_b>",
    "<admin_b>",
    "<unit_b>",
    "<fac_a>",
    "<checkin_a>",
    "<staff_a>",
    "<head_a>",
    "<admin_a>",
    "<unit_a>",
    "<unit_p>",
    "<draft_b>",
)


@st.composite
def forged(draw: st.DrawFn) -> str:
    """Callback data built from real actions and real ids, or garbage."""
    prefix = draw(st.sampled_from(sorted(PREFIX_ACTIONS)))
    actions = PREFIX_ACTIONS[prefix]
    parts = [prefix]
    if actions:
        parts.append(draw(st.sampled_from(actions)))
    parts += draw(st.lists(st.sampled_from(ID_TOKENS) | st.sampled_from(NASTY_ARGS), max_size=3))
    return draw(st.one_of(st.just(":".join(parts)), forged_callback))


@examples(250)
@given(
    target=st.sampled_from(TEXT_STATES),
    actor=st.sampled_from(("staff_a", "head_a", "admin_a")),
    presses=st.lists(forged(), min_size=1, max_size=4),
)
@example(target="-", actor="admin_a", presses=["kh:v:99999999999999999999999", "usp:99999999999999999999"])
@example(target="-", actor="admin_a", presses=["kh:v:²", "usr:²", "dl:p:²", "kbc:thoi_han:²", "\ud800:1"])
@example(target="ks.facility", actor="staff_a", presses=["ks:f:9223372036854775808", "ks:f:<fac_b>"])
@example(target="cs.value", actor="head_a", presses=["cs:v:99999999999999999999999", "cs:x:<fac_b>"])
@example(target="-", actor="admin_a", presses=["usa:<staff_b>:0", "inv:<unit_b>:admin", "usr:<head_b>:staff"])
@example(target="ks.summary", actor="staff_a", presses=["ks:send:<draft_b>", "kh:e:<checkin_b>"])
@example(target="ks.summary", actor="staff_a", presses=["ks:send:\ud800"])  # crashed the draft lookup
@example(target="tdf.anqg", actor="staff_a", presses=["ks:resume"])  # another form's data read as a check-in draft
async def test_forged_callbacks_in_every_state(arena: Arena, target: str, actor: str, presses: list[str]) -> None:
    user = await enter(arena, target)
    user = getattr(arena.world, actor)
    for press in presses:
        for token, value in arena.tokens().items():
            press = press.replace(token, value)
        await say(arena, user, press, press=True)


admin_command = st.sampled_from(("/moi", "/nguoidung", "/xuat", "/hoi", "/start", "/donvi", "/help", "/homnay"))


@examples(200)
@given(
    actor=st.sampled_from(("staff_a", "head_a", "admin_a")),
    command=admin_command,
    args=st.lists(hostile_text | st.sampled_from(("canbo", "lanhdao", "quantri", "A", "B", "P", "csv")), max_size=3),
)
@example(actor="admin_a", command="/nguoidung", args=["99999999999999999999"])
@example(actor="admin_a", command="/nguoidung", args=["²"])
@example(actor="head_a", command="/xuat", args=["2026-03", "csv"])
@example(actor="admin_a", command="/moi", args=["quantri", "B"])
async def test_commands_with_hostile_arguments(arena: Arena, actor: str, command: str, args: list[str]) -> None:
    user = getattr(arena.world, actor)
    await restore(arena)
    await say(arena, user, "/huy")
    # /huy cancels the form in progress only: forms an earlier example set aside are kept
    # (bot/chat/drafts.py), so the user starts from an empty conversation.
    key = (user.platform, user.platform_user_id, user.platform_user_id)
    await arena.app.repos.conversations.save(*key, Conversation())
    await say(arena, user, " ".join([command, *args]))


@examples(150)
@given(messages=st.lists(hostile_text | forged_callback.map(lambda d: "@" + d), min_size=1, max_size=4))
@example(messages=["/start \ud800", "@inv:1:admin", "/start " + "A" * 5000])
async def test_unregistered_users_get_polite_refusals(arena: Arena, messages: list[str]) -> None:
    stranger = FakeChat(arena.app.dispatcher, "stranger", display_name="\ud800" + "N" * 300)
    for message in messages:
        replies = await (stranger.press(message[1:]) if message.startswith("@") else stranger.send(message))
        check(replies, message, arena.markers)
    assert await arena.app.repos.users.by_platform("test", "stranger") is None


_registrations = iter(range(10**9))


@examples(60)
@given(name=st.one_of(display_name, st.just("")))
@example(name="\ud800Nguyễn")
@example(name="\u200b\x00\u202e")
async def test_registration_with_a_hostile_display_name(arena: Arena, name: str) -> None:
    """The platform's display name is input too: it is stored and shown to administrators."""
    invite = await arena.app.repos.invites.create(
        arena.world.staff_a.unit_id, Role.STAFF, created_by=None, ttl=timedelta(days=1)
    )
    newcomer = FakeChat(arena.app.dispatcher, f"new-{next(_registrations)}", display_name=name)
    replies = await newcomer.send(f"/start {invite.code}")
    check(replies, name, arena.markers)
    assert "Đăng ký thành công" in joined(replies)
    user = await arena.app.repos.users.by_platform("test", newcomer.user_id)
    assert user is not None
    admin = arena.world.admin_a
    await restore(arena)
    listed: list[str] = []
    page = 1
    while page:  # every page of /nguoidung, following its "Trang sau" button
        shown = [data for _, data in buttons(await say(arena, admin, f"/nguoidung {page}"))]
        listed += shown
        page = page + 1 if f"usp:{page + 1}" in shown else 0
    assert f"usr:{user.id}" in listed
    await say(arena, admin, f"usr:{user.id}", press=True)


# -- the adapters' parsing ---------------------------------------------------------------------
TG_USER = 7_000_001


@pytest.fixture
async def telegram(arena: Arena) -> AsyncIterator[tuple[TelegramAdapter, RecordingRequest]]:
    repos = arena.app.repos
    await repos.users.create("telegram", str(TG_USER), "Cán bộ Telegram", arena.world.staff_a.unit_id, Role.STAFF)
    request = RecordingRequest()
    tg_settings = replace(arena.app.services.settings, telegram_token=Secret(TOKEN))
    adapter = TelegramAdapter(arena.app.dispatcher, tg_settings, request=request)
    await adapter.application.initialize()
    yield adapter, request
    await adapter.application.shutdown()


_update_ids = iter(range(10**6, 10**9))
tg_name = display_name.filter(bool)


@st.composite
def telegram_update(draw: st.DrawFn) -> dict[str, Any]:
    """A Bot API update dict as Telegram (or someone posting to the webhook) might send it."""
    user = {
        "id": draw(st.sampled_from((TG_USER, 2**52, 1))),
        "is_bot": draw(st.booleans() | st.just(False)),
        "first_name": draw(tg_name),
    }
    if draw(st.booleans()):
        user["last_name"] = draw(tg_name)
    chat = {"id": user["id"], "type": draw(st.sampled_from(("private", "private", "group", "supergroup", "channel")))}
    message: dict[str, Any] = {"message_id": 1, "date": 1_772_413_200, "chat": chat, "from": user}
    kind = draw(st.sampled_from(("text", "text", "caption", "location", "photo", "sticker", "callback", "empty")))
    if kind == "text":
        message["text"] = draw(hostile_text.filter(bool))
        if message["text"].startswith("/"):
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": draw(st.integers(0, 5000))}]
    elif kind == "caption":
        message["caption"] = draw(hostile_text)
        message["photo"] = [{"file_id": "p", "file_unique_id": "u", "width": 1, "height": 1}]
    elif kind == "location":
        message["location"] = {"latitude": draw(hostile_float), "longitude": draw(hostile_float)}
    elif kind == "photo":
        size = draw(st.one_of(st.none(), st.integers(-(2**63), 2**63)))
        message["photo"] = [
            {
                "file_id": draw(st.text(_any_char, max_size=20)),
                "file_unique_id": "u",
                "width": 1,
                "height": 1,
                **({"file_size": size} if size is not None else {}),
            }
        ]
    elif kind == "sticker":
        message["sticker"] = {
            "file_id": "s",
            "file_unique_id": "s",
            "type": "regular",
            "width": 1,
            "height": 1,
            "is_animated": False,
            "is_video": False,
        }
    update: dict[str, Any] = {"update_id": next(_update_ids)}
    if kind == "callback":
        data = draw(st.one_of(forged_callback, st.just("kh:v:1"), st.none()))
        query = {"id": "q", "from": user, "chat_instance": "c", "message": message | {"text": "Chọn:"}}
        if data is not None:
            query["data"] = data
        update["callback_query"] = query
    else:
        update["message"] = message
    return update


@examples(120)
@given(update=telegram_update())
@example(
    update={
        "update_id": 1,
        "message": {
            "message_id": 1,
            "date": 0,
            "text": "a\ud800b",
            "chat": {"id": TG_USER, "type": "private"},
            "from": {"id": TG_USER, "is_bot": False, "first_name": "\ud800"},
        },
    }
)
async def test_telegram_updates_with_hostile_fields(
    arena: Arena, telegram: tuple[TelegramAdapter, RecordingRequest], update: dict[str, Any]
) -> None:
    from telegram import Update

    adapter, request = telegram
    parsed = Update.de_json(update, adapter.application.bot)
    assert parsed is not None
    incoming = to_incoming(parsed)
    if incoming is None:
        return
    assert incoming.platform == "telegram" and incoming.user_id == str(update_user(update)["id"])
    request.clear()
    await adapter._on_update(parsed, None)  # type: ignore[arg-type]  # errors propagate here, unlike PTB's loop
    sent = request.sent("sendMessage")
    assert sent, f"no answer to {update!r}"
    for call in sent:
        assert 0 < len(call.text) <= MAX_MESSAGE and call.text.strip()
        assert not call.text.startswith(ERROR_PREFIX), f"a handler crashed on {update!r}"
        if str(update_user(update)["id"]) == str(TG_USER):
            for marker in arena.markers:
                assert marker not in call.text


def update_user(update: dict[str, Any]) -> dict[str, Any]:
    return (update.get("message") or update["callback_query"])["from"]


@examples(40)
@given(lines=st.lists(hostile_text | st.sampled_from(("1", "2", "99", "/moi", "/kiemsat")), min_size=1, max_size=8))
async def test_console_lines(arena: Arena, lines: list[str]) -> None:
    """Whatever is typed (line separators inside a line included), every line gets a reply."""
    await ensure_console_admin(arena.app.repos)
    typed = [line.replace("\n", " ").replace("\r", " ") for line in lines]
    stdout = io.StringIO()
    await ConsoleAdapter(arena.app.dispatcher, io.StringIO("".join(f"{t}\n" for t in typed)), stdout).run()
    output = stdout.getvalue()
    assert ERROR_PREFIX not in output
    blocks = [b for b in output.split("\n\n") if b.strip()]
    assert len(blocks) >= len(typed), (typed, output[:500])
