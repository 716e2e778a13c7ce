"""Proving you are a party: case number + your own identity number + the access code on your notice.

A wrong combination never says which part was wrong; format errors (a malformed case or identity number)
are the user's own input and are named field by field.
"""

from __future__ import annotations

import logging

from flask_babel import gettext as _
from sqlalchemy import select

from portal.errors import PortalError
from portal.extensions import db
from portal.models import Case, CaseLink, CaseParty, Party, User
from portal.services import identity
from relief.case_number import CaseNumberError, parse_case_number
from relief.identity import IdentityNumberError, mask_resident_id, validate_resident_id

log = logging.getLogger(__name__)


class LinkFailed(PortalError):
    code = "link_failed"
    status = 400


class FieldError(PortalError):
    """An input in the wrong format; ``field`` names the form field."""

    code = "field_error"

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


def case_number_message(error: CaseNumberError) -> str:
    if error.code == "empty":
        return _("Enter the case number.")
    if error.code == "bad_year":
        return _("The year in the case number is not valid. It looks like （2023）粤0304执1234号.")
    return _("Enter the case number as printed on your notice, for example （2023）粤0304执1234号.")


def identity_message(error: IdentityNumberError) -> str:
    messages = {
        "bad_length": _("A resident identity number has 18 characters."),
        "bad_characters": _("Use digits only, with X allowed as the last character."),
        "bad_birth_date": _("The date of birth in this identity number is not valid. Check the number."),
        "bad_check_digit": _("This identity number is not valid: check each digit and the last character."),
    }
    return messages.get(error.code, _("Enter a valid resident identity number."))


def parse_inputs(case_number: str, id_number: str) -> tuple[str, str]:
    """Both inputs normalised, or a FieldError for the first malformed one."""
    try:
        number = parse_case_number(case_number).canonical
    except CaseNumberError as error:
        raise FieldError("case_number", case_number_message(error)) from None
    try:
        resident_id = validate_resident_id(id_number)
    except IdentityNumberError as error:
        raise FieldError("id_number", identity_message(error)) from None
    return number, resident_id


def link_case(user: User, *, case_number: str, id_number: str, access_code: str) -> CaseLink:
    number, resident_id = parse_inputs(case_number, id_number)
    hashed_id = identity.id_hash(resident_id)
    failed = LinkFailed(
        _(
            "We could not match these details to a case. Check the case number, your identity number and the access code."
        )
    )
    if user.id_hash is not None and not identity.same(user.id_hash, hashed_id):
        # One account is one person: a second identity cannot be added to it.
        log.info("case link refused: identity differs from the account's user_id=%s", user.id)
        raise failed
    code_hash = identity.access_code_hash(access_code)
    case_party = db.session.scalar(
        select(CaseParty)
        .join(Case, Case.id == CaseParty.case_id)
        .join(Party, Party.id == CaseParty.party_id)
        .where(Case.number == number, Party.id_hash == hashed_id)
    )
    if case_party is None or not identity.same(case_party.access_code_hash, code_hash):
        log.info("case link failed user_id=%s", user.id)
        raise failed
    existing = db.session.scalar(
        select(CaseLink).where(CaseLink.user_id == user.id, CaseLink.case_party_id == case_party.id)
    )
    if existing is not None:
        return existing
    link = CaseLink(user_id=user.id, case_party_id=case_party.id)
    if user.id_hash is None:
        user.id_hash = hashed_id
        user.id_masked = mask_resident_id(resident_id)
    db.session.add(link)
    db.session.commit()
    log.info("case linked user_id=%s case_id=%s role=%s", user.id, case_party.case_id, case_party.role)
    return link
