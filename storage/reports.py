"""Report submissions: which unit marked which report period as sent, by whom and when.

Marking a report as sent, and undoing that, are scoped here: only a head or an admin
whose units include the unit may do it. Marking cancels the unit's pending reminders for
that report period (outbox rows with the same topic) in the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from storage.audit import write_audit
from storage.db import Database, Row, parse_utc, utc_now_text
from storage.outbox import NewMessage, Unless, insert_messages
from storage.units import SUBTREE_CTE
from storage.users import Role, User
from storage.users import _user as user_from_row

UNDO_WINDOW = timedelta(days=1)


class ReportAccessError(PermissionError):
    """The actor may not mark or undo reports of this unit."""


class UndoTooLate(ValueError):
    """The 'sent' mark is older than the undo window, or was made by someone else's unit."""


@dataclass(frozen=True, slots=True)
class Submission:
    id: int
    report: str
    period: str
    unit_id: int
    due_date: date
    sent_at: datetime
    sent_by: int
    sent_by_name: str

    def days_late(self, sent_day_local: date) -> int:
        """Days after the due day on which it was marked (0 = on time). The caller gives the
        local day of ``sent_at``: its UTC date is the day before for marks made before 07:00."""
        return max(sent_day_local - self.due_date, timedelta(0)).days


def report_topic(report: str, period: str, unit_id: int) -> str:
    """The outbox topic shared by every reminder of one report period for one unit."""
    return f"report:{report}:{period}:{unit_id}"


def _submission(row: Row) -> Submission:
    return Submission(
        row["id"],
        row["report"],
        row["period"],
        row["unit_id"],
        date.fromisoformat(row["due_date"]),
        parse_utc(row["sent_at"]),
        row["sent_by"],
        row["sent_by_name"] or "",
    )


_SELECT = (
    "SELECT s.*, u.display_name AS sent_by_name FROM report_submissions s "
    "LEFT JOIN users u ON u.id = s.sent_by WHERE s.undone_at IS NULL "
)


class ReportRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def _check_scope(self, actor: User, unit_id: int) -> None:
        if not actor.active or not actor.role.at_least(Role.HEAD):
            raise ReportAccessError("only heads and admins mark reports")
        inside = await self._db.fetchval(SUBTREE_CTE + "SELECT 1 FROM tree WHERE id = ?", (actor.unit_id, unit_id))
        if not inside:
            raise ReportAccessError("unit outside the actor's scope")

    async def mark_sent(
        self, actor: User, report: str, period: str, unit_id: int, due: date, now: datetime
    ) -> tuple[Submission, bool]:
        """Record that the unit sent the report; returns (the live submission, created now?).
        Pending reminders of that report period for the unit are skipped in the same transaction."""
        await self._check_scope(actor, unit_id)
        topic = report_topic(report, period, unit_id)
        async with self._db.transaction() as conn:
            # Against a reminder being queued at this moment by another process (_queue_reminders).
            await conn.lock(topic)
            cur = await conn.execute(
                "INSERT INTO report_submissions (report, period, unit_id, due_date, sent_at, sent_by) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                (report, period, unit_id, due.isoformat(), utc_now_text(now), actor.id),
            )
            created = cur.rowcount == 1
            if created:
                await conn.execute(
                    "UPDATE outbox SET status = 'skipped', last_error = 'đơn vị đã gửi báo cáo' "
                    "WHERE topic = ? AND status = 'pending'",
                    (topic,),
                )
                await write_audit(
                    conn,
                    at=now,
                    actor_id=actor.id,
                    action="report.sent",
                    target_type="report",
                    target_id=topic,
                    unit_id=unit_id,
                    after={"report": report, "period": period, "sent_at": utc_now_text(now)},
                )
            row = await (
                await conn.execute(
                    _SELECT + "AND s.report = ? AND s.period = ? AND s.unit_id = ?", (report, period, unit_id)
                )
            ).fetchone()
        assert row is not None
        return _submission(row), created

    async def undo(self, actor: User, report: str, period: str, unit_id: int, now: datetime) -> Submission:
        """Withdraw a mistaken 'sent' mark made less than a day ago (audited)."""
        await self._check_scope(actor, unit_id)
        async with self._db.transaction() as conn:
            row = await (
                await conn.execute(
                    _SELECT + "AND s.report = ? AND s.period = ? AND s.unit_id = ?", (report, period, unit_id)
                )
            ).fetchone()
            if row is None:
                raise LookupError("not marked as sent")
            live = _submission(row)
            if now - live.sent_at > UNDO_WINDOW:
                raise UndoTooLate("older than the undo window")
            undone = await conn.execute(
                "UPDATE report_submissions SET undone_at = ?, undone_by = ? WHERE id = ? AND undone_at IS NULL",
                (utc_now_text(now), actor.id, live.id),
            )
            if undone.rowcount != 1:  # undone meanwhile by another process
                raise LookupError("not marked as sent")
            await write_audit(
                conn,
                at=now,
                actor_id=actor.id,
                action="report.undo",
                target_type="report",
                target_id=report_topic(report, period, unit_id),
                unit_id=unit_id,
                before={"sent_at": utc_now_text(live.sent_at), "sent_by": live.sent_by},
                after={"undone_at": utc_now_text(now)},
            )
        return live

    async def get(self, report: str, period: str, unit_id: int) -> Submission | None:
        row = await self._db.fetchone(
            _SELECT + "AND s.report = ? AND s.period = ? AND s.unit_id = ?", (report, period, unit_id)
        )
        return _submission(row) if row else None

    async def for_period(self, report: str, period: str) -> dict[int, Submission]:
        """Live submissions of one report period, by unit (the planner's view: all units)."""
        rows = await self._db.fetchall(_SELECT + "AND s.report = ? AND s.period = ?", (report, period))
        return {r["unit_id"]: _submission(r) for r in rows}

    async def for_period_in_scope(self, actor: User, report: str, period: str) -> dict[int, Submission]:
        rows = await self._db.fetchall(
            SUBTREE_CTE + _SELECT + "AND s.report = ? AND s.period = ? AND s.unit_id IN (SELECT id FROM tree)",
            (actor.unit_id, report, period),
        )
        return {r["unit_id"]: _submission(r) for r in rows}

    async def queue_reminders(self, reminders: list[Reminder], now: datetime) -> int:
        return await _queue_reminders(self._db, reminders, now)

    async def recipients_by_unit(self) -> dict[int, list[User]]:
        """Active heads and admins of every unit: who gets a unit's reminders and digests."""
        rows = await self._db.fetchall(
            "SELECT * FROM users WHERE role IN ('head', 'admin') AND active = 1 ORDER BY unit_id, id"
        )
        found: dict[int, list[User]] = {}
        for row in rows:
            user = user_from_row(row)
            found.setdefault(user.unit_id, []).append(user)
        return found

    async def mark(self, name: str) -> datetime | None:
        value = await self._db.fetchval("SELECT value FROM planner_state WHERE name = ?", (name,))
        return parse_utc(value) if value else None

    async def set_mark(self, name: str, at: datetime) -> None:
        """Move a named point in time forward (never back)."""
        await self._db.execute_one(
            "INSERT INTO planner_state (name, value) VALUES (?, ?) "
            "ON CONFLICT (name) DO UPDATE SET value = CASE WHEN excluded.value > planner_state.value "
            "THEN excluded.value ELSE planner_state.value END",
            (name, utc_now_text(at)),
        )

    async def personal_reminders_between(self, user_id: int, start: datetime, end: datetime) -> list[str]:
        """Texts of the user's own deadline reminders ("Nhắc tôi trước hạn") due in [start, end)."""
        rows = await self._db.fetchall(
            "SELECT text FROM outbox WHERE user_id = ? AND key LIKE 'dlr:%' AND status IN ('pending', 'sent') "
            "AND next_attempt_at >= ? AND next_attempt_at < ? ORDER BY next_attempt_at",
            (user_id, utc_now_text(start), utc_now_text(end)),
        )
        return [str(r["text"]) for r in rows]

    async def reminded_periods(self, unit_id: int, now: datetime) -> dict[str, set[str]]:
        """Each report's periods the unit has been reminded of by now (sent, or due and not
        skipped): a reminder sent ahead of its schedule (/thu_nhac) counts from the moment it goes."""
        rows = await self._db.fetchall(
            "SELECT DISTINCT topic FROM outbox WHERE topic LIKE ? AND status <> 'skipped' "
            "AND (status = 'sent' OR next_attempt_at <= ?)",
            (report_topic("%", "%", unit_id), utc_now_text(now)),
        )
        found: dict[str, set[str]] = {}
        for row in rows:  # report:{report}:{period}:{unit}
            report, _, period = str(row["topic"]).removeprefix("report:").rsplit(":", 1)[0].partition(":")
            found.setdefault(report, set()).add(period)
        return found

    async def for_unit(self, unit_id: int, since: datetime) -> list[Submission]:
        rows = await self._db.fetchall(
            _SELECT + "AND s.unit_id = ? AND s.sent_at >= ? ORDER BY s.sent_at DESC", (unit_id, utc_now_text(since))
        )
        return [_submission(r) for r in rows]


@dataclass(frozen=True, slots=True)
class Reminder:
    """One reminder for one recipient of one report period of one unit."""

    report: str
    period: str
    unit_id: int
    message: NewMessage


async def _queue_reminders(db: Database, reminders: list[Reminder], now: datetime) -> int:
    """Queue reminders in one transaction; a reminder for a report period the unit has already
    marked as sent is not queued (checked inside the transaction, so a "sent" mark made
    a moment earlier always wins). Returns how many were new."""
    async with db.transaction() as conn:
        # A "sent" mark made at this moment by another process waits, or is waited for: the mark's
        # transaction skips what is pending under the same lock (in one order: no deadlock).
        for topic in sorted({report_topic(r.report, r.period, r.unit_id) for r in reminders}):
            await conn.lock(topic)
        return await insert_messages(
            conn,
            [r.message for r in reminders],
            now,
            unless=Unless(
                "EXISTS (SELECT 1 FROM report_submissions s WHERE s.report = given.report AND s.period = given.period "
                "AND s.unit_id = given.unit_id AND s.undone_at IS NULL)",
                ("report", "period", "unit_id"),
                [(r.report, r.period, r.unit_id) for r in reminders],
            ),
        )
