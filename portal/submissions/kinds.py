"""The registry of submission kinds: adding a kind means adding one entry here.

Each entry says who may file it, on which cases, its pages (forms), its evidence, its legal clock (a
relief.deadlines clock id), where it goes in the court queue, and how it is recognised as a repeat.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l

from portal.models import Case, CaseStatus, PartyRole, StaffRole, SubmissionKind
from portal.screening import forms as screening_forms
from portal.submissions import forms_applicant as fa
from portal.submissions import forms_debtor as fd
from portal.submissions import forms_inquiry as fi
from relief import identifiers

Answers = dict


def _always(answers: Answers) -> bool:
    return True


@dataclass(frozen=True)
class Step:
    name: str
    title: object
    form: Callable[[Answers], type]  # the form class for these answers so far
    when: Callable[[Answers], bool] = _always


def _fixed(form_class: type) -> Callable[[Answers], type]:
    return lambda answers: form_class


@dataclass(frozen=True)
class KindSpec:
    kind: SubmissionKind
    filer: PartyRole | None  # None: anyone (an inquiry), on any linked case
    title: object
    purpose: object
    steps: tuple[Step, ...]
    clock: Callable[[Answers], str | None]
    routing: StaffRole
    receipt_text: object
    evidence_hint: object | None = None
    case_statuses: frozenset[CaseStatus] | None = None  # None: any status
    dedupe: Callable[[Answers], str | None] = lambda answers: None
    urgent: Callable[[Answers], bool] = lambda answers: False
    prefill: Callable[[Case, dict], Answers] = lambda case, context: {}
    extra: dict = field(default_factory=dict)


def _one_page(*, page: tuple[str, object, type], clock: str | None, **spec) -> KindSpec:
    """A kind asked on one page (its name, title and form), whose legal clock does not depend on the answers."""
    name, title, form_class = page
    return KindSpec(steps=(Step(name, title, _fixed(form_class)),), clock=lambda answers: clock, **spec)


# -- property clues -----------------------------------------------------------------------------------

_CLUE_KEYS = {
    "bank_account": ("account_number", "account"),
    "real_estate": ("certificate_number", "certificate"),
    "vehicle": ("plate", "plate"),
    "equity": ("credit_code", "credit_code"),
    "employer": ("credit_code", "credit_code"),
}


def clue_dedupe(answers: Answers) -> str | None:
    """The normalised identifier of a clue (account, plate, certificate, credit code), if it has one."""
    field_name, key = _CLUE_KEYS.get(answers.get("clue_type"), (None, None))
    value = answers.get(field_name) if field_name else None
    return identifiers.dedupe_key(key, value) if value else None


def _clue_urgent(answers: Answers) -> bool:
    return answers.get("urgent") == "yes"


def _clue_clock(answers: Answers) -> str:
    return "clue_verify_urgent" if _clue_urgent(answers) else "clue_verify"


def _clue_details_form(answers: Answers) -> type:
    return fa.CLUE_DETAIL_FORMS.get(answers.get("clue_type"), fa.OtherClueForm)


CLUE_STEPS = (
    Step("clue_type", _l("What you have found"), _fixed(fa.ClueTypeForm)),
    Step("details", _l("Details of the property"), _clue_details_form),
    Step("urgency", _l("Urgency"), _fixed(fa.UrgencyForm)),
)


def _objection_prefill(case: Case, context: dict) -> Answers:
    """Tick the termination conditions the case page found not met or not recorded."""
    unmet = [c.key for c in context.get("termination_criteria", ()) if c.state.value != "met"]
    target = "termination" if case.status is CaseStatus.TERMINATED else "enforcement_act"
    return {"conditions": unmet, "target": target}


KINDS: dict[SubmissionKind, KindSpec] = {
    spec.kind: spec
    for spec in (
        KindSpec(
            kind=SubmissionKind.PROPERTY_CLUE,
            filer=PartyRole.APPLICANT,
            title=_l("Give the court a property clue"),
            purpose=_l(
                "Tell the court about property of the debtor. A clear and specific clue must be checked within 7 days, or 3 days if urgent."
            ),
            steps=CLUE_STEPS,
            evidence_hint=_l(
                "Photos or documents that show the property: a photo of the car and its plate, a bank slip, a contract."
            ),
            clock=_clue_clock,
            routing=StaffRole.HANDLER,
            receipt_text=_l(
                "The court must check a clear and specific clue within the time shown. If the clue proves true, it must take enforcement measures promptly."
            ),
            dedupe=clue_dedupe,
            urgent=_clue_urgent,
        ),
        _one_page(
            kind=SubmissionKind.RESUMPTION,
            filer=PartyRole.APPLICANT,
            title=_l("Ask for enforcement to be resumed"),
            purpose=_l(
                "The case was closed for now. Tell the court what property you have found: once the court verifies it, it shall resume enforcement. No time limit applies."
            ),
            page=("property", _l("The property you found"), fa.ResumptionForm),
            evidence_hint=_l("Anything that shows the property exists: photos, documents, screenshots."),
            clock="clue_verify",
            routing=StaffRole.HANDLER,
            receipt_text=_l(
                "The court checks the property within the time shown; if it is verified, the court shall resume enforcement."
            ),
            case_statuses=frozenset({CaseStatus.TERMINATED}),
        ),
        _one_page(
            kind=SubmissionKind.OBJECTION,
            filer=PartyRole.APPLICANT,
            title=_l("Object to the closing of the case or an enforcement act"),
            purpose=_l(
                "A written objection. The court files it within 3 days and rules within 15 days of receiving it."
            ),
            page=("objection", _l("Your objection"), fa.ObjectionForm),
            evidence_hint=_l("The ruling or notice you object to, and anything that supports your objection."),
            clock="objection_ruling",
            routing=StaffRole.HANDLER,
            receipt_text=_l(
                "The court must rule on your objection within the time shown. If you disagree with the ruling, you can apply to the higher court for review within 10 days of receiving it."
            ),
            prefill=_objection_prefill,
        ),
        _one_page(
            kind=SubmissionKind.COMPLAINT,
            filer=PartyRole.APPLICANT,
            title=_l("Complain that nothing is happening"),
            purpose=_l(
                "If the court has done nothing for a long time, complain here. Complaints are logged within 5 working days and concluded within 30 working days."
            ),
            page=("complaint", _l("Your complaint"), fa.ComplaintForm),
            clock="complaint_log",
            routing=StaffRole.SUPERVISOR,
            receipt_text=_l(
                "The court logs your complaint within the time shown and must conclude it within 30 working days, with feedback to you. After more than six months without action you may also apply to the higher court."
            ),
        ),
        _one_page(
            kind=SubmissionKind.REWARD_NOTICE,
            filer=PartyRole.APPLICANT,
            title=_l("Ask the court to publish a reward notice"),
            purpose=_l(
                "Offer a reward to anyone who gives a clue that leads to recovery. The court decides within 10 days; the reward is paid from what is recovered."
            ),
            page=("reward", _l("The reward"), fa.RewardNoticeForm),
            clock="reward_decision",
            routing=StaffRole.HANDLER,
            receipt_text=_l("The court decides within the time shown whether to publish the notice."),
        ),
        KindSpec(
            kind=SubmissionKind.PROPERTY_REPORT,
            filer=PartyRole.DEBTOR,
            title=_l("Report your property"),
            purpose=_l(
                "Report your property as the court ordered, or a change: after a change you must report within 10 days, also after the case was closed for now."
            ),
            steps=(
                Step("report_type", _l("What you are reporting"), _fixed(fd.PropertyReportTypeForm)),
                Step("report", _l("Your property"), _fixed(fd.PropertyReportForm)),
            ),
            evidence_hint=_l("Documents that support your report: payslips, bank statements, contracts."),
            clock=lambda answers: None,
            routing=StaffRole.HANDLER,
            receipt_text=_l("The court has received your report. Keep reporting any change within 10 days."),
        ),
        _one_page(
            kind=SubmissionKind.DISHONEST_CORRECTION,
            filer=PartyRole.DEBTOR,
            title=_l("Ask for a dishonest-debtor listing to be corrected or deleted"),
            purpose=_l(
                "If you should not have been listed, the information is wrong, or the listing should have been deleted, the court reviews your request within 15 days and corrects it within 3 working days if you are right."
            ),
            page=("correction", _l("What is wrong"), fd.DishonestCorrectionForm),
            evidence_hint=_l(
                "Proof: a payment receipt, a settlement, a ruling, or your identity document if the details are wrong."
            ),
            clock="dishonest_correction_review",
            routing=StaffRole.HANDLER,
            receipt_text=_l(
                "The court reviews your request within the time shown. If it rejects it, you can apply to the higher court within 10 days."
            ),
        ),
        _one_page(
            kind=SubmissionKind.RESTRICTION_LIFTING,
            filer=PartyRole.DEBTOR,
            title=_l("Ask for a restriction to be lifted"),
            purpose=_l(
                "After full payment the court shall lift a restriction; with security or the applicant's consent it may. Lifting is not automatic: apply with proof."
            ),
            page=("lifting", _l("The restriction"), fd.LiftingForm),
            evidence_hint=_l("Proof of payment, the security you offer, or the applicant's written consent."),
            clock=None,
            routing=StaffRole.HANDLER,
            receipt_text=_l("The court decides promptly. After full payment it shall lift the restriction."),
        ),
        _one_page(
            kind=SubmissionKind.URGENT_TRAVEL,
            filer=PartyRole.DEBTOR,
            title=_l("Ask permission for an urgent trip"),
            purpose=_l(
                "For a necessary trip under a consumption restriction (serious illness, a funeral, an important exam). Travel only after the court approves."
            ),
            page=("travel", _l("Your trip"), fd.UrgentTravelForm),
            evidence_hint=_l("A hospital certificate, a death notice, or the exam admission ticket."),
            clock="urgent_travel",
            routing=StaffRole.HANDLER,
            receipt_text=_l(
                "Urgent travel requests are handled the same day. Do not travel before the court approves."
            ),
            urgent=lambda answers: True,
        ),
        KindSpec(
            # Sent by anyone, mostly from the assistant ("talk to a person"); the web form serves linked cases.
            kind=SubmissionKind.INQUIRY,
            filer=None,
            title=_l("Ask court staff a question"),
            purpose=_l("Send court staff a question or a message. They answer within 2 working days."),
            steps=(
                Step("inquiry", _l("Your message"), _fixed(fi.InquiryForm)),
                Step(
                    "conversation",
                    _l("The conversation with the assistant"),
                    _fixed(fi.ConversationForm),
                    when=lambda answers: bool(answers.get("conversation")),
                ),
            ),
            clock=lambda answers: "inquiry_answer",
            routing=StaffRole.INTAKE_CLERK,
            receipt_text=_l("Court staff answer your message within the time shown."),
        ),
        # Both start from a screening (portal/screening), which records its outcome and rules version.
        _one_page(
            kind=SubmissionKind.RELIEF_APPLICATION,
            filer=PartyRole.APPLICANT,
            title=_l("Apply for state judicial relief"),
            purpose=_l(
                "Your screening result is saved with this application. Tell the court about your situation, then add the documents on your checklist."
            ),
            page=("relief", _l("Your application"), screening_forms.ReliefApplicationForm),
            evidence_hint=_l(
                "Add the documents on your checklist: the application form, your identity document, proof of the harm, the certificate of hardship and a statement of any compensation received. Anything you cannot add now, bring to the court."
            ),
            clock="relief_decision",
            routing=StaffRole.RELIEF_OFFICER,
            receipt_text=_l(
                "The court should decide within 10 working days whether to give relief and how much. Relief is given once per case and does not cancel your claim against the debtor."
            ),
        ),
        _one_page(
            kind=SubmissionKind.DEBT_EXIT_REFERRAL,
            filer=PartyRole.DEBTOR,
            title=_l("Ask to be referred to a debt exit"),
            purpose=_l(
                "Your screening result is saved with this request. Court staff tell you which court or counselling service handles your case and what to bring."
            ),
            page=("referral", _l("Your request"), screening_forms.DebtExitReferralForm),
            evidence_hint=_l(
                "Add the documents on your checklist: a list of your debts and creditors, a declaration of your property, evidence of your income and spending, and proof of where you live and of your social insurance."
            ),
            clock=None,
            routing=StaffRole.HANDLER,
            receipt_text=_l(
                "The court has received your request. There is no fixed time limit for a referral: court staff will tell you where to go next."
            ),
        ),
    )
}


def kind_spec(kind: str) -> KindSpec | None:
    try:
        return KINDS[SubmissionKind(kind)]
    except ValueError:
        return None


def steps_for(spec: KindSpec, answers: Answers) -> list[Step]:
    return [step for step in spec.steps if step.when(answers)]
