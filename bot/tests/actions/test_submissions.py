import json
import re

import pytest
import requests

from actions.drafts import ActionSubmitClueDraft, ActionSubmitResumptionDraft
from actions.inquiry import ActionSubmitInquiry
from actions.screenings import ActionSubmitDebtExitScreening, ActionSubmitReliefScreening

from .conftest import PORTAL, load_tracker, response_names, run, slot_events


def test_relief_screening_posts_answers(portal, domain):
    portal.post(
        f"{PORTAL}/screenings/judicial-relief",
        json={"outcome": "possibly_eligible", "summary": "您可能符合条件。", "url": "/screening/r/abc"},
    )
    messages, events = run(ActionSubmitReliefScreening(), load_tracker("relief_form_done_zh"), domain)

    body = json.loads(portal.calls[0].request.body)
    assert body == {
        "is_natural_person": True,
        "claim_type": "personal_injury",
        "hardship": True,
        "compensated": False,
        "already_relieved": False,
        "case_number": "（2023）粤0304执1234号",
        "language": "zh",
    }
    assert portal.calls[0].request.headers["Authorization"] == "Bearer tok-zh"
    assert response_names(messages) == ["utter_screening_result"]
    assert messages[0]["summary"] == "您可能符合条件。" and messages[0]["url"] == "/screening/r/abc"
    assert all(value is None for value in slot_events(events).values())  # form slots reset


def test_relief_screening_stopped_early_sends_nothing(portal, domain):
    tracker = load_tracker("relief_form_done_zh", hardship=None, compensated=None, already_relieved=None)
    messages, _ = run(ActionSubmitReliefScreening(), tracker, domain)
    assert response_names(messages) == ["utter_form_stopped"]
    assert len(portal.calls) == 0


def test_relief_screening_portal_error_links_web_screening(portal, domain):
    portal.post(f"{PORTAL}/screenings/judicial-relief", status=500)
    messages, _ = run(ActionSubmitReliefScreening(), load_tracker("relief_form_done_zh"), domain)
    assert response_names(messages) == ["utter_screening_failed"]
    assert messages[0]["url"] == "/screening/judicial-relief"


def test_debt_exit_full_answers(portal, domain):
    portal.post(
        f"{PORTAL}/screenings/debt-exit",
        json={"outcome": "likely_eligible", "summary": "Shenzhen route may fit.", "url": "/screening/d/1"},
    )
    tracker = load_tracker(
        "signed_in_en",
        debtor_type="individual",
        city="shenzhen",
        province="guangdong",
        residence=True,
        social_insurance_months=38.0,
        hukou=False,
        has_enforcement_case=True,
        bad_faith=False,
    )
    messages, events = run(ActionSubmitDebtExitScreening(), tracker, domain)
    body = json.loads(portal.calls[0].request.body)
    assert body == {
        "debtor_type": "individual",
        "city": "shenzhen",
        "province": "guangdong",
        "residence": True,
        "social_insurance_months": 38,
        "hukou": False,
        "has_enforcement_case": True,
        "bad_faith": False,
        "language": "en",
    }
    assert response_names(messages) == ["utter_screening_result"]
    assert slot_events(events)["province"] is None


def test_debt_exit_company_needs_one_answer(portal, domain):
    portal.post(
        f"{PORTAL}/screenings/debt-exit",
        json={"outcome": "not_eligible", "summary": "Companies use 执转破.", "url": "/screening/d/2"},
    )
    messages, _ = run(ActionSubmitDebtExitScreening(), load_tracker("signed_in_en", debtor_type="company"), domain)
    assert json.loads(portal.calls[0].request.body)["debtor_type"] == "company"
    assert response_names(messages) == ["utter_screening_result"]


def test_clue_draft_extracts_fields_and_names_the_case(portal, domain):
    portal.post(
        f"{PORTAL}/drafts", json={"url": "/submissions/drafts/t0k3n/details", "case_number": "（2023）粤0304执1234号"}
    )
    messages, events = run(ActionSubmitClueDraft(), load_tracker("clue_form_done_zh"), domain)
    body = json.loads(portal.calls[0].request.body)
    assert body["kind"] == "property_clue"
    assert body["case_number"] == "（2023）粤0304执1234号"
    assert body["answers"]["clue_type"] == "vehicle"
    # the form's own fields, recognised in the message; the whole message still goes along as details
    assert body["answers"]["plate"] == "粤B12345"
    assert body["answers"]["vehicle"] == "白色宝马"
    assert body["answers"]["seen_at"] == "南山区科技园停车场"
    assert body["answers"]["details"] == load_tracker("clue_form_done_zh").get_slot("clue_details")
    assert response_names(messages) == ["utter_draft_ready"]
    assert messages[0]["url"] == "/submissions/drafts/t0k3n/details"
    assert messages[0]["case_number"] == "（2023）粤0304执1234号"
    assert slot_events(events) == {"clue_type": None, "clue_details": None, "plate": None}


def test_bank_clue_in_english_sends_bank_and_account(portal, domain):
    portal.post(
        f"{PORTAL}/drafts", json={"url": "/submissions/drafts/b4nk/details", "case_number": "（2024）粤0304执2002号"}
    )
    messages, _ = run(ActionSubmitClueDraft(), load_tracker("clue_form_bank_en"), domain)
    answers = json.loads(portal.calls[0].request.body)["answers"]
    assert answers["clue_type"] == "bank_account" and answers["language"] == "en"
    assert answers["bank_name"] == "中国工商银行"  # ICBC, as the form expects the bank's name
    assert answers["account_number"] == "6222021234567890123"
    assert "plate" not in answers and "salary goes there" in answers["details"]
    assert response_names(messages) == ["utter_draft_ready"]
    assert messages[0]["case_number"] == "（2024）粤0304执2002号"


def test_without_a_case_from_the_portal_the_user_picks_it_on_the_form(portal, domain):
    portal.post(f"{PORTAL}/drafts", json={"url": "/submissions/drafts/t0k3n/details", "case_number": None})
    messages, _ = run(ActionSubmitClueDraft(), load_tracker("clue_form_bank_en"), domain)
    assert response_names(messages) == ["utter_draft_ready_pick_case"]
    assert messages[0]["url"] == "/submissions/drafts/t0k3n/details" and "case_number" not in messages[0]


def test_resumption_draft_names_the_case_and_sends_no_clue_fields(portal, domain):
    portal.post(
        f"{PORTAL}/drafts", json={"url": "/submissions/drafts/r3s/property", "case_number": "（2023）粤0304执1234号"}
    )
    messages, _ = run(ActionSubmitResumptionDraft(), load_tracker("clue_form_done_zh"), domain)
    body = json.loads(portal.calls[0].request.body)
    assert body["kind"] == "resumption_request"
    assert set(body["answers"]) == {"clue_type", "details", "language"}
    assert response_names(messages) == ["utter_resumption_draft_ready"]
    assert messages[0]["case_number"] == "（2023）粤0304执1234号"


def test_resumption_draft_kind_and_failure(portal, domain):
    portal.post(f"{PORTAL}/drafts", body=requests.exceptions.ReadTimeout("slow"))
    messages, _ = run(ActionSubmitResumptionDraft(), load_tracker("clue_form_done_zh"), domain)
    assert json.loads(portal.calls[0].request.body)["kind"] == "resumption_request"
    assert response_names(messages) == ["utter_draft_failed"]
    assert "宝马" in messages[0]["details"]


@pytest.mark.parametrize("name", ["utter_draft_ready", "utter_resumption_draft_ready", "utter_draft_ready_pick_case"])
def test_draft_answers_exist_in_both_languages_with_the_same_placeholders(domain, name):
    variants = domain["responses"][name]
    english = [v for v in variants if v.get("condition") == [{"type": "slot", "name": "language", "value": "en"}]]
    chinese = [v for v in variants if not v.get("condition")]
    assert len(english) == 1 and len(chinese) == 1
    assert set(re.findall(r"{(\w+)}", english[0]["text"])) == set(re.findall(r"{(\w+)}", chinese[0]["text"]))
    assert "{url}" in chinese[0]["text"]
    assert ("{case_number}" in chinese[0]["text"]) is (name != "utter_draft_ready_pick_case")


def test_inquiry_sends_transcript_language_and_case(portal, domain):
    portal.post(f"{PORTAL}/inquiries", json={"reference": "ZB-2026-000123", "answer_by": "2026-11-25"})
    tracker = load_tracker("signed_in_en", inquiry_message="Please call me about case (2023)粤0304执1234号")
    messages, events = run(ActionSubmitInquiry(), tracker, domain)
    body = json.loads(portal.calls[0].request.body)
    assert body["language"] == "en"
    assert body["case_number"] == "(2023)粤0304执1234号"
    assert body["message"].startswith("Please call me")
    assert body["transcript"][0] == {"from": "user", "text": "hello"}
    assert {"from": "bot", "text": "Hello! I'm the court enforcement assistant."} in body["transcript"]
    assert response_names(messages) == ["utter_inquiry_sent"]
    assert messages[0]["reference"] == "ZB-2026-000123" and messages[0]["answer_by"] == "2026-11-25"
    assert slot_events(events)["handoff_offered"] is False


def test_inquiry_without_message_is_cancelled(portal, domain):
    messages, _ = run(ActionSubmitInquiry(), load_tracker("signed_in_en"), domain)
    assert response_names(messages) == ["utter_inquiry_cancelled"]
    assert len(portal.calls) == 0
