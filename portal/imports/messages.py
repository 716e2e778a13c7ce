"""Words for the import's reason codes, in the reader's language (API clients and the CLI's operator).

Codes are the stable interface (the court system may act on them); the words are for people. No message
interpolates a submitted value: a rejected record may carry names and identity numbers.
"""

from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

FIELD = {
    "not_an_object": _l("A case record must be a JSON object."),
    "unknown_field": _l("This field is not part of the case record format."),
    "required": _l("This field is required."),
    "empty": _l("This field is required."),
    "wrong_type": _l("This field has the wrong type."),
    "too_long": _l("This text is too long."),
    "bad_choice": _l("This value is not one of the allowed values."),
    "bad_date": _l("Enter a real date as YYYY-MM-DD."),
    "not_a_number": _l("Enter an amount in yuan, for example 12500.50."),
    "negative": _l("The amount cannot be negative."),
    "too_precise": _l("Amounts have at most two decimal places."),
    "too_large": _l("The amount is too large."),
    "not_an_integer": _l("Enter a whole number."),
    "out_of_range": _l("This number is outside the allowed range."),
    "bad_json": _l("This cell does not hold valid JSON."),
    "bad_case_number": _l("This is not a case number such as （2023）粤0304执1234号."),
    "bad_case_year": _l("The year in the case number is not valid."),
    "number_mismatch": _l("The case number in the body differs from the one in the address."),
    "court_mismatch": _l("The court differs from the court code in the case number."),
    "unknown_court": _l("No court with this code is known to the portal."),
    "bad_length": _l("This number has the wrong number of characters."),
    "bad_characters": _l("This number contains characters that are not allowed."),
    "bad_birth_date": _l("The date of birth in this identity number is not valid."),
    "bad_check_digit": _l("The last character of this identity number does not match the others."),
    "bad_check_character": _l("The last character of this credit code does not match the others."),
    "not_allowed": _l("This field is not allowed here."),
    "duplicate_party": _l("The same party appears twice in the same role."),
    "no_applicant": _l("A case needs at least one applicant."),
    "no_debtor": _l("A case needs at least one debtor."),
    "bad_access_code": _l("An access code has 6 to 32 letters and digits."),
    "before_start": _l("A restriction cannot be lifted before it started."),
    "ambiguous_party": _l("The case has several debtors: give the index of the one this binds."),
    "bad_party_ref": _l("This does not point to a party of the case."),
    "not_a_debtor": _l("Restrictions bind debtors only."),
    "duplicate_number": _l("This case number already appeared earlier in the file."),
    "conflict": _l("The case changed while it was being saved. Send it again."),
}

TOKEN = {
    "invalid_token": _l("A valid API token is required."),
    "insufficient_scope": _l("This API token may not import cases."),
    "wrong_court": _l("This API token may not import cases of this court."),
}


def field_message(code: str) -> str:
    return str(FIELD.get(code, FIELD["wrong_type"]))


def token_message(code: str) -> str:
    return str(TOKEN[code])


def invalid_record() -> str:
    return _("The case record is not valid.")


def unreadable_file(kind: str) -> str:
    # i18n: %(format)s is JSON or CSV
    return _("The file could not be read as %(format)s.", format=kind)
