"""Judicial relief (rulebook section 5): criterion and reason code -> words a person without legal training reads.

Placeholders are named; money and dates arrive formatted. A parameter a message does not name is ignored.
"""

from flask_babel import lazy_gettext as _l

OUTCOMES = {
    "likely_eligible": _l(
        "On your answers, you are likely to qualify for state judicial relief. Only the court can decide."
    ),
    "possibly_eligible": _l(
        "You may qualify for state judicial relief, but some things are not known yet or need the court's review."
    ),
    "not_eligible": _l("On your answers, you are unlikely to get state judicial relief."),
}

# key -> (title, what the rule asks, in plain words)
CRITERIA = {
    "natural_person": (
        _l("You apply as a person"),
        _l("Relief is for people. Companies and other organisations are usually refused."),
    ),
    "urgent_hardship": (
        _l("Your household is in urgent hardship"),
        _l(
            "You have real difficulty paying for basic needs now, and can show it with a certificate from your "
            "residents' or village committee or your employer."
        ),
    ),
    "covered_category": (
        _l("Your case is of a kind that relief covers"),
        _l(
            "For example unpaid support or maintenance, injury in a traffic accident or from another wrong done to "
            "you, or being a victim of crime."
        ),
    ),
    "uncompensated": (
        _l("Suing and enforcement have not paid you"),
        _l(
            "Relief helps when the court's procedures could not get you the money, for example because the case was "
            "closed for now (终本)."
        ),
    ),
    "once_per_case": (
        _l("No relief yet for this case"),
        _l("Relief is given only once per case, and not if the police or the procuratorate already gave it."),
    ),
    "no_refusal_ground": (
        _l("No usual reason for refusal applies"),
        _l(
            "Relief is usually refused if you were mainly to blame, will not help the court check the facts, gave "
            "false evidence, gave up compensation, are in hardship for other reasons, or were already compensated or "
            "helped."
        ),
    ),
}

REASONS = {
    "jz01.applicant.natural_person": _l("You said you apply as a person."),
    "jz03.applicant.unanswered": _l("We do not know yet whether you apply as a person or for an organisation."),
    "jz03.organisation": _l(
        "You said you apply for a company or another organisation. Organisations are usually refused, but this rule "
        "could not be confirmed, so court staff will look at it."
    ),
    "jz01.hardship.unanswered": _l("We do not know yet whether your household is in hardship."),
    "jz01.hardship.none": _l("You said your household is not in urgent hardship. Relief is for people in urgent need."),
    "jz01.hardship.certified": _l("You said your household is in hardship and you have a certificate that shows it."),
    "jz01.hardship.unproven": _l(
        "You said your household is in hardship. The court will want a certificate from your residents' or village "
        "committee or your employer: ask for one before you apply."
    ),
    "jz02.category.unanswered": _l("We do not know yet what your case is about."),
    "jz02.category.crime_victim_injured": _l(
        "A victim of crime who was seriously injured or disabled, where the offender cannot pay, is covered "
        "(item %(item)s)."
    ),
    "jz02.category.crime_victim_life_danger": _l(
        "A victim of crime whose life is in danger and who cannot pay for urgent treatment is covered (item %(item)s)."
    ),
    "jz02.category.deceased_victim_dependant": _l(
        "Close relatives who lived mainly on the income of a crime victim who died are covered (item %(item)s)."
    ),
    "jz02.category.crime_property_loss": _l(
        "A victim of crime with a major property loss who is in hardship is covered (item %(item)s)."
    ),
    "jz02.category.retaliation": _l(
        "Informants, witnesses and appraisers harmed in revenge who cannot get compensation are covered "
        "(item %(item)s)."
    ),
    "jz02.category.support_maintenance": _l(
        "Unpaid support, maintenance or child support, where the debtor cannot pay, is covered (item %(item)s)."
    ),
    "jz02.category.personal_injury_tort": _l(
        "An injury from a wrong done to you that you could not get compensated for is covered (item %(item)s)."
    ),
    "jz02.category.traffic_accident": _l(
        "An injury in a road traffic accident that you could not get compensated for is covered (item %(item)s)."
    ),
    "jz02.category.other": _l(
        "Your case is of another kind. The court may still help if it finds that you need it (item %(item)s), but "
        "only the court can say."
    ),
    "jz01.uncompensated.zhongben": _l(
        "Your case was closed for now (终本) because no property was found: enforcement has not paid you."
    ),
    "jz01.uncompensated.partial_recovery": _l("Enforcement recovered only part of what you are owed."),
    "jz01.uncompensated.offender_unable": _l("The person responsible has died or cannot pay."),
    "jz01.uncompensated.fully_recovered": _l("You have been paid in full, so relief is not needed."),
    "jz01.uncompensated.enforcement_pending": _l(
        "Enforcement is still going on. Relief usually comes only when enforcement cannot pay you; the court will "
        "look at how far it has got."
    ),
    "jz01.uncompensated.litigation_first": _l(
        "You have not sued yet. If you can get compensation by suing, that comes first."
    ),
    "jz01.uncompensated.unanswered": _l("We do not know yet how far suing and enforcement have got."),
    "jz01.once_only.first_relief": _l("You said you have not had relief for this case before."),
    "jz08.once_only.already_relieved": _l(
        "You said you already had relief for this case. Relief is given only once per case."
    ),
    "jz08.once_only.other_body": _l("The police or the procuratorate already gave relief for this case."),
    "jz08.once_only.unanswered": _l("We do not know yet whether you had relief for this case before."),
    "jz03.none": _l("On your answers, none of the usual reasons for refusal applies."),
    "jz03.fault": _l("You said you were mainly to blame for what happened. Relief is usually refused then."),
    "jz03.refused_cooperation": _l(
        "You said you would not help the court check the facts. Relief is usually refused then."
    ),
    "jz03.false_evidence": _l("False statements or forged evidence lead to refusal."),
    "jz03.waived_compensation": _l("You said you gave up or refused compensation. Relief is usually refused then."),
    "jz03.hardship_unrelated": _l(
        "You said your hardship is not caused by what happened in this case. Relief is usually refused then."
    ),
    "jz03.already_compensated": _l(
        "You said you have already been reasonably compensated or helped. Relief is usually refused then."
    ),
    "jz03.social_assistance": _l(
        "You have already been helped through social assistance. Relief is usually refused then."
    ),
    "jz03.fault.unanswered": _l("Not known yet: whether you were mainly to blame for what happened."),
    "jz03.refused_cooperation.unanswered": _l("Not known yet: whether you will help the court check the facts."),
    "jz03.false_evidence.unanswered": _l("Not known yet: whether everything you give the court is true."),
    "jz03.waived_compensation.unanswered": _l("Not known yet: whether you gave up or refused compensation."),
    "jz03.hardship_unrelated.unanswered": _l("Not known yet: whether your hardship is caused by this case."),
    "jz03.already_compensated.unanswered": _l("Not known yet: whether you were already compensated."),
    "jz03.social_assistance.unanswered": _l("Not known yet: whether you were helped through social assistance."),
    # JZ-04: the cap, never an invented number
    "jz04.cap.no_wage_figure": _l(
        "The usual upper limit is %(months)s times the average monthly wage of employees in %(province)s in "
        "%(year)s. We have no published figure for it, so we cannot give an amount: the court sets it."
    ),
    "jz04.cap.no_court_province": _l(
        "The usual upper limit is %(months)s times the previous year's average monthly wage of employees in the "
        "province of the court handling your case. We do not know that province, so we cannot give an amount: the "
        "court sets it."
    ),
    "jz04.cap.never_above_amount_owed": _l("Relief is never more than what you are owed: %(amount_owed)s."),
    "jz04.cap.wage_bound": _l(
        "Upper limit: %(months)s × %(monthly_wage)s (the average monthly wage in %(province)s in %(year)s) = %(cap)s."
    ),
    "jz04.cap.amount_owed_bound": _l(
        "Upper limit: %(cap)s, what you are still owed. It is lower than %(months)s × %(monthly_wage)s = %(wage_cap)s."
    ),
    "jz04.cap.amount_owed_unknown": _l(
        "We do not know how much you are still owed. Relief is never more than that amount."
    ),
    "jz04.national_reference_only": _l(
        "For reference only: the national average annual wage for %(year)s was %(annual_yuan)s. It is not the base "
        "for any province."
    ),
    "jz04.cap.court_sets_amount": _l(
        "The court sets the amount case by case: it looks at your loss, any fault on your part, your family's "
        "finances, local living costs and what you have already received."
    ),
    "jz04.cap.exceptional_cases_may_exceed": _l(
        "Where the loss or hardship is especially severe, the court may go above the usual limit after strict review."
    ),
    "jz04.cap.local_lower_caps": _l("Some places set lower limits in practice."),
    "jz05.written_or_oral": _l(
        "Apply in writing. If writing is truly difficult for you, you may apply orally and court staff will record it."
    ),
    "jz06.apply_to_case_court": _l("Apply to the court handling your case."),
    "jz06.relatives_apply_jointly": _l("Close relatives of a victim who died apply together, in one application."),
    "jz07.decision_clock": _l(
        "The court should decide within %(working_days)s working days whether to give relief and how much. When "
        "the money arrives, it tells you within %(collect_working_days)s working days to collect it."
    ),
    "jz08.deducted_on_recovery": _l(
        "If the court later recovers money from the debtor, the relief you received is deducted from it."
    ),
    "jz09.claim_survives": _l("Relief does not cancel your claim: the debtor still owes you the rest."),
}

EVIDENCE = {
    "jz05.application_form": _l("The application form (救助申请书), filled in and signed"),
    "jz05.id_document": _l("Your identity card or other valid identity document"),
    "jz05.harm.injury": _l("Proof of the injury: an injury appraisal, the diagnosis and the medical bills"),
    "jz05.harm.death_certificate": _l("The death certificate"),
    "jz05.harm.property_loss": _l("Proof of the property loss"),
    "jz05.harm.general": _l("Proof of the harm you suffered"),
    "jz05.relationship": _l("Proof of your relationship, for example the household register or a birth certificate"),
    "jz05.hardship_certificate": _l(
        "A certificate of hardship from your residents' or village committee or your employer, stating the household "
        "size, who can work, who has a job and the income per person"
    ),
    "jz05.compensation_statement": _l("A statement of any compensation or help you have already received"),
    "jz05.other.enforcement_record": _l("The court's ruling closing the case for now, or other enforcement records"),
}

# Item-level hedges the engine adds beyond its rules' own tags.
HEDGES = {
    "jz02.item5.unconfirmed": _l(
        "The Supreme People's Court's own wording for people harmed in revenge could not be confirmed."
    ),
    "jz02.item6.unconfirmed": _l(
        "The Supreme People's Court's own wording for unpaid support and maintenance could not be confirmed."
    ),
    "jz02.item7.unconfirmed": _l(
        "The Supreme People's Court's own wording for injuries from accidents and other wrongs could not be confirmed."
    ),
}
