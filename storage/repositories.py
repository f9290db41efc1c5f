"""All repositories over one database, handed to handlers as one object."""

from __future__ import annotations

from dataclasses import dataclass

from storage.audit import AuditRepository
from storage.checkins import CheckinRepository
from storage.conversations import ConversationRepository
from storage.db import Database
from storage.facilities import FacilityRepository
from storage.invites import InviteRepository
from storage.leases import LeaseRepository
from storage.links import LinkRepository
from storage.outbox import OutboxRepository
from storage.questions import QuestionLog
from storage.register import RegisterRepository
from storage.reports import ReportRepository
from storage.signals import Signals
from storage.units import UnitRepository
from storage.updates import ProcessedUpdates
from storage.users import UserRepository


@dataclass(frozen=True, slots=True)
class Repositories:
    db: Database
    units: UnitRepository
    users: UserRepository
    invites: InviteRepository
    audit: AuditRepository
    conversations: ConversationRepository
    updates: ProcessedUpdates
    questions: QuestionLog
    outbox: OutboxRepository
    facilities: FacilityRepository
    checkins: CheckinRepository
    links: LinkRepository
    reports: ReportRepository
    leases: LeaseRepository
    signals: Signals
    register: RegisterRepository

    @classmethod
    def over(cls, db: Database) -> Repositories:
        return cls(
            db=db,
            units=UnitRepository(db),
            users=UserRepository(db),
            invites=InviteRepository(db),
            audit=AuditRepository(db),
            conversations=ConversationRepository(db),
            updates=ProcessedUpdates(db),
            questions=QuestionLog(db),
            outbox=OutboxRepository(db),
            facilities=FacilityRepository(db),
            checkins=CheckinRepository(db),
            links=LinkRepository(db),
            reports=ReportRepository(db),
            leases=LeaseRepository(db),
            signals=Signals(db),
            register=RegisterRepository(db),
        )
