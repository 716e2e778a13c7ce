"""Accessibility: axe-core (vendored, tests/e2e/vendor/) on every page of the journeys, in both languages.

Public pages, sign-in and registration, the applicant's and the debtor's case pages, each page of a
submission (blank, with errors, and the check page), submissions, the staff queue, an item and the
dashboard. Any violation axe rates serious or critical fails, with the rule, the page and the element.
The context bypasses the CSP only so the test can inject axe; the portal's own pages never need that.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.conftest import sign_in

pytestmark = pytest.mark.e2e

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
SEVERE = ("serious", "critical")


@pytest.fixture()
def audit_page(browser, live_portal):
    context = browser.new_context(viewport={"width": 1100, "height": 900}, bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


class Auditor:
    def __init__(self, page, base: str, lang: str):
        self.page, self.base, self.lang = page, base, lang
        self.problems: list[str] = []
        self.audited: list[str] = []

    def goto(self, path: str) -> None:
        self.page.goto(path if path.startswith("http") else self.base + path)
        self.check()

    def check(self) -> None:
        page = self.page
        page.wait_for_load_state()
        expected = "zh-CN" if self.lang == "zh" else "en"
        assert page.locator("html").get_attribute("lang") == expected, page.url
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            """async () => await axe.run(document, {
                runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']},
                resultTypes: ['violations'],
            })"""
        )
        where = page.url.replace(self.base, "")
        self.audited.append(where)
        for violation in result["violations"]:
            if violation["impact"] in SEVERE:
                targets = [" ".join(map(str, node["target"])) for node in violation["nodes"][:3]]
                self.problems.append(
                    f"[{self.lang}] {where}: {violation['id']} ({violation['impact']}) {violation['help']} — {targets}"
                )

    def links(self, selector: str, limit: int = 3) -> list[str]:
        found = self.page.locator(selector)
        hrefs = [found.nth(i).get_attribute("href") for i in range(found.count())]
        return list(dict.fromkeys(h for h in hrefs if h))[:limit]

    def submit(self) -> None:
        self.page.locator("#step-form button[type=submit]").click()
        self.check()

    def assert_clean(self, at_least: int) -> None:
        assert len(self.audited) >= at_least, self.audited
        assert not self.problems, f"{len(self.problems)} serious or critical accessibility problems:\n" + "\n".join(
            self.problems
        )


def _auditor(page, live_portal, lang, email=None) -> Auditor:
    base = live_portal["url"]
    if email:
        sign_in(page, base, email, lang)
    else:
        page.goto(f"{base}/language/{lang}?next=/")
    return Auditor(page, base, lang)


LANGS = ["zh", "en"]


@pytest.mark.parametrize("lang", LANGS)
def test_public_pages(audit_page, live_portal, lang):
    audit = _auditor(audit_page, live_portal, lang)
    audit.goto("/")
    audit.goto("/guides/")
    for href in audit.links("main a[href^='/guides/']", limit=10):
        audit.goto(href)
    audit.goto("/accounts/sign-in")
    audit_page.locator("#sign-in-form button[type=submit]").click()  # the page with its error messages
    audit.check()
    audit.goto("/accounts/register")
    audit_page.locator("main form button[type=submit]").last.click()
    audit.check()
    audit.goto("/no/such/page")
    audit.assert_clean(at_least=9)


@pytest.mark.parametrize("lang", LANGS)
def test_screening_and_contact_pages(audit_page, live_portal, lang):
    audit = _auditor(audit_page, live_portal, lang)
    audit.goto("/screening/")
    for slug in ("judicial-relief", "debt-exit"):
        audit.goto(f"/screening/{slug}")
        audit_page.locator("main form button[type=submit]").last.click()  # start: the first question
        audit.check()
        audit_page.locator("main form button[type=submit]").last.click()  # no answer: the error state
        audit.check()
    audit.goto("/contact")
    audit_page.locator("main form button[type=submit]").last.click()
    audit.check()
    audit.assert_clean(at_least=7)


@pytest.mark.parametrize("lang", LANGS)
def test_the_opened_assistant_panel(audit_page, live_portal, lang):
    audit = _auditor(audit_page, live_portal, lang)
    audit.goto("/")
    audit_page.locator("#chat-launcher").click()
    audit_page.locator("#chat-panel").wait_for(state="visible")  # no assistant here: the offline answer shows
    audit.check()
    audit.assert_clean(at_least=2)


@pytest.mark.parametrize("lang", LANGS)
def test_applicant_pages_and_a_submission(audit_page, live_portal, lang):
    audit = _auditor(audit_page, live_portal, lang, "applicant@demo.test")
    audit.goto("/accounts/")
    cases = audit.links("main a[href^='/cases/']")
    assert cases
    for href in cases:
        audit.goto(href)
    audit.goto("/accounts/link-case")
    audit_page.locator("main form button[type=submit]").last.click()
    audit.check()
    audit.goto("/submissions/")
    for href in audit.links("main a[href^='/submissions/ZB']", limit=2):
        audit.goto(href)
    # A property clue on the last case (the browser journeys use the first), page by page, errors included.
    audit.goto(cases[-1])
    starts = audit.links("#actions a[href^='/submissions/new/property_clue']", limit=1)
    if starts:
        audit.goto(starts[0])
        audit.submit()  # nothing chosen: the error summary
        audit_page.locator("input[value=vehicle]").check()
        audit.submit()
        audit.submit()  # no plate: errors
        audit_page.fill("#plate", "粤B7A11Z" if lang == "zh" else "粤B7A22Z")
        audit.submit()
        audit_page.locator("input[name=urgent][value=no]").check()
        audit.submit()  # evidence
        audit_page.locator("main form button[name=continue]").click()
        audit.check()  # check and confirm
        audit_page.locator("main form button[type=submit]").last.click()
        audit.check()  # the confirmation (filing it also keeps a resumed draft out of the other language's run)
    audit.assert_clean(at_least=8)


@pytest.mark.parametrize("lang", LANGS)
def test_debtor_pages_and_a_request(audit_page, live_portal, lang):
    audit = _auditor(audit_page, live_portal, lang, "debtor@demo.test")
    audit.goto("/accounts/")
    for href in audit.links("main a[href^='/cases/']"):
        audit.goto(href)
    starts = audit.links("a[href^='/submissions/new/']", limit=1)
    assert starts, "the debtor's case page offers requests"
    audit.goto(starts[0])
    audit.submit()
    audit.assert_clean(at_least=4)


@pytest.fixture()
def queued_item(live_portal):
    """One filed clue in a court's queue (the demo seeds none), made once per portal through the services;
    returns the email of that court's supervisor."""
    if "a11y_item" not in live_portal:
        from sqlalchemy import select

        from portal.clock import now, today
        from portal.extensions import db
        from portal.models import PartyRole, StaffRole, User
        from portal.services import drafts, submissions
        from portal.submissions.kinds import KINDS

        with live_portal["app"].app_context():
            user = db.session.scalar(select(User).where(User.email == "applicant@demo.test"))
            link = next(k for k in user.links if k.case_party.role is PartyRole.APPLICANT)
            spec = KINDS["property_clue"]
            draft = drafts.start(user, link.case_party.case_id, spec, today=today())
            drafts.save_step(
                draft,
                spec,
                {"clue_type": "other", "description": "他在福田区有一间出租的商铺，租客每月付租金。", "urgent": "no"},
            )
            item = submissions.submit(draft, spec, user, language="zh", now=now())
            supervisor = db.session.scalar(
                select(User).where(User.court_id == item.court_id, User.role == StaffRole.SUPERVISOR)
            )
            live_portal["a11y_item"] = supervisor.email
    return live_portal["a11y_item"]


@pytest.mark.parametrize("lang", LANGS)
def test_staff_queue_item_and_dashboard(audit_page, live_portal, queued_item, lang):
    audit = _auditor(audit_page, live_portal, lang, queued_item)
    audit.goto("/court/queue")
    for href in audit.links("main a[href^='/court/items/']", limit=2):
        audit.goto(href)
    audit.goto("/court/dashboard")
    audit.goto("/court/queue?overdue=1")
    audit.assert_clean(at_least=4)


def test_the_audit_sees_a_serious_violation(audit_page, live_portal):
    """A page with a nameless button and an image without text fails: the check is not blind."""
    audit = _auditor(audit_page, live_portal, "zh")
    audit_page.goto(live_portal["url"] + "/")
    audit_page.evaluate(
        """() => { const main = document.querySelector('main');
                   main.insertAdjacentHTML('beforeend', '<button></button><img src="/static/none.png">'); }"""
    )
    audit.check()
    found = " ".join(audit.problems)
    assert "button-name" in found and "image-alt" in found, audit.problems
