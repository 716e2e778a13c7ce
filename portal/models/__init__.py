"""One module per aggregate; importing this package registers every table on the metadata."""

from portal.models.cases import Case, CaseEvent, CaseParty, CaseStatus, EventKind, PartyRole
from portal.models.courts import Court
from portal.models.parties import Party, PartyKind
from portal.models.restrictions import Restriction, RestrictionKind
from portal.models.staff import ApiToken, CaseFlag, Notification
from portal.models.submissions import (
    Attachment,
    Draft,
    HistoryEntry,
    Message,
    OutboxEvent,
    Submission,
    SubmissionKind,
    SubmissionStatus,
)
from portal.models.users import CaseLink, StaffRole, User, UserKind

__all__ = [
    "ApiToken",
    "Attachment",
    "Case",
    "CaseEvent",
    "CaseFlag",
    "CaseLink",
    "CaseParty",
    "CaseStatus",
    "Court",
    "Draft",
    "EventKind",
    "HistoryEntry",
    "Message",
    "Notification",
    "OutboxEvent",
    "Party",
    "PartyKind",
    "PartyRole",
    "Restriction",
    "RestrictionKind",
    "StaffRole",
    "Submission",
    "SubmissionKind",
    "SubmissionStatus",
    "User",
    "UserKind",
]
