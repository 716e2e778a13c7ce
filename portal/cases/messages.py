"""Words for the codes relief/ and the models produce, in the user's language.

Every reason code relief/ can emit has an entry in REASONS (a test checks), so no code ever reaches a
citizen raw. Parameters are named; dates and money are formatted with Babel before interpolation.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from flask import url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from portal.cases.reasons import REASONS
from portal.i18n import long_date, money
from portal.models import CaseStatus, EventKind, PartyRole, RestrictionKind, SubmissionKind
from relief.calendar import Deadline
from relief.outcomes import Met, Reason, Status
from relief.rules import rule as rule  # re-exported for templates: labels.rule("ZB-01")

CASE_STATUS = {
    CaseStatus.ONGOING: _l("Enforcement in progress"),
    CaseStatus.TERMINATED: _l("Terminated for now (终本)"),
    CaseStatus.RESUMED: _l("Enforcement resumed"),
    CaseStatus.CONCLUDED: _l("Concluded"),
}

PARTY_ROLE = {PartyRole.APPLICANT: _l("applicant"), PartyRole.DEBTOR: _l("debtor")}

MET_STATE = {Met.MET: _l("Met"), Met.NOT_MET: _l("Not met"), Met.UNKNOWN: _l("Not recorded")}

CRITERIA = {
    "notice_and_report_order": (
        _l("1. Enforcement notice served and the debtor ordered to report property"),
        _l(
            "The court must have served the enforcement notice and ordered the debtor to report their property, "
            "checked the report and punished a late or false one."
        ),
    ),
    "consumption_order_and_listing": (
        _l("2. Consumption restriction issued, and dishonest listing where it applies"),
        _l(
            "The court must have restricted the debtor's consumption, and put the debtor on the list of dishonest "
            "debtors if a listing ground existed."
        ),
    ),
    "investigation_exhausted": (
        _l("3. Every way of finding property tried"),
        _l(
            "The court must have searched the online enforcement system, checked the clues it was given, and "
            "investigated on site where needed, without finding property it could enforce or sell."
        ),
    ),
    "filed_more_than_3_months": (
        _l("4. More than three months since the case was filed"),
        _l("A case may be closed this way only after more than three months of enforcement."),
    ),
    "missing_debtor_and_obstruction": (
        _l("5. A missing debtor searched for, and obstruction punished"),
        _l(
            "If the debtor could not be found, the court must have searched for them; if anyone obstructed "
            "enforcement, the court must have fined or detained them."
        ),
    ),
    "applicant_interview": (
        _l("Also required: you were told and heard before the case was closed"),
        _l(
            "Before closing the case the court must explain to you what it did and why it is closing the case, and "
            "record your opinion."
        ),
    ),
}

TERMINATION_OUTCOME = {
    "compliant": _l("According to the court's records, all five conditions were met."),
    "non_compliant": _l("According to the court's records, at least one condition was not met. You can object."),
    "incomplete": _l(
        "Some steps are not recorded. Ask the court to show you the file, or object if a step was really missing."
    ),
    "not_terminated": _l("This case has not been closed."),
}

SEARCH_STATE = {
    "done": _l("Done"),
    "overdue": _l("Overdue"),
    "due_soon": _l("Due soon"),
    "upcoming": _l("Upcoming"),
}

EVENT_TEXT = {
    EventKind.FILED: _l("The enforcement case was filed."),
    EventKind.NOTICE_SERVED: _l("The enforcement notice was served on the debtor."),
    EventKind.REPORT_ORDER: _l("The debtor was ordered to report their property."),
    EventKind.REPORT_DEFAULT: _l("The debtor did not report property as ordered."),
    EventKind.REPORT_SANCTION: _l("The debtor was sanctioned for not reporting property."),
    EventKind.CONSUMPTION_ORDER: _l("A consumption-restriction order was issued against the debtor."),
    EventKind.DISHONEST_GROUND: _l("The court found a ground for listing the debtor as dishonest."),
    EventKind.DISHONEST_LISTING: _l("The debtor was put on the list of dishonest debtors."),
    EventKind.EXIT_BAN: _l("The debtor was banned from leaving the country."),
    EventKind.ONLINE_SEARCH: _l("The court searched the online enforcement system for property."),
    EventKind.ONSITE_INVESTIGATION: _l("The court investigated on site."),
    EventKind.PREMISES_SEARCH: _l("The court searched the debtor's premises."),
    EventKind.AUDIT: _l("An audit of the debtor was ordered."),
    EventKind.REWARD_NOTICE: _l("A reward notice was published."),
    EventKind.CLUE_RECEIVED: _l("A property clue was received."),
    EventKind.CLUE_VERIFIED: _l("The court checked a property clue."),
    EventKind.WHEREABOUTS_UNKNOWN: _l("The debtor could not be found."),
    EventKind.WHEREABOUTS_SEARCH: _l("The court searched for the debtor."),
    EventKind.OBSTRUCTION: _l("Someone obstructed enforcement."),
    EventKind.OBSTRUCTION_SANCTION: _l("The court punished the obstruction."),
    EventKind.APPLICANT_INTERVIEW: _l("The court informed the applicant and heard their opinion."),
    EventKind.TERMINATION_RULING: _l("The court ruled to terminate the current enforcement procedure."),
    EventKind.TERMINATION_SERVED: _l("The termination ruling was served."),
    EventKind.RESUMPTION: _l("Enforcement was resumed."),
    EventKind.PAYMENT: _l("A payment was received."),
    EventKind.CONCLUDED: _l("The case was concluded."),
}

RESULT_TEXT = {
    "nothing_found": _l("Nothing enforceable was found."),
    "found": _l("Property was found."),
    "fine": _l("A fine was imposed."),
}

RESTRICTION_KIND = {
    RestrictionKind.CONSUMPTION: _l("Consumption restriction (限高)"),
    RestrictionKind.DISHONEST: _l("Listed as a dishonest debtor (失信)"),
    RestrictionKind.EXIT_BAN: _l("Exit ban"),
}

RESTRICTION_SCOPE = {
    RestrictionKind.CONSUMPTION: _l(
        "You may not fly, take a soft sleeper, any seat on G trains or first class on other bullet trains, stay in "
        "star-rated hotels, buy property or cars not needed for work, travel on holiday, or pay for high-fee private "
        "schools. Ordinary trains and second class on D and C trains are not restricted."
    ),
    RestrictionKind.DISHONEST: _l(
        "Your name is published, and banks, public bodies and credit agencies are told. You are also under a "
        "consumption restriction."
    ),
    RestrictionKind.EXIT_BAN: _l("You may not leave mainland China until the ban is lifted."),
}

HEDGES = {
    Status.SECONDARY: _l("secondary source — confirm with your enforcement judge"),
    Status.UNCONFIRMED: _l("unconfirmed — ask your enforcement judge"),
}


def case_status(status: CaseStatus) -> str:
    return str(CASE_STATUS[status])


def party_role(role: PartyRole) -> str:
    return str(PARTY_ROLE[role])


def met_state(state: Met) -> str:
    return str(MET_STATE[state])


def criterion_title(key: str) -> str:
    return str(CRITERIA[key][0])


def criterion_requirement(key: str) -> str:
    return str(CRITERIA[key][1])


def termination_outcome(outcome: str) -> str:
    return str(TERMINATION_OUTCOME[outcome])


def search_state(state: str) -> str:
    return str(SEARCH_STATE[state])


def restriction_kind(kind: RestrictionKind) -> str:
    return str(RESTRICTION_KIND[kind])


def restriction_scope(kind: RestrictionKind) -> str:
    return str(RESTRICTION_SCOPE[kind])


def status_hedge(status: Status) -> str:
    return str(HEDGES.get(status, ""))


def event_text(event) -> str:
    if event.kind is EventKind.PAYMENT and event.amount is not None:
        return _("A payment of %(amount)s was received.", amount=money(event.amount))
    return str(EVENT_TEXT[event.kind])


def event_result(event) -> str:
    """The outcome of a step (a search found nothing, a fine was imposed), shown on its own line."""
    return str(RESULT_TEXT.get(event.result, "")) if event.kind is not EventKind.PAYMENT else ""


def _format(value):
    if isinstance(value, Deadline):
        text = long_date(value.due)
        return _("%(date)s (provisional)", date=text) if value.provisional else text
    if isinstance(value, date):
        return long_date(value)
    if isinstance(value, Decimal):
        return money(value)
    if isinstance(value, tuple):
        return "、".join(criterion_title(v) if v in CRITERIA else str(v) for v in value)
    return value


def reason_text(reason: Reason) -> str:
    template = REASONS[reason.code]
    params = {name: _format(value) for name, value in reason.params.items()}
    return str(template) % params if params else str(template)


def _start(kind: SubmissionKind, case_id: int) -> str:
    return url_for("submissions.start", kind=kind.value, case_id=case_id)


def applicant_actions(page) -> list[dict]:
    """What the applicant can do next, most useful first."""
    case_id = page.case.id
    actions = [{"label": _("Give the court a property clue"), "url": _start(SubmissionKind.PROPERTY_CLUE, case_id)}]
    if page.terminated:
        actions.append(
            {"label": _("Ask for enforcement to be resumed"), "url": _start(SubmissionKind.RESUMPTION, case_id)}
        )
    if page.termination.outcome in ("non_compliant", "incomplete"):
        actions.append(
            {"label": _("Object to the closing of the case"), "url": _start(SubmissionKind.OBJECTION, case_id)}
        )
    actions.append({"label": _("Complain that nothing is happening"), "url": _start(SubmissionKind.COMPLAINT, case_id)})
    actions.append(
        {"label": _("Ask the court to publish a reward notice"), "url": _start(SubmissionKind.REWARD_NOTICE, case_id)}
    )
    actions.append({"label": _("Read what termination means"), "url": url_for("public.explainer", slug="termination")})
    return actions


def debtor_actions(page) -> list[dict]:
    case_id = page.case.id
    kinds = {view.restriction.kind for view in page.restrictions}
    actions = [{"label": _("Report your property"), "url": _start(SubmissionKind.PROPERTY_REPORT, case_id)}]
    if RestrictionKind.DISHONEST in kinds:
        actions.append(
            {
                "label": _("Ask for the listing to be corrected or deleted"),
                "url": _start(SubmissionKind.DISHONEST_CORRECTION, case_id),
            }
        )
    if kinds:
        actions.append(
            {
                "label": _("Ask for a restriction to be lifted"),
                "url": _start(SubmissionKind.RESTRICTION_LIFTING, case_id),
            }
        )
    if RestrictionKind.CONSUMPTION in kinds:
        actions.append(
            {"label": _("Ask permission for an urgent trip"), "url": _start(SubmissionKind.URGENT_TRAVEL, case_id)}
        )
    return actions
