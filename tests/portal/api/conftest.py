from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from portal.api import tokens
from portal.models import CaseStatus, EventKind, PartyRole, RestrictionKind
from tests import factories

# A terminated case with the consumption order recorded after the ruling: condition 2 is not met.
TERMINATED = [
    (EventKind.FILED, date(2023, 3, 1)),
    (EventKind.NOTICE_SERVED, date(2023, 3, 6)),
    (EventKind.REPORT_ORDER, date(2023, 3, 6)),
    (EventKind.ONLINE_SEARCH, date(2023, 3, 15)),
    (EventKind.ONSITE_INVESTIGATION, date(2023, 4, 20)),
    (EventKind.APPLICANT_INTERVIEW, date(2023, 7, 1)),
    (EventKind.TERMINATION_RULING, date(2023, 7, 10)),
    (EventKind.TERMINATION_SERVED, date(2023, 7, 14)),
    (EventKind.CONSUMPTION_ORDER, date(2023, 8, 1)),
    (EventKind.ONLINE_SEARCH, date(2024, 1, 10)),
]


@pytest.fixture()
def fixed_day(app, monkeypatch):
    monkeypatch.setitem(app.config, "FIXED_TODAY", "2025-03-03")  # a Monday
    return date(2025, 3, 3)


@pytest.fixture()
def applicant(session, fixed_day, upload_dir):
    user = factories.citizen(resident_id=factories.APPLICANT_ID)
    terminated = factories.case(events=TERMINATED, number="（2023）粤0304执1001号")
    ongoing = factories.case(status=CaseStatus.ONGOING, filed_on=date(2024, 5, 1), number="（2024）粤0304执2002号")
    factories.link(user, terminated, PartyRole.APPLICANT)
    factories.link(user, ongoing, PartyRole.APPLICANT)
    return user, terminated, ongoing


@pytest.fixture()
def debtor(session, fixed_day):
    user = factories.citizen(resident_id=factories.DEBTOR_ID)
    case = factories.case(
        principal=Decimal("50000.00"),
        performance_deadline=date(2024, 1, 15),
        events=[(EventKind.FILED, date(2024, 2, 1)), (EventKind.PAYMENT, date(2024, 6, 1), Decimal("10000.00"))],
        number="（2024）粤0304执3003号",
    )
    factories.restriction(case, RestrictionKind.CONSUMPTION, date(2024, 3, 1))
    factories.link(user, case, PartyRole.DEBTOR)
    return user, case


@pytest.fixture()
def stranger_case(session):
    """Somebody else's case: never visible to the users above."""
    other = factories.citizen(resident_id=factories.OTHER_ID)
    case = factories.case(number="（2023）粤0304执4004号")
    factories.link(other, case, PartyRole.APPLICANT)
    return other, case


def bearer(user) -> dict:
    return {"Authorization": f"Bearer {tokens.issue(user)}"}
