"""More citizens' journeys in a real browser, in Chinese and in English: linking a case with the details on the
court's notice, and asking for enforcement of a terminated case to be resumed.
"""

from __future__ import annotations

import re

import pytest
from sqlalchemy import delete, select

from tests.e2e.conftest import sign_in

pytestmark = pytest.mark.e2e

WORDS = {
    "zh": {
        "linked": "案件已关联到您的账号",
        "no_match": "未能根据您填写的信息找到对应的案件",
        "terminated": "终结本次执行",
        "met": "已满足",
        "not_recorded": "无记录",
        "property": "被执行人名下有一套位于深圳市南山区的住房，2026年10月刚办完过户登记。",
        "how": "在不动产登记中心查询得知。",
        "deadline": "2026年11月9日",
        "not_possible": "提交的内容有误",
    },
    "en": {
        "linked": "The case has been linked to your account",
        "no_match": "We could not match these details to a case",
        "terminated": "Terminated for now",
        "met": "Met",
        "not_recorded": "Not recorded",
        "property": "The debtor owns a flat in Nanshan District, Shenzhen, registered in October 2026.",
        "how": "A search at the real estate registry.",
        "deadline": "November 9, 2026",
        "not_possible": "Something in the request was not right",
    },
}


@pytest.fixture()
def spare_unlinked(live_portal):
    """The spare case is linked by the test and unlinked after it, so other journeys still see three cases."""
    yield live_portal["demo"].spare
    from portal.extensions import db
    from portal.models import Case, CaseLink, CaseParty

    with live_portal["app"].app_context():
        parties = select(CaseParty.id).join(Case).where(Case.number == live_portal["demo"].spare.number)
        db.session.execute(delete(CaseLink).where(CaseLink.case_party_id.in_(parties)))
        db.session.commit()


def _case_hrefs(page, base) -> list[str]:
    page.goto(f"{base}/accounts/")
    links = page.locator("main a[href^='/cases/']")
    return [links.nth(i).get_attribute("href") for i in range(links.count())]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_applicant_links_the_spare_case_and_reads_its_status_and_checklist(page, live_portal, spare_unlinked, lang):
    base, words, spare = live_portal["url"], WORDS[lang], spare_unlinked
    sign_in(page, base, "applicant@demo.test", lang)
    before = _case_hrefs(page, base)

    page.goto(f"{base}/accounts/link-case")
    # A wrong access code changes nothing and says so, without telling which detail was wrong.
    page.fill("#case_number", spare.number)
    page.fill("#id_number", spare.id_number)
    page.fill("#access_code", "AAAA-AAAA")
    page.check("#confirm_party")
    page.locator("#link-form button[type=submit]").click()
    assert page.locator(".error-summary").is_visible()
    assert words["no_match"] in page.inner_text(".error-summary")
    assert _case_hrefs(page, base) == before

    page.goto(f"{base}/accounts/link-case")
    page.fill("#case_number", spare.number)
    page.fill("#id_number", spare.id_number)
    page.fill("#access_code", spare.access_code.lower().replace("-", ""))  # as people type it
    page.check("#confirm_party")
    page.locator("#link-form button[type=submit]").click()
    assert words["linked"] in page.inner_text("body")  # the flash above the page
    assert page.locator("html").get_attribute("lang") == ("zh-CN" if lang == "zh" else "en")
    assert spare.number in page.inner_text("h1")
    assert words["terminated"] in page.inner_text("#case-status")
    # The five conditions and the applicant's interview, each with its state. The court's record of this case
    # has no consumption restriction order: that condition is shown as not recorded, and an objection offered.
    assert page.locator("#conditions").is_visible()
    assert page.locator("[id^=condition-]").count() == 6
    assert page.locator("#condition-consumption_order_and_listing .tag").inner_text() == words["not_recorded"]
    assert page.locator("#condition-notice_and_report_order .tag").inner_text() == words["met"]
    assert page.locator("#objection").is_visible()
    assert page.locator("#actions a[href*='/objection/']").count() == 1

    assert len(_case_hrefs(page, base)) == len(before) + 1


def _terminated_case(page, base) -> None:
    """Open the first linked case that offers resumption (a terminated one)."""
    for href in _case_hrefs(page, base):
        page.goto(base + href)
        if page.locator("#conditions").count() and page.locator("#actions a[href*='/resumption_request/']").count():
            return
    raise AssertionError("the demo applicant has no terminated case to resume")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_applicant_asks_for_a_terminated_case_to_be_resumed(page, live_portal, lang):
    base, words = live_portal["url"], WORDS[lang]
    sign_in(page, base, "applicant@demo.test", lang)
    _terminated_case(page, base)
    page.locator("#actions a[href*='/resumption_request/']").click()
    # An empty answer is refused in the user's language, and nothing is filed.
    page.locator("#step-form button[type=submit]").click()
    assert page.locator(".error-summary").is_visible()
    page.fill("#property_found", words["property"])
    page.fill("#how_found", words["how"])
    page.locator("#step-form button[type=submit]").click()
    page.locator("button[name=continue]").click()
    assert words["property"] in page.inner_text("main")
    page.locator("#check-form button").click()

    reference = page.inner_text("#reference")
    assert re.fullmatch(r"ZB-2026-\d{6}", reference)
    # Filed on Monday 2026-11-02: the court verifies the property within 7 days.
    assert words["deadline"] in page.inner_text("#deadline")
    page.goto(f"{base}/submissions/")
    assert reference in page.inner_text("main")

    # Resumption is for terminated cases only: on the ongoing case it is neither offered nor accepted.
    for href in _case_hrefs(page, base):
        page.goto(base + href)
        if not page.locator("#conditions").count():
            assert page.locator("#actions a[href*='/resumption_request/']").count() == 0
            response = page.goto(f"{base}/submissions/new/resumption_request/{href.rsplit('/', 1)[-1]}")
            assert response.status == 400
            assert words["not_possible"] in page.inner_text("main")
            break
    else:
        pytest.fail("the demo applicant has no ongoing case")
