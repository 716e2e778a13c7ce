"""The forms under hostile input (hypothesis): any text, control characters, huge values, repeated and
unknown fields, in either language. Whatever arrives, the answer is a page (200/400) or a redirect, never a
500, and the error page, if any, is the translated one.
"""

from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portal.extensions import limiter
from tests import factories

# Text as a browser or a script could send it (no lone surrogates: they cannot be encoded at all).
hostile_text = st.one_of(
    st.text(st.characters(codec="utf-8"), max_size=60),
    st.text(st.characters(codec="utf-8", categories=["Cc", "Cf", "Zs", "Nd", "No", "Lo"]), max_size=30),
    st.sampled_from(
        [
            "",
            " ",
            "\x00",
            "²³",
            "١٢٣",
            "１２３４",
            "../../etc/passwd",
            "<script>alert(1)</script>",
            "' OR 1=1 --",
            "%s%s%n",
            "{{7*7}}",
            "\u202e",
            "X" * 5000,
            "（2023）粤0304执1号",
            factories.APPLICANT_ID,
        ]
    ),
)
FUZZ = settings(
    max_examples=40,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
_addresses = (f"203.0.113.{n}" for n in itertools.count(10))


def fields(*names: str):
    """Form data for these fields: each missing, one value, or several; plus an unknown field now and then."""
    value = st.one_of(hostile_text, st.lists(hostile_text, min_size=2, max_size=3))
    known = st.fixed_dictionaries({}, optional={name: value for name in names})
    return st.tuples(known, st.dictionaries(hostile_text.filter(bool), hostile_text, max_size=2)).map(
        lambda pair: {**pair[1], **pair[0]}
    )


def assert_no_500(response, where: str) -> None:
    assert response.status_code < 500, f"{where}: {response.status_code}"
    assert "Traceback" not in response.get_data(as_text=True)


@pytest.fixture()
def fuzz_client(app, session, upload_dir):
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = next(_addresses)
    yield client
    limiter.reset()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_register(fuzz_client, lang):
    fuzz_client.get(f"/language/{lang}")

    @FUZZ
    @given(fields("display_name", "email", "password", "confirm", "_lang"))
    def run(data):
        response = fuzz_client.post("/accounts/register", data=data)
        assert_no_500(response, f"register {data!r}")
        assert response.status_code in (200, 302, 400)
        if response.status_code == 302:
            fuzz_client.post("/accounts/sign-out")

    run()


def test_sign_in(fuzz_client):
    factories.citizen("known@example.com")

    @settings(FUZZ, max_examples=20)  # each attempt verifies a password hash: slow on purpose
    @given(fields("email", "password"), st.one_of(st.none(), hostile_text))
    def run(data, next_url):
        query = {"next": next_url} if next_url is not None else {}
        response = fuzz_client.post("/accounts/sign-in", data=data, query_string=query)
        assert_no_500(response, f"sign-in {data!r} next={next_url!r}")
        assert response.status_code in (200, 302, 400)
        if response.status_code == 302:
            location = response.headers["Location"]
            assert location.startswith("/") and not location.startswith(("//", "/\\")), location
            fuzz_client.post("/accounts/sign-out")

    run()


def test_link_case(fuzz_client, world):
    factories.sign_in(fuzz_client, world.users["other_applicant"])

    @FUZZ
    @given(fields("case_number", "id_number", "access_code", "confirm_party"))
    def run(data):
        response = fuzz_client.post("/accounts/link-case", data=data)
        assert_no_500(response, f"link {data!r}")
        assert response.status_code in (200, 302, 400)

    run()


@pytest.mark.parametrize("step", ["clue_type", "plate", "urgent", "description"])
def test_a_submission_step(fuzz_client, world, step):
    factories.sign_in(fuzz_client, world.users["applicant"])
    token = world.draft.token

    @FUZZ
    @given(fields("clue_type", "plate", "urgent", "urgent_reason", "description", "_lang", "back"))
    def run(data):
        response = fuzz_client.post(f"/submissions/drafts/{token}/{step}", data=data)
        assert_no_500(response, f"step {step} {data!r}")

    run()


def test_evidence_page_controls(fuzz_client, world):
    factories.sign_in(fuzz_client, world.users["applicant"])
    token = world.draft.token

    @FUZZ
    @given(fields("remove", "continue", "upload"))
    def run(data):
        response = fuzz_client.post(f"/submissions/drafts/{token}/evidence", data=data)
        assert_no_500(response, f"evidence {data!r}")

    run()


def test_reply_to_the_court(fuzz_client, world):
    factories.sign_in(fuzz_client, world.users["applicant"])

    @FUZZ
    @given(fields("body"))
    def run(data):
        response = fuzz_client.post(f"/submissions/{world.submission.reference}", data=data)
        assert_no_500(response, f"reply {data!r}")

    run()


def test_queue_filters_and_staff_forms(fuzz_client, world):
    factories.sign_in(fuzz_client, world.users["admin"])
    item = world.submission.id
    keys = ["kind", "status", "all", "assignee", "urgent", "overdue", "due_within", "division", "q", "after", "lang"]

    @FUZZ
    @given(fields(*keys), fields("code", "text", "question", "note", "assignee", "ids"))
    def run(query, form):
        for url in ("/court/queue", "/court/queue.csv", "/court/dashboard"):
            response = fuzz_client.get(url, query_string=query)
            assert_no_500(response, f"{url} {query!r}")
        for action in ("decide", "request-information", "note"):
            response = fuzz_client.post(f"/court/items/{item}/{action}", data=form)
            assert_no_500(response, f"{action} {form!r}")
        assert_no_500(fuzz_client.post("/court/queue/assign", data=form), f"assign {form!r}")

    run()


@given(hostile_text)
@FUZZ
def test_language_switch_and_public_pages(client, text):
    for url, query in (("/language/en", {"next": text}), ("/guides/", {"q": text}), ("/", {"lang": text})):
        response = client.get(url, query_string=query)
        assert_no_500(response, f"{url} {text!r}")
        if response.status_code == 302:
            location = response.headers["Location"]
            assert not location.startswith(("//", "/\\", "http")), f"{text!r} -> {location}"


@pytest.mark.parametrize("number", ["²", "١٢", "１２", "9" * 5000, "99999999999999999999", "-1", " 1"])
def test_numbers_that_are_not_row_ids(fuzz_client, world, number):
    """What the fuzzing found: "²".isdigit() is true, int() of it is not; overlong ids overflow PostgreSQL."""
    factories.sign_in(fuzz_client, world.users["applicant"])
    evidence = f"/submissions/drafts/{world.draft.token}/evidence"
    assert_no_500(fuzz_client.post(evidence, data={"remove": number}), "remove")
    fuzz_client.post("/accounts/sign-out")
    factories.sign_in(fuzz_client, world.users["admin"])
    for query in ({"due_within": number}, {"assignee": number}):
        assert_no_500(fuzz_client.get("/court/queue", query_string=query), str(query))
    assert_no_500(fuzz_client.post("/court/queue/assign", data={"ids": number, "assignee": number}), "assign")


def test_row_id():
    from portal.forms import row_id

    assert [row_id(v) for v in ("12", "０", "²", "", None, "1" * 10, "123456789")] == [
        12,
        None,
        None,
        None,
        None,
        None,
        123456789,
    ]


def test_contact_form(fuzz_client):
    @settings(FUZZ, max_examples=9)  # ten an hour from one address
    @given(fields("message", "case_number", "email", "_lang"))
    def run(data):
        assert_no_500(fuzz_client.post("/contact", data=data), f"contact {data!r}")

    run()


@pytest.mark.parametrize(("slug", "key"), [("judicial-relief", "applicant_kind"), ("debt-exit", "debtor_kind")])
def test_screening_questions(fuzz_client, slug, key):
    @FUZZ
    @given(fields("answer", "value", key, "_lang", "back"))
    def run(data):
        response = fuzz_client.post(f"/screening/{slug}/q/{key}", data=data)
        assert_no_500(response, f"screening {slug}/{key} {data!r}")
        for page in ("check", "result"):
            assert_no_500(fuzz_client.get(f"/screening/{slug}/{page}"), f"{page} after {data!r}")

    run()


@pytest.mark.parametrize("number", ["²", "9" * 5000])
def test_screening_case_choice_is_not_a_500(fuzz_client, world, number):
    factories.sign_in(fuzz_client, world.users["applicant"])
    for method, url, kwargs in (
        ("POST", "/screening/judicial-relief", {"data": {"case_id": number}}),
        ("GET", "/screening/judicial-relief", {"query_string": {"case_id": number}}),
        ("POST", "/screening/judicial-relief/apply", {"data": {"case_id": number}}),
    ):
        assert_no_500(fuzz_client.open(url, method=method, **kwargs), f"{method} {url} {number[:5]}")
