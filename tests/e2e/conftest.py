"""Browser journeys: the real portal on a free port, seeded with the demo court, driven by Debian's Chromium.

Skipped with a clear reason only when no browser exists and CI is unset; in CI a missing browser fails.
"""

from __future__ import annotations

import os
import shutil
import socket
import tempfile
import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"no browser at {CHROMIUM}: .ci/run installs Debian's chromium")
        pytest.skip(f"no browser at {CHROMIUM} (apt-get install chromium); skipped outside CI")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def live_portal():
    """A portal with its own seeded SQLite database and upload folder, served from a thread."""
    from flask_migrate import upgrade

    from portal import create_app
    from portal.config import TestConfig
    from portal.seed.demo import DemoGenerator

    folder = Path(tempfile.mkdtemp(prefix="portal-e2e-"))

    class Config(TestConfig):
        SQLALCHEMY_DATABASE_URI = f"sqlite:///{folder}/e2e.db"
        UPLOAD_FOLDER = str(folder / "uploads")
        WTF_CSRF_ENABLED = True  # the browser goes through CSRF like a citizen
        FIXED_TODAY = "2026-11-02"

    app = create_app(Config)
    with app.app_context():
        upgrade()
        result = DemoGenerator().generate()
    port = _free_port()
    server = make_server("127.0.0.1", port, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield {"url": f"http://127.0.0.1:{port}", "app": app, "demo": result, "folder": folder}
    server.shutdown()
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture()
def page(browser, live_portal):
    context = browser.new_context(viewport={"width": 1100, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def sign_in(page, base: str, email: str, lang: str) -> None:
    page.goto(f"{base}/language/{lang}?next=/accounts/sign-in")
    page.fill("#email", email)
    page.fill("#password", "demo-portal-2026")
    page.locator("#sign-in-form button[type=submit]").click()
    page.wait_for_load_state()
