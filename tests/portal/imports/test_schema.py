from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest

from portal.imports.schema import InvalidRecord, from_csv_row, validate
from portal.models import EventKind, PartyRole
from tests.factories import APPLICANT_ID
from tests.portal.imports.conftest import BASE, EXAMPLES, NAMES, NUMBER, record


def _issues(raw, **kwargs) -> set[tuple[str, str]]:
    with pytest.raises(InvalidRecord) as caught:
        validate(raw, **kwargs)
    return {(i.field, i.code) for i in caught.value.issues}


def test_a_valid_record_is_normalised():
    result = validate(record())
    assert result.number == NUMBER
    assert result.court_code == "粤0304"
    assert result.principal == Decimal("86000.00")
    assert result.parties[0].role is PartyRole.APPLICANT
    assert result.parties[0].birth_date == date(1949, 12, 31)  # from the identity number
    assert result.events[2].kind is EventKind.PAYMENT
    assert result.events[2].amount == Decimal("5000.00")
    assert result.restrictions[0].party_index == 1  # "debtor" by default


def test_the_example_files_are_valid():
    records = json.loads((EXAMPLES / "cases-import.json").read_text(encoding="utf-8"), parse_float=Decimal)
    assert [validate(r).number for r in records] == [
        "（2024）粤0304执8801号",
        "（2025）粤0304执1203号",
        "（2023）粤0304执4410号",
    ]


def test_personal_data_stays_out_of_reprs():
    text = repr(validate(record()))
    assert APPLICANT_ID not in text
    assert NAMES[0] not in text


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            {"parties": [{**BASE["parties"][0], "id_number": "11010519491231002X"[:-1] + "1"}, BASE["parties"][1]]},
            ("parties[0].id_number", "bad_check_digit"),
        ),
        ({"filed_on": "2024-02-30"}, ("filed_on", "bad_date")),
        ({"filed_on": "20240304"}, ("filed_on", "bad_date")),
        ({"events": [{"kind": "teleported", "on": "2024-03-04"}]}, ("events[0].kind", "bad_choice")),
        ({"principal": "-1"}, ("principal", "negative")),
        ({"principal": "1.005"}, ("principal", "too_precise")),
        ({"principal": True}, ("principal", "not_a_number")),
        ({"status": "paused"}, ("status", "bad_choice")),
        ({"number": "2024粤执1"}, ("number", "bad_case_number")),
        ({"court": "粤0305"}, ("court", "court_mismatch")),
        ({"title_ref": None}, ("title_ref", "required")),
        ({"title_ref": "x" * 61}, ("title_ref", "too_long")),
        ({"surprise": 1}, ("surprise", "unknown_field")),
        ({"events": [{"kind": "payment", "on": "2024-03-04"}]}, ("events[0].amount", "required")),
        ({"events": [{"kind": "filed", "on": "2024-03-04", "amount": 1}]}, ("events[0].amount", "not_allowed")),
        (
            {"restrictions": [{"kind": "consumption", "started_on": "2024-03-28", "lifted_on": "2024-01-01"}]},
            ("restrictions[0].lifted_on", "before_start"),
        ),
        (
            {"restrictions": [{"kind": "consumption", "started_on": "2024-03-28", "party": 0}]},
            ("restrictions[0].party", "not_a_debtor"),
        ),
        (
            {"restrictions": [{"kind": "consumption", "started_on": "2024-03-28", "party": 5}]},
            ("restrictions[0].party", "bad_party_ref"),
        ),
        (
            {"restrictions": [{"kind": "dishonest", "started_on": "2024-03-28", "ground": 9}]},
            ("restrictions[0].ground", "out_of_range"),
        ),
        ({"parties": [BASE["parties"][0]]}, ("parties", "no_debtor")),
        ({"parties": [BASE["parties"][0], BASE["parties"][0], BASE["parties"][1]]}, ("parties[1]", "duplicate_party")),
        (
            {"parties": [{**BASE["parties"][0], "kind": "organisation"}, BASE["parties"][1]]},
            ("parties[0].id_number", "not_allowed"),
        ),
        (
            {
                "parties": [
                    BASE["parties"][0],
                    {"role": "debtor", "kind": "organisation", "name": "某公司", "credit_code": "91440300MA5G123450"},
                ]
            },
            ("parties[1].credit_code", "bad_check_character"),
        ),
        (
            {"parties": [{**BASE["parties"][0], "access_code": "AB"}, BASE["parties"][1]]},
            ("parties[0].access_code", "bad_access_code"),
        ),
        ({"events": None}, ("events", "required")),
    ],
    ids=[
        "bad-check-digit",
        "impossible-date",
        "basic-date",
        "unknown-event-kind",
        "negative-principal",
        "three-decimals",
        "boolean-principal",
        "unknown-status",
        "bad-number",
        "court-mismatch",
        "missing-title",
        "long-title",
        "unknown-field",
        "payment-without-amount",
        "amount-on-filing",
        "lifted-before-start",
        "applicant-restricted",
        "party-index-out-of-range",
        "ground-out-of-range",
        "no-debtor",
        "duplicate-party",
        "organisation-with-identity-number",
        "bad-credit-code",
        "short-access-code",
        "events-missing",
    ],
)
def test_each_problem_is_reported_with_its_field_and_code(change, expected):
    assert expected in _issues(record(**change))


def test_every_problem_is_reported_at_once():
    issues = _issues(record(filed_on="yesterday", principal="-5", status="gone"))
    assert issues == {("filed_on", "bad_date"), ("principal", "negative"), ("status", "bad_choice")}


def test_an_unknown_court_is_reported_with_the_rest():
    issues = _issues(record(principal="-5"), court_exists=lambda code: False)
    assert issues == {("court", "unknown_court"), ("principal", "negative")}


def test_a_body_number_must_match_the_path():
    assert validate(record(), url_number="（2024）粤0304执8801").number == NUMBER
    assert ("number", "number_mismatch") in _issues(record(), url_number="（2024）粤0304执8802号")
    assert validate({k: v for k, v in record().items() if k != "number"}, url_number=NUMBER).number == NUMBER


def test_a_restriction_must_name_its_debtor_when_there_are_several():
    debtors = [BASE["parties"][0], BASE["parties"][1], {"role": "debtor", "kind": "person", "name": "另一人"}]
    assert ("restrictions[0].party", "ambiguous_party") in _issues(record(parties=debtors))
    restrictions = [{"kind": "consumption", "started_on": "2024-03-28", "party": 2}]
    assert validate(record(parties=debtors, restrictions=restrictions)).restrictions[0].party_index == 2


def test_not_an_object():
    assert _issues([1, 2]) == {("record", "not_an_object")}


def test_csv_rows_decode_list_columns_and_drop_empty_cells():
    header = ["number", "division", "parties", "events", "restrictions"]
    raw = from_csv_row(header, [NUMBER, " ", json.dumps(BASE["parties"]), "", "[{"])
    assert "division" not in raw
    assert raw["events"] == []
    assert ("restrictions", "bad_json") in _issues(raw)
