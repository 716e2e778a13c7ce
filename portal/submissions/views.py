from __future__ import annotations

from flask import Blueprint, abort, current_app, redirect, render_template, request, send_file, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portal import uploads
from portal.auth import CITIZEN, access
from portal.clock import now, today
from portal.extensions import limiter
from portal.forms import row_id
from portal.i18n import current_locale
from portal.services import decisions, drafts, submissions
from portal.submissions import answers as answer_text
from portal.submissions import flow, summary
from portal.submissions import messages as labels
from portal.submissions.forms_evidence import EvidenceForm
from portal.submissions.forms_reply import ReplyForm
from portal.submissions.kinds import KINDS, kind_spec
from portal.submissions.messages import upload_message
from portal.submissions.receipt import receipt_pdf

bp = Blueprint("submissions", __name__, url_prefix="/submissions", template_folder="templates")


def _user_key() -> str:
    # Filing limits follow the account, so citizens behind one address (a court's kiosk) do not share them.
    return f"user:{current_user.get_id()}"


def _limit(name: str):
    return limiter.limit(lambda: current_app.config[name], key_func=_user_key, methods=["POST"])


def _draft_and_spec(token: str):
    draft = drafts.load(current_user, token)
    if draft.submission_id is not None:
        return draft, KINDS[draft.kind], True
    return draft, KINDS[draft.kind], False


@bp.route("/")
@access(CITIZEN)
def index():
    before = row_id(request.args.get("before"))
    page, next_before = submissions.mine(current_user, before=before)
    return render_template(
        "submissions/index.html",
        submissions=page,
        older_url=url_for("submissions.index", before=next_before) if next_before else None,
        newest_url=url_for("submissions.index") if before is not None else None,
        drafts=drafts.open_drafts(current_user) if before is None else [],
    )


@bp.route("/new/<kind>/<int:case_id>")
@access(CITIZEN)
def start(kind: str, case_id: int):
    spec = kind_spec(kind)
    if spec is None:
        abort(404)
    draft = drafts.start(current_user, case_id, spec, today=today())
    return redirect(flow.url(draft.token, flow.pages(spec, draft.answers)[0]))


@bp.route("/drafts/<token>/<name>", methods=["GET", "POST"])
@access(CITIZEN)
def step(token: str, name: str):
    draft, spec, done = _draft_and_spec(token)
    if done:
        return redirect(url_for("submissions.show", reference=draft_reference(draft)))
    current = flow.step_named(spec, draft.answers, name)
    if current is None:
        abort(404)
    form_class = current.form(draft.answers)
    form = form_class(data=answer_text.to_form(form_class, draft.answers))
    if form.validate_on_submit():
        drafts.save_step(draft, spec, answer_text.to_json(form))
        return redirect(flow.next_url(spec, draft.answers, token, name))
    back = flow.back_url(spec, draft.answers, token, name, draft.case_id)
    status = 400 if form.errors else 200
    return render_template("submissions/step.html", form=form, spec=spec, step=current, draft=draft, back=back), status


@bp.route("/drafts/<token>/evidence", methods=["GET", "POST"])
@access(CITIZEN)
@_limit("EVIDENCE_RATE_LIMIT")
def evidence(token: str):
    draft, spec, done = _draft_and_spec(token)
    if done:
        return redirect(url_for("submissions.show", reference=draft_reference(draft)))
    form = EvidenceForm()
    errors = []
    if request.method == "POST" and request.form.get("remove"):
        drafts.detach(draft, row_id(request.form["remove"]) or -1)
        return redirect(url_for("submissions.evidence", token=token))
    if form.validate_on_submit():
        for upload in [f for f in form.files.data or [] if f and f.filename]:
            try:
                drafts.attach(draft, current_user, upload.stream, upload.filename)
            except uploads.UploadRejected as rejected:
                errors.append(upload_message(rejected.code, name=uploads.sanitise_name(upload.filename)))
        if not errors and request.form.get("continue"):
            return redirect(flow.url(token, flow.CHECK))
        if not errors:
            return redirect(url_for("submissions.evidence", token=token))
    back = flow.back_url(spec, draft.answers, token, flow.EVIDENCE, draft.case_id)
    return render_template(
        "submissions/evidence.html", form=form, spec=spec, draft=draft, errors=errors, back=back
    ), 400 if errors else 200


@bp.route("/drafts/<token>/check", methods=["GET", "POST"])
@access(CITIZEN)
@_limit("SUBMIT_RATE_LIMIT")
def check(token: str):
    draft, spec, done = _draft_and_spec(token)
    if done:
        # A second click or a refresh after filing lands on the same confirmation.
        return redirect(url_for("submissions.confirmation", reference=draft_reference(draft)))
    duplicate = submissions.duplicate_of(draft, spec)
    if request.method == "POST" and duplicate is None:
        submission = submissions.submit(draft, spec, current_user, language=current_locale(), now=now())
        return redirect(url_for("submissions.confirmation", reference=submission.reference))
    sections = summary.sections(draft.kind, draft.answers)
    back = flow.back_url(spec, draft.answers, token, flow.CHECK, draft.case_id)
    return render_template(
        "submissions/check.html", spec=spec, draft=draft, sections=sections, duplicate=duplicate, back=back
    ), 409 if (duplicate and request.method == "POST") else 200


def draft_reference(draft) -> str:
    return submissions.submission_of(draft).reference


@bp.route("/<reference>/confirmation")
@access(CITIZEN)
def confirmation(reference: str):
    submission = submissions.my_submission(current_user, reference)
    return render_template("submissions/confirmation.html", submission=submission, spec=KINDS[submission.kind])


@bp.route("/<reference>", methods=["GET", "POST"])
@access(CITIZEN)
@_limit("REPLY_RATE_LIMIT")
def show(reference: str):
    submission = submissions.my_submission(current_user, reference)
    spec = KINDS.get(submission.kind)
    form = ReplyForm()
    error = None
    if form.validate_on_submit():
        files = [(f.stream, f.filename) for f in form.files.data or [] if f and f.filename]
        try:
            submissions.reply(submission, current_user, form.body.data, files, now=now())
        except uploads.UploadRejected as rejected:
            error = upload_message(rejected.code, name=_("a file"))
        else:
            return redirect(url_for("submissions.show", reference=reference))
    sections = summary.sections(submission.kind, submission.answers)
    status = 400 if (form.errors or error) else 200
    return render_template(
        "submissions/show.html",
        submission=submission,
        spec=spec,
        sections=sections,
        form=form,
        error=error,
        decision=decisions.for_citizen(submission),
    ), status


@bp.route("/<reference>/receipt.pdf")
@access(CITIZEN)
def receipt(reference: str):
    submission = submissions.my_submission(current_user, reference)
    language = request.args.get("lang", current_locale())
    pdf = receipt_pdf(submission, language if language in ("zh", "en") else current_locale())
    return send_file(pdf, mimetype="application/pdf", as_attachment=True, download_name=f"{reference}-{language}.pdf")


@bp.route("/<reference>/files/<int:attachment_id>")
@access(CITIZEN)
def attachment(reference: str, attachment_id: int):
    submission = submissions.my_submission(current_user, reference)
    item = next((a for a in submission.attachments if a.id == attachment_id), None)
    if item is None:
        abort(404)
    try:
        path = uploads.open_stored(drafts.upload_folder(), item.stored_name)
    except FileNotFoundError:
        abort(404)
    return send_file(path, mimetype=item.content_type, as_attachment=True, download_name=item.original_name)


@bp.app_context_processor
def inject_kinds():
    return {"submission_kinds": KINDS, "submission_labels": labels}
