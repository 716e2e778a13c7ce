"""The court queue end to end, as `make run` runs it: a portal process, a Huey worker, the demo court.

The demo applicant files a clue; the handler of that court claims it and asks for more; the applicant answers;
the handler accepts it and the terminated case resumes; the applicant sees the decision and gets the email; the
court's case system receives each event exactly once, signed; the supervisor's dashboard moves. In both languages.
"""

from __future__ import annotations

import json
import re
import socket
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from playwright.sync_api import expect

from portal.seed.courts import DEMO_COURTS
from portal.services.outbox import verify_signature
from tests.e2e.conftest import sign_in
from tests.e2e.stack import Stack, WebhookReceiver, eventually

pytestmark = pytest.mark.e2e

SECRET = "e2e-webhook-secret"
WORDS = {
    "zh": {
        "resumed": "已恢复执行",
        "accepted": "予以采纳",
        "question": "请补充车辆停放地点",
        "answer": "车停在小区地下车库B2层",
    },
    "en": {
        "resumed": "Enforcement resumed",
        "accepted": "accepted",
        "question": "Where is the car usually parked?",
        "answer": "In the basement car park, level B2",
    },
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def stack(browser):
    folder = Path(tempfile.mkdtemp(prefix="portal-stack-"))
    hook_port = _free_port()
    env = {
        "FIXED_TODAY": "2026-11-02",
        "WEBHOOK_URL": f"http://127.0.0.1:{hook_port}/events",
        "WEBHOOK_SECRET": SECRET,
    }
    with WebhookReceiver(hook_port) as receiver, Stack(folder, _free_port(), env) as running:
        yield running, receiver


def _terminated_cases(page, base) -> list[str]:
    page.goto(f"{base}/accounts/")
    links = page.locator("main a[href^='/cases/']")
    found = []
    for href in [links.nth(i).get_attribute("href") for i in range(links.count())]:
        page.goto(base + href)
        if page.locator("#conditions").count():
            found.append(href)
    return found


def _file_vehicle_clue(page, base, case_href: str, plate: str) -> str:
    page.goto(base + case_href)
    page.locator("#actions a").first.click()
    page.locator("input[value=vehicle]").check()
    page.locator("#step-form button[type=submit]").click()
    page.fill("#plate", plate)
    page.locator("#step-form button[type=submit]").click()
    page.locator("input[name=urgent][value=no]").check()
    page.locator("#step-form button[type=submit]").click()
    page.locator("button[name=continue]").click()
    page.locator("#check-form button").click()
    return page.inner_text("#reference")


def _court_slug(case_number: str) -> str:
    return next(c["slug"] for c in DEMO_COURTS if c["code"] in case_number)


def _decided_count(page, base) -> str:
    page.goto(f"{base}/court/dashboard")
    return page.inner_text("#by-kind")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_clue_goes_from_the_applicant_through_the_court_and_back(browser, stack, lang):
    running, receiver = stack
    base, words = running.url, WORDS[lang]
    applicant = browser.new_context(viewport={"width": 1100, "height": 900}).new_page()
    staff = browser.new_context(viewport={"width": 1100, "height": 900}).new_page()
    supervisor = browser.new_context(viewport={"width": 1100, "height": 900}).new_page()
    for page in (applicant, staff, supervisor):
        page.set_default_timeout(15_000)

    sign_in(applicant, base, "applicant@demo.test", lang)
    applicant.goto(f"{base}/language/{lang}?next=/accounts/")  # signed in: also the language of the emails
    # Each run resumes the case it used, so the next run takes the next terminated case.
    case_href = _terminated_cases(applicant, base)[0]
    applicant.goto(base + case_href)
    case_number = re.search(r"（\d{4}）\S+?号", applicant.inner_text("h1")).group(0)
    reference = _file_vehicle_clue(applicant, base, case_href, f"粤B6{'1' if lang == 'zh' else '2'}234")

    slug = _court_slug(case_number)
    sign_in(supervisor, base, f"supervisor.{slug}@demo.court", lang)
    board_before = _decided_count(supervisor, base)

    sign_in(staff, base, f"handler.{slug}@demo.court", lang)
    staff.goto(f"{base}/court/queue?q={reference}")
    staff.locator(f"a:has-text('{reference}')").first.click()
    staff.locator("form[action$='/claim'] button").click()
    staff.fill("#question", words["question"])
    staff.locator("#info-form button").click()
    expect(staff.locator("main")).to_contain_text(words["question"])  # the question is in the thread

    applicant.goto(f"{base}/submissions/{reference}")
    expect(applicant.locator("main")).to_contain_text(words["question"])
    applicant.fill("#body", words["answer"])
    applicant.locator("#reply-form button[type=submit]").click()
    expect(applicant.locator("#reply-form")).to_have_count(0)  # answered: the item is back with the court

    staff.reload()
    expect(staff.locator("main")).to_contain_text(words["answer"])
    staff.select_option("#code", "clue_verified_resumed")
    staff.fill("#text", words["answer"])
    staff.locator("#decision-form button").click()
    expect(staff.locator("#decision-form")).to_have_count(0)

    applicant.goto(f"{base}/submissions/{reference}")
    assert applicant.locator("#decision").is_visible()
    applicant.goto(base + case_href)
    assert words["resumed"] in applicant.inner_text("#case-status")

    # The worker sends the emails in the applicant's language (the account's), one of them the decision.
    decided = eventually(lambda: [m for m in running.mails() if reference in m and words["accepted"] in m])
    assert decided, "no decision email"

    # The court's system gets every event of this submission exactly once, each signed.
    def events_for_reference():
        found = []
        for headers, body in receiver.deliveries:
            if json.loads(body)["payload"].get("reference") == reference:
                found.append((headers, body))
        return found if any(b"submission.decided" in body for _h, body in found) else None

    received = eventually(events_for_reference)
    assert received, "the decision never reached the court's system"
    ids = [h["X-Portal-Delivery"] for h, _b in received]
    assert len(ids) == len(set(ids))
    assert sum(1 for h, _b in received if h["X-Portal-Event"] == "submission.decided") == 1
    for headers, body in received:
        assert verify_signature(
            SECRET,
            headers["X-Portal-Timestamp"],
            body,
            headers["X-Portal-Signature"],
            now=datetime.now(UTC),
        )

    assert _decided_count(supervisor, base) != board_before
