"""Fixtures the portal's feature tests share: a fixed court day and a
citizen signed in as a party to a terminated case. A folder's own conftest may still define its own."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

import pytest

from portal.models import Case, CaseStatus, PartyRole, RestrictionKind, User
from tests import factories


@pytest.fixture()
def fixed_day(app, monkeypatch):
    # Thursday 2025-09-25, the week before the National Day holiday: a 7-day clock ends inside it (HF-00's own
    # example), a 10-working-day clock runs through it.
    monkeypatch.setitem(app.config, "FIXED_TODAY", "2025-09-25")
    return date(2025, 9, 25)


SignedInParty = Callable[..., tuple[User, Case]]


@pytest.fixture()
def signed_in_party(client, session, upload_dir) -> SignedInParty:
    """Makes a citizen the `role` of a new terminated case with `events` and signs them in on `client`."""

    def make(
        role: PartyRole,
        resident_id: str,
        events: list,
        *,
        claim_type: str | None = None,
        restrictions: Iterable[tuple[RestrictionKind, date, dict]] = (),
    ) -> tuple[User, Case]:
        user = factories.citizen(resident_id=resident_id)
        case = factories.case(status=CaseStatus.TERMINATED, events=events)
        if claim_type is not None:
            case.claim_type = claim_type
            session.flush()
        for kind, started_on, fields in restrictions:
            factories.restriction(case, kind, started_on, **fields)
        factories.link(user, case, role)
        factories.sign_in(client, user)
        return user, case

    return make
