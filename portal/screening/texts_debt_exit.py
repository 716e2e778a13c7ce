"""Debt exits (rulebook sections 6 and 7): criterion, reason and item code -> plain words.

A yes/no criterion's reason is its code, ``.not_met`` or ``.unanswered``; those without words of their own
are told by the criterion's state (see messages.reason_text).
"""

from flask_babel import lazy_gettext as _l

OUTCOMES = {
    "shenzhen_possible": _l(
        "You may be able to apply for personal bankruptcy in Shenzhen — only if you meet its local conditions."
    ),
    "zhejiang_possible": _l(
        "You may be able to apply for personal debt clearance in Zhejiang — only if you meet its local conditions."
    ),
    "company_referral_possible": _l("The company's enforcement case may be referred for bankruptcy review (执转破)."),
    "blocked_bad_faith": _l(
        "A debt exit could be open to you, but hiding or moving property, or made-up debts, block it."
    ),
    "information_only": _l("None of the channels this screening checks fits, but a local pilot might: see below."),
    "no_channel": _l(
        "On your answers, no debt-exit channel is open to you. China has no national personal bankruptcy law."
    ),
}

_INDIVIDUAL = (
    _l("You are an individual"),
    _l("This is for natural persons; owners of an individual business (个体工商户) count as individuals."),
)
_INSOLVENT = (
    _l("You cannot pay your debts"),
    _l("You cannot pay debts that are due, and what you own is not enough, or you clearly cannot pay."),
)
_GOOD_FAITH = (
    _l("No hiding of property"),
    _l("You have not hidden property, moved it to others or made up debts, and you declare everything truthfully."),
)

CRITERIA = {
    "shenzhen.in_force": (_l("The Shenzhen regulation applies"), _l("The regulation must be in force when you apply.")),
    "shenzhen.natural_person": _INDIVIDUAL,
    "shenzhen.residence": (
        _l("You live in Shenzhen"),
        _l("Your domicile or usual residence is in the Shenzhen Special Economic Zone."),
    ),
    "shenzhen.social_insurance": (
        _l("Three years of Shenzhen social insurance"),
        _l("You have paid Shenzhen social insurance for 36 months in a row."),
    ),
    "shenzhen.debt_cause": (
        _l("Debts from business or everyday living"),
        _l(
            "Your debts come from running a business or from ordinary living costs, not illegal business or lavish spending."
        ),
    ),
    "shenzhen.insolvency": (
        _l("You cannot pay your debts"),
        _l("You can no longer pay your debts, or what you own is not enough to pay them all."),
    ),
    "shenzhen.good_faith": _GOOD_FAITH,
    "shenzhen.creditor_claims": (
        _l("Creditors' claims are large enough"),
        _l("Creditors who ask the court together hold at least 500,000 yuan of debts that are due."),
    ),
    "zhejiang.in_force": (
        _l("The Zhejiang guideline applies"),
        _l("The Zhejiang High Court's guideline must already apply when you apply."),
    ),
    "zhejiang.natural_person": _INDIVIDUAL,
    "zhejiang.hukou": (_l("Zhejiang household registration"), _l("Your hukou is in Zhejiang.")),
    "zhejiang.residence": (_l("You live in Zhejiang"), _l("You live in Zhejiang province.")),
    "zhejiang.contributions": (
        _l("Three years of Zhejiang social insurance or income tax"),
        _l("You have paid social insurance or individual income tax in Zhejiang for 36 months in a row."),
    ),
    "zhejiang.insolvency": _INSOLVENT,
    "zhejiang.court_case": (
        _l("An enforcement case at your local court"),
        _l(
            "A basic-level court where you live or have your main property has an enforcement case against you, "
            "still going on or closed for now."
        ),
    ),
    "zhejiang.good_faith": _GOOD_FAITH,
    "company.enterprise_legal_person": (
        _l("The debtor is a company"),
        _l("Referral to bankruptcy is for enterprise legal persons (企业法人)."),
    ),
    "company.written_consent": (
        _l("Written consent"),
        _l("The company, or any one creditor with an enforcement case against it, agrees in writing."),
    ),
    "company.insolvency": (
        _l("The company cannot pay its debts"),
        _l("It cannot pay debts that are due, and its assets are not enough, or it clearly cannot pay."),
    ),
}

REASONS = {
    "sz01.in_force": _l("In force since %(in_force)s."),
    "sz01.in_force.not_met": _l("Not yet in force on the day of this screening: it applies from %(in_force)s."),
    "zj01.guideline": _l("Issued on %(in_force)s."),
    "zj01.guideline.not_met": _l("Not yet issued on the day of this screening: it is dated %(in_force)s."),
    "sz01.social_insurance": _l("You said %(months)s months; %(required)s are needed."),
    "sz01.social_insurance.not_met": _l("You said %(months)s months; %(required)s are needed."),
    "zj01.contributions": _l("You said %(months)s months; %(required)s are needed."),
    "zj01.contributions.not_met": _l("You said %(months)s months; %(required)s are needed."),
    "sz01.debt_cause.some_not_covered": _l(
        "Some of your debts come from illegal business or lavish spending; those are not covered."
    ),
    "sz01.debt_cause.not_met": _l("Debts from illegal business or lavish spending are not covered."),
    "sz08.bad_faith.hidden_assets": _l(
        "You said you hid or moved property, or made up debts. That blocks a debt exit and can be punished."
    ),
    "sz08.bad_faith.transferred_assets": _l("Property was moved to others. That blocks a debt exit."),
    "sz08.bad_faith.fabricated_debts": _l("Debts were made up. That blocks a debt exit."),
    "zj04.bad_faith.hidden_assets": _l(
        "You said you hid or moved property, or made up debts. That blocks a debt exit and can be punished."
    ),
    "zj04.bad_faith.transferred_assets": _l("Property was moved to others. That blocks a debt exit."),
    "zj04.bad_faith.fabricated_debts": _l("Debts were made up. That blocks a debt exit."),
    "sz08.discharge_at_risk": _l("Signs of bad faith put the debtor's discharge at risk."),
    "sz02.creditor_claims": _l("Creditors hold %(claims)s; at least %(min_yuan)s is needed."),
    "sz02.creditor_claims.not_met": _l("Creditors hold %(claims)s; at least %(min_yuan)s is needed."),
    "zj01.individual_business_by_analogy": _l(
        "As the owner of an individual business you may use Zhejiang's debt clearance in the same way."
    ),
    "zp04.no_consent": _l(
        "Nobody consents in writing, so the case stays in enforcement: money found is paid to creditors in the order "
        "of their seizures."
    ),
}

CHANNELS = {
    "shenzhen": _l("Personal bankruptcy in Shenzhen"),
    "zhejiang": _l("Personal debt clearance in Zhejiang"),
    "company": _l("Referral of a company to bankruptcy (执转破)"),
}

# By state, for reasons without words of their own.
BY_STATE = {
    "met": _l("On your answers, this is met."),
    "not_met": _l("On your answers, this is not met."),
    "unknown": _l("Not known yet: we did not ask this, or you did not answer."),
}

ITEMS = {
    # SZ-04 what you keep; ZJ-03 necessities
    "sz04.necessities": _l(
        "Necessities and reasonable costs for the living, study and medical care of you and your dependants"
    ),
    "sz04.career_items": _l("Items and reasonable costs you need for your work"),
    "sz04.commemorative_items": _l("Items of special commemorative value"),
    "sz04.life_insurance_without_cash_value": _l("Life insurance without a cash value"),
    "sz04.medals_and_honours": _l("Medals and honours"),
    "sz04.injury_compensation_and_benefits": _l(
        "Your personal-injury compensation, social insurance benefits and minimum living allowance"
    ),
    "sz04.other_by_law": _l("Other property that by law should not pay debts"),
    "sz04.high_value_items_not_exempt": _l("High-value items whose exemption would clearly be unfair are not kept"),
    "sz04.total_cap": _l(
        "What you keep is capped at %(amount_yuan)s in all (medals and injury compensation not counted)"
    ),
    "sz04.court_sub_standards": _l("The Shenzhen Intermediate Court sets the detailed standards"),
    "zj03.necessities_standard": _l(
        "A reasonable standard of necessities for you and your family, instead of a fixed list"
    ),
    # SZ-02/03/05/06/07/08: what the Shenzhen procedure demands
    "sz02.liquidation_only": _l("A creditor's petition can only ask for liquidation"),
    "sz03.pre_application_counselling": _l("Free, confidential counselling before you apply is required"),
    "sz05.restrictions": _l("From acceptance until the court lifts the restrictions, you may not:"),
    "sz05.premium_travel": _l(
        "fly business or first class, take soft sleepers or better ship berths, or first class on high-speed trains"
    ),
    "sz05.luxury_venues": _l("spend at hotels of three stars or more, nightclubs or golf courses"),
    "sz05.property_or_vehicle_purchase": _l("buy real estate or motor vehicles"),
    "sz05.home_building_or_renovation": _l("build or renovate a home"),
    "sz05.high_fee_private_school": _l("send children to high-fee private schools"),
    "sz05.luxury_office": _l("rent luxury offices"),
    "sz05.high_premium_insurance_or_wealth_products": _l("buy high-premium insurance or wealth-management products"),
    "sz05.other_non_essential_consumption": _l("spend on anything else that is not necessary"),
    "sz05.exit_needs_court_approval": _l("Leaving the country needs the court's approval"),
    "sz05.occupational_limits": _l(
        "During the inspection period you may not be a director, supervisor or senior manager of certain companies"
    ),
    "sz06.inspection_period": _l("An inspection period of %(years)s years from the bankruptcy declaration"),
    "sz06.monthly_reporting": _l("You report your income, spending and property every month"),
    "sz06.administrator_supervises": _l("An administrator supervises you and takes new assets for your creditors"),
    "sz06.discharge_on_application": _l(
        "At the end you apply to the court to discharge the remaining debts; the court decides"
    ),
    "sz07.non_dischargeable": _l(
        "Some debts are never discharged, for example support and maintenance, damages for intentional injury, "
        "employees' pay and taxes"
    ),
    "sz08.fraud_blocks_discharge": _l(
        "Hiding assets, inventing debts or sudden transfers lead to refusal or loss of the discharge, and to legal "
        "liability"
    ),
    # ZJ-02/04/05
    "zj02.first_court_to_file": _l("If you apply to several courts, the first one to accept the case takes it"),
    "zj04.integrity_undertaking": _l("A signed integrity undertaking (诚信承诺书)"),
    "zj05.creditor_consent_plan": _l(
        "Debts are relieved only if your creditors agree to a plan; about a quarter of cases have succeeded"
    ),
    "zj05.voting_rules": _l("How creditors vote on the plan"),
    "zj04.application": _l("The application"),
    "zj04.property_declaration": _l("A declaration of all your property"),
    "zj04.creditor_list": _l("A list of your creditors"),
    "zj04.debt_evidence": _l("Evidence of your debts"),
    "zj04.income_expense_evidence": _l("Evidence of your income and spending"),
    # ZP-02–ZP-05
    "zp02.jurisdiction": _l("The intermediate court where the company is registered hears the case"),
    "zp03.enforcement_suspended_and_referred": _l("The enforcing court suspends enforcement and sends the file"),
    "zp03.acceptance_decision": _l("The bankruptcy court decides within %(days)s days whether to accept the case"),
    "zp03.seizures_released_on_acceptance": _l("If it accepts, seizures are released"),
    "zp03.returned_if_not_accepted": _l(
        "If it does not accept, the file and property go back within %(days)s days and enforcement resumes"
    ),
    "zp04.no_consent_seizure_order": _l("Without consent, money is paid to creditors in the order of their seizures"),
    "zp05.refer_at_zhongben": _l("A case closed for now (终本) may be referred as well"),
    # where to go
    "refer.shenzhen_intermediate_court": _l(
        "Where to go: the bankruptcy court of the Shenzhen Intermediate People's Court, starting with its "
        "pre-application counselling."
    ),
    "refer.zhejiang_basic_court_with_case": _l(
        "Where to go: the basic-level court in Zhejiang that has the enforcement case against you."
    ),
    "refer.intermediate_court_of_debtor_domicile": _l(
        "Where to go: the enforcing court, which refers the case to the intermediate court where the company is "
        "registered."
    ),
    # pilots this screening does not assess
    "info.jiangsu_pilot": _l(
        "Jiangsu runs trial schemes similar to personal bankruptcy: creditors holding at least "
        "%(creditor_petition_min_yuan)s may apply. The details are not confirmed: ask the local court."
    ),
    "info.xiamen_regulation": _l(
        "Xiamen's personal bankruptcy regulation has applied since %(in_force_on)s. We have not reviewed its "
        "conditions: ask the Xiamen court."
    ),
    "info.xiamen_not_yet_in_force": _l("Xiamen's personal bankruptcy regulation applies from %(in_force_on)s."),
    "info.zhejiang_debtor_applies": _l("In Zhejiang the debtor applies for debt clearance."),
}
