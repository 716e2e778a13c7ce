"""The screening questionnaires: one question per page, check your answers, and a result in plain words.

Anyone may screen. Answers live in the session under one set of keys both questionnaires read, so the
household and finances asked by one are not asked again by the other. A signed-in citizen may choose one
of their linked cases: what the court's record says about it is filled in and not asked.
"""

from __future__ import annotations

from flask import Blueprint, abort, current_app, redirect, render_template, request, session, url_for
from flask_login import current_user

from portal.auth import CITIZEN, PUBLIC, access
from portal.clock import today
from portal.extensions import limiter
from portal.forms import row_id
from portal.screening import answers as shown
from portal.screening import messages
from portal.screening.questions import named, next_unanswered, relevant
from portal.services import screening as service
from portal.submissions import flow
from portal.submissions.kinds import KINDS

bp = Blueprint("screening", __name__, url_prefix="/screening", template_folder="templates")

SESSION_KEY = "screening"


def _slug(slug: str) -> str:
    if slug not in service.SLUGS:
        abort(404)
    return slug


def _store() -> dict:
    return dict(session.get(SESSION_KEY) or {})


def _answers() -> dict:
    return dict(_store().get("answers") or {})


def _save(answers: dict | None = None, *, case: tuple[str, int | None] | None = None) -> None:
    store = _store()
    if answers is not None:
        store["answers"] = answers
    if case is not None:
        cases = dict(store.get("cases") or {})
        cases[case[0]] = case[1]
        store["cases"] = cases
    session[SESSION_KEY] = store


def _linked(slug: str):
    """The linked case this screening uses (still linked, in the right role), or None."""
    case_id = (_store().get("cases") or {}).get(slug)
    return service.linked_for(current_user, slug, case_id)


def _context(slug: str):
    item = _linked(slug)
    known = service.known_answers(item, slug)
    return item, known, _answers()


def _effective(slug: str, answers: dict, known: dict) -> dict:
    """Only the answers this questionnaire still asks for, and what the case says: stale answers are ignored."""
    keys = {q.key for q in relevant(slug, answers, known)}
    return {**{k: v for k, v in answers.items() if k in keys}, **known}


def _next_url(slug: str, answers: dict, known: dict) -> str:
    question = next_unanswered(slug, answers, known)
    if question is None:
        return url_for("screening.check", slug=slug)
    return url_for("screening.question", slug=slug, key=question.key)


@bp.route("/")
@access(PUBLIC)
def index():
    return render_template("screening/index.html", titles=messages.TITLES)


@bp.route("/<slug>", methods=["GET", "POST"])
@access(PUBLIC)
def start(slug: str):
    slug = _slug(slug)
    cases = service.screenable_cases(current_user, slug)
    if request.method == "POST" and request.form.get("_lang") is None:
        choice = request.form.get("case_id", "")
        case_id = row_id(choice)
        if case_id is not None and service.linked_for(current_user, slug, case_id) is None:
            abort(404)
        _save(case=(slug, case_id))
        _item, known, answers = _context(slug)
        return redirect(_next_url(slug, answers, known))
    item = _linked(slug)
    chosen = item.case.id if item else None
    asked_for = request.args.get("case_id", "")
    asked_id = row_id(asked_for)
    if asked_id is not None and service.linked_for(current_user, slug, asked_id) is not None:
        chosen = asked_id  # from the case page's "screen" link
    return render_template(
        "screening/start.html",
        slug=slug,
        title=messages.TITLES[slug],
        cases=cases,
        chosen=chosen,
        started=bool(_answers()),
    )


@bp.route("/<slug>/q/<key>", methods=["GET", "POST"])
@access(PUBLIC)
@limiter.limit(lambda: current_app.config.get("SCREENING_RATE_LIMIT", "300 per hour"), methods=["POST"])
def question(slug: str, key: str):
    slug = _slug(slug)
    item, known, answers = _context(slug)
    asked = relevant(slug, answers, known)
    current = named(slug, key)
    if current is None or current not in asked:
        abort(404)
    form = current.form(data={key: answers.get(key)} if key in answers else None)
    if form.validate_on_submit():
        answers[key] = getattr(form, key).data
        _save(answers)
        return redirect(_next_url(slug, answers, known))
    index = asked.index(current)
    back = (
        url_for("screening.question", slug=slug, key=asked[index - 1].key)
        if index
        else url_for("screening.start", slug=slug)
    )
    status = 400 if form.errors else 200
    return render_template(
        "screening/question.html",
        slug=slug,
        title=messages.TITLES[slug],
        form=form,
        field=getattr(form, key),
        back=back,
        number=index + 1,
        item=item,
    ), status


@bp.route("/<slug>/check")
@access(PUBLIC)
def check(slug: str):
    slug = _slug(slug)
    item, known, answers = _context(slug)
    if next_unanswered(slug, answers, known) is not None:
        return redirect(_next_url(slug, answers, known))
    rows = shown.rows(relevant(slug, answers, known), answers)
    asked = relevant(slug, answers, known)
    back = (
        url_for("screening.question", slug=slug, key=asked[-1].key) if asked else url_for("screening.start", slug=slug)
    )
    return render_template(
        "screening/check.html",
        slug=slug,
        title=messages.TITLES[slug],
        rows=rows,
        known_rows=shown.known_rows(slug, known),
        item=item,
        back=back,
    )


@bp.route("/<slug>/result")
@access(PUBLIC)
def result(slug: str):
    slug = _slug(slug)
    item, known, answers = _context(slug)
    if next_unanswered(slug, answers, known) is not None:
        return redirect(_next_url(slug, answers, known))
    screened = service.assess(slug, _effective(slug, answers, known), today=today())
    return render_template(
        "screening/result.html",
        slug=slug,
        title=messages.TITLES[slug],
        screening=screened,
        decision=screened.decision,
        criteria=messages.criterion_rows(screened.decision),
        uncertain=messages.uncertain(screened.decision),
        cases=service.screenable_cases(current_user, slug),
        item=item,
        kind=KINDS[service.KIND_OF[slug]],
    )


@bp.route("/<slug>/apply", methods=["POST"])
@access(CITIZEN)
@limiter.limit("60 per hour")
def apply(slug: str):
    """Turn the result into a formal application on the user's own case (404 for any other case)."""
    slug = _slug(slug)
    case_id = row_id(request.form.get("case_id", ""))
    if case_id is None:
        abort(404)
    if service.linked_for(current_user, slug, case_id) is None:
        abort(404)
    _save(case=(slug, case_id))
    _item, known, answers = _context(slug)
    if next_unanswered(slug, answers, known) is not None:
        return redirect(_next_url(slug, answers, known))
    screened = service.assess(slug, _effective(slug, answers, known), today=today())
    draft = service.apply(current_user, screened, case_id, today=today())
    spec = KINDS[service.KIND_OF[slug]]
    return redirect(flow.url(draft.token, flow.pages(spec, draft.answers)[0]))


@bp.route("/reset", methods=["POST"])
@access(PUBLIC)
def reset():
    session.pop(SESSION_KEY, None)
    slug = request.form.get("slug")
    return redirect(url_for("screening.start", slug=slug) if slug in service.SLUGS else url_for("screening.index"))


@bp.context_processor
def inject_labels():
    return {"screening_labels": messages, "screening_titles": messages.TITLES}


@bp.app_template_filter("screening_title")
def criterion_title(key: str) -> str:
    return messages.criterion_title(key)
