"""The two questionnaires: each question, its plain-language help, and when the answers so far make it relevant.

Questions are asked in order, one per page. A question is skipped when the person's linked case already
answers it, or when an earlier answer makes it irrelevant (a company is not asked about its household).
Answer keys are shared: "household_size" asked by one questionnaire is not asked again by the other.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from portal.screening import forms as f


def _always(answers: dict) -> bool:
    return True


@dataclass(frozen=True)
class Question:
    key: str
    form: type
    when: Callable[[dict], bool] = _always


def _is(key: str, *values: str) -> Callable[[dict], bool]:
    return lambda answers: answers.get(key) in values


def _all(*tests: Callable[[dict], bool]) -> Callable[[dict], bool]:
    return lambda answers: all(test(answers) for test in tests)


def _q(key: str, field, when: Callable[[dict], bool] = _always) -> Question:
    return Question(key, f.question_form(key, field), when)


# --- shared by both ------------------------------------------------------------------------------------

HOUSEHOLD_SIZE = f.count_field(
    _l("How many people are in your household?"),
    _l("Enter how many people are in your household."),
    _l("Count yourself and everyone who lives with you and shares money with you."),
    minimum=1,
    maximum=30,
    out_of_range=_l("Enter a number between 1 and 30."),
)
HOUSEHOLD_INCOME = f.money_field(
    _l("What is your household's total income per month, in yuan?"),
    _l("Wages, pensions, allowances and any other money coming in, before rent and bills. Enter 0 if there is none."),
    _l("Enter your household's monthly income, or 0."),
)

# --- judicial relief -----------------------------------------------------------------------------------

CATEGORIES = [
    ("support_maintenance", _l("Unpaid support, maintenance or child support (赡养费、扶养费、抚养费)")),
    ("traffic_accident", _l("An injury in a road traffic accident")),
    ("personal_injury_tort", _l("Another injury someone caused me")),
    ("crime_victim_injured", _l("I was seriously injured or disabled by a crime")),
    ("crime_victim_life_danger", _l("A crime put my life in danger and I need treatment")),
    ("deceased_victim_dependant", _l("A family member I depended on was killed by a crime")),
    ("crime_property_loss", _l("A crime caused me a major loss of property")),
    ("retaliation", _l("I was harmed in revenge for reporting a crime or being a witness")),
    ("other", _l("Something else, for example a loan or unpaid wages")),
]
ROUTES = [
    ("zhongben", _l("The court closed the enforcement case for now (终本): no property was found")),
    ("partial_recovery", _l("Enforcement recovered part of the money")),
    ("enforcement_pending", _l("Enforcement is still going on")),
    ("offender_dead_or_unable", _l("The person responsible has died or clearly cannot pay")),
    ("fully_recovered", _l("I have been paid in full")),
    ("litigation_available", _l("I have not sued yet")),
]

person = _is("applicant_kind", "natural_person")
hardship = _all(person, _is("in_hardship", "yes"))

RELIEF = (
    _q(
        "applicant_kind",
        f.radio(
            _l("Who is applying?"),
            [
                ("natural_person", _l("I am, as a person (or I act for a family member who cannot act alone)")),
                ("organisation", _l("A company or another organisation")),
            ],
            _l("Choose who is applying."),
            _l(
                "State judicial relief is help for people in need. A guardian may apply for someone who cannot act alone."
            ),
        ),
    ),
    _q(
        "category",
        f.radio(
            _l("What is your case about?"),
            CATEGORIES,
            _l("Choose what your case is about."),
            _l(
                "Relief covers certain kinds of cases. If yours is not listed, choose the last answer: the court can still consider it."
            ),
        ),
        person,
    ),
    _q(
        "route",
        f.radio(
            _l("How far has your case got?"),
            ROUTES,
            _l("Choose how far your case has got."),
            _l("Relief helps when suing and enforcement could not get you the money."),
        ),
        person,
    ),
    _q(
        "in_hardship",
        f.yes_no(
            _l("Is your household in urgent hardship because of this?"),
            _l("Say whether your household is in urgent hardship."),
            _l("For example you cannot pay for food, rent, school or medical treatment now."),
        ),
        person,
    ),
    _q(
        "hardship_related",
        f.yes_no(
            _l("Is the hardship caused by what happened in this case?"),
            _l("Say whether the hardship is caused by what happened in this case."),
            _l(
                "For example by the unpaid support, the injury or the loss. Relief is usually refused when the hardship has other causes."
            ),
        ),
        hardship,
    ),
    _q(
        "hardship_certified",
        f.yes_no(
            _l("Do you have a certificate of your hardship?"),
            _l("Say whether you have a certificate of your hardship."),
            _l(
                "Issued by your residents' or village committee (居委会、村委会) or your employer. If you do not have one yet, you can ask for it before you apply."
            ),
        ),
        hardship,
    ),
    _q("household_size", HOUSEHOLD_SIZE, hardship),
    _q("household_income", HOUSEHOLD_INCOME, hardship),
    _q(
        "relieved_before",
        f.yes_no(
            _l("Have you already received judicial relief for this case?"),
            _l("Say whether you have already received relief for this case."),
            _l("From the court, the police or the procuratorate. Relief is given only once per case."),
        ),
        person,
    ),
    _q(
        "compensated",
        f.yes_no(
            _l("Have you already been reasonably compensated or helped for this harm?"),
            _l("Say whether you have already been compensated or helped."),
            _l(
                "For example by the person responsible, by insurance, or through social assistance for this harm. A small part payment is not reasonable compensation."
            ),
        ),
        person,
    ),
    _q(
        "waived",
        f.yes_no(
            _l("Did you give up or refuse compensation?"),
            _l("Say whether you gave up or refused compensation."),
            _l(
                "For example you withdrew your claim, or turned down payment offered by the person responsible or their family."
            ),
        ),
        person,
    ),
    _q(
        "fault",
        f.yes_no(
            _l("Were you mainly to blame for what happened?"),
            _l("Say whether you were mainly to blame."),
            _l("For example you caused the accident yourself. Relief is usually refused to someone mainly at fault."),
        ),
        # A support claim has no incident anyone could be to blame for.
        _all(person, lambda answers: answers.get("category") not in (None, "support_maintenance")),
    ),
    _q(
        "cooperate",
        f.yes_no(
            _l("Will you tell the court the truth and help it check the facts?"),
            _l("Say whether you will help the court check the facts."),
            _l(
                "The court checks what you say and the documents you give. Relief obtained with false information is taken back and can be punished."
            ),
        ),
        person,
    ),
    _q(
        "court_province",
        f.province_field(
            _l("In which province is the court handling your case?"),
            _l("Choose the province, or “I do not know”."),
            _l("The usual upper limit of relief depends on the average wage in that province."),
            unknown=True,
        ),
        person,
    ),
    _q(
        "amount_owed",
        f.money_field(
            _l("How much are you still owed under the judgment, in yuan?"),
            _l("Leave it empty if you do not know. Relief is never more than this amount."),
        ),
        person,
    ),
)

# --- debt exit -------------------------------------------------------------------------------------------

personal = _is("debtor_kind", "natural_person", "individual_business")
enterprise = _is("debtor_kind", "enterprise_legal_person")
debtor = _is("debtor_kind", "natural_person", "individual_business", "enterprise_legal_person")
in_zhejiang = _all(personal, _is("residence_province", "33"))
in_shenzhen = _all(personal, _is("residence_province", "44"), _is("shenzhen", "yes"))

DEBT_CAUSES = [
    ("business_operation", _l("Running a business")),
    ("living_consumption", _l("Everyday living costs, such as housing, medical bills or school")),
    ("excessive_consumption", _l("Lavish spending")),
    ("illegal_business", _l("Illegal business")),
    ("other", _l("Something else")),
]

DEBT_EXIT = (
    _q(
        "debtor_kind",
        f.radio(
            _l("Who owes the debts?"),
            [
                ("natural_person", _l("I do, as a person")),
                ("individual_business", _l("I do, through my individual business (个体工商户)")),
                ("enterprise_legal_person", _l("A company (enterprise legal person)")),
                ("other_organisation", _l("Another organisation")),
            ],
            _l("Choose who owes the debts."),
            _l(
                "Personal bankruptcy and debt clearance are for individuals. A company's enforcement case can be referred to bankruptcy."
            ),
        ),
    ),
    _q(
        "residence_province",
        f.province_field(
            _l("In which province do you live?"),
            _l("Choose the province you live in."),
            _l(
                "Where your domicile or usual residence is. Shenzhen and Zhejiang have schemes of their own; some other places run trials."
            ),
        ),
        personal,
    ),
    _q(
        "shenzhen",
        f.yes_no(
            _l("Do you live in Shenzhen?"),
            _l("Say whether you live in Shenzhen."),
            _l("In the Shenzhen Special Economic Zone, as your domicile or usual residence."),
        ),
        _all(personal, _is("residence_province", "44")),
    ),
    _q(
        "xiamen",
        f.yes_no(
            _l("Do you live in Xiamen?"),
            _l("Say whether you live in Xiamen."),
            _l("Xiamen has its own personal bankruptcy regulation."),
        ),
        _all(personal, _is("residence_province", "35")),
    ),
    _q(
        "hukou",
        f.yes_no(
            _l("Is your household registration (hukou) in Zhejiang?"),
            _l("Say whether your hukou is in Zhejiang."),
            _l("Zhejiang's debt clearance is for people with a Zhejiang hukou."),
        ),
        in_zhejiang,
    ),
    _q(
        "social_insurance_months",
        f.count_field(
            _l("For how many months in a row have you paid social insurance there?"),
            _l("Enter the number of months, or 0."),
            _l(
                "Count the months without a gap up to now. In Zhejiang, months of individual income tax count too. Three years are 36 months."
            ),
            maximum=960,
            out_of_range=_l("Enter a number of months between 0 and 960."),
        ),
        lambda answers: in_shenzhen(answers) or in_zhejiang(answers),
    ),
    _q(
        "debt_cause",
        f.radio(
            _l("What did most of your debts come from?"),
            DEBT_CAUSES,
            _l("Choose what most of your debts came from."),
            _l("Debts from illegal business or lavish spending are not covered."),
        ),
        in_shenzhen,
    ),
    _q(
        "can_pay",
        f.yes_no(
            _l("Can the debts be paid as they fall due?"),
            _l("Say whether the debts can be paid as they fall due."),
            _l("Answer “no” if payments have stopped, or could only be made by taking on new debts."),
        ),
        debtor,
    ),
    _q(
        "debts_total",
        f.money_field(
            _l("How much is owed in total, in yuan?"),
            _l("Add up all the debts, including those not yet due. An estimate is fine."),
            _l("Enter the total of the debts, or your best estimate."),
        ),
        debtor,
    ),
    _q(
        "assets_value",
        f.money_field(
            _l("What is everything owned worth, in yuan?"),
            _l("Savings, property, vehicles, shares and money others owe. An estimate is fine."),
            _l("Enter what everything owned is worth, or your best estimate."),
        ),
        debtor,
    ),
    _q("household_size", HOUSEHOLD_SIZE, personal),
    _q("household_income", HOUSEHOLD_INCOME, personal),
    _q(
        "has_enforcement_case",
        f.yes_no(
            _l("Is there an enforcement case against you at a court?"),
            _l("Say whether there is an enforcement case against you."),
            _l("Zhejiang's debt clearance is handled by a court that already has an enforcement case against you."),
        ),
        in_zhejiang,
    ),
    _q(
        "case_local",
        f.yes_no(
            _l("Is that court where you live or have your main property?"),
            _l("Say whether the court is where you live or have your main property."),
            _l("A district or county court (basic-level court) in Zhejiang."),
        ),
        _all(in_zhejiang, _is("has_enforcement_case", "yes")),
    ),
    _q(
        "bad_faith",
        f.yes_no(
            _l("Have you hidden property, moved it to others, or made up debts?"),
            _l("Say whether you have hidden or moved property, or made up debts."),
            _l("Answer honestly: the court checks. Doing so blocks a debt exit and can be punished."),
        ),
        personal,
    ),
    _q(
        "company_consent",
        f.yes_no(
            _l(
                "Does the company, or a creditor with an enforcement case against it, agree in writing to a referral to bankruptcy?"
            ),
            _l("Say whether there is written consent."),
            _l("Without written consent from one of them, the case cannot be referred."),
        ),
        enterprise,
    ),
)

QUESTIONS = {"judicial-relief": RELIEF, "debt-exit": DEBT_EXIT}


def relevant(slug: str, answers: dict, known: dict) -> list[Question]:
    """The questions to ask, in order, given the answers so far; those the case answers are left out."""
    merged = {**answers, **known}
    return [q for q in QUESTIONS[slug] if q.key not in known and q.when(merged)]


def named(slug: str, key: str) -> Question | None:
    return next((q for q in QUESTIONS[slug] if q.key == key), None)


def next_unanswered(slug: str, answers: dict, known: dict) -> Question | None:
    return next((q for q in relevant(slug, answers, known) if q.key not in answers), None)
