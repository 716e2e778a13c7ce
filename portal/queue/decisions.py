"""Standard decisions per submission kind: a code, its outcome, its legal basis, and the route if refused."""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from portal.models import SubmissionKind as K


@dataclass(frozen=True)
class DecisionCode:
    code: str
    outcome: str  # accepted, rejected, partially_accepted
    label: object
    rule_id: str
    route: object | None = None  # what the citizen can do about a refusal
    route_clock: str | None = None  # relief.deadlines clock of that route, counted from the decision

    @property
    def clock(self) -> str | None:
        """The clock of the route: given, or the 10-day review application of HF-09 for the review route."""
        if self.route_clock:
            return self.route_clock
        return "objection_review_apply" if self.route is _REVIEW_10 else None


_OBJECT = _l("If you disagree, you can file a written objection with the enforcing court; it rules within 15 days.")
_REVIEW_10 = _l(
    "If you disagree, you can apply to the higher court for review within 10 days of receiving this decision."
)

DECISIONS: dict[K, tuple[DecisionCode, ...]] = {
    K.PROPERTY_CLUE: (
        DecisionCode(
            "clue_verified",
            "accepted",
            _l("Clue verified: property found, enforcement measures will be taken"),
            "HF-02",
        ),
        # A terminated case whose property is verified shall be resumed (ZB-11, ZB-12).
        DecisionCode(
            "clue_verified_resumed", "accepted", _l("Clue verified: property found, enforcement resumed"), "ZB-12"
        ),
        DecisionCode(
            "clue_checked_nothing_found",
            "rejected",
            _l("Clue checked: no enforceable property found"),
            "HF-02",
            _OBJECT,
        ),
        DecisionCode(
            "clue_not_specific", "rejected", _l("The clue is not clear and specific enough to check"), "HF-02", _OBJECT
        ),
    ),
    K.RESUMPTION: (
        DecisionCode("resumed", "accepted", _l("Property verified: enforcement resumed"), "ZB-12"),
        DecisionCode(
            "property_not_verified",
            "rejected",
            _l("The property could not be verified; the case stays closed for now"),
            "ZB-12",
            _OBJECT,
        ),
    ),
    K.OBJECTION: (
        DecisionCode("objection_upheld", "accepted", _l("Objection upheld"), "HF-09"),
        DecisionCode(
            "objection_partly_upheld", "partially_accepted", _l("Objection partly upheld"), "HF-09", _REVIEW_10
        ),
        DecisionCode("objection_dismissed", "rejected", _l("Objection dismissed"), "HF-09", _REVIEW_10),
    ),
    K.COMPLAINT: (DecisionCode("complaint_concluded", "accepted", _l("Complaint concluded, with feedback"), "HF-16"),),
    K.REWARD_NOTICE: (
        DecisionCode("reward_notice_granted", "accepted", _l("Reward notice will be published"), "XS-01"),
        DecisionCode("reward_notice_refused", "rejected", _l("Reward notice refused"), "XS-01", _OBJECT),
    ),
    K.PROPERTY_REPORT: (DecisionCode("report_recorded", "accepted", _l("Report recorded"), "BG-03"),),
    K.DISHONEST_CORRECTION: (
        DecisionCode("listing_deleted", "accepted", _l("Listing deleted"), "SX-07"),
        DecisionCode("listing_corrected", "accepted", _l("Listing corrected"), "SX-08"),
        DecisionCode(
            "correction_rejected",
            "rejected",
            _l("Correction request rejected"),
            "SX-08",
            _REVIEW_10,
            route_clock="dishonest_correction_appeal",
        ),
    ),
    K.RESTRICTION_LIFTING: (
        DecisionCode("lifted_full_performance", "accepted", _l("Lifted: the obligation is fully performed"), "XF-06"),
        DecisionCode(
            "lifted_security_or_consent", "accepted", _l("Lifted on security or the applicant's consent"), "XF-06"
        ),
        DecisionCode("lifting_refused", "rejected", _l("Lifting refused"), "XF-06", _REVIEW_10),
    ),
    K.URGENT_TRAVEL: (
        DecisionCode("travel_permitted", "accepted", _l("Travel permitted as requested"), "XF-05"),
        DecisionCode("travel_refused", "rejected", _l("Travel not permitted"), "XF-05", _OBJECT),
    ),
    K.RELIEF_APPLICATION: (
        DecisionCode("relief_granted", "accepted", _l("Judicial relief granted"), "JZ-04"),
        DecisionCode("relief_refused", "rejected", _l("Judicial relief refused"), "JZ-03"),
    ),
    K.DEBT_EXIT_REFERRAL: (DecisionCode("referred", "accepted", _l("Referred to the competent court"), "ZP-01"),),
    K.INQUIRY: (DecisionCode("answered", "accepted", _l("Answered"), "Q-01"),),
}


def for_kind(kind: K) -> tuple[DecisionCode, ...]:
    return DECISIONS.get(kind, ())


def find(kind: K, code: str) -> DecisionCode | None:
    return next((d for d in for_kind(kind) if d.code == code), None)
