from __future__ import annotations

from collections import Counter

import pytest

from portal.extensions import db
from portal.models import Case, CaseStatus, Court, PartyKind, User
from portal.seed.demo import ANCHOR, DemoGenerator
from portal.services import case_facts
from relief.outcomes import Met
from relief.termination import assess_termination
from tests.conftest import rolled_back


@pytest.fixture()
def demo(session):
    return DemoGenerator(seed=7).generate()


def test_the_demo_court_has_what_the_journeys_need(demo):
    assert demo.cases >= 300
    courts = db.session.query(Court).all()
    assert len({c.province_code for c in courts}) >= 3
    statuses = Counter(db.session.query(Case.status).all())
    for status in CaseStatus:
        assert statuses[(status,)] > 0
    kinds = {p.kind for c in db.session.query(Case).limit(200) for p in (cp.party for cp in c.parties)}
    assert kinds == {PartyKind.PERSON, PartyKind.ORGANISATION}
    assert db.session.query(User).filter_by(email="applicant@demo.test").one().links
    assert db.session.query(User).filter_by(email="debtor@demo.test").one().links


def test_every_termination_condition_is_missing_somewhere_and_met_elsewhere(demo):
    seen = Counter()
    for case in db.session.query(Case).filter(Case.status == CaseStatus.TERMINATED):
        decision = assess_termination(case_facts.termination_facts(case), as_of=ANCHOR)
        for criterion in decision.criteria:
            seen[(criterion.key, criterion.state)] += 1
        seen[decision.outcome] += 1
    for key in (
        "notice_and_report_order",
        "consumption_order_and_listing",
        "investigation_exhausted",
        "filed_more_than_3_months",
        "missing_debtor_and_obstruction",
    ):
        assert seen[(key, Met.NOT_MET)] > 0, key
        assert seen[(key, Met.MET)] > 0, key
    assert seen["compliant"] > 50


def test_one_debtor_is_a_minor(demo):
    minors = [cp.party for case in db.session.query(Case) for cp in case.parties if cp.party.is_minor_on(case.filed_on)]
    assert len(minors) >= 1


def test_the_demo_is_deterministic(app):
    numbers = []
    for _ in range(2):
        with rolled_back(app):
            DemoGenerator(seed=11).generate()
            numbers.append([c.number for c in db.session.query(Case).order_by(Case.id).limit(50)])
    assert numbers[0] == numbers[1]
