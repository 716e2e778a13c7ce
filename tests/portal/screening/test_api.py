"""The screening API: the assistant's keys in, the decision out, every bad field named in the caller's language."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portal.extensions import limiter

RELIEF = "/api/v1/screenings/judicial-relief"
DEBT_EXIT = "/api/v1/screenings/debt-exit"

GOOD_RELIEF = {
    "is_natural_person": True,
    "claim_type": "support",
    "hardship": True,
    "compensated": False,
    "already_relieved": False,
    "case_number": "（2023）粤0304执1234号",
}
GOOD_DEBT_EXIT = {
    "debtor_type": "individual",
    "city": "shenzhen",
    "province": "guangdong",
    "residence": True,
    "social_insurance_months": 40,
    "hukou": False,
    "has_enforcement_case": True,
    "bad_faith": False,
}
SUMMARY = {
    "zh": ("可能符合国家司法救助的条件", "由法院决定"),
    "en": ("You may qualify for state judicial relief", "the court decides"),
}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_relief_answers_with_the_decision_in_the_language_asked(client, lang):
    response = client.post(RELIEF, json={**GOOD_RELIEF, "language": lang})
    assert response.status_code == 200
    body = response.get_json()
    assert body["outcome"] == "possibly_eligible"  # hardship claimed, no certificate yet
    for words in SUMMARY[lang]:
        assert words in body["summary"]
    assert body["url"] == "/screening/judicial-relief"
    assert body["rules_version"] == "2026-11-01"
    criteria = {c["key"]: c for c in body["criteria"]}
    assert criteria["covered_category"]["state"] == "met"
    reason = criteria["covered_category"]["reasons"][0]
    assert (reason["rule_id"], reason["status"]) == ("JZ-02", "S") and reason["source"] and reason["text"]
    assert criteria["urgent_hardship"]["state"] == "unknown"
    # No court province: no amount is invented, the formula is given and the court sets the amount.
    assert body["cap"]["amount"] is None and body["cap"]["formula"]["months"] == 36
    assert body["cap"]["court_sets_amount"] is True
    assert any(item["code"] == "jz05.hardship_certificate" for item in body["evidence"])


def test_accept_language_chooses_the_language_and_chinese_is_the_default(client):
    english = client.post(RELIEF, json=GOOD_RELIEF, headers={"Accept-Language": "en-GB,en;q=0.8"}).get_json()
    assert "You may qualify" in english["summary"]
    chinese = client.post(RELIEF, json=GOOD_RELIEF).get_json()
    assert "可能符合" in chinese["summary"]


def test_unknown_answers_are_null_and_stay_unknown(client):
    body = client.post(RELIEF, json={"is_natural_person": True}).get_json()
    states = {c["key"]: c["state"] for c in body["criteria"]}
    assert states["natural_person"] == "met" and states["covered_category"] == "unknown"
    assert body["outcome"] == "possibly_eligible"


def test_an_organisation_is_hedged_not_refused(client):
    body = client.post(RELIEF, json={"is_natural_person": False, "language": "en"}).get_json()
    criterion = next(c for c in body["criteria"] if c["key"] == "natural_person")
    assert criterion["state"] == "not_met" and criterion["reasons"][0]["status"] == "M"
    assert "review" in body and "natural_person" in body["review"]


def test_already_relieved_is_not_eligible(client):
    body = client.post(RELIEF, json={**GOOD_RELIEF, "already_relieved": True}).get_json()
    assert body["outcome"] == "not_eligible"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_debt_exit_answers(client, lang):
    body = client.post(DEBT_EXIT, json={**GOOD_DEBT_EXIT, "language": lang}).get_json()
    assert body["outcome"] == "shenzhen_possible" and body["channels"] == ["shenzhen"]
    assert body["url"] == "/screening/debt-exit"
    assert ("深圳" if lang == "zh" else "Shenzhen") in body["summary"]
    assert body["referral"][0]["code"] == "refer.shenzhen_intermediate_court"


def test_a_company_is_asked_nothing_else(client):
    body = client.post(DEBT_EXIT, json={"debtor_type": "company", "city": None}).get_json()
    assert body["outcome"] == "company_referral_possible"


def test_zhejiang_without_hukou_is_no_channel(client):
    answers = {**GOOD_DEBT_EXIT, "city": "hangzhou", "province": "zhejiang", "hukou": False}
    body = client.post(DEBT_EXIT, json=answers).get_json()
    states = {c["key"]: c["state"] for c in body["criteria"]}
    assert states["zhejiang.hukou"] == "not_met" and states["zhejiang.contributions"] == "met"
    assert body["outcome"] == "no_channel"


def test_bad_faith_blocks(client):
    body = client.post(DEBT_EXIT, json={**GOOD_DEBT_EXIT, "bad_faith": True}).get_json()
    assert body["outcome"] == "blocked_bad_faith"


BAD_RELIEF = [
    ("is_natural_person", "yes", "not_boolean"),
    ("claim_type", "divorce", "not_a_choice"),
    ("claim_type", 3, "not_a_choice"),
    ("hardship", 1, "not_boolean"),
    ("compensated", "no", "not_boolean"),
    ("already_relieved", [], "not_boolean"),
    ("case_number", "12345", "bad_case_number"),
    ("case_number", 12345, "not_text"),
    ("case_number", "x" * 61, "too_long"),
]
BAD_DEBT_EXIT = [
    ("debtor_type", "partnership", "not_a_choice"),
    ("city", 7, "not_text"),
    ("province", "atlantis", "not_a_choice"),
    ("residence", "true", "not_boolean"),
    ("social_insurance_months", -1, "out_of_range"),
    ("social_insurance_months", 10_000, "out_of_range"),
    ("social_insurance_months", "36", "not_integer"),
    ("social_insurance_months", 36.5, "not_integer"),
    ("social_insurance_months", True, "not_integer"),
    ("hukou", 0, "not_boolean"),
    ("has_enforcement_case", "y", "not_boolean"),
    ("bad_faith", {}, "not_boolean"),
]
MESSAGES = {
    "not_boolean": ("Answer with true, false or null.", "请用 true、false 或 null 回答。"),
    "not_a_choice": ("Use one of these values", "请使用以下值之一"),
    "not_integer": ("Use a whole number, or null.", "请填写整数，或 null。"),
    "out_of_range": ("Use a whole number from 0 to 960.", "请填写 0 到 960 之间的整数。"),
    "not_text": ("Use text, or null.", "请填写文字，或 null。"),
    "too_long": ("Use at most 60 characters.", "60"),
    "bad_case_number": ("This is not an enforcement case number", "这不是执行案号"),
}


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(
    ("url", "good", "field", "value", "code"),
    [pytest.param(RELIEF, GOOD_RELIEF, *bad, id=f"relief-{bad[0]}-{bad[2]}") for bad in BAD_RELIEF]
    + [pytest.param(DEBT_EXIT, GOOD_DEBT_EXIT, *bad, id=f"debt-{bad[0]}-{bad[2]}") for bad in BAD_DEBT_EXIT],
)
def test_each_bad_field_is_named_with_a_translated_message(client, url, good, field, value, code, lang):
    response = client.post(url, json={**good, field: value, "language": lang})
    assert response.status_code == 400
    error = response.get_json()["error"]
    assert error["code"] == "invalid_answers"
    assert error["message"] == (
        "Some answers are not valid. Correct them and try again." if lang == "en" else "部分回答无效，请改正后再试。"
    )
    assert [(f["field"], f["code"]) for f in error["fields"]] == [(field, code)]
    assert MESSAGES[code][0 if lang == "en" else 1] in error["fields"][0]["message"]


def test_several_bad_fields_are_all_named(client):
    response = client.post(RELIEF, json={"is_natural_person": "x", "hardship": "y"})
    assert {f["field"] for f in response.get_json()["error"]["fields"]} == {"is_natural_person", "hardship"}


@pytest.mark.parametrize("body", ["not json", "[1, 2]", "null", '"text"'])
def test_a_body_that_is_not_an_object_is_a_400(client, body):
    response = client.post(DEBT_EXIT, data=body, content_type="application/json")
    assert response.status_code == 400
    assert response.get_json()["error"]["fields"][0]["field"] == "body"


def test_public_without_csrf_or_token(app, session):
    app.config["WTF_CSRF_ENABLED"] = True
    try:
        with app.test_client() as client:
            assert client.post(RELIEF, json=GOOD_RELIEF).status_code == 200
    finally:
        app.config["WTF_CSRF_ENABLED"] = False


def test_described_in_the_openapi_document(client):
    document = client.get("/api/v1/openapi.json").get_json()
    for path, schema in (
        ("/screenings/judicial-relief", "ReliefScreeningAnswers"),
        ("/screenings/debt-exit", "DebtExitScreeningAnswers"),
    ):
        operation = document["paths"][path]["post"]
        assert operation["requestBody"]["content"]["application/json"]["schema"]["$ref"].endswith(schema)
        assert set(operation["responses"]) >= {"200", "400", "429"}
    result = document["components"]["schemas"]["ScreeningResult"]
    assert set(result["required"]) == {"outcome", "summary", "url", "criteria", "rules_version"}
    relief_keys = set(document["components"]["schemas"]["ReliefScreeningAnswers"]["properties"])
    assert relief_keys >= {
        "is_natural_person",
        "claim_type",
        "hardship",
        "compensated",
        "already_relieved",
        "case_number",
    }


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_rate_limited(app, session, monkeypatch, lang):
    monkeypatch.setitem(app.config, "SCREENING_API_RATE_LIMIT", "2 per minute")
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = f"198.51.100.{200 + (lang == 'zh')}"
    try:
        for _ in range(2):
            assert client.post(RELIEF, json=GOOD_RELIEF).status_code == 200
        response = client.post(RELIEF, json=GOOD_RELIEF, headers={"Accept-Language": lang})
        assert response.status_code == 429
        assert response.get_json()["error"]["message"] == ("Too many attempts" if lang == "en" else "尝试次数过多")
    finally:
        limiter.reset()


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=80),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6,
)
RELIEF_KEYS = [*GOOD_RELIEF, "language"]
DEBT_KEYS = [*GOOD_DEBT_EXIT, "language"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    url=st.sampled_from([RELIEF, DEBT_EXIT]),
    body=st.dictionaries(st.sampled_from(RELIEF_KEYS + DEBT_KEYS), json_values, max_size=8) | json_values,
)
def test_no_body_answers_500(client, url, body):
    response = client.post(url, json=body)
    assert response.status_code in (200, 400), response.status_code
    payload = response.get_json()
    assert ("outcome" in payload) if response.status_code == 200 else payload["error"]["fields"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_questionnaire_is_rate_limited_too(app, session, monkeypatch, lang):
    monkeypatch.setitem(app.config, "SCREENING_RATE_LIMIT", "2 per minute")
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = f"198.51.100.{210 + (lang == 'zh')}"
    client.get(f"/language/{lang}")
    try:
        for _ in range(2):
            client.post("/screening/judicial-relief/q/applicant_kind", data={"applicant_kind": "x"})
        response = client.post("/screening/judicial-relief/q/applicant_kind", data={"applicant_kind": "x"})
        assert response.status_code == 429
        assert ("Too many attempts" if lang == "en" else "尝试次数过多") in response.get_data(as_text=True)
    finally:
        limiter.reset()
