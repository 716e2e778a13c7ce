"""Forms a debtor fills in: property reports, listing corrections, lifting and urgent-travel requests."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField
from wtforms.validators import DataRequired

from portal.forms import PortalForm
from portal.submissions.fields import choice, day, long_text, optional_long_text, optional_text, text

REPORT_TYPES = [
    ("initial", _l("My report as ordered by the court")),
    ("supplementary", _l("A change since my last report")),
]

REPORT_CATEGORIES = (
    ("income", _l("Income: wages, pensions, business income")),
    ("deposits", _l("Deposits, cash, wealth-management products and securities")),
    ("real_estate", _l("Land-use rights and buildings")),
    ("vehicles", _l("Vehicles, machinery, goods and raw materials")),
    ("claims_equity", _l("Money owed to you, shares, fund units, trusts and intellectual property")),
    ("other", _l("Other property, and property held by others for you")),
    ("changes", _l("Transfers, leases, mortgages, waived claims and large spending since one year before the notice")),
)


class PropertyReportTypeForm(PortalForm):
    report_type = choice(_l("What are you reporting?"), REPORT_TYPES, _l("Choose what you are reporting."))
    changed_on = day(
        _l("When did your property change?"),
        _l("Enter the date your property changed."),
        required_=False,
        description=_l("Only for a change: you must report it within 10 days."),
    )

    def validate(self, extra_validators=None):
        ok = super().validate(extra_validators)
        if self.report_type.data == "supplementary" and not self.changed_on.data:
            self.changed_on.errors.append(_l("Enter the date your property changed."))
            return False
        return ok


class PropertyReportForm(PortalForm):
    income = optional_long_text(REPORT_CATEGORIES[0][1], max_length=2000)
    deposits = optional_long_text(REPORT_CATEGORIES[1][1], max_length=2000)
    real_estate = optional_long_text(REPORT_CATEGORIES[2][1], max_length=2000)
    vehicles = optional_long_text(REPORT_CATEGORIES[3][1], max_length=2000)
    claims_equity = optional_long_text(REPORT_CATEGORIES[4][1], max_length=2000)
    other = optional_long_text(REPORT_CATEGORIES[5][1], max_length=2000)
    changes = optional_long_text(REPORT_CATEGORIES[6][1], max_length=2000)
    truthful = BooleanField(
        _l("I declare that this report is true and complete."),
        validators=[DataRequired(_l("Confirm that your report is true and complete."))],
    )

    def validate(self, extra_validators=None):
        ok = super().validate(extra_validators)
        if not any(getattr(self, name).data for name, _label in REPORT_CATEGORIES):
            self.income.errors.append(_l("Fill in at least one kind of property, or write “none” under income."))
            return False
        return ok


CORRECTION_GROUNDS = [
    ("should_not_be_listed", _l("I should not have been listed")),
    ("inaccurate", _l("The published information about me is wrong")),
    ("should_be_deleted", _l("The listing should already have been deleted")),
]


class DishonestCorrectionForm(PortalForm):
    ground = choice(_l("What is wrong with the listing?"), CORRECTION_GROUNDS, _l("Choose what is wrong."))
    explanation = long_text(
        _l("Explain what is wrong"),
        _l("Explain what is wrong with the listing."),
        description=_l("For example: I paid in full on 3 March; or the name or identity number shown is not mine."),
    )


RESTRICTIONS = [
    ("consumption", _l("Consumption restriction (限高)")),
    ("dishonest", _l("Listing as a dishonest debtor (失信)")),
    ("exit_ban", _l("Exit ban")),
]

LIFT_BASES = [
    ("paid_in_full", _l("I have paid in full")),
    ("security", _l("I offer genuine and effective security")),
    ("applicant_consent", _l("The applicant agrees to lift it")),
    ("former_legal_rep", _l("I am no longer the company's legal representative and do not control it")),
    ("other", _l("Another reason")),
]


class LiftingForm(PortalForm):
    restriction = choice(_l("Which restriction should be lifted?"), RESTRICTIONS, _l("Choose the restriction."))
    basis = choice(_l("Why should it be lifted?"), LIFT_BASES, _l("Choose why it should be lifted."))
    explanation = long_text(_l("Details"), _l("Give the details, for example when and how you paid."))


TRAVEL_REASONS = [
    ("illness", _l("Serious illness of me or a close relative")),
    ("funeral", _l("Funeral of a close relative")),
    ("exam", _l("An important exam")),
    ("other", _l("Another necessary reason")),
]

TRAVEL_MEANS = [
    ("flight", _l("Flight")),
    ("high_speed_rail", _l("G train or first class on a bullet train")),
    ("other", _l("Other")),
]


class UrgentTravelForm(PortalForm):
    reason = choice(_l("Why must you travel?"), TRAVEL_REASONS, _l("Choose why you must travel."))
    travel_on = day(_l("Date of travel"), _l("Enter the date you need to travel."))
    destination = text(_l("Destination"), _l("Enter where you are going."))
    means = choice(_l("How do you need to travel?"), TRAVEL_MEANS, _l("Choose how you need to travel."))
    explanation = long_text(_l("Details"), _l("Explain why the trip is necessary."))
    contact = optional_text(_l("A phone number the court can call today"), max_length=30)
