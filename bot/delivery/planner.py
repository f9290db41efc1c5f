"""The reminder planner: turns the report configuration, the calendar and the database into
outbox rows — reminders to units' heads, the province's escalation summaries and the heads'
morning digests.

It plans the moments that fell in (planned-until, now]: the database remembers how far it
has planned, so after a restart every moment missed while the process was down is planned
once, in order. Every row has a unique key (report, period, unit, recipient, moment), so
planning the same moment twice queues nothing twice. Of several reminders of one report
period missed during downtime only the latest is sent (the others are recorded as
skipped: three reminders at once help nobody); a reminder that is no longer useful (after
the due day plus the grace window) is recorded as skipped.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from bot.clock import local
from handlers.checkin.due import Due, due_status
from handlers.register.digest import RegisterDigest
from handlers.register.digest import section as register_section
from handlers.reports.texts import digest_text, escalation_buttons, escalation_text
from handlers.reports.texts import reminder_message as build_reminder
from knowledge.reports.config import ReportBook, Schedule
from storage.db import parse_utc
from storage.outbox import NewMessage
from storage.reports import Reminder
from storage.repositories import Repositories
from storage.units import Unit
from storage.users import User

logger = logging.getLogger(__name__)

MARK = "planned_until"
SUPERSEDED = "đã có lần nhắc mới hơn"
STALE = "quá thời điểm còn hữu ích (trợ lý không chạy vào lúc đó)"
ESCALATION_USEFUL = timedelta(days=7)
DIGEST_USEFUL = timedelta(hours=4)


@dataclass(slots=True)
class PlanResult:
    reminders: int = 0
    skipped: int = 0
    escalations: int = 0
    digests: int = 0

    @property
    def total(self) -> int:
        return self.reminders + self.skipped + self.escalations + self.digests


def province_of(unit: Unit, units: dict[int, Unit]) -> Unit | None:
    """The nearest unit at province level at or above ``unit``."""
    current: Unit | None = unit
    for _ in range(10):
        if current is None:
            return None
        if current.level == "tinh":
            return current
        current = units.get(current.parent_id) if current.parent_id is not None else None
    return None


class Planner:
    def __init__(self, repos: Repositories, book: ReportBook, tz: tzinfo) -> None:
        self.repos = repos
        self.book = book
        self.tz = tz

    async def plan(self, now: datetime) -> PlanResult:
        """Queue everything due in (planned-until, now]; the first run starts planning from now."""
        since = await self.repos.reports.mark(MARK)
        result = PlanResult()
        if since is None or now <= since:
            if since is None:
                await self.repos.reports.set_mark(MARK, now)
            return result
        units = {u.id: u for u in await self.repos.units.all()}
        recipients = await self.repos.reports.recipients_by_unit()
        reminders: list[Reminder] = []
        lookback = max((now - since).days + 5, 70)
        today = local(now, self.tz).date()
        for schedule in self.book.config.schedules_around(today, self.book.calendar, self.tz, days=lookback):
            due_now = [m for m in schedule.reminders if since < m.at <= now]
            escalate = since < schedule.escalation.at <= now
            if not due_now and not escalate:
                continue
            # A unit tracks only the periods due on or after its "tracked from" day.
            applicable = [
                u
                for u in units.values()
                if schedule.report.applies(u.code, u.level) and u.tracks(schedule.due, self.tz)
            ]
            sent = await self.repos.reports.for_period(schedule.report.code, schedule.period.key)
            missing = [u for u in applicable if u.id not in sent]
            for unit in missing:
                for moment in due_now:
                    reason = (
                        SUPERSEDED if moment is not due_now[-1] else STALE if now >= schedule.useful_until else None
                    )
                    for user in recipients.get(unit.id, []):
                        reminders.append(
                            build_reminder(
                                schedule,
                                unit,
                                user,
                                moment,
                                local(moment.at, self.tz).date(),
                                example=self.book.config.example,
                                skip_reason=reason,
                            )
                        )
            if escalate:
                result.escalations += await self._escalate(schedule, applicable, missing, units, recipients, now)
        for r in reminders:
            if r.message.skip_reason:
                result.skipped += 1
            else:
                result.reminders += 1
        created = await self.repos.reports.queue_reminders(reminders, now) if reminders else 0
        if created != len(reminders):
            # Keys that existed already (a re-plan after a crash, /thu_nhac) or a "sent" mark that won.
            logger.info(
                "planner: %d of %d reminders were already queued or no longer needed",
                len(reminders) - created,
                len(reminders),
            )
        result.digests = await self._digests(since, now, recipients)
        await self.repos.reports.set_mark(MARK, now)
        if result.total:
            logger.info("planner: %s", result)
        return result

    async def _escalate(
        self,
        schedule: Schedule,
        applicable: list[Unit],
        missing: list[Unit],
        units: dict[int, Unit],
        recipients: dict[int, list[User]],
        now: datetime,
    ) -> int:
        """One summary per province to its heads and admins, listing its units that have not sent."""
        today = local(now, self.tz).date()
        late_days = max((today - schedule.due).days, 1)
        by_province: dict[int, tuple[Unit, list[Unit], int]] = {}
        for unit in applicable:
            province = province_of(unit, units)
            if province is None:
                continue
            _, late, total = by_province.get(province.id, (province, [], 0))
            if unit in missing:
                late.append(unit)
            by_province[province.id] = (province, late, total + 1)
        stale = now - schedule.escalation.at > ESCALATION_USEFUL
        messages = []
        for province, late, total in by_province.values():
            if not late:
                continue
            no_head = {u.name for u in late if not recipients.get(u.id)}
            text = escalation_text(schedule, province.name, [(u.name, late_days) for u in late], total, no_head)
            for user in recipients.get(province.id, []):
                key = f"esc:{schedule.report.code}:{schedule.period.key}:{province.id}:{user.id}"
                messages.append(
                    NewMessage(
                        key,
                        user,
                        text,
                        escalation_buttons(schedule),
                        not_before=schedule.escalation.at,
                        skip_reason=STALE if stale else None,
                    )
                )
        return await self.repos.outbox.queue(messages, now) if messages else 0

    async def _digests(self, since: datetime, now: datetime, recipients: dict[int, list[User]]) -> int:
        """Each head's morning digest, if its moment fell in the window and is still useful."""
        digest_at = self.book.config.digest_at
        day = local(since, self.tz).date()
        moments: list[tuple[date, datetime]] = []
        while day <= local(now, self.tz).date():
            moment = datetime.combine(day, digest_at, self.tz)
            if since < moment <= now and now - moment < DIGEST_USEFUL:
                moments.append((day, moment))
            day += timedelta(days=1)
        if not moments:
            return 0
        day, moment = moments[-1]
        start = datetime.combine(day, time(0), self.tz)
        everyone = [user for users in recipients.values() for user in users]
        register = await RegisterDigest.load(self.repos, local(now, self.tz), everyone)
        messages = []
        for users in recipients.values():
            for user in users:
                text = await self._digest_for(user, day, start, now, register.lines_for(user, day))
                if text:
                    messages.append(
                        NewMessage(
                            f"dig:{day.isoformat()}:{user.id}",
                            user,
                            text,
                            not_before=moment,
                            expires_at=moment + DIGEST_USEFUL,
                        )
                    )
        return await self.repos.outbox.queue(messages, now) if messages else 0

    async def _digest_for(
        self, user: User, day: date, start: datetime, now: datetime, register: list[str] | None = None
    ) -> str | None:
        facilities = []
        for status in await self.repos.facilities.statuses(user):
            last = parse_utc(status.last_checked_at) if status.last_checked_at else None
            due = due_status(status.facility.frequency, last, now, self.tz, status.facility.created_at)
            if due is not Due.OK:
                label = "quá hạn kiểm sát" if due is Due.OVERDUE else "đến hạn kiểm sát"
                facilities.append(f"{status.facility.name}: {label}")
        personal = [
            text.removeprefix("⏰ Nhắc hạn: ")
            for text in await self.repos.reports.personal_reminders_between(user.id, start, start + timedelta(days=1))
        ]
        if not facilities and not personal and not register:
            return None
        text = digest_text(day, facilities, personal)
        return f"{text}\n{register_section(register)}" if register else text
