"""`make screenshots`: a full-page PNG of every main page, in Chinese and in English, into docs/screenshots/.

The portal runs as `make run` runs it (tests/e2e/stack.py: a fresh demo court in a temporary folder, "today"
pinned to 2026-11-02 so the pictures do not drift), driven by Debian's Chromium with the suite's flags. Each
demo account signs in as needed; one property clue is filed per language so that a check page, a confirmation
and a court item exist. The PNGs are reduced to a 256-colour palette: the pages are flat colours and text.

    .venv/bin/python -m tests.e2e.screenshots [--only NAME ...]
"""

from __future__ import annotations

import argparse
import io
import shutil
import socket
import sys
import tempfile
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

from tests.e2e.conftest import CHROMIUM, FLAGS, sign_in
from tests.e2e.stack import ROOT, Stack

OUT = ROOT / "docs" / "screenshots"
WIDTH = 1100
TODAY = "2026-11-02"
PLATES = {"zh": "粤B7A321", "en": "粤B7A322"}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Camera:
    def __init__(self, browser, base: str, only: set[str]):
        self.browser = browser
        self.base = base
        self.only = only
        self.saved: list[Path] = []

    def page(self):
        context = self.browser.new_context(viewport={"width": WIDTH, "height": 800}, accept_downloads=True)
        page = context.new_page()
        page.set_default_timeout(20_000)
        return page

    def shoot(self, page, name: str, lang: str) -> None:
        if self.only and name not in self.only:
            return
        page.wait_for_load_state("networkidle")
        page.evaluate("() => document.fonts.ready.then(() => true)")  # the bundled CJK font, where it is used
        # The viewport grown to the whole page, so fixed elements (the assistant's button) sit at its foot
        # rather than over the middle of a full-page capture.
        height = page.evaluate("() => document.documentElement.scrollHeight")
        page.set_viewport_size({"width": WIDTH, "height": height})
        raw = page.screenshot(animations="disabled")
        page.set_viewport_size({"width": WIDTH, "height": 800})
        image = Image.open(io.BytesIO(raw)).convert("RGB").quantize(256, method=Image.Quantize.MEDIANCUT)
        path = OUT / f"{name}-{lang}.png"
        image.save(path, "PNG", optimize=True)
        self.saved.append(path)
        print(f"  {path.relative_to(ROOT)}  {path.stat().st_size // 1024} KB")  # noqa: T201 - a command's output


def _public(camera: Camera, lang: str) -> None:
    page = camera.page()
    base = camera.base
    page.goto(f"{base}/language/{lang}?next=/")
    camera.shoot(page, "home", lang)
    page.goto(f"{base}/guides/")
    camera.shoot(page, "guides", lang)
    page.goto(f"{base}/guides/termination")
    camera.shoot(page, "guide-termination", lang)
    page.goto(f"{base}/accounts/sign-in")
    camera.shoot(page, "sign-in", lang)
    page.context.close()


def _terminated_case(page, base: str) -> str:
    page.goto(f"{base}/accounts/")
    links = page.locator("main a[href^='/cases/']")
    for href in [links.nth(i).get_attribute("href") for i in range(links.count())]:
        page.goto(base + href)
        if page.locator("#conditions").count():
            return href
    raise RuntimeError("the demo applicant has no terminated case")


def _photo(folder: Path) -> Path:
    path = folder / "car.jpg"
    Image.new("RGB", (320, 200), (40, 90, 160)).save(path, "JPEG")
    return path


def _applicant(camera: Camera, lang: str, folder: Path) -> str:
    """Dashboard, a terminated case, the clue form, its check page, the confirmation and the submission."""
    page = camera.page()
    base = camera.base
    sign_in(page, base, "applicant@demo.test", lang)
    camera.shoot(page, "applicant-dashboard", lang)
    case_href = _terminated_case(page, base)
    camera.shoot(page, "case-terminated", lang)
    page.goto(f"{base}/submissions/new/property_clue/{case_href.rsplit('/', 1)[-1]}")
    page.locator("input[value=vehicle]").check()
    camera.shoot(page, "clue-step", lang)
    page.locator("#step-form button[type=submit]").click()
    page.fill("#plate", PLATES[lang])
    page.fill("#vehicle", "白色丰田凯美瑞" if lang == "zh" else "White Toyota Camry")
    page.locator("#step-form button[type=submit]").click()
    page.locator("input[name=urgent][value=no]").check()
    page.locator("#step-form button[type=submit]").click()
    page.set_input_files("#files", str(_photo(folder)))
    page.locator("button[name=upload]").click()
    camera.shoot(page, "clue-evidence", lang)
    page.locator("button[name=continue]").click()
    camera.shoot(page, "clue-check", lang)
    page.locator("#check-form button").click()
    reference = page.inner_text("#reference")
    camera.shoot(page, "submission-confirmation", lang)
    page.goto(f"{base}/submissions/{reference}")
    camera.shoot(page, "submission", lang)
    _screening(camera, page, lang)
    page.context.close()
    return reference


def _screening(camera: Camera, page, lang: str) -> None:
    """The judicial-relief screening on the applicant's case: a question, the check page, the result."""
    base = camera.base
    page.goto(f"{base}/screening/judicial-relief")
    page.locator("#start-form button[type=submit]").click()
    camera.shoot(page, "screening-question", lang)
    for _ in range(40):
        if "/q/" not in page.url:
            break
        form = page.locator("#question-form")
        if form.locator("input[type=radio]").count():
            form.locator("input[type=radio]").last.check()  # "no" / the last option: a short path
        elif form.locator("select").count():
            form.locator("select").select_option(index=1)
        else:
            form.locator("input[type=text], input:not([type])").first.fill("2")
        form.locator("button[type=submit]").click()
    camera.shoot(page, "screening-check", lang)
    page.locator("#see-result").click()
    camera.shoot(page, "screening-result", lang)


def _debtor(camera: Camera, lang: str) -> None:
    page = camera.page()
    base = camera.base
    sign_in(page, base, "debtor@demo.test", lang)
    page.goto(f"{base}/accounts/")
    links = page.locator("main a[href^='/cases/']")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    for href in hrefs:  # the terminated case, with its restrictions and how to lift them
        page.goto(f"{base}/cases/{href.split('/')[2]}/obligations")
        if page.locator("#actions a[href*=restriction_lifting]").count():
            break
    camera.shoot(page, "debtor-obligations", lang)
    page.context.close()


def _court(camera: Camera, lang: str, reference: str) -> None:
    page = camera.page()
    base = camera.base
    sign_in(page, base, "handler.futian@demo.court", lang)
    page.goto(f"{base}/court/queue")
    camera.shoot(page, "staff-queue", lang)
    page.goto(f"{base}/court/queue?q={reference}")
    page.locator(f"a:has-text('{reference}')").first.click()
    camera.shoot(page, "staff-item", lang)
    page.context.close()
    page = camera.page()
    sign_in(page, base, "supervisor.futian@demo.court", lang)
    page.goto(f"{base}/court/dashboard")
    camera.shoot(page, "supervisor-dashboard", lang)
    page.context.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", default=[], help="page names to shoot (default: all)")
    args = parser.parse_args(argv)
    if not Path(CHROMIUM).exists():
        print(f"no browser at {CHROMIUM}: apt-get install chromium", file=sys.stderr)  # noqa: T201
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="portal-screenshots-"))
    try:
        with Stack(folder, _free_port(), {"FIXED_TODAY": TODAY}) as stack, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            camera = Camera(browser, stack.url, set(args.only))
            for lang in ("zh", "en"):
                print(f"{lang}:")  # noqa: T201
                _public(camera, lang)
                reference = _applicant(camera, lang, folder)
                _debtor(camera, lang)
                _court(camera, lang, reference)
            browser.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(f"{len(camera.saved)} screenshots in {OUT.relative_to(ROOT)}")  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main())
