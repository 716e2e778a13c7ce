"""No open redirect: the ``next`` of the sign-in and the language switch only ever leads back into the portal."""

from __future__ import annotations

import pytest

from tests import factories

HOSTILE = [
    "https://evil.example/",
    "//evil.example/",
    "/\\evil.example/",
    "\\\\evil.example/",
    "/\t/evil.example/",
    "/\n/evil.example/",
    "javascript:alert(1)",
    "http:/evil.example",
    " //evil.example",
]


def _stays_home(location: str) -> bool:
    location = location.removeprefix("http://localhost")
    return location.startswith("/") and not location.startswith("//") and "\\" not in location


@pytest.mark.parametrize("target", HOSTILE)
def test_language_switch(client, target):
    response = client.get("/language/en", query_string={"next": target})
    assert response.status_code == 302
    assert _stays_home(response.headers["Location"]), response.headers["Location"]


@pytest.mark.parametrize("target", HOSTILE)
def test_sign_in(client, target):
    user = factories.citizen()
    response = client.post(
        "/accounts/sign-in", query_string={"next": target}, data={"email": user.email, "password": factories.PASSWORD}
    )
    assert response.status_code == 302
    assert _stays_home(response.headers["Location"]), response.headers["Location"]


def test_a_path_in_the_portal_is_kept(client):
    response = client.get("/language/en", query_string={"next": "/guides/termination?x=1"})
    assert response.headers["Location"].endswith("/guides/termination?x=1")
