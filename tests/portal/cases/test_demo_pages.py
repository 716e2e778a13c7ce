"""Every demo case renders for its applicant and its debtor in both languages: no code without words."""

from __future__ import annotations

import pytest

from portal.extensions import db
from portal.models import Case, CaseLink, PartyRole
from portal.seed.demo import DemoGenerator
from tests import factories


@pytest.fixture()
def everyone(session, app):
    app.config["FIXED_TODAY"] = "2026-11-01"
    DemoGenerator(seed=3).generate()
    applicant, debtor = factories.citizen(), factories.citizen()
    cases = db.session.query(Case).order_by(Case.id).all()
    for case in cases[::4]:  # a quarter of the court: every scenario appears many times
        for case_party in case.parties:
            user = applicant if case_party.role is PartyRole.APPLICANT else debtor
            db.session.add(CaseLink(user=user, case_party=case_party))
    db.session.flush()
    yield applicant, debtor, cases[::4]
    app.config.pop("FIXED_TODAY")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_demo_case_page_renders(client, everyone, lang):
    applicant, debtor, cases = everyone
    client.get(f"/language/{lang}")
    factories.sign_in(client, applicant)
    failures = [c.number for c in cases if client.get(f"/cases/{c.id}").status_code != 200]
    client.post("/accounts/sign-out")
    factories.sign_in(client, debtor)
    failures += [c.number for c in cases if client.get(f"/cases/{c.id}/obligations").status_code != 200]
    assert failures == []
