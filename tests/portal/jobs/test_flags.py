"""Property verified on one case flags the debtor's other terminated cases in the same court, once."""

from __future__ import annotations

from sqlalchemy import select

from portal.models import CaseFlag, CaseStatus, Notification, PartyKind, StaffRole, SubmissionStatus
from portal.services.flags import PROPERTY_VERIFIED_ELSEWHERE, flag_other_cases
from tests import factories
from tests.portal.jobs.conftest import NOW, submission


def _flagged(session) -> dict[int, int]:
    flags = session.scalars(select(CaseFlag).where(CaseFlag.code == PROPERTY_VERIFIED_ELSEWHERE)).all()
    return {f.case_id: f.source_submission_id for f in flags}


def test_the_debtors_other_terminated_cases_in_the_court_are_flagged_once(session, queued):
    debtor = factories.person("李四", resident_id=factories.DEBTOR_ID)
    same_person_again = factories.person("李四", resident_id=factories.DEBTOR_ID)  # imported twice
    source = factories.case(debtor=debtor)
    same_party = factories.case(debtor=debtor)
    same_id_hash = factories.case(debtor=same_person_again)
    ongoing = factories.case(debtor=debtor, status=CaseStatus.ONGOING)
    someone_else = factories.case(debtor=factories.person("赵六", resident_id=factories.OTHER_ID))
    elsewhere = factories.case(debtor=debtor)
    elsewhere.court = factories.court("粤0305")
    session.flush()
    clue = submission(source, factories.citizen(), status=SubmissionStatus.DECIDED)

    flags = flag_other_cases(clue, now=NOW)

    assert {f.case_id for f in flags} == {same_party.id, same_id_hash.id}
    assert _flagged(session) == {same_party.id: clue.id, same_id_hash.id: clue.id}
    assert ongoing.id not in _flagged(session) and someone_else.id not in _flagged(session)
    assert elsewhere.id not in _flagged(session)
    assert flag_other_cases(clue, now=NOW) == []  # the same source never flags a case twice
    assert len(_flagged(session)) == 2


def test_organisations_match_by_credit_code(session, queued):
    first, second = factories.company(), factories.company()
    first.credit_code = second.credit_code = "91440300MA5EXAMPLE"
    assert first.kind is PartyKind.ORGANISATION
    source = factories.case(debtor=first)
    other = factories.case(debtor=second)
    clue = submission(source, factories.citizen())
    assert [f.case_id for f in flag_other_cases(clue, now=NOW)] == [other.id]


def test_the_handlers_of_a_flagged_case_are_notified_in_the_same_transaction(session, queued):
    debtor = factories.person("李四", resident_id=factories.DEBTOR_ID)
    source = factories.case(debtor=debtor)
    other = factories.case(debtor=debtor)
    handler = factories.staff(StaffRole.HANDLER)
    submission(other, factories.citizen(), assignee=handler)
    clue = submission(source, factories.citizen(), status=SubmissionStatus.DECIDED)
    session.commit()

    flag_other_cases(clue, now=NOW)
    [notice] = session.scalars(select(Notification).where(Notification.user_id == handler.id)).all()
    assert notice.code == "clue_flag" and notice.submission_id == clue.id
    assert notice.params["case_number"] == other.number and notice.params["reference"] == clue.reference
    # Nothing was committed: the decision's rollback takes the flags and the notice with it.
    session.rollback()
    assert _flagged(session) == {} and session.scalars(select(Notification)).all() == []
    assert queued == []
