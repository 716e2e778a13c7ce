from __future__ import annotations

import pytest

from portal.public.views import EXPLAINERS

PUBLIC_PAGES = ["/", "/guides/", *[f"/guides/{slug}" for slug in EXPLAINERS], "/accounts/sign-in", "/accounts/register"]


@pytest.mark.parametrize("path", PUBLIC_PAGES)
@pytest.mark.parametrize(("lang", "html_lang"), [("zh", "zh-CN"), ("en", "en")])
def test_public_pages_render_in_both_languages(client, path, lang, html_lang):
    client.get(f"/language/{lang}")
    response = client.get(path)
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    assert f'<html lang="{html_lang}">' in body
    # The switch to the other language is on every page.
    assert ("English" in body) if lang == "zh" else ("中文" in body)


def test_chinese_is_the_default_and_accept_language_is_honoured(client):
    assert "执行救济服务平台" in client.get("/").get_data(as_text=True)
    english = client.get("/", headers={"Accept-Language": "en-GB,en;q=0.9"}).get_data(as_text=True)
    assert "Enforcement Relief Portal" in english
    chinese = client.get("/", headers={"Accept-Language": "zh-CN,zh;q=0.9,en;q=0.5"}).get_data(as_text=True)
    assert "执行救济服务平台" in chinese


def test_the_language_link_keeps_the_user_on_the_same_page(client):
    response = client.get("/language/en?next=/guides/termination")
    assert response.status_code == 302
    assert response.headers["Location"] == "/guides/termination"


def test_the_language_link_never_leaves_the_site(client):
    for target in ("https://evil.example/", "//evil.example/", "javascript:alert(1)"):
        assert client.get(f"/language/en?next={target}").headers["Location"] == "/"


def test_switching_language_inside_a_form_keeps_the_answers(client):
    client.get("/language/zh")
    response = client.post(
        "/accounts/register",
        data={"display_name": "王芳", "email": "wang@example.com", "password": "", "confirm": "", "_lang": "en"},
    )
    body = response.get_data(as_text=True)
    assert response.status_code == 200
    assert '<html lang="en">' in body
    assert 'value="wang@example.com"' in body
    assert "There is a problem" not in body  # a switch is not a submission


def test_security_headers(client):
    response = client.get("/")
    csp = response.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"


@pytest.mark.parametrize(("lang", "text"), [("zh", "找不到"), ("en", "Page not found")])
def test_not_found_page_is_translated(client, lang, text):
    client.get(f"/language/{lang}")
    response = client.get("/no/such/page")
    assert response.status_code == 404
    assert text in response.get_data(as_text=True)


def test_an_unexpected_error_shows_a_translated_page_without_details(app, client, monkeypatch):
    def boom():
        raise RuntimeError("secret SQL detail")

    monkeypatch.setitem(app.view_functions, "public.explainers", boom)
    client.get("/language/en")
    response = client.get("/guides/")
    assert response.status_code == 500
    body = response.get_data(as_text=True)
    assert "secret SQL detail" not in body
    assert "Sorry, something went wrong on our side" in body


def test_healthz_reports_each_part(client):
    report = client.get("/healthz").get_json()
    assert report["database"]["ok"] is True
    assert set(report) == {"database", "queue", "assistant"}


def test_csrf_is_enforced_on_every_form_outside_tests(app, client, monkeypatch):
    monkeypatch.setitem(app.config, "WTF_CSRF_ENABLED", True)
    client.get("/language/en")
    for path, data in [
        ("/accounts/sign-in", {"email": "a@example.com", "password": "x"}),
        (
            "/accounts/register",
            {"display_name": "A", "email": "a@example.com", "password": "x" * 12, "confirm": "x" * 12},
        ),
        ("/accounts/sign-out", {}),
    ]:
        response = client.post(path, data=data)
        assert response.status_code == 400, path
        assert "Something in the request was not right" in response.get_data(as_text=True)


def test_the_language_switch_inside_a_form_carries_the_csrf_token(app, client, monkeypatch):
    monkeypatch.setitem(app.config, "WTF_CSRF_ENABLED", True)
    body = client.get("/accounts/register").get_data(as_text=True)
    assert 'form="register-form" name="_lang" value="en"' in body
    assert 'name="csrf_token"' in body.split('id="register-form"')[1]
