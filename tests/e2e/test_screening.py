"""The judicial-relief screening in a real browser, in Chinese and English, and one application reaching the queue."""

from __future__ import annotations

import pytest
from PIL import Image

from portal.extensions import db
from portal.models import Submission, SubmissionKind
from tests.e2e.conftest import sign_in
from tests.portal.screening.conftest import ELIGIBLE, INELIGIBLE, REVIEW

pytestmark = pytest.mark.e2e

# The answer sets of the screening's own tests, so the browser and the test client answer alike.
OUTCOMES = {
    "likely_eligible": ELIGIBLE,
    "not_eligible": INELIGIBLE,
    "possibly_eligible": REVIEW,  # the court must see a certificate first
}
HEADLINE = {
    ("likely_eligible", "zh"): "很可能符合国家司法救助的条件",
    ("likely_eligible", "en"): "likely to qualify for state judicial relief",
    ("not_eligible", "zh"): "不太可能获得国家司法救助",
    ("not_eligible", "en"): "unlikely to get state judicial relief",
    ("possibly_eligible", "zh"): "可能符合国家司法救助的条件",
    ("possibly_eligible", "en"): "may qualify for state judicial relief",
}


def answer_all(page, answers: dict) -> list[str]:
    """Answer each question the page asks, one per page, until the check page."""
    asked = []
    while "/q/" in page.url:
        key = page.url.rsplit("/", 1)[1]
        asked.append(key)
        assert page.locator("a.back-link").count() == 1
        assert page.locator(".hint").first.inner_text()  # plain-language help under each question
        field = page.locator(f"[name={key}]").first
        tag, kind = field.evaluate("e => e.tagName"), field.get_attribute("type")
        if kind == "radio":
            page.locator(f"input[name={key}][value={answers[key]}]").check()
        elif tag == "SELECT":
            page.select_option(f"#{key}", answers[key])
        else:
            page.fill(f"#{key}", answers[key])
        page.locator("#question-form button[type=submit]").click()
        page.wait_for_load_state()
    assert page.url.endswith("/check"), page.url
    return asked


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("outcome", list(OUTCOMES))
def test_relief_screening_without_an_account(page, live_portal, outcome, lang):
    base = live_portal["url"]
    page.goto(f"{base}/language/{lang}?next=/")
    page.locator("#screenings a[href='/screening/judicial-relief']").click()
    page.locator("#start-form button[type=submit]").click()
    # A wrong answer first: explained, nothing saved.
    page.locator("#question-form button[type=submit]").click()
    assert page.locator(".error-summary").count() == 1
    asked = answer_all(page, OUTCOMES[outcome])
    assert "fault" not in asked  # a support claim has no incident to be at fault for
    page.locator("#see-result").click()
    assert page.locator("#outcome").get_attribute("data-outcome") == outcome
    assert HEADLINE[(outcome, lang)] in page.inner_text("#outcome")
    assert page.locator("[id^=criterion-]").count() == 6
    assert "2026-11-01" in page.inner_text("#rules-version")
    assert page.locator(".evidence-checklist li").count() >= 5
    assert page.locator("html").get_attribute("lang") == ("zh-CN" if lang == "zh" else "en")
    # No sourced wage for Guangdong: the formula, never an invented amount.
    amount = page.inner_text("#amount")
    assert ("36 倍" if lang == "zh" else "36 ×") in amount and "¥" in amount  # the ceiling owed, not a cap figure
    assert page.locator("#apply-form").count() == 0  # applying needs an account


def test_an_application_reaches_the_court_queue(page, live_portal, tmp_path):
    base = live_portal["url"]
    sign_in(page, base, "applicant@demo.test", "en")
    page.goto(f"{base}/accounts/")
    page.goto(base + page.locator("main a[href^='/cases/']").first.get_attribute("href"))
    page.locator("#screen-action").click()
    page.locator("#start-form button[type=submit]").click()
    asked = answer_all(page, {**ELIGIBLE, "category": "other", "fault": "no"})  # another claim asks about fault
    assert not {"route", "court_province", "amount_owed"} & set(asked)  # the court's record answers them
    page.locator("#see-result").click()
    assert page.locator("#outcome").get_attribute("data-outcome") in ("likely_eligible", "possibly_eligible")
    page.locator("#apply-form button[type=submit]").click()
    page.fill("#situation", "我一个人抚养两个孩子，被执行人一直不付抚养费，我们已经交不起房租了。")
    page.locator("#step-form button[type=submit]").click()
    photo = tmp_path / "certificate.jpg"
    Image.new("RGB", (120, 80), (240, 240, 240)).save(photo, "JPEG")
    page.set_input_files("#files", str(photo))
    page.locator("button[name=upload]").click()
    page.locator("button[name=continue]").click()
    assert "2026-11-01" in page.inner_text("main")  # the rules version travels with the application
    page.locator("#check-form button").click()
    reference = page.inner_text("#reference")
    # Filed on Monday 2026-11-02: JZ-07, 10 working days.
    assert "November 16, 2026" in page.inner_text("#deadline")
    with live_portal["app"].app_context():
        submission = db.session.query(Submission).filter_by(reference=reference).one()
        assert submission.kind is SubmissionKind.RELIEF_APPLICATION
        assert [a.original_name for a in submission.attachments] == ["certificate.jpg"]
        assert submission.answers["rules_version"] == "2026-11-01"
        assert submission.court_id is not None and submission.status.value == "received"
