from __future__ import annotations

import logging
import shutil

from sqlalchemy import func, select

from portal.api.auth import hash_token
from portal.extensions import db
from portal.models import ApiToken, Case, CaseEvent, CaseParty, EventKind, Party, PartyKind, Restriction
from tests.factories import APPLICANT_ID, DEBTOR_ID
from tests.portal.imports.conftest import EXAMPLES, NAMES, NUMBER, record

TABLES = (Case, CaseParty, Party, CaseEvent, Restriction)


def _counts() -> dict[str, int]:
    return {model.__tablename__: db.session.scalar(select(func.count()).select_from(model)) for model in TABLES}


def _case(number: str = NUMBER) -> Case | None:
    return db.session.scalar(select(Case).where(Case.number == number))


def test_the_json_example_creates_cases_with_parties_events_and_restrictions(app, court, tmp_path):
    path = tmp_path / "cases-import.json"
    shutil.copy(EXAMPLES / "cases-import.json", path)
    result = app.test_cli_runner().invoke(args=["cases", "import", str(path), "--locale", "en"])
    assert result.exit_code == 0, result.output
    assert "Created: 3, updated: 0, unchanged: 0, rejected: 0" in result.output
    case = _case("（2024）粤0304执8801号")
    assert case.court_id == court.id
    assert [cp.role.value for cp in case.parties] == ["applicant", "debtor"]
    assert case.parties[0].party.id_masked == "440304********0035"
    assert [e.kind for e in case.events][:2] == [EventKind.FILED, EventKind.NOTICE_SERVED]
    assert case.restrictions[0].party_id == case.parties[1].party_id
    # The same company is the debtor in two cases: one party row, matched by its credit code.
    companies = db.session.scalars(select(Party).where(Party.credit_code == "91440300MA5G12345L")).all()
    assert len(companies) == 1 and companies[0].kind is PartyKind.ORGANISATION


def test_the_csv_example_imports_the_same_way(app, court, tmp_path):
    path = tmp_path / "cases-import.csv"
    shutil.copy(EXAMPLES / "cases-import.csv", path)
    result = app.test_cli_runner().invoke(args=["cases", "import", str(path), "--locale", "en"])
    assert result.exit_code == 0, result.output
    assert "Created: 2," in result.output
    assert len(_case("（2024）粤0304执8801号").events) == 9


def test_reimporting_the_same_file_changes_nothing(run, court):
    assert run([record()]).exit_code == 0
    before, stamp = _counts(), _case().updated_at
    ids = [e.id for e in _case().events]
    db.session.expire_all()
    result = run([record()])
    assert result.exit_code == 0
    assert "Created: 0, updated: 0, unchanged: 1, rejected: 0" in result.output
    db.session.expire_all()
    assert _counts() == before
    assert _case().updated_at == stamp
    assert [e.id for e in _case().events] == ids


def test_an_update_replaces_the_timeline_and_restrictions(run, court):
    run([record()])
    stamp = _case().updated_at
    events = [*record()["events"], {"kind": "termination_served", "on": "2024-07-15"}]
    restrictions = [
        {"kind": "consumption", "started_on": "2024-03-28", "lifted_on": "2024-08-01", "lift_reason": "paid"}
    ]
    result = run([record(events=events, restrictions=restrictions, status="concluded")])
    assert "updated: 1" in result.output
    db.session.expire_all()
    case = _case()
    assert case.status.value == "concluded"
    assert [e.kind.value for e in case.events][-1] == "termination_served"
    assert db.session.scalar(select(func.count()).select_from(CaseEvent)) == 5
    assert [r.lifted_on.isoformat() for r in case.restrictions] == ["2024-08-01"]
    assert case.updated_at > stamp


def test_bad_records_are_reported_by_line_and_nothing_of_them_is_applied(run, court):
    run([record()])
    good = record(number="（2024）粤0304执8802号")
    bad_id = record(number="（2024）粤0304执8803号")
    bad_id["parties"][1]["id_number"] = DEBTOR_ID[:-1] + ("8" if DEBTOR_ID[-1] != "8" else "9")
    records = [
        good,
        bad_id,
        record(number="（2024）沪0101执1号"),
        record(status="concluded", filed_on="2024-13-01"),  # the existing case, with a good change and a bad one
        record(number="（2024）粤0304执8804号", events=[{"kind": "teleported", "on": "2024-03-04"}]),
        record(number="（2024）粤0304执8805号", principal=-1),
    ]
    result = run(records)
    assert result.exit_code == 1
    assert "Created: 1, updated: 0, unchanged: 0, rejected: 5" in result.output
    assert "Line 2 (（2024）粤0304执8803号): parties[1].id_number bad_check_digit:" in result.output
    assert "Line 3 (（2024）沪0101执1号): court unknown_court:" in result.output
    assert "Line 4 (（2024）粤0304执8801号): filed_on bad_date:" in result.output
    assert "Line 5 (（2024）粤0304执8804号): events[0].kind bad_choice:" in result.output
    assert "Line 6 (（2024）粤0304执8805号): principal negative: The amount cannot be negative." in result.output
    db.session.expire_all()
    assert _case("（2024）粤0304执8802号") is not None
    assert [n for n in ("8803", "8804", "8805") if _case(f"（2024）粤0304执{n}号")] == []
    assert _case().status.value == "terminated"


def test_all_or_nothing_refuses_the_whole_file(run, court):
    before = _counts()
    result = run([record(), record(number="（2024）粤0304执2号", principal="lots")], "--all-or-nothing")
    assert result.exit_code == 1
    assert "Nothing was saved, because some records were rejected." in result.output
    assert _counts() == before


def test_a_dry_run_reports_and_saves_nothing(run, court):
    before = _counts()
    result = run([record()], "--dry-run")
    assert result.exit_code == 0
    assert "Created: 1," in result.output and "Dry run: nothing was saved." in result.output
    assert _counts() == before


def test_an_unreadable_file_is_refused(run, court):
    result = run("{not json", name="broken.json")
    assert result.exit_code == 1
    assert "The file could not be read as JSON." in result.output


def test_no_name_or_identity_number_reaches_the_output_or_the_logs(run, court, caplog):
    caplog.set_level(logging.DEBUG)
    bad = record(number="（2024）粤0304执9号")
    bad["parties"][0]["id_number"] = APPLICANT_ID[:-1] + "1"
    result = run([record(), bad, {"number": APPLICANT_ID, "name": NAMES[0]}], "-v")
    assert NUMBER in result.output and NUMBER in caplog.text
    for secret in (APPLICANT_ID, APPLICANT_ID[:-1] + "1", DEBTOR_ID, *NAMES):
        assert secret not in result.output
        assert secret not in caplog.text


def test_the_chinese_report_is_the_default(app, court, tmp_path):
    path = tmp_path / "cases.json"
    path.write_text("[]", encoding="utf-8")
    result = app.test_cli_runner().invoke(args=["cases", "import", str(path)])
    assert result.exit_code == 0


def test_a_token_is_printed_once_and_only_its_hash_is_stored(app, court):
    result = app.test_cli_runner().invoke(args=["cases", "token", "create", "cms", "--court", "粤0304"])
    assert result.exit_code == 0, result.output
    raw = result.stdout.strip()
    token = db.session.scalar(select(ApiToken).where(ApiToken.name == "cms"))
    assert token.token_hash == hash_token(raw) and raw not in token.token_hash
    assert token.court_id == court.id and token.scope == "cases:write"
    revoked = app.test_cli_runner().invoke(args=["cases", "token", "revoke", str(token.id), "--locale", "en"])
    assert revoked.exit_code == 0 and token.revoked_at is not None


def test_a_token_for_an_unknown_court_is_refused(app, court):
    result = app.test_cli_runner().invoke(
        args=["cases", "token", "create", "cms", "--court", "沪9999", "--locale", "en"]
    )
    assert result.exit_code == 1
    assert db.session.scalar(select(func.count()).select_from(ApiToken)) == 0


def test_a_party_without_identifiers_is_matched_within_its_case(run, court):
    parties = [record()["parties"][0], {"role": "debtor", "kind": "organisation", "name": "无代码公司"}]
    run([record(parties=parties)])
    before = _counts()
    result = run([record(parties=parties)])
    assert "unchanged: 1" in result.output
    assert _counts() == before


def test_a_renamed_party_updates_the_case(run, court):
    run([record()])
    stamp = _case().updated_at
    changed = record()
    changed["parties"][1]["name"] = "改名后的被执行人"
    assert "updated: 1" in run([changed]).output
    db.session.expire_all()
    assert _case().parties[1].party.name == "改名后的被执行人"
    assert _case().updated_at > stamp
    assert db.session.scalar(select(func.count()).select_from(Party)) == 2
