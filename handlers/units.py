"""/donvi: the units an administrator manages, and changing them from chat: add a unit below
one's own, rename one, set the day from which its reports are tracked. Scope and audit are
checked and written in ``storage.units``."""

from __future__ import annotations

import re
from datetime import date, datetime, tzinfo

from bot.chat.context import Context
from bot.chat.messages import Reply
from bot.chat.routing import Router
from handlers.date_window import too_far_ahead, too_old
from handlers.reports.texts import fmt_day
from knowledge.deadlines.dateparse import DateParseError, parse_date_time
from knowledge.kb.normalize import fold
from storage.units import CHILD_LEVEL, LEVEL_LABELS, Unit, UnitError
from storage.users import Role

USAGE = (
    "Quản lý đơn vị:\n"
    "• /donvi them MÃ Tên đơn vị — thêm đơn vị cấp dưới đơn vị của anh/chị, ví dụ «/donvi them KV4 VKSND khu vực 4»\n"
    "• /donvi doiten MÃ Tên mới — đổi tên đơn vị\n"
    "• /donvi theodoi MÃ dd/mm/yyyy — theo dõi báo cáo của đơn vị từ ngày đó (kỳ có hạn trước ngày đó không tính trễ)"
)
# The first word after /donvi, folded ("thêm" → "them").
_ACTIONS = {"them": "add", "doiten": "rename", "theodoi": "track"}
_DAY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$|^(\d{4})-(\d{2})-(\d{2})$")


async def units(ctx: Context) -> list[Reply]:
    """/donvi [them|doiten|theodoi ...]."""
    if not ctx.args:
        return [await _listing(ctx)]
    action = _ACTIONS.get(fold(ctx.args[0]))
    if action is None:
        return [Reply(f"Không rõ thao tác «{ctx.args[0][:20]}».\n{USAGE}")]
    if action == "add":
        return [await _add(ctx, ctx.args[1:])]
    if len(ctx.args) < 3:
        return [Reply(USAGE)]
    unit = await ctx.repos.units.by_code(ctx.args[1])
    if unit is None or not await ctx.repos.units.in_scope(ctx.member.unit_id, unit.id):
        return [Reply(f"Không có đơn vị mã {ctx.args[1][:20]} trong phạm vi anh/chị quản lý. Gõ /donvi để xem mã.")]
    try:
        if action == "rename":
            changed = await ctx.repos.units.rename(ctx.member, unit.id, " ".join(ctx.args[2:]), ctx.now())
            return [Reply(f"Đã đổi tên đơn vị {changed.code}: «{unit.name}» → «{changed.name}».")]
        day = parse_day(" ".join(ctx.args[2:]))
        if day is None:
            return [Reply(day_problem(" ".join(ctx.args[2:])))]
        far = too_far_ahead(day, ctx.local_now().date()) or too_old(day, ctx.local_now().date(), "năm")
        if far:
            return [Reply(far)]
        changed = await ctx.repos.units.set_reports_from(ctx.member, unit.id, day, ctx.now())
    except UnitError as exc:
        return [Reply(str(exc))]
    return [
        Reply(
            f"Đã đặt: Trợ lý theo dõi báo cáo của {changed.name} từ {fmt_day(day)}. "
            "Kỳ có hạn trước ngày đó không bị tính trễ, không được nhắc."
        )
    ]


def day_problem(text: str) -> str:
    """What is wrong with a day ``parse_day`` refused: a day not on the calendar, or the form."""
    parts = _parts(text)
    if parts is not None:
        d, m, y = parts
        try:
            parse_date_time(f"{d:02d}/{m:02d}/{y:04d}", datetime(max(y, 1), 1, 1))  # year 0000: no datetime
        except DateParseError as exc:
            return f"{exc.message_vi} Ví dụ đúng: «/donvi theodoi KV1 01/01/2027»."
        return f"Ngày {text.strip()[:20]} không có trên lịch. Anh/chị ghi một ngày có thật, ví dụ «01/01/2027»."
    return "Ngày phải ghi dạng dd/mm/yyyy, ví dụ «/donvi theodoi KV1 01/01/2027»."


def _parts(text: str) -> tuple[int, int, int] | None:
    """Day, month and year of dd/mm/yyyy (or yyyy-mm-dd), not yet checked against the calendar."""
    match = _DAY.match(text.strip())
    if match is None:
        return None
    d, m, y = match.group(1, 2, 3) if match.group(1) else match.group(6, 5, 4)
    return int(d), int(m), int(y)


def parse_day(text: str) -> date | None:
    parts = _parts(text)
    if parts is None:
        return None
    d, m, y = parts
    try:
        return date(y, m, d)
    except ValueError:
        return None


async def _listing(ctx: Context) -> Reply:
    tz = ctx.services.settings.timezone
    tree = await ctx.repos.units.subtree(ctx.member.unit_id)
    lines = ["Các đơn vị anh/chị quản lý (mã — tên — theo dõi báo cáo từ):"]
    lines += [f"{u.code} — {u.name} — {_since(u, tz)}" for u in tree]
    return Reply("\n".join([*lines, "", USAGE]))


def _since(unit: Unit, tz: tzinfo) -> str:
    day = unit.tracked_from(tz)
    return f"{day:%d/%m/%Y}" if day != date.min else "không rõ"


async def _add(ctx: Context, words: list[str]) -> Reply:
    own = await ctx.repos.units.get(ctx.member.unit_id)
    assert own is not None
    level = CHILD_LEVEL.get(own.level)
    if level is None:
        return Reply(f"{own.name} là {LEVEL_LABELS[own.level]}, không có đơn vị cấp dưới.")
    if len(words) < 2:
        return Reply("Anh/chị gõ mã và tên đơn vị mới, ví dụ «/donvi them KV4 VKSND khu vực 4».")
    try:
        unit = await ctx.repos.units.add(
            words[0], " ".join(words[1:]), level, own.code, actor=ctx.member, now=ctx.now()
        )
    except UnitError as exc:
        return Reply(f"Chưa thêm được đơn vị: {exc}")
    return Reply(
        f"Đã thêm {unit.name} (mã {unit.code}, {LEVEL_LABELS[level]}) trực thuộc {own.name}.\n"
        f"Báo cáo của đơn vị được theo dõi từ hôm nay, {fmt_day(ctx.local_now().date())}.\n"
        f"Mời lãnh đạo đơn vị: /moi lanhdao {unit.code}"
    )


def register(router: Router) -> None:
    router.command(
        "donvi",
        units,
        min_role=Role.ADMIN,
        help="Đơn vị anh/chị quản lý; thêm, đổi tên, đặt ngày theo dõi báo cáo",
        usage="[them|doiten|theodoi …]",
    )
