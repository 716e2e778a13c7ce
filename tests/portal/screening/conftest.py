from __future__ import annotations

from datetime import date

import pytest

from portal.models import EventKind, PartyRole
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


# upload_dir, fixed_day and signed_in_party: tests/portal/conftest.py


@pytest.fixture()
def applicant(signed_in_party):
    """A signed-in applicant of a terminated support case in Guangdong."""
    return signed_in_party(PartyRole.APPLICANT, factories.APPLICANT_ID, TERMINATED, claim_type="support")


@pytest.fixture()
def debtor(signed_in_party):
    return signed_in_party(PartyRole.DEBTOR, factories.DEBTOR_ID, TERMINATED)


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
