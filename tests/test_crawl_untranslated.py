"""A crawl of the portal as each kind of user sees it, in Chinese: no English sentence may reach a Chinese page.

The catalogue test (test_translations.py) proves every marked string has a translation; this one catches what was
never marked — English typed straight into a template or a view. It follows every same-site link from the home
page and the dashboards, signed in as the demo applicant, debtor and staff, and fails on a run of English words.
"""

from __future__ import annotations

import re
from collections import deque
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest

from portal.seed.demo import DEMO_PASSWORD, DemoGenerator

# Words that are the same in a Chinese page: language names, formats, product names, rule sources in Latin script.
ALLOWED = {"English", "PDF", "CSV", "JPEG", "PNG", "KB", "MB", "API", "TOTP", "OpenAPI", "JSON", "ID"}
ENGLISH_RUN = re.compile(r"\b[A-Za-z][a-z]+(?:[ ,'-]+[A-Za-z][a-z]+){2,}\b")
SKIP = ("/language/", "/static/", "/accounts/sign-out", ".pdf", ".csv", "/files/", "/api/")
MAX_PAGES = 400


class _Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.text: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "code"):
            self._skip += 1
        attributes = dict(attrs)
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"])
        for name in ("aria-label", "title", "placeholder", "alt"):
            if attributes.get(name):
                self.text.append(attributes[name])
        if tag == "input" and attributes.get("type") in ("submit", "button") and attributes.get("value"):
            self.text.append(attributes["value"])

    def handle_endtag(self, tag):
        if tag in ("script", "style", "code") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.text.append(data)


def _english_runs(text: str) -> list[str]:
    runs = []
    for match in ENGLISH_RUN.finditer(text):
        words = re.findall(r"[A-Za-z]+", match.group(0))
        if not all(w in ALLOWED for w in words):
            runs.append(match.group(0))
    return runs


def _crawl(client, starts: list[str]) -> dict[str, list[str]]:
    seen, found = set(), {}
    todo = deque(starts)
    while todo and len(seen) < MAX_PAGES:
        path = todo.popleft()
        if path in seen:
            continue
        seen.add(path)
        response = client.get(path, follow_redirects=True)  # "new submission" links redirect to the draft's first page
        if response.status_code != 200 or response.mimetype != "text/html":
            continue
        path = response.request.path
        page = _Page()
        page.feed(response.get_data(as_text=True))
        runs = _english_runs(" ".join(page.text))
        if runs:
            found[path] = runs[:5]
        for href in page.links:
            target = urlsplit(urljoin(path, href))
            if target.netloc or not target.path.startswith("/") or any(s in target.path for s in SKIP):
                continue
            # One page per shape of URL is enough: /cases/17 and /cases/18 show the same strings.
            shape = re.sub(r"\d+", "N", target.path)
            if shape not in {re.sub(r"\d+", "N", p) for p in seen} or len(seen) < 60:
                todo.append(target.path + (f"?{target.query}" if target.query else ""))
    return found


@pytest.fixture()
def demo(session, app):
    app.config["FIXED_TODAY"] = "2026-11-02"
    DemoGenerator().generate()
    yield
    app.config["FIXED_TODAY"] = None


@pytest.mark.parametrize(
    ("email", "starts"),
    [
        (None, ["/", "/guides/", "/accounts/sign-in", "/accounts/register"]),
        ("applicant@demo.test", ["/accounts/", "/submissions/"]),
        ("debtor@demo.test", ["/accounts/", "/submissions/"]),
        ("handler.futian@demo.court", ["/court/queue"]),
        ("supervisor.futian@demo.court", ["/court/dashboard", "/court/queue"]),
        ("administrator.futian@demo.court", ["/court/outbox"]),
    ],
    ids=["anonymous", "applicant", "debtor", "handler", "supervisor", "administrator"],
)
def test_no_english_on_chinese_pages(client, demo, email, starts):
    client.get("/language/zh")
    if email:
        response = client.post("/accounts/sign-in", data={"email": email, "password": DEMO_PASSWORD})
        assert response.status_code == 302
    found = _crawl(client, starts)
    assert found == {}, "English on Chinese pages (mark the strings for translation): " + repr(found)
