from __future__ import annotations

from datetime import date

import pytest

from portal.models import CaseStatus, EventKind, PartyRole
from tests import factories

TERMINATED = [
    (EventKind.FILED, date(2023, 3, 1)),
    (EventKind.NOTICE_SERVED, date(2023, 3, 6)),
    (EventKind.TERMINATION_RULING, date(2023, 7, 10)),
    (EventKind.TERMINATION_SERVED, date(2023, 7, 14)),
]

# An applicant owed unpaid support, in hardship with a certificate: every relief criterion met.
ELIGIBLE = {
    "applicant_kind": "natural_person",
    "category": "support_maintenance",
    "route": "zhongben",
    "in_hardship": "yes",
    "hardship_related": "yes",
    "hardship_certified": "yes",
    "household_size": "3",
    "household_income": "1500",
    "relieved_before": "no",
    "compensated": "no",
    "waived": "no",
    "cooperate": "yes",
    "court_province": "44",
    "amount_owed": "50000",
}
# In hardship but without a certificate yet: the court must look (possibly eligible).
REVIEW = {**ELIGIBLE, "hardship_certified": "no"}
# Already relieved once for this case: not eligible.
INELIGIBLE = {**ELIGIBLE, "relieved_before": "yes"}

SHENZHEN = {
    "debtor_kind": "natural_person",
    "residence_province": "44",
    "shenzhen": "yes",
    "social_insurance_months": "40",
    "debt_cause": "business_operation",
    "can_pay": "no",
    "debts_total": "800000",
    "assets_value": "20000",
    "household_size": "3",
    "household_income": "1500",
    "bad_faith": "no",
}
ZHEJIANG = {
    **SHENZHEN,
    "residence_province": "33",
    "hukou": "yes",
    "has_enforcement_case": "yes",
    "case_local": "yes",
}
COMPANY = {
    "debtor_kind": "enterprise_legal_person",
    "can_pay": "no",
    "debts_total": "5000000",
    "assets_value": "10000",
    "company_consent": "yes",
}


@pytest.fixture(autouse=True)
def generous_limits(app, monkeypatch):
    # The questionnaire's limit stays on but high here: these tests answer hundreds of questions from one address.
    monkeypatch.setitem(app.config, "SCREENING_RATE_LIMIT", "100000 per hour")
    monkeypatch.setitem(app.config, "SCREENING_API_RATE_LIMIT", "100000 per hour")


@pytest.fixture()
def upload_dir(app, tmp_path, monkeypatch):
    monkeypatch.setitem(app.config, "UPLOAD_FOLDER", str(tmp_path / "uploads"))
    return tmp_path / "uploads"


@pytest.fixture()
def fixed_day(app, monkeypatch):
    # Thursday 2025-09-25: a 10-working-day clock runs through the National Day holiday.
    monkeypatch.setitem(app.config, "FIXED_TODAY", "2025-09-25")
    return date(2025, 9, 25)


@pytest.fixture()
def applicant(client, session, upload_dir):
    """A signed-in applicant of a terminated support case in Guangdong."""
    user = factories.citizen(resident_id=factories.APPLICANT_ID)
    case = factories.case(status=CaseStatus.TERMINATED, events=TERMINATED)
    case.claim_type = "support"
    session.flush()
    factories.link(user, case, PartyRole.APPLICANT)
    factories.sign_in(client, user)
    return user, case


@pytest.fixture()
def debtor(client, session, upload_dir):
    user = factories.citizen(resident_id=factories.DEBTOR_ID)
    case = factories.case(status=CaseStatus.TERMINATED, events=TERMINATED)
    factories.link(user, case, PartyRole.DEBTOR)
    factories.sign_in(client, user)
    return user, case


def screen(client, slug: str, answers: dict, *, lang: str = "en", case_id: int | None = None) -> list[str]:
    """Start the questionnaire, answer each question asked from ``answers``; returns the keys asked, in order."""
    client.get(f"/language/{lang}")
    response = client.post(f"/screening/{slug}", data={"case_id": str(case_id) if case_id else ""})
    assert response.status_code == 302, response.status_code
    url, asked = response.headers["Location"], []
    while "/q/" in url:
        key = url.rsplit("/", 1)[1]
        asked.append(key)
        assert client.get(url).status_code == 200, url
        response = client.post(url, data={key: answers[key]})
        assert response.status_code == 302, (key, response.status_code, response.get_data(as_text=True)[-2000:])
        url = response.headers["Location"]
    assert url.endswith(f"/screening/{slug}/check"), url
    return asked


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.get_data(as_text=True)
