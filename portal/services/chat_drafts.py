"""A draft opened from the assistant: the same draft the web form continues, prefilled from the chat.

Nothing is filed here: the citizen checks the answers on the web form and submits them there. The case
is one the token's user proved to be a party of: the number they named, or their most recent case that
accepts this kind when they named none (the form shows which case it is for).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

from portal import database
from portal.errors import NotFound, PortalError
from portal.extensions import db
from portal.models import Draft, SubmissionKind, User
from portal.services import case_view, drafts
from portal.submissions import flow
from portal.submissions.fields import field_names
from portal.submissions.forms_applicant import CLUE_DETAIL_FORMS
from portal.submissions.kinds import KINDS, steps_for
from relief import identifiers
from relief.case_number import CaseNumberError, parse_case_number

log = logging.getLogger(__name__)

CHAT_KINDS = (SubmissionKind.PROPERTY_CLUE, SubmissionKind.RESUMPTION)
CLUE_TYPES = tuple(CLUE_DETAIL_FORMS)
# Where the chat's free-text details go on each clue page (types without a free-text field keep none).
DETAILS_FIELD = {
    "real_estate": "address",
    "receivable": "basis",
    "transfer": "asset",
    "other": "description",
}


class NoCase(PortalError):
    """The user has no linked case on which this kind can be filed."""

    code = "no_case"
    status = 404


@dataclass(frozen=True)
class ChatDraft:
    draft: Draft
    url: str


def canonical_number(text: str) -> str:
    try:
        return parse_case_number(text).canonical
    except CaseNumberError:
        return text.strip()


def _case_for(user: User, kind: SubmissionKind, case_number: str | None):
    spec = KINDS[kind]
    mine = case_view.my_cases(user)
    if case_number:
        wanted = canonical_number(case_number)
        item = next((i for i in mine if i.case.number == wanted), None)
        if item is None:
            raise NotFound()
        return item.case
    fitting = [
        i
        for i in mine
        if (spec.filer is None or spec.filer in i.roles)
        and (spec.case_statuses is None or i.case.status in spec.case_statuses)
    ]
    if not fitting:
        raise NoCase()
    return fitting[0].case  # my_cases lists the most recently filed first


# What the chat may fill in on each clue page besides the free text, by form field name, so the web form
# opens with them in place. Identifiers get the form's own normaliser; one it refuses is kept as typed and
# the form asks the citizen to correct it.
CLUE_FIELDS: dict[str, tuple[str, ...]] = {
    "bank_account": ("bank_name", "branch", "account_number"),
    "real_estate": ("certificate_number",),
    "vehicle": ("plate", "vehicle", "seen_at"),
    "equity": ("company_name", "credit_code", "share"),
    "receivable": ("third_party",),
    "employer": ("employer_name", "employer_address", "credit_code"),
    "transfer": ("recipient", "relationship"),
}
FIELD_NAMES = tuple(sorted({name for names in CLUE_FIELDS.values() for name in names}))
FIELD_MAX_LENGTH = 300
_NORMALISERS = {
    "plate": identifiers.normalise_plate,
    "account_number": identifiers.normalise_bank_account,
    "certificate_number": identifiers.normalise_property_certificate,
    "credit_code": identifiers.validate_credit_code,
}


def _field_value(name: str, raw: str) -> str:
    normalise = _NORMALISERS.get(name)
    if normalise is None:
        return raw.strip()
    try:
        return normalise(raw)
    except identifiers.IdentifierError:
        return raw.strip()


def prefill(kind: SubmissionKind, clue_type: str | None, details: str, fields: dict[str, str]) -> dict:
    """The draft answers the chat supplies (form field names); the citizen checks them on the web.

    ``fields`` holds what the chat recognised (bank, account, plate, company ...); only those the clue
    type's page has are kept. The full free text always goes into the page's free-text field as well.
    """
    if kind is SubmissionKind.RESUMPTION:
        return {"property_found": details} if details else {}
    answers: dict = {"clue_type": clue_type or "other"}
    field = DETAILS_FIELD.get(answers["clue_type"])
    if field and details:
        answers[field] = details
    for name in CLUE_FIELDS.get(answers["clue_type"], ()):
        if fields.get(name):
            answers[name] = _field_value(name, fields[name])
    return answers


def open_from_chat(
    user: User,
    kind: SubmissionKind,
    *,
    case_number: str | None,
    clue_type: str | None,
    details: str,
    fields: dict[str, str],
    today: date,
) -> ChatDraft:
    """Open (or resume) this user's draft of ``kind`` and fill in what the chat collected."""
    spec = KINDS[kind]
    database.begin_write()
    case = _case_for(user, kind, case_number)
    draft = drafts.start(user, case.id, spec, today=today)
    answers = dict(draft.answers)
    answers.update(prefill(kind, clue_type, details, fields))
    # A resumed draft keeps only answers of pages that still apply (as the web form's saving does): details
    # typed earlier for another type of clue must not ride along unseen.
    names = {name for step in steps_for(spec, answers) for name in field_names(step.form(answers))}
    draft.answers = {k: v for k, v in answers.items() if k in names}
    db.session.commit()
    log.info("draft opened from chat draft_id=%s kind=%s case_id=%s", draft.id, kind.value, case.id)
    pages = flow.pages(spec, draft.answers)
    # With the type of clue known, the citizen lands on the page with the details the chat took down.
    first = pages[1] if kind is SubmissionKind.PROPERTY_CLUE and len(pages) > 1 else pages[0]
    return ChatDraft(draft=draft, url=flow.url(draft.token, first))
