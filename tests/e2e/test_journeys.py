"""The citizens' journeys in a real browser, in Chinese and in English."""

from __future__ import annotations

import io
import re

import pytest
from PIL import Image
from pypdf import PdfReader

from tests.e2e.conftest import sign_in

pytestmark = pytest.mark.e2e


def _photo(tmp_path):
    path = tmp_path / "car.jpg"
    Image.new("RGB", (120, 80), (20, 60, 200)).save(path, "JPEG")
    return path


def _first_case(page, base):
    page.goto(f"{base}/accounts/")
    return page.locator("main a[href^='/cases/']").first.get_attribute("href")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_applicant_reads_a_terminated_case(page, live_portal, lang):
    base = live_portal["url"]
    sign_in(page, base, "applicant@demo.test", lang)
    page.goto(f"{base}/accounts/")
    links = page.locator("main a[href^='/cases/']")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert len(hrefs) == 3
    seen_conditions = False
    for href in hrefs:
        page.goto(base + href)
        if page.locator("#conditions").count():
            seen_conditions = True
            assert page.locator("[id^=condition-]").count() == 6
            assert page.locator("html").get_attribute("lang") == ("zh-CN" if lang == "zh" else "en")
    assert seen_conditions


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_applicant_sends_an_urgent_vehicle_clue_and_downloads_receipts(page, live_portal, tmp_path, lang):
    base = live_portal["url"]
    plate = f"粤B3{1 if lang == 'zh' else 2:04d}"
    sign_in(page, base, "applicant@demo.test", lang)
    page.goto(base + _first_case(page, base))
    page.locator("#actions a").first.click()
    page.locator("input[value=vehicle]").check()
    page.locator("#step-form button[type=submit]").click()
    page.fill("#plate", plate.lower())
    page.locator("#step-form button[type=submit]").click()
    page.locator("input[name=urgent][value=yes]").check()
    page.fill("#urgent_reason", "他正在二手车平台上挂卖这辆车")
    page.locator("#step-form button[type=submit]").click()
    page.set_input_files("#files", str(_photo(tmp_path)))
    page.locator("button[name=upload]").click()
    assert page.locator("table tbody tr").count() == 1
    page.locator("button[name=continue]").click()
    assert plate in page.inner_text("main")
    page.locator("#check-form button").click()
    reference = page.inner_text("#reference")
    assert re.fullmatch(r"ZB-2026-\d{6}", reference)
    # Filed on Monday 2026-11-02, urgent: 3 days.
    assert ("2026年11月5日" if lang == "zh" else "November 5, 2026") in page.inner_text("#deadline")
    for receipt_lang in ("zh", "en"):
        with page.expect_download() as download:
            page.locator(f"a[href$='lang={receipt_lang}']").first.click()
        data = download.value.path().read_bytes()
        text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
        assert reference in text and plate in text
    # The same plate again is recognised.
    page.goto(base + _first_case(page, base))
    page.locator("#actions a").first.click()
    page.locator("input[value=vehicle]").check()
    page.locator("#step-form button[type=submit]").click()
    page.fill("#plate", plate)
    page.locator("#step-form button[type=submit]").click()
    page.locator("input[name=urgent][value=no]").check()
    page.locator("#step-form button[type=submit]").click()
    page.locator("button[name=continue]").click()
    assert page.locator("#duplicate").is_visible()
    assert reference in page.inner_text("#duplicate")
    assert page.locator("#check-form").count() == 0


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_debtor_reads_obligations_and_asks_for_a_correction(page, live_portal, lang):
    base = live_portal["url"]
    sign_in(page, base, "debtor@demo.test", lang)
    page.goto(f"{base}/accounts/")
    links = page.locator("main a[href^='/cases/']")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    for href in hrefs:
        page.goto(base + href)
        assert page.locator("#amount .amount").inner_text().startswith(("¥", "CN¥"))
        if page.locator("#actions a[href*=restriction_lifting]").count():
            break
    else:
        pytest.fail("the demo debtor has no case with a restriction")
    page.locator("#actions a[href*=restriction_lifting]").click()
    page.locator("input[name=restriction][value=consumption]").check()
    page.locator("input[name=basis][value=applicant_consent]").check()
    page.fill("#explanation", "申请执行人已书面同意解除限制消费。")
    page.locator("#step-form button[type=submit]").click()
    page.locator("button[name=continue]").click()
    page.locator("#check-form button").click()
    assert re.fullmatch(r"ZB-2026-\d{6}", page.inner_text("#reference"))
    # And a correction of the dishonest listing, where there is one.
    page.goto(base + href)
    correction = page.locator("#actions a[href*=dishonest_correction]")
    assert correction.count() == 1, "the demo debtor is listed as dishonest in this case"
    correction.click()
    page.locator("input[value=should_be_deleted]").check()
    page.fill("#explanation", "本案终本后法院两次查询均未发现财产，应当删除失信信息。")
    page.locator("#step-form button[type=submit]").click()
    page.locator("button[name=continue]").click()
    page.locator("#check-form button").click()
    assert re.fullmatch(r"ZB-2026-\d{6}", page.inner_text("#reference"))


def test_the_language_switch_keeps_the_answers_on_a_form(page, live_portal):
    base = live_portal["url"]
    page.goto(f"{base}/language/zh?next=/accounts/register")
    page.fill("#display_name", "王芳")
    page.fill("#email", "wang.fang@example.com")
    page.locator("button[name=_lang][value=en]").click()
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.input_value("#display_name") == "王芳"
    assert page.input_value("#email") == "wang.fang@example.com"
