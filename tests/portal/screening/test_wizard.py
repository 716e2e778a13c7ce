"""The questionnaires: one question per page, only the relevant ones, both languages, and no 500 on bad input."""

from __future__ import annotations

import pytest

from portal.screening.questions import QUESTIONS
from tests.portal.screening.conftest import (
    COMPANY,
    ELIGIBLE,
    INELIGIBLE,
    REVIEW,
    SHENZHEN,
    ZHEJIANG,
    page,
    screen,
)

RESULT = "/screening/{slug}/result"

# (slug, answers, outcome, English words, Chinese words): each path through each questionnaire.
PATHS = [
    pytest.param(
        "judicial-relief", ELIGIBLE, "likely_eligible", "likely to qualify", "很可能符合", id="JZ-likely-eligible"
    ),
    pytest.param(
        "judicial-relief", REVIEW, "possibly_eligible", "may qualify", "可能符合", id="JZ-01-hardship-unproven"
    ),
    pytest.param(
        "judicial-relief", INELIGIBLE, "not_eligible", "unlikely to get", "不太可能获得", id="JZ-08-once-only"
    ),
    pytest.param(
        "judicial-relief",
        {"applicant_kind": "organisation"},
        "possibly_eligible",
        "could not be confirmed",
        "未能核实",
        id="JZ-03-7-organisation-hedged",
    ),
    pytest.param("debt-exit", SHENZHEN, "shenzhen_possible", "personal bankruptcy in Shenzhen", "深圳", id="SZ-01"),
    pytest.param("debt-exit", ZHEJIANG, "zhejiang_possible", "debt clearance in Zhejiang", "浙江", id="ZJ-01"),
    pytest.param("debt-exit", COMPANY, "company_referral_possible", "bankruptcy review", "执转破", id="ZP-01"),
    pytest.param(
        "debt-exit",
        {**SHENZHEN, "bad_faith": "yes"},
        "blocked_bad_faith",
        "block it",
        "此路不通",
        id="SZ-08-bad-faith",
    ),
    pytest.param(
        "debt-exit",
        {**SHENZHEN, "residence_province": "51"},
        "no_channel",
        "no national personal bankruptcy law",
        "全国性的个人破产法",
        id="no-channel",
    ),
]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(("slug", "answers", "outcome", "en_words", "zh_words"), PATHS)
def test_each_path_in_both_languages(client, slug, answers, outcome, en_words, zh_words, lang):
    screen(client, slug, answers, lang=lang)
    check = page(client, f"/screening/{slug}/check")
    assert 'id="answers"' in check and 'id="see-result"' in check
    body = page(client, RESULT.format(slug=slug))
    assert f'data-outcome="{outcome}"' in body
    assert (en_words if lang == "en" else zh_words) in body
    assert "2026-11-01" in body  # the rules version that decided it
    assert 'lang="zh-CN"' in body if lang == "zh" else 'lang="en"' in body


def test_only_relevant_questions_are_asked(client):
    asked = screen(client, "judicial-relief", {**ELIGIBLE, "in_hardship": "no"})
    assert "hardship_certified" not in asked and "household_size" not in asked
    assert "fault" not in asked  # a support claim has no incident to be at fault for
    client.post("/screening/reset")
    asked = screen(client, "judicial-relief", {"applicant_kind": "organisation"})
    assert asked == ["applicant_kind"]
    client.post("/screening/reset")
    asked = screen(client, "debt-exit", COMPANY)
    assert asked == ["debtor_kind", "can_pay", "debts_total", "assets_value", "company_consent"]
    client.post("/screening/reset")
    asked = screen(client, "debt-exit", SHENZHEN)
    assert "hukou" not in asked and "xiamen" not in asked and "company_consent" not in asked


def test_a_question_made_irrelevant_is_a_404_and_its_answer_is_ignored(client):
    screen(client, "judicial-relief", ELIGIBLE)
    client.post("/screening/judicial-relief/q/in_hardship", data={"in_hardship": "no"})
    assert client.get("/screening/judicial-relief/q/hardship_certified").status_code == 404
    body = page(client, RESULT.format(slug="judicial-relief"))
    assert 'data-outcome="not_eligible"' in body
    assert "not in urgent hardship" in body


def test_answers_shared_by_both_questionnaires_are_not_asked_again(client):
    screen(client, "judicial-relief", ELIGIBLE)
    asked = screen(client, "debt-exit", SHENZHEN)
    assert "household_size" not in asked and "household_income" not in asked
    check = page(client, "/screening/debt-exit/check")
    assert "How many people are in your household?" in check


def test_the_result_explains_each_criterion_with_rule_and_hedge(en_client):
    screen(en_client, "judicial-relief", REVIEW)
    body = page(en_client, RESULT.format(slug="judicial-relief"))
    for key in ("natural_person", "urgent_hardship", "covered_category", "uncompensated", "once_per_case"):
        assert f'id="criterion-{key}"' in body
    assert "JZ-01 · 救助意见 Arts.1–2" in body
    assert "secondary source — to be confirmed by the court" in body
    assert 'JZ-09 · no source located · <span class="hedge">unconfirmed — ask the court</span>' in body
    assert "Not known yet" in body
    assert "ask for one before you apply" in body
    assert "What is uncertain" in body


def test_the_cap_never_invents_a_number_without_a_sourced_wage(en_client):
    screen(en_client, "judicial-relief", ELIGIBLE)
    body = page(en_client, RESULT.format(slug="judicial-relief"))
    assert "36 × the previous year's average monthly wage of employees in Guangdong" in body
    assert "We have no published figure for it, so we cannot give an amount: the court sets it." in body
    assert "Relief is never more than what you are owed: CN¥50,000.00." in body
    assert "Usual upper limit: CN¥" not in body


def test_the_evidence_checklist_lists_what_to_prepare(zh_client):
    screen(zh_client, "judicial-relief", ELIGIBLE, lang="zh")
    body = page(zh_client, RESULT.format(slug="judicial-relief"))
    assert "救助申请书" in body and "生活困难证明" in body and "亲属关系证明" in body


def test_debt_exit_result_lists_what_you_keep_and_the_procedure(en_client):
    screen(en_client, "debt-exit", SHENZHEN)
    body = page(en_client, RESULT.format(slug="debt-exit"))
    assert "Where to go: the bankruptcy court of the Shenzhen Intermediate People" in body
    assert "What you could keep" in body and "Medals and honours" in body and "(not confirmed)" in body
    assert "inspection period of 3 years" in body


def test_back_links_walk_the_questions_in_order(en_client):
    screen(en_client, "judicial-relief", ELIGIBLE)
    body = page(en_client, "/screening/judicial-relief/q/category")
    assert 'class="back-link" href="/screening/judicial-relief/q/applicant_kind"' in body
    first = page(en_client, "/screening/judicial-relief/q/applicant_kind")
    assert 'class="back-link" href="/screening/judicial-relief"' in first


def test_an_unfinished_questionnaire_sends_the_result_page_to_the_next_question(client):
    client.get("/language/en")
    response = client.get(RESULT.format(slug="debt-exit"))
    assert response.status_code == 302 and response.headers["Location"].endswith("/q/debtor_kind")


def test_unknown_screening_and_question_are_404(en_client):
    assert en_client.get("/screening/bankruptcy").status_code == 404
    assert en_client.get("/screening/judicial-relief/q/not_a_question").status_code == 404


# --- bad input on every question ------------------------------------------------------------------

BAD = {
    "RadioField": ["", "maybe"],
    "SelectField": ["", "99"],
    "count": ["", "abc", "-1", "1.5", "99999"],
    "money": ["abc", "-5", "1.234", "99999999999"],
}
REQUIRED_MONEY = ("household_income", "debts_total", "assets_value")


def _cases():
    for slug, questions in QUESTIONS.items():
        for question in questions:
            field = getattr(question.form, question.key)
            kind = field.field_class.__name__
            if kind == "StringField":
                kind = "count" if question.key in ("household_size", "social_insurance_months") else "money"
            values = BAD[kind] + ([""] if question.key in REQUIRED_MONEY else [])
            for value in values:
                yield pytest.param(slug, question.key, value, id=f"{slug}-{question.key}-{value or 'empty'}")


def _reach(client, slug: str, key: str) -> None:
    """Answer what comes before ``key`` so that it is asked."""
    answers = {**ELIGIBLE, "fault": "no"} if slug == "judicial-relief" else {**ZHEJIANG, "debt_cause": "other"}
    if key in ("shenzhen", "debt_cause"):
        answers["residence_province"] = "44"
    if key == "xiamen":
        answers["residence_province"] = "35"
    if key == "company_consent":
        answers = COMPANY
    if key == "fault":
        answers["category"] = "traffic_accident"
    with client.session_transaction() as store:
        store["screening"] = {"answers": {k: v for k, v in answers.items() if k != key}}


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(("slug", "key", "value"), list(_cases()))
def test_bad_input_is_explained_and_changes_nothing(client, slug, key, value, lang):
    client.get(f"/language/{lang}")
    _reach(client, slug, key)
    with client.session_transaction() as store:
        before = dict(store["screening"]["answers"])
    response = client.post(f"/screening/{slug}/q/{key}", data={key: value})
    assert response.status_code == 400, response.status_code
    body = response.get_data(as_text=True)
    assert 'class="error-summary"' in body and 'class="error-message"' in body
    assert ("There is a problem" if lang == "en" else "出现了问题") in body or "error-summary-title" in body
    with client.session_transaction() as store:
        assert store["screening"]["answers"] == before


def test_every_question_has_help_and_a_translated_message(zh_client):
    _reach(zh_client, "judicial-relief", "household_size")
    body = zh_client.post("/screening/judicial-relief/q/household_size", data={"household_size": "abc"})
    text = body.get_data(as_text=True)
    assert "请只用数字填写整数" in text
    assert "算上您自己" in text  # the help under the question


def test_switching_language_on_a_question_keeps_the_answer_and_saves_nothing(client):
    client.get("/language/en")
    client.post("/screening/judicial-relief", data={})
    response = client.post(
        "/screening/judicial-relief/q/applicant_kind", data={"applicant_kind": "natural_person", "_lang": "zh"}
    )
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    assert "由谁申请？" in body and 'checked id="applicant_kind-0"' in body
    with client.session_transaction() as store:
        assert not (store.get("screening") or {}).get("answers")


def test_the_result_shows_income_per_person(en_client):
    screen(en_client, "judicial-relief", ELIGIBLE)
    assert "CN¥500.00 per person per month" in page(en_client, RESULT.format(slug="judicial-relief"))
