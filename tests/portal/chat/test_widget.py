from __future__ import annotations

import re
from pathlib import Path

import pytest

from portal.extensions import db
from portal.models import Submission, SubmissionKind
from tests import factories

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("zh", ["问问智能助手", "给法院工作人员留言", "推荐回复"]),
        ("en", ["Ask the assistant", "Send court staff a message", "Suggested replies"]),
    ],
)
@pytest.mark.parametrize("path", ["/", "/guides/", "/guides/termination", "/accounts/sign-in", "/contact"])
def test_the_widget_is_on_every_page_translated(client, session, lang, words, path):
    client.get(f"/language/{lang}")
    page = client.get(path).get_data(as_text=True)
    assert 'id="chat"' in page and 'role="dialog"' in page and 'role="log"' in page
    assert 'aria-labelledby="chat-title"' in page and 'for="chat-input"' in page
    assert f'data-language="{lang}"' in page
    for word in words:
        assert word in page
    # Scripts only from our own static folder: no inline script, nothing from a CDN (CSP without unsafe-inline).
    scripts = re.findall(r"<script([^>]*)>", page)
    assert scripts and all('src="/static/js/' in attrs for attrs in scripts)
    assert "/static/js/chat.js" in page


def test_the_widget_script_never_puts_bot_text_in_as_html():
    source = (ROOT / "static" / "js" / "chat.js").read_text(encoding="utf-8")
    for unsafe in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "http://", "https://"):
        assert unsafe not in source
    assert "textContent" in source and "Escape" in source and "aria-expanded" in source


def test_the_saved_conversation_belongs_to_one_account(client, session):
    guest = re.search(r'data-who="([^"]+)"', client.get("/").get_data(as_text=True)).group(1)
    factories.sign_in(client, factories.citizen())
    signed_in = re.search(r'data-who="([^"]+)"', client.get("/").get_data(as_text=True)).group(1)
    assert guest == "guest" and signed_in != guest and len(signed_in) == 16


def test_the_contact_form_sends_an_inquiry_without_the_assistant(zh_client, session):
    factories.court()
    response = zh_client.post("/contact", data={"message": "请问终本后多久查一次财产？", "case_number": ""})
    assert response.status_code == 200
    submission = db.session.query(Submission).one()
    assert submission.kind is SubmissionKind.INQUIRY and submission.submitter_id is None
    body = response.get_data(as_text=True)
    assert submission.reference in body and "留言已发送" in body


def test_the_contact_form_refuses_an_empty_message(en_client, session):
    response = en_client.post("/contact", data={"message": " "})
    assert response.status_code == 400
    assert "Write your question or message." in response.get_data(as_text=True)
    assert db.session.query(Submission).count() == 0
