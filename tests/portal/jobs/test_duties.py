"""A court's duties: searches due or overdue, listings reaching their term, open submissions about to expire."""

from __future__ import annotations

from datetime import date, timedelta

from portal.models import CaseStatus, EventKind, RestrictionKind, StaffRole, SubmissionStatus
from portal.services import duties
from tests import factories
from tests.portal.jobs.conftest import TODAY, submission

TERMINATED = [
    (EventKind.FILED, date(2023, 3, 1)),
    (EventKind.ONLINE_SEARCH, date(2023, 3, 15)),
    (EventKind.TERMINATION_RULING, date(2023, 7, 10)),
    (EventKind.TERMINATION_SERVED, date(2023, 7, 14)),
]
# One search in each six-month window so far (slots 1-4 due 2024-01-15, 2024-07-15, 2025-01-14, 2025-07-14).
SEARCHED = [
    (EventKind.ONLINE_SEARCH, day) for day in (date(2023, 12, 1), date(2024, 6, 1), date(2024, 12, 1), date(2025, 6, 1))
]


def test_an_overdue_search_is_a_duty_and_a_case_searched_on_time_is_not(session):
    behind = factories.case(events=TERMINATED)
    on_time = factories.case(events=TERMINATED + SEARCHED)
    ongoing = factories.case(status=CaseStatus.ONGOING, events=TERMINATED)
    found = {d.case_id: d for d in duties.search_duties(behind.court_id, today=TODAY)}
    assert on_time.id not in found and ongoing.id not in found
    duty = found[behind.id]
    assert (duty.slot, duty.due_on, duty.overdue, duty.overdue_slots) == (1, date(2024, 1, 15), True, 4)
    assert duty.case_number == behind.number


def test_a_search_due_within_14_days_is_a_duty(session):
    events = [(EventKind.TERMINATION_RULING, date(2024, 12, 16)), (EventKind.TERMINATION_SERVED, date(2024, 12, 20))]
    case = factories.case(events=events)
    [duty] = duties.search_duties(case.court_id, today=date(2025, 6, 10))
    assert (duty.case_id, duty.slot, duty.due_on, duty.overdue) == (case.id, 1, date(2025, 6, 20), False)
    assert duties.search_duties(case.court_id, today=date(2025, 6, 1)) == []


def test_a_listing_reaching_its_term_is_a_duty(session):
    ending = factories.case(events=TERMINATED)
    later = factories.case(events=TERMINATED)
    lifted = factories.case(events=TERMINATED)
    listing = factories.restriction(ending, RestrictionKind.DISHONEST, date(2023, 10, 10), ground=2, term_years=2)
    factories.restriction(later, RestrictionKind.DISHONEST, date(2024, 9, 1), ground=2, term_years=2)
    factories.restriction(
        lifted, RestrictionKind.DISHONEST, date(2023, 10, 1), ground=2, term_years=2, lifted_on=date(2025, 9, 1)
    )
    [duty] = duties.listing_duties(ending.court_id, today=TODAY)
    assert (duty.restriction_id, duty.case_number, duty.outcome) == (listing.id, ending.number, "in_force")
    assert duty.term_ends_on == date(2025, 10, 10) and duty.overdue is False
    # Past its term it stays on the list, overdue once the 3 working days to delete it have run out.
    [past] = duties.listing_duties(ending.court_id, today=date(2025, 11, 3))
    assert past.outcome == "expired" and past.overdue is True


def test_open_submissions_due_within_two_days_are_duties(session):
    case = factories.case(events=TERMINATED)
    user = factories.citizen()
    tomorrow = submission(case, user, due_on=TODAY + timedelta(days=1))
    overdue = submission(case, user, status=SubmissionStatus.AWAITING_INFORMATION, due_on=TODAY - timedelta(days=3))
    submission(case, user, due_on=TODAY + timedelta(days=5))
    submission(case, user, status=SubmissionStatus.DECIDED, due_on=TODAY - timedelta(days=1))
    submission(case, user, due_on=None)
    found = duties.submission_duties(case.court_id, today=TODAY)
    assert [d.submission_id for d in found] == [overdue.id, tomorrow.id]
    assert found[0].overdue and not found[1].overdue
    assert found[1].reference == tomorrow.reference and found[1].case_number == case.number
    assert found[1].kind == "property_clue" and found[1].status == "received"


def test_another_courts_duties_stay_with_that_court(session):
    other = factories.court("粤0305")
    case = factories.case(events=TERMINATED)
    case.court = other
    session.flush()
    submission(case, factories.citizen(), due_on=TODAY)
    mine = duties.duties_for_court(factories.court().id, today=TODAY)
    theirs = duties.duties_for_court(other.id, today=TODAY)
    assert mine.empty
    assert [d.case_id for d in theirs.searches] == [case.id] and len(theirs.submissions) == 1


def test_supervisors_get_a_digest_in_their_language(session, mailbox):
    case = factories.case(events=TERMINATED)
    supervisor = factories.staff(StaffRole.SUPERVISOR)
    supervisor.locale = "en"
    factories.staff(StaffRole.HANDLER)
    assert duties.send_digests(today=TODAY) == 1
    [message] = mailbox()
    body = message.get_content()
    assert message["To"] == supervisor.email
    assert "September 25, 2025" in message["Subject"]
    assert f"- {case.number}: search 1 overdue since January 15, 2024 (4 searches missed)" in body
