"""One module per aggregate; importing this package registers every table on the metadata."""

from portal.models.cases import Case, CaseEvent, CaseParty, CaseStatus, EventKind, PartyRole
from portal.models.courts import Court
from portal.models.parties import Party, PartyKind
from portal.models.restrictions import Restriction, RestrictionKind
from portal.models.users import CaseLink, StaffRole, User, UserKind

__all__ = [
    "Case",
    "CaseEvent",
    "CaseLink",
    "CaseParty",
    "CaseStatus",
    "Court",
    "EventKind",
    "Party",
    "PartyKind",
    "PartyRole",
    "Restriction",
    "RestrictionKind",
    "StaffRole",
    "User",
    "UserKind",
]
