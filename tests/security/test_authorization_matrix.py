"""Who gets what: every route of the URL map, as each kind of actor, answers the status this table expects.

The table is data: one line per route, one status per actor, in the order of ``ACTORS``
(anonymous, applicant of the case, applicant of another case, debtor of the case, staff of the case's
court, staff of another court, administrator of the case's court). ``LOGIN`` is a redirect to the sign-in
page. A route added to the app without a line here fails ``test_every_route_has_a_line``, which prints
the line to add; a line whose route is gone fails too.

Path parameters are filled from the world of ``tests/security/world.py`` (``PARAMS``): the case, the
submission and its attachment belong to the applicant and the staff's court; the draft is the applicant's.
"""

from __future__ import annotations

import pytest

from tests.security.world import ACTORS

LOGIN = "login"  # 302 to /accounts/sign-in

# fmt: off
MATRIX: dict[str, tuple] = {
    # route                                                         anon   appl  other debtor staff  other  admin
    "GET /":                                                         (200,   200,  200,  200,  200,   200,   200),
    "GET /language/<code>":                                          (302,   302,  302,  302,  302,   302,   302),
    "GET /static/<path:filename>":                                   (200,   200,  200,  200,  200,   200,   200),
    "GET /guides/":                                                  (200,   200,  200,  200,  200,   200,   200),
    "GET /guides/<slug>":                                            (200,   200,  200,  200,  200,   200,   200),
    "GET /healthz":                                                  (200,   200,  200,  200,  200,   200,   200),
    # accounts
    "GET /accounts/register":                                        (200,   200,  200,  200,  200,   200,   200),
    "POST /accounts/register":                                       (400,   400,  400,  400,  400,   400,   400),
    "GET /accounts/sign-in":                                         (200,   200,  200,  200,  200,   200,   200),
    "POST /accounts/sign-in":                                        (400,   400,  400,  400,  400,   400,   400),
    "GET /accounts/verify-code":                                     (302,   302,  302,  302,  302,   302,   302),
    "POST /accounts/verify-code":                                    (302,   302,  302,  302,  302,   302,   302),
    "POST /accounts/sign-out":                                       (302,   302,  302,  302,  302,   302,   302),
    "GET /accounts/":                                                (LOGIN, 200,  200,  200,  403,   403,   403),
    "GET /accounts/link-case":                                       (LOGIN, 200,  200,  200,  403,   403,   403),
    "POST /accounts/link-case":                                      (LOGIN, 400,  400,  400,  403,   403,   403),
    # case pages: a case that is not yours does not exist (404), staff use the queue instead
    "GET /cases/<int:case_id>":                                      (LOGIN, 200,  404,  302,  403,   403,   403),
    "GET /cases/<int:case_id>/obligations":                          (LOGIN, 404,  404,  200,  403,   403,   403),
    # submissions: only the submitter reaches a submission, a draft or a file
    "GET /submissions/":                                             (LOGIN, 200,  200,  200,  403,   403,   403),
    "GET /submissions/new/<kind>/<int:case_id>":                     (LOGIN, 302,  404,  404,  403,   403,   403),
    "GET /submissions/drafts/<token>/<name>":                        (LOGIN, 200,  404,  404,  403,   403,   403),
    "POST /submissions/drafts/<token>/<name>":                       (LOGIN, 400,  404,  404,  403,   403,   403),
    "GET /submissions/drafts/<token>/evidence":                      (LOGIN, 200,  404,  404,  403,   403,   403),
    "POST /submissions/drafts/<token>/evidence":                     (LOGIN, 302,  404,  404,  403,   403,   403),
    "GET /submissions/drafts/<token>/check":                         (LOGIN, 200,  404,  404,  403,   403,   403),
    "POST /submissions/drafts/<token>/check":                        (LOGIN, 302,  404,  404,  403,   403,   403),
    "GET /submissions/<reference>":                                  (LOGIN, 200,  404,  404,  403,   403,   403),
    "POST /submissions/<reference>":                                 (LOGIN, 400,  404,  404,  403,   403,   403),
    "GET /submissions/<reference>/confirmation":                     (LOGIN, 200,  404,  404,  403,   403,   403),
    "GET /submissions/<reference>/receipt.pdf":                      (LOGIN, 200,  404,  404,  403,   403,   403),
    "GET /submissions/<reference>/files/<int:attachment_id>":        (LOGIN, 200,  404,  404,  403,   403,   403),
    # the court queue: staff of the submission's court only; another court's item does not exist (404)
    "GET /court/queue":                                              (LOGIN, 403,  403,  403,  200,   200,   200),
    "POST /court/queue/claim-next":                                  (LOGIN, 403,  403,  403,  302,   302,   302),
    "POST /court/queue/assign":                                      (LOGIN, 403,  403,  403,  403,   403,   302),
    "GET /court/items/<int:submission_id>":                          (LOGIN, 403,  403,  403,  200,   404,   200),
    "POST /court/items/<int:submission_id>/claim":                   (LOGIN, 403,  403,  403,  302,   404,   302),
    "POST /court/items/<int:submission_id>/review":                  (LOGIN, 403,  403,  403,  302,   404,   302),
    "POST /court/items/<int:submission_id>/request-information":     (LOGIN, 403,  403,  403,  302,   404,   302),
    "POST /court/items/<int:submission_id>/note":                    (LOGIN, 403,  403,  403,  302,   404,   302),
    "POST /court/items/<int:submission_id>/decide":                  (LOGIN, 403,  403,  403,  302,   404,   302),
    "GET /court/items/<int:submission_id>/files/<int:attachment_id>": (LOGIN, 403, 403,  403,  200,   404,   200),
    "GET /court/dashboard":                                          (LOGIN, 403,  403,  403,  403,   403,   200),
    "GET /court/queue.csv":                                          (LOGIN, 403,  403,  403,  403,   403,   200),
    "GET /court/outbox":                                             (LOGIN, 403,  403,  403,  403,   403,   200),
    "POST /court/outbox":                                            (LOGIN, 403,  403,  403,  403,   403,   302),
    # screening: public questions; applying needs a citizen with the case chosen in this screening
    "GET /screening/":                                               (200,   200,  200,  200,  200,   200,   200),
    "GET /screening/<slug>":                                         (200,   200,  200,  200,  200,   200,   200),
    "POST /screening/<slug>":                                        (302,   302,  302,  302,  302,   302,   302),
    "GET /screening/<slug>/q/<key>":                                 (200,   200,  200,  200,  200,   200,   200),
    "POST /screening/<slug>/q/<key>":                                (400,   400,  400,  400,  400,   400,   400),
    "GET /screening/<slug>/check":                                   (302,   302,  302,  302,  302,   302,   302),
    "GET /screening/<slug>/result":                                  (302,   302,  302,  302,  302,   302,   302),
    "POST /screening/<slug>/apply":                                  (LOGIN, 404,  404,  404,  403,   403,   403),
    "POST /screening/reset":                                         (302,   302,  302,  302,  302,   302,   302),
    # chat and the contact form: public; an empty message is refused
    "POST /chat":                                                    (400,   400,  400,  400,  400,   400,   400),
    "GET /contact":                                                  (200,   200,  200,  200,  200,   200,   200),
    "POST /contact":                                                 (400,   400,  400,  400,  400,   400,   400),
    # JSON API: machine clients carry a bearer token; a browser session is not one
    "GET /api/v1/openapi.json":                                      (200,   200,  200,  200,  200,   200,   200),
    "PUT /api/v1/cases/<path:number>":                               (401,   401,  401,  401,  401,   401,   401),
    "GET /api/v1/me/cases":                                          (401,   401,  401,  401,  401,   401,   401),
    "GET /api/v1/me/obligations":                                    (401,   401,  401,  401,  401,   401,   401),
    "POST /api/v1/drafts":                                           (401,   401,  401,  401,  401,   401,   401),
    "POST /api/v1/inquiries":                                        (400,   400,  400,  400,  400,   400,   400),
    "POST /api/v1/screenings/judicial-relief":                       (400,   400,  400,  400,  400,   400,   400),
    "POST /api/v1/screenings/debt-exit":                             (400,   400,  400,  400,  400,   400,   400),
}
# fmt: on

# How each path parameter is filled from the world; a new parameter name needs a line here.
PARAMS = {
    "case_id": lambda w: w.case.id,
    "submission_id": lambda w: w.submission.id,
    "attachment_id": lambda w: w.attachment.id,
    "reference": lambda w: w.submission.reference,
    "token": lambda w: w.draft.token,
    "name": lambda w: "clue_type",
    "kind": lambda w: "property_clue",
    "slug": lambda w: "termination",
    "code": lambda w: "en",
    "number": lambda w: w.case.number,
    "filename": lambda w: "css/portal.css",
    "key": lambda w: "applicant_kind",
}

# Where one parameter name means different things under different prefixes, the prefix decides.
PARAMS_UNDER = {
    "/screening/": {"slug": lambda w: "judicial-relief", "key": lambda w: "applicant_kind"},
}


def fill(rule, world) -> str:
    """The URL of ``rule`` with its parameters filled from the world."""
    values = {}
    for name in rule.arguments:
        chosen = PARAMS[name]
        for prefix, overrides in PARAMS_UNDER.items():
            if rule.rule.startswith(prefix) and name in overrides:
                chosen = overrides[name]
        values[name] = chosen(world)
    return rule.build(values)[1]


# Requests that change what later requests see run last, in this order (filing the draft, signing out).
RUN_LAST = ("POST /submissions/drafts/<token>/check", "POST /accounts/sign-out")


def route_keys(app) -> list[str]:
    keys = set()
    for rule in app.url_map.iter_rules():
        for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"}):
            keys.add(f"{method} {rule.rule}")
    return sorted(keys, key=lambda k: (k in RUN_LAST, RUN_LAST.index(k) if k in RUN_LAST else 0, k))


def _rules(app) -> dict[str, object]:
    return {rule.rule: rule for rule in app.url_map.iter_rules()}


def test_every_route_has_a_line(app):
    keys = set(route_keys(app))
    missing = sorted(keys - MATRIX.keys())
    gone = sorted(MATRIX.keys() - keys)
    lines = "\n".join(f'    "{key}": (anon, appl, other, debtor, staff, other, admin),' for key in missing)
    assert not missing, f"routes without a line in MATRIX (tests/security/test_authorization_matrix.py):\n{lines}"
    assert not gone, f"lines in MATRIX whose route no longer exists (remove them or redirect the URL): {gone}"
    assert all(len(row) == len(ACTORS) for row in MATRIX.values())


def test_every_path_parameter_can_be_filled(app):
    unknown = sorted({arg for rule in app.url_map.iter_rules() for arg in rule.arguments} - PARAMS.keys())
    assert not unknown, f"add to PARAMS how to fill these path parameters from the world: {unknown}"


def _matches(expected, response) -> bool:
    if expected == LOGIN:
        return response.status_code == 302 and "/accounts/sign-in" in response.headers.get("Location", "")
    return response.status_code == expected


@pytest.mark.parametrize("actor", ACTORS)
def test_each_actor_gets_the_expected_status_everywhere(app, world, clients, actor):
    column = ACTORS.index(actor)
    client = clients(actor)
    rules = _rules(app)
    wrong = []
    for key in route_keys(app):
        if key not in MATRIX:
            continue  # test_every_route_has_a_line names it
        method, path = key.split(" ", 1)
        rule = rules[path]
        if not set(rule.arguments) <= PARAMS.keys():
            continue  # test_every_path_parameter_can_be_filled names it
        url = fill(rule, world)
        response = client.open(url, method=method)
        response.get_data()  # a streamed body is produced now, as a server would send it
        expected = MATRIX[key][column]
        if not _matches(expected, response):
            wrong.append(
                f"{key}: expected {expected}, got {response.status_code} {response.headers.get('Location', '')}"
            )
        assert response.status_code != 500, f"{key} as {actor} answered 500"
    assert not wrong, f"as {actor}:\n" + "\n".join(wrong)
