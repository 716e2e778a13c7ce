from __future__ import annotations

from flask import Blueprint, abort, jsonify, render_template
from flask_babel import lazy_gettext as _l

from portal.auth import PUBLIC, access

bp = Blueprint("public", __name__, template_folder="templates")

# slug -> (title, one-line summary); the page body lives in public/explainers/<slug>.html.
EXPLAINERS = {
    "termination": (
        _l("What “termination of the current procedure” (终本) means"),
        _l("Your case was closed for now. The debt survives, and enforcement can be resumed."),
    ),
    "rights-and-deadlines": (
        _l("Your rights and the court's deadlines"),
        _l("How long the court has to act, and what you can do when it does not."),
    ),
    "property-clues": (
        _l("How to give the court property clues"),
        _l("What a clear and specific clue is, and how fast the court must check it."),
    ),
    "debtor-duties": (
        _l("If you owe money under a judgment"),
        _l("What binds you, what you must report, and how restrictions are lifted."),
    ),
}


@bp.route("/")
@access(PUBLIC)
def index():
    return render_template("public/index.html", explainers=EXPLAINERS)


@bp.route("/guides/")
@access(PUBLIC)
def explainers():
    return render_template("public/explainers.html", explainers=EXPLAINERS)


@bp.route("/guides/<slug>")
@access(PUBLIC)
def explainer(slug: str):
    if slug not in EXPLAINERS:
        abort(404)
    title, summary = EXPLAINERS[slug]
    return render_template(f"public/explainers/{slug}.html", title=title, summary=summary, slug=slug)


@bp.route("/healthz")
@access(PUBLIC)
def healthz():
    from portal.health import check_all

    report = check_all()
    return jsonify(report), 200 if report["database"]["ok"] else 503
