from __future__ import annotations

from flask import Blueprint, redirect, render_template, url_for
from flask_login import current_user

from portal.auth import CITIZEN, access
from portal.cases import messages
from portal.clock import today
from portal.models import PartyRole
from portal.services.case_view import applicant_page, debtor_page, linked_case

bp = Blueprint("cases", __name__, url_prefix="/cases", template_folder="templates")


@bp.app_context_processor
def inject_messages():
    return {"reason_text": messages.reason_text, "status_hedge": messages.status_hedge, "labels": messages}


@bp.route("/<int:case_id>")
@access(CITIZEN)
def show(case_id: int):
    item = linked_case(current_user, case_id)
    if PartyRole.APPLICANT not in item.roles:
        return redirect(url_for("cases.obligations", case_id=case_id))
    page = applicant_page(item, today=today())
    return render_template("cases/applicant.html", item=item, page=page, today=today())


@bp.route("/<int:case_id>/obligations")
@access(CITIZEN)
def obligations(case_id: int):
    item = linked_case(current_user, case_id, role=PartyRole.DEBTOR)
    page = debtor_page(item, today=today())
    return render_template("cases/debtor.html", item=item, page=page, today=today())
