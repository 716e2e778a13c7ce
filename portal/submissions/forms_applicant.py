"""Forms an applicant (creditor) fills in: clues, resumption, objection, complaint, reward notice."""

from __future__ import annotations

from decimal import Decimal

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, DecimalField, SelectMultipleField, widgets
from wtforms.validators import DataRequired, NumberRange, Optional

from portal.forms import PortalForm
from portal.submissions.fields import (
    YES_NO,
    choice,
    day,
    identifier_field,
    long_text,
    optional_long_text,
    optional_text,
    options,
    text,
)
from relief import identifiers

CLUE_TYPES = [
    ("bank_account", _l("A bank account")),
    ("real_estate", _l("Real estate (a flat, house or land)")),
    ("vehicle", _l("A vehicle")),
    ("equity", _l("Shares in a company")),
    ("receivable", _l("Money someone owes the debtor")),
    ("employer", _l("An employer paying the debtor wages")),
    ("transfer", _l("Property moved to relatives or others")),
    ("other", _l("Something else")),
]


class ClueTypeForm(PortalForm):
    clue_type = choice(
        _l("What have you found?"),
        CLUE_TYPES,
        _l("Choose what kind of property you have found."),
        description=_l(
            "The court can act fastest on a clue it can check directly: an account, a plate, a certificate number."
        ),
    )


class BankClueForm(PortalForm):
    bank_name = text(_l("Bank"), _l("Enter the name of the bank."), description=_l("For example 中国工商银行."))
    branch = optional_text(_l("Branch (if you know it)"))
    account_number = identifier_field(
        _l("Account number"),
        "bank_account",
        identifiers.normalise_bank_account,
        missing=_l("Enter the account number."),
    )


class RealEstateClueForm(PortalForm):
    address = text(_l("Address of the property"), _l("Enter the address of the property."), max_length=300)
    certificate_number = identifier_field(
        _l("Real estate certificate number (if you know it)"),
        "certificate",
        identifiers.normalise_property_certificate,
        description=_l("For example 粤（2019）深圳市不动产权第0123456号."),
    )


class VehicleClueForm(PortalForm):
    plate = identifier_field(
        _l("Number plate"),
        "plate",
        identifiers.normalise_plate,
        missing=_l("Enter the number plate."),
        description=_l("For example 粤B12345 or 粤BD12345."),
    )
    vehicle = optional_text(_l("Make, model and colour (if you know them)"))
    seen_at = optional_text(_l("Where the vehicle is usually parked or was seen"), max_length=300)


class EquityClueForm(PortalForm):
    company_name = text(_l("Company name"), _l("Enter the name of the company."))
    credit_code = identifier_field(
        _l("Unified social credit code of the company"),
        "credit_code",
        identifiers.validate_credit_code,
        missing=_l("Enter the company's unified social credit code."),
        description=_l(
            "18 characters, printed on the business licence and shown in the national enterprise credit system."
        ),
    )
    share = optional_text(_l("Share held by the debtor (if you know it)"))


class ReceivableClueForm(PortalForm):
    third_party = text(_l("Who owes the debtor money"), _l("Enter who owes the debtor money."))
    amount = DecimalField(
        _l("How much (yuan, if you know it)"),
        places=2,
        validators=[Optional(), NumberRange(min=Decimal("0.01"), message=_l("Enter an amount above zero."))],
    )
    basis = long_text(
        _l("Why they owe it"), _l("Explain why they owe the debtor money, for example a contract or a loan.")
    )


class EmployerClueForm(PortalForm):
    employer_name = text(_l("Employer"), _l("Enter the employer's name."))
    employer_address = optional_text(_l("Employer's address"), max_length=300)
    credit_code = identifier_field(
        _l("Employer's unified social credit code (if you know it)"), "credit_code", identifiers.validate_credit_code
    )


class TransferClueForm(PortalForm):
    recipient = text(_l("Who received the property"), _l("Enter who received the property."))
    relationship = optional_text(_l("Their relationship to the debtor"))
    asset = long_text(_l("What was moved, and when"), _l("Describe what was moved and when."))


class OtherClueForm(PortalForm):
    description = long_text(
        _l("Describe the property and where it is"),
        _l("Describe the property and where the court can find it."),
        min_length=10,
        description=_l(
            "A clue must be clear and specific: “he is rich” is not enough; “he keeps a car at his mother's flat at …” is."
        ),
    )


CLUE_DETAIL_FORMS = {
    "bank_account": BankClueForm,
    "real_estate": RealEstateClueForm,
    "vehicle": VehicleClueForm,
    "equity": EquityClueForm,
    "receivable": ReceivableClueForm,
    "employer": EmployerClueForm,
    "transfer": TransferClueForm,
    "other": OtherClueForm,
}


class UrgencyForm(PortalForm):
    urgent = choice(
        _l("Is the property about to be moved, sold or hidden?"),
        YES_NO,
        _l("Say whether the matter is urgent."),
        description=_l("If it is, the court must check the clue within 3 days instead of 7."),
    )
    urgent_reason = optional_long_text(_l("Why is it urgent?"), max_length=1000)

    def validate(self, extra_validators=None):
        ok = super().validate(extra_validators)
        if self.urgent.data == "yes" and not self.urgent_reason.data:
            self.urgent_reason.errors.append(_l("Explain why the matter is urgent."))
            return False
        return ok


class ResumptionForm(PortalForm):
    property_found = long_text(
        _l("What property have you found?"),
        _l("Describe the property you have found."),
        description=_l(
            "For example a flat, a car, an account or wages. The court resumes the case once it has verified it."
        ),
    )
    how_found = optional_long_text(_l("How did you find out about it?"), max_length=2000)


OBJECTION_TARGETS = [
    ("termination", _l("The decision to close the case for now (终本)")),
    ("enforcement_act", _l("Another enforcement act")),
]

CONDITION_CHOICES = [
    ("notice_and_report_order", _l("1. Enforcement notice and order to report property")),
    ("consumption_order_and_listing", _l("2. Consumption restriction and dishonest listing")),
    ("investigation_exhausted", _l("3. Every way of finding property tried")),
    ("filed_more_than_3_months", _l("4. More than three months since filing")),
    ("missing_debtor_and_obstruction", _l("5. Missing debtor searched for, obstruction punished")),
    ("applicant_interview", _l("I was not informed and heard before the case was closed")),
]


class ObjectionForm(PortalForm):
    target = choice(_l("What do you object to?"), OBJECTION_TARGETS, _l("Choose what you object to."))
    conditions = SelectMultipleField(
        _l("Which conditions were not met?"),
        choices=options(CONDITION_CHOICES),
        description=_l("We have ticked the ones the court's records show as not met or not recorded."),
        option_widget=widgets.CheckboxInput(),
        widget=widgets.ListWidget(prefix_label=False),
        validators=[Optional()],
    )
    served_on = day(
        _l("When did you receive the ruling or learn of the act?"),
        _l("Enter the date you received the ruling or learned of the act."),
    )
    grounds = long_text(_l("Why is it wrong?"), _l("Explain why the decision or act is wrong."))


class ComplaintForm(PortalForm):
    last_action_on = day(
        _l("When did the court last do something in your case?"),
        _l("Enter the date of the court's last action, or your best estimate."),
    )
    what_happened = long_text(
        _l("What has happened since?"), _l("Describe what has happened, or not happened, since then.")
    )


PUBLICATION = [
    ("platform", _l("The national court reward-notice platform and the court's own channels")),
    ("court_and_residence", _l("Also at the court and where the debtor lives")),
    ("media_own_cost", _l("Also in other media, at my own cost")),
]


class RewardNoticeForm(PortalForm):
    reward = text(
        _l("The reward you offer"),
        _l("Enter the reward amount, or how it is calculated."),
        description=_l("An amount, or a share of what is recovered, for example a tenth of the money recovered."),
    )
    publication = choice(_l("Where should the notice be published?"), PUBLICATION, _l("Choose where to publish."))
    undertaking = BooleanField(
        _l("I promise to pay the reward if a clue the court did not already have leads to recovery."),
        validators=[DataRequired(_l("You must make this promise to request a reward notice."))],
    )
