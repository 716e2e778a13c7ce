import json

import requests

from actions.cases import ActionCaseStatus, ActionObligations

from .conftest import PORTAL, load_tracker, response_names, run

CASES = {
    "cases": [
        {
            "number": "（2023）粤0304执1234号",
            "role": "applicant",
            "status": "terminated",
            "status_label": "Terminated for now (终本)",
            "court": "Futian District Court",
            "next_search_due": "2026-12-01",
            "conditions_unmet": ["investigation_exhausted", "new_code"],
            "url": "/cases/123",
        },
        {
            "number": "（2024）粤0304执77号",
            "role": "debtor",
            "status": "ongoing",
            "status_label": "Ongoing",
            "court": "Futian District Court",
            "next_search_due": None,
            "conditions_unmet": [],
            "url": "/cases/124",
        },
    ]
}


def test_case_status_uses_token_and_language(portal, domain):
    portal.get(f"{PORTAL}/me/cases", json=CASES)
    messages, events = run(ActionCaseStatus(), load_tracker("signed_in_en"), domain)

    request = portal.calls[0].request
    assert request.headers["Authorization"] == "Bearer chat-token-abc"
    assert request.headers["Accept-Language"] == "en"
    assert response_names(messages) == [
        "utter_case_status_intro",
        "utter_case_line_applicant",
        "utter_case_next_search",
        "utter_case_conditions_unmet",
        "utter_case_line_debtor",
        "utter_case_status_footer",
    ]
    assert messages[1]["number"] == "（2023）粤0304执1234号"
    assert messages[1]["url"] == "/cases/123"
    assert messages[2]["date"] == "2026-12-01"
    # known code translated from the domain, unknown code shown generically
    assert messages[3]["conditions"] == "property investigation completed; other conditions (see the case page)"
    assert events == []


def test_case_status_without_token_asks_to_sign_in(portal, domain):
    messages, _ = run(ActionCaseStatus(), load_tracker("anonymous_zh"), domain)
    assert response_names(messages) == ["utter_sign_in_needed"]
    assert len(portal.calls) == 0  # never calls the portal without a token


def test_case_status_expired_token(portal, domain):
    portal.get(f"{PORTAL}/me/cases", status=401, json={"code": "unauthorized"})
    messages, _ = run(ActionCaseStatus(), load_tracker("signed_in_en"), domain)
    assert response_names(messages) == ["utter_sign_in_needed"]


def test_case_status_portal_down(portal, domain):
    portal.get(f"{PORTAL}/me/cases", body=requests.exceptions.ConnectTimeout("slow"))
    messages, _ = run(ActionCaseStatus(), load_tracker("signed_in_en"), domain)
    assert response_names(messages) == ["utter_portal_unavailable"]


def test_case_status_bad_json(portal, domain):
    portal.get(f"{PORTAL}/me/cases", body="<html>oops</html>", status=200)
    messages, _ = run(ActionCaseStatus(), load_tracker("signed_in_en"), domain)
    assert response_names(messages) == ["utter_portal_unavailable"]


def test_case_status_no_cases(portal, domain):
    portal.get(f"{PORTAL}/me/cases", json={"cases": []})
    messages, _ = run(ActionCaseStatus(), load_tracker("signed_in_en"), domain)
    assert response_names(messages) == ["utter_no_cases"]


def test_obligations_lists_amounts_and_restrictions(portal, domain):
    portal.get(
        f"{PORTAL}/me/obligations",
        json={
            "debtor_cases": [
                {
                    "number": "（2024）粤0304执77号",
                    "outstanding": "123456.78",
                    "interest": "1234.56",
                    "restrictions": [
                        {"kind": "consumption", "label": "Consumption restriction", "since": "2024-01-02"},
                        {"kind": "dishonest", "label": "Dishonest-debtor list", "since": "2024-02-03"},
                    ],
                    "url": "/cases/124/obligations",
                }
            ]
        },
    )
    messages, _ = run(ActionObligations(), load_tracker("signed_in_en"), domain)
    assert response_names(messages) == [
        "utter_obligation_line",
        "utter_restriction_line",
        "utter_restriction_line",
        "utter_obligations_footer",
    ]
    assert messages[0]["outstanding"] == "123456.78"
    assert messages[2]["label"] == "Dishonest-debtor list"
    assert portal.calls[0].request.headers["Authorization"] == "Bearer chat-token-abc"


def test_obligations_not_a_debtor(portal, domain):
    portal.get(f"{PORTAL}/me/obligations", json={"debtor_cases": []})
    messages, _ = run(ActionObligations(), load_tracker("signed_in_en"), domain)
    assert response_names(messages) == ["utter_no_obligations"]


def test_token_from_latest_message_wins_over_session_start(portal, domain):
    portal.get(f"{PORTAL}/me/cases", json={"cases": []})
    tracker = load_tracker("signed_in_en")
    tracker.latest_message["metadata"] = {"token": "fresh-token"}
    run(ActionCaseStatus(), tracker, domain)
    assert portal.calls[0].request.headers["Authorization"] == "Bearer fresh-token"
    assert json.loads(json.dumps(tracker.latest_message))  # tracker stays serialisable
