"""Reason code -> message (named %-placeholders), for every code the case pages can show.

Grouped by rule. Dates arrive formatted; parameters a message does not name are ignored.
"""

from flask_babel import lazy_gettext as _l

_NOTICE = "zb03.notice_and_report_order"
_ORDER = "zb03.consumption_order_and_listing"
_SEARCH = "zb03.investigation_exhausted"
_MONTHS = "zb03.filed_more_than_3_months"
_MISSING = "zb03.missing_debtor_and_obstruction"

TERMINATION = {
    "zb03.outcome.compliant": _l("All five conditions are recorded as met."),
    "zb03.outcome.non_compliant": _l("At least one condition was not met."),
    "zb03.outcome.incomplete": _l("Some steps are not recorded in the file."),
    "zb03.outcome.not_terminated": _l("The case has not been closed."),
    # Summary line of each condition.
    **{
        f"zb03.{key}.{state}": text
        for key in (
            "notice_and_report_order",
            "consumption_order_and_listing",
            "investigation_exhausted",
            "filed_more_than_3_months",
            "missing_debtor_and_obstruction",
        )
        for state, text in (
            ("met", _l("Recorded as met.")),
            ("not_met", _l("Not met.")),
            ("unknown", _l("Not recorded in the file.")),
        )
    },
    f"{_NOTICE}.notice_done": _l("The enforcement notice was served on %(on)s."),
    f"{_NOTICE}.notice_not_recorded": _l("No service of the enforcement notice is recorded."),
    f"{_NOTICE}.notice_after_ruling": _l(
        "The enforcement notice was recorded on %(on)s, after the case was closed on %(cutoff)s."
    ),
    f"{_NOTICE}.report_order_done": _l("The debtor was ordered to report property on %(on)s."),
    f"{_NOTICE}.report_order_not_recorded": _l("No order to report property is recorded."),
    f"{_NOTICE}.report_order_after_ruling": _l(
        "The order to report property is dated %(on)s, after the case was closed on %(cutoff)s."
    ),
    f"{_NOTICE}.no_report_default": _l("The debtor is not recorded as failing to report, so no sanction was needed."),
    f"{_NOTICE}.report_default_not_recorded": _l(
        "The file does not say whether the debtor reported property as ordered."
    ),
    f"{_NOTICE}.report_default_sanctioned_done": _l("The debtor's failure to report was sanctioned on %(on)s."),
    f"{_NOTICE}.report_default_sanctioned_not_recorded": _l(
        "The debtor failed to report property, and no sanction is recorded."
    ),
    f"{_NOTICE}.report_default_sanctioned_after_ruling": _l(
        "The failure to report was sanctioned on %(on)s, after the case was closed on %(cutoff)s."
    ),
    f"{_ORDER}.consumption_order_done": _l("A consumption-restriction order was issued on %(on)s."),
    f"{_ORDER}.consumption_order_not_recorded": _l("No consumption-restriction order is recorded."),
    f"{_ORDER}.consumption_order_after_ruling": _l(
        "The consumption-restriction order is dated %(on)s, after the case was closed on %(cutoff)s."
    ),
    f"{_ORDER}.listing_done": _l("The debtor was put on the list of dishonest debtors on %(on)s."),
    f"{_ORDER}.listing_not_recorded": _l(
        "A ground for listing the debtor as dishonest was found, but no listing is recorded."
    ),
    f"{_ORDER}.listing_after_ruling": _l(
        "The dishonest listing is dated %(on)s, after the case was closed on %(cutoff)s."
    ),
    f"{_ORDER}.no_dishonest_ground": _l("No ground for a dishonest listing is recorded, so none was needed."),
    f"{_ORDER}.dishonest_ground_not_recorded": _l(
        "The file does not say whether a ground for a dishonest listing existed."
    ),
    f"{_ORDER}.minor_not_listable": _l("The debtor is a minor and can never be listed as dishonest."),
    f"{_ORDER}.minor_not_recorded": _l("The file does not say whether the debtor is a minor."),
    f"{_SEARCH}.online_search_done": _l(
        "The court searched the online system %(count)s times, most recently on %(on)s."
    ),
    f"{_SEARCH}.online_search_not_recorded": _l("No search of the online enforcement system is recorded."),
    f"{_SEARCH}.no_online_search_before_ruling": _l(
        "No online search is recorded before the case was closed on %(cutoff)s."
    ),
    f"{_SEARCH}.onsite_investigation_done": _l("The court investigated on site on %(on)s."),
    f"{_SEARCH}.onsite_investigation_not_recorded": _l(
        "No on-site investigation is recorded. It is needed where the online system cannot cover an asset."
    ),
    f"{_SEARCH}.onsite_investigation_after_ruling": _l(
        "The on-site investigation is dated %(on)s, after the case was closed on %(cutoff)s."
    ),
    f"{_SEARCH}.audit_or_reward_handled_after_ruling": _l(
        "Your request for an audit or a reward notice was dealt with on %(on)s, after the case was closed on %(cutoff)s."
    ),
    f"{_SEARCH}.premises_search_done": _l("The court searched the debtor's premises on %(on)s."),
    f"{_SEARCH}.clues_unverified": _l("%(count)s property clues were still unchecked when the case was closed."),
    f"{_SEARCH}.audit_or_reward_handled_done": _l(
        "Your request for an audit or a reward notice was dealt with on %(on)s."
    ),
    f"{_SEARCH}.audit_or_reward_handled_not_recorded": _l(
        "You asked for an audit or a reward notice, and no decision on it is recorded."
    ),
    f"{_MONTHS}.period_passed": _l(
        "The case was filed on %(filed_on)s; the three months ended on %(period_ends_on)s, before the case was closed."
    ),
    f"{_MONTHS}.too_early": _l(
        "The case was filed on %(filed_on)s and closed on %(cutoff)s, before three months had passed (%(period_ends_on)s)."
    ),
    f"{_MONTHS}.filing_date_not_recorded": _l("The filing date is not recorded."),
    f"{_MISSING}.whereabouts_known": _l("The debtor's whereabouts were known, so no search for them was needed."),
    f"{_MISSING}.whereabouts_unknown_not_recorded": _l("The file does not say whether the debtor could be found."),
    f"{_MISSING}.debtor_searched_for_done": _l(
        "The debtor could not be found, and the court searched for them on %(on)s."
    ),
    f"{_MISSING}.debtor_searched_for_not_recorded": _l(
        "The debtor could not be found, and no search for them is recorded."
    ),
    f"{_MISSING}.debtor_searched_for_after_ruling": _l(
        "The court searched for the debtor on %(on)s, after the case was closed on %(cutoff)s."
    ),
    f"{_MISSING}.no_obstruction": _l("No obstruction of enforcement is recorded, so no sanction was needed."),
    f"{_MISSING}.obstruction_not_recorded": _l("The file does not say whether anyone obstructed enforcement."),
    f"{_MISSING}.obstruction_sanctioned_done": _l("Obstruction of enforcement was punished on %(on)s."),
    f"{_MISSING}.obstruction_sanctioned_not_recorded": _l(
        "Someone obstructed enforcement, and no fine or detention is recorded."
    ),
    f"{_MISSING}.obstruction_sanctioned_after_ruling": _l(
        "The obstruction was punished on %(on)s, after the case was closed on %(cutoff)s."
    ),
    **{
        f"{prefix}.applicant_interview.{step}": text
        for prefix in ("zb03", "zb07")
        for step, text in (
            ("interview_done", _l("The court informed you and heard your opinion on %(on)s.")),
            (
                "interview_not_recorded",
                _l("No record shows that the court informed you and heard you before closing the case."),
            ),
            ("interview_after_ruling", _l("The court heard you on %(on)s, after closing the case on %(cutoff)s.")),
        )
    },
    "zb07.applicant_interview.met": _l("Recorded."),
    "zb07.applicant_interview.not_met": _l("Not done before the case was closed."),
    "zb07.applicant_interview.unknown": _l("Not recorded in the file."),
    "zb10.objection.no_fixed_time_limit": _l(
        "You can object in writing to the closing of the case (ruled on %(ruled_on)s) even though the case is closed. No fixed time limit is confirmed for this: object as soon as you can."
    ),
    "zb10.objection.grounds": _l("Your objection can rely on the conditions shown above as not met or not recorded."),
    "hf09.objection.written": _l(
        "An objection must be in writing. The court files it within 3 days and rules within 15 days."
    ),
    "hf09.objection.before_procedure_ends": _l(
        "Objections to other enforcement acts must be made before enforcement ends."
    ),
    "hf09.objection.no_suspension": _l("An objection does not stop enforcement unless adequate security is given."),
    "hf09.objection.review_within_days_of_service": _l(
        "If you disagree with the ruling, you can apply to the higher court for review within %(days)s days of receiving it."
    ),
}

SEARCHES = {
    "zb11.outcome.in_progress": _l("The court searches every six months until %(ends_on)s."),
    "zb11.outcome.overdue": _l("The court is behind with its six-monthly searches."),
    "zb11.outcome.completed": _l("All searches of the five-year period are recorded."),
    "zb11.outcome.period_over": _l("The five-year search period ended on %(ends_on)s."),
    "zb11.next_search_due": _l("Search %(number)s is due by %(due)s."),
    "zb11.slot_overdue": _l("Search %(number)s was due by %(due)s and is not recorded."),
    "zb11.search_outside_slots": _l("A search on %(on)s falls outside the five-year period."),
    "zb11.extra_search_in_window": _l("An additional search on %(on)s falls in the period of search %(number)s."),
}

LIMITATION = {
    "hf04.outcome.running": _l("The %(years)s-year period to apply for enforcement runs until %(expires_on)s."),
    "hf04.outcome.expired": _l("The %(years)s-year period to apply for enforcement ended on %(expires_on)s."),
    "hf04.outcome.not_applicable_after_termination": _l(
        "After a case is closed for now, no time limit applies to resuming it."
    ),
    "hf04.runs_from.performance_deadline": _l("It runs from the last day for payment in the judgment, %(on)s."),
    "hf04.runs_from.last_instalment": _l("It runs from the last instalment, %(on)s."),
    "hf04.runs_from.effective_date": _l("It runs from the day the judgment took effect, %(on)s."),
    "hf04.interrupted": _l("It started again on %(on)s (for example when you applied for enforcement)."),
    "hf04.interruption_ignored": _l("An event on %(on)s came after the period had ended and does not restart it."),
    "hf04.suspension_not_assessed": _l("Suspensions of the period are not taken into account here."),
    "hf05.late_application_accepted_debtor_may_object": _l(
        "A late application is still accepted, but the debtor may object that it is late."
    ),
    "hf06.no_limitation_after_termination": _l(
        "The case was closed for now on %(terminated_on)s: you can ask to resume it at any time, with no time limit."
    ),
    "zb12.resumption_on_verified_property": _l(
        "When the court verifies property you point out, it shall resume enforcement."
    ),
}

INTEREST = {
    "hf14.outcome.not_due": _l("No late-performance interest is due yet."),
    "hf14.outcome.accruing": _l("Late-performance interest is accruing since %(performance_deadline)s."),
    "hf14.outcome.interest_outstanding": _l("The judgment amount is paid; late-performance interest is still owed."),
    "hf14.outcome.settled": _l("Everything, interest included, is paid."),
    "hf14.base_excludes_ordinary_interest": _l(
        "Interest is charged on the unpaid judgment amount, not on ordinary interest."
    ),
    "hf14.principal_paid_first": _l("Payments count towards the judgment amount first, then towards this interest."),
    "hf14.period_before_rate_data": _l(
        "The period from %(start)s to %(end)s is before the current rule and is not computed here."
    ),
}

LISTING = {
    "sx.listing.in_force": _l("You were listed on %(listed_on)s under ground %(ground)s."),
    "sx.listing.deletion_due": _l(
        "You were listed on %(listed_on)s, and a ground for deleting the listing now exists."
    ),
    "sx.listing.expired": _l("The listing of %(listed_on)s has reached the end of its term."),
    "sx.listing.should_not_be_listed": _l("Minors are never listed. Apply for correction."),
    "sx02.term": _l("The listing term ends on %(term_ends_on)s."),
    "sx02.no_fixed_term": _l(
        "This listing (able to pay but refusing) has no fixed term: it lasts until a ground for deletion arises, such as full payment."
    ),
    "sx02.ground_1_term_ignored": _l("A term was recorded, but listings for refusing to pay have no fixed term."),
    "sx02.early_deletion_possible": _l(
        "The court may delete the listing early if you actively pay or put right what you did."
    ),
    "sx04.minor_never_listed": _l("A minor is never put on the list."),
    "sx07.item1.performed": _l("You paid in full on %(arose_on)s: the listing must be deleted."),
    "sx07.item2.settlement_performed": _l(
        "The settlement was fully performed on %(arose_on)s: the listing must be deleted."
    ),
    "sx07.item3.applicant_request_granted": _l(
        "The court granted the applicant's request on %(arose_on)s: the listing must be deleted."
    ),
    "sx07.item4.searches_without_property": _l(
        "Since the case was closed, at least two searches found no property and nobody gave an effective clue (from %(arose_on)s): the listing should be deleted."
    ),
    "sx07.item5.suspended_retrial_or_bankruptcy": _l(
        "Enforcement was suspended for retrial or bankruptcy on %(arose_on)s: the listing must be deleted."
    ),
    "sx07.item6.not_enforced": _l("The court ruled not to enforce on %(arose_on)s: the listing must be deleted."),
    "sx07.item7.final_termination": _l(
        "Enforcement was finally terminated on %(arose_on)s: the listing must be deleted."
    ),
    "sx07.term_expired": _l("The term ended on %(term_ends_on)s; the listing must be deleted by %(delete_by)s."),
    "sx07.item4_not_for_fixed_term": _l(
        "The rule on two fruitless searches applies only to listings without a fixed term."
    ),
    "sx07.fixed_term_proviso": _l("A listing with a fixed term normally ends when the term expires."),
    "sx08.correction_route": _l(
        "If you should not have been listed, or the listing should already have been deleted, you can apply for correction: the court reviews it within 15 days."
    ),
}

LIFTING = {
    "lift.outcome.in_force": _l("In force."),
    "lift.outcome.lift_due": _l("A ground for lifting exists: apply to the court with proof."),
    "lift.outcome.lifted": _l("Lifted."),
    "lift.outcome.term_ended": _l("Its term has ended."),
    "xf06.lift.full_performance": _l("If you pay in full, the court shall lift it."),
    "xf06.lift.security": _l("If you give genuine and effective security, the court may lift it."),
    "xf06.lift.applicant_consent": _l("If the applicant agrees, the court may lift it."),
    "xf05.permission.necessary_consumption": _l(
        "For a necessary trip (serious illness, a funeral, an important exam) you can ask the court for permission; go only after approval."
    ),
    "hf11.lift.full_performance": _l("If you pay in full, the exit ban shall be lifted."),
    "hf11.lift.security": _l("If you give adequate security, the exit ban may be lifted."),
    "hf11.lift.applicant_consent": _l("If the applicant agrees, the exit ban may be lifted."),
    "hf11.review": _l(
        "If you think the ban is wrong, you can apply to the higher court for review by %(apply_by)s; it decides within %(decision_days)s days."
    ),
    "sx07.lift.full_performance": _l(
        "If you pay in full, the listing shall be deleted within %(working_days)s working days."
    ),
    "sx07.lift.applicant_request": _l("If the applicant asks in writing and the court agrees, the listing is deleted."),
    "sx02.lift.early_deletion": _l("If you actively pay or put right what you did, the court may delete it early."),
    "sx08.lift.correction": _l("If the listing is wrong, apply for correction."),
    "sx09.listing_deletion_does_not_lift": _l(
        "Deleting the listing does not by itself lift the consumption restriction: apply for that separately."
    ),
    "sx09.consumption_restriction_survives": _l("Every listed debtor is also under a consumption restriction."),
    "zb09.termination_lifts_nothing": _l("Closing the case for now does not lift any restriction."),
}

REASONS: dict[str, object] = {**TERMINATION, **SEARCHES, **LIMITATION, **INTEREST, **LISTING, **LIFTING}
