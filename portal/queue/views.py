from __future__ import annotations

from flask import (
    Blueprint,
    Response,
    abort,
    flash,
    redirect,
    render_template,
    request,
    send_file,
    stream_with_context,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user

from portal import uploads
from portal.auth import STAFF, access
from portal.clock import now, today
from portal.forms import row_id
from portal.models import StaffRole, SubmissionKind, SubmissionStatus
from portal.models.types import utcnow
from portal.queue import decisions as catalogue
from portal.queue.forms import AssignForm, DecisionForm, NoteForm, RequestInfoForm
from portal.services import dashboard as dashboard_service
from portal.services import decisions, queue
from portal.services import export as export_service
from portal.services import outbox as outbox_service
from portal.services.case_view import LinkedCase, applicant_page
from portal.services.drafts import upload_folder
from portal.submissions import summary
from portal.submissions.kinds import KINDS

bp = Blueprint("queue", __name__, url_prefix="/court", template_folder="templates")

HANDLERS = (
    StaffRole.INTAKE_CLERK,
    StaffRole.HANDLER,
    StaffRole.RELIEF_OFFICER,
    StaffRole.SUPERVISOR,
    StaffRole.ADMINISTRATOR,
)
ASSIGNERS = (StaffRole.INTAKE_CLERK, StaffRole.SUPERVISOR, StaffRole.ADMINISTRATOR)


def _filters() -> queue.QueueFilters:
    args = request.args
    kind = args.get("kind")
    status = args.get("status")
    within = args.get("due_within", "")
    return queue.QueueFilters(
        kind=SubmissionKind(kind) if kind in {k.value for k in SubmissionKind} else None,
        status=SubmissionStatus(status) if status in {s.value for s in SubmissionStatus} else None,
        open_only=args.get("all") != "1",
        assignee=args.get("assignee") or None,
        urgent=args.get("urgent") == "1",
        overdue=args.get("overdue") == "1",
        due_within=days if (days := row_id(within)) is not None and days < 3650 else None,
        division=(args.get("division") or None),
        q=(args.get("q") or "").strip()[:60] or None,
    )


@bp.route("/queue")
@access(STAFF, roles=HANDLERS)
def index():
    result = queue.page(current_user, _filters(), today=today(), cursor=request.args.get("after"))
    assign_form = AssignForm()
    assign_form.assignee.choices = [(str(u.id), u.display_name) for u in queue.colleagues(current_user)]
    args = {k: v for k, v in request.args.items() if k != "after"}
    next_url = url_for("queue.index", **args, after=result.next_cursor) if result.next_cursor else None
    return render_template(
        "queue/index.html",
        page=result,
        counts=queue.counts(current_user),
        next_url=next_url,
        today=today(),
        kinds=KINDS,
        statuses=list(SubmissionStatus),
        open_statuses=queue.OPEN,
        assign_form=assign_form,
        can_assign=current_user.role in ASSIGNERS,
    )


@bp.route("/queue/claim-next", methods=["POST"])
@access(STAFF, roles=HANDLERS)
def claim_next():
    item = queue.claim_next(current_user, now=now())
    if item is None:
        flash(_("There is no unassigned open item."), "info")
        return redirect(url_for("queue.index"))
    return redirect(url_for("queue.item", submission_id=item.id))


@bp.route("/queue/assign", methods=["POST"])
@access(STAFF, roles=ASSIGNERS)
def assign():
    ids = [i for i in map(row_id, request.form.getlist("ids")) if i is not None]
    assignee = request.form.get("assignee", "")
    if not ids or row_id(assignee) is None:
        flash(_("Choose at least one item and a colleague."), "warning")
        return redirect(url_for("queue.index"))
    changed = queue.assign(current_user, ids, int(assignee))
    flash(_("%(count)s items assigned.", count=changed), "success")
    return redirect(url_for("queue.index"))


@bp.route("/items/<int:submission_id>")
@access(STAFF, roles=HANDLERS)
def item(submission_id: int):
    submission = queue.item(current_user, submission_id)
    context = {}
    if submission.case is not None:
        applicant = next((cp.party for cp in submission.case.parties), None)
        context["case_page"] = applicant_page(
            LinkedCase(case=submission.case, roles=frozenset(), party=applicant), today=today()
        )
    decision_form = DecisionForm()
    decision_form.code.choices = [(d.code, str(d.label)) for d in catalogue.for_kind(submission.kind)]
    return render_template(
        "queue/item.html",
        submission=submission,
        spec=KINDS.get(submission.kind),
        sections=summary.sections(submission.kind, submission.answers),
        related=queue.related(submission),
        decision_form=decision_form,
        info_form=RequestInfoForm(),
        note_form=NoteForm(),
        decisions=catalogue.for_kind(submission.kind),
        **context,
    )


@bp.route("/items/<int:submission_id>/claim", methods=["POST"])
@access(STAFF, roles=HANDLERS)
def claim(submission_id: int):
    if not queue.claim(current_user, submission_id, now=now()):
        flash(_("Someone else has already taken this item."), "warning")
    return redirect(url_for("queue.item", submission_id=submission_id))


@bp.route("/items/<int:submission_id>/review", methods=["POST"])
@access(STAFF, roles=HANDLERS)
def review(submission_id: int):
    decisions.start_review(queue.item(current_user, submission_id), current_user)
    return redirect(url_for("queue.item", submission_id=submission_id))


@bp.route("/items/<int:submission_id>/request-information", methods=["POST"])
@access(STAFF, roles=HANDLERS)
def request_information(submission_id: int):
    submission = queue.item(current_user, submission_id)
    form = RequestInfoForm()
    if form.validate_on_submit():
        decisions.request_information(submission, current_user, form.question.data, now=now())
        flash(_("The citizen has been asked for more information."), "success")
    else:
        flash(_("Write the question for the citizen."), "warning")
    return redirect(url_for("queue.item", submission_id=submission_id))


@bp.route("/items/<int:submission_id>/note", methods=["POST"])
@access(STAFF, roles=HANDLERS)
def note(submission_id: int):
    submission = queue.item(current_user, submission_id)
    form = NoteForm()
    if form.validate_on_submit():
        decisions.add_note(submission, current_user, form.note.data, now=now())
    return redirect(url_for("queue.item", submission_id=submission_id))


@bp.route("/items/<int:submission_id>/decide", methods=["POST"])
@access(STAFF, roles=HANDLERS)
def decide(submission_id: int):
    submission = queue.item(current_user, submission_id)
    form = DecisionForm()
    form.code.choices = [(d.code, str(d.label)) for d in catalogue.for_kind(submission.kind)]
    if form.validate_on_submit():
        decisions.decide(submission, current_user, form.code.data, form.text.data or "", now=now())
        flash(_("Decision recorded. The citizen has been told."), "success")
    else:
        flash(_("Choose a decision."), "warning")
    return redirect(url_for("queue.item", submission_id=submission_id))


@bp.route("/items/<int:submission_id>/files/<int:attachment_id>")
@access(STAFF, roles=HANDLERS)
def attachment(submission_id: int, attachment_id: int):
    submission = queue.item(current_user, submission_id)
    found = next((a for a in submission.attachments if a.id == attachment_id), None)
    if found is None:
        abort(404)
    try:
        path = uploads.open_stored(upload_folder(), found.stored_name)
    except FileNotFoundError:
        abort(404)
    return send_file(path, mimetype=found.content_type, as_attachment=True, download_name=found.original_name)


SUPERVISORS = (StaffRole.SUPERVISOR, StaffRole.ADMINISTRATOR)


@bp.route("/dashboard")
@access(STAFF, roles=SUPERVISORS)
def dashboard():
    return render_template(
        "queue/dashboard.html", board=dashboard_service.build(current_user, today=today()), kinds=KINDS
    )


@bp.route("/queue.csv")
@access(STAFF, roles=SUPERVISORS)
def export():
    rows = export_service.rows(current_user, _filters(), today=today())
    return Response(
        # The rows are read while the response streams, after the view returns: keep the request (the
        # signed-in user, the database session) alive until the last one is sent.
        stream_with_context(export_service.stream(rows)),
        mimetype="text/csv",
        headers={"Content-Disposition": f"attachment; filename=queue-{today().isoformat()}.csv"},
    )


@bp.route("/outbox", methods=["GET", "POST"])
@access(STAFF, roles=(StaffRole.ADMINISTRATOR,))
def outbox():
    """Events to the court's case system that keep failing: shown to administrators, sent again on request."""
    if request.method == "POST":
        ids = [i for i in map(row_id, request.form.getlist("ids")) if i is not None]
        if ids:
            flash(_("%(count)s events will be sent again.", count=outbox_service.retry(ids, now=utcnow())), "success")
        return redirect(url_for("queue.outbox"))
    return render_template(
        "queue/outbox.html", failing=outbox_service.failing_events(), pending=outbox_service.pending_count()
    )
