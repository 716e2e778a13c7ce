"""Every code either screening can emit reaches a citizen as words, in both languages, never as a raw code."""

from __future__ import annotations

import random
import re
from datetime import date

import pytest
from flask_babel import force_locale

from portal.screening import messages
from relief.debt_exit import assess_debt_exit
from relief.judicial_relief import WageFigure, WageTable, assess_judicial_relief
from relief.screening_facts import (
    BadFaithSigns,
    CaseStage,
    CompensationRoute,
    Contributions,
    Debt,
    DebtCause,
    DebtExitFacts,
    EnforcementCase,
    Finances,
    Household,
    PartyKind,
    Petitioner,
    RefusalGrounds,
    ReliefCategory,
    ReliefFacts,
    Residence,
    SpecialZone,
)

CODE = re.compile(r"\b[a-z]{2}\d\d\.[a-z_.]+\b")
FIGURE = WageFigure(region="44", year=2025, measure="t", source="t", published="2026-01", annual_yuan="120000")


def _decisions(seed: int = 5, count: int = 400):
    rng = random.Random(seed)

    def answer():
        return rng.choice([None, True, False])

    for _ in range(count):
        yield (
            "judicial-relief",
            assess_judicial_relief(
                ReliefFacts(
                    applicant_kind=rng.choice([None, *PartyKind]),
                    category=rng.choice([None, *ReliefCategory]),
                    route=rng.choice([None, *CompensationRoute]),
                    in_hardship=answer(),
                    hardship_certified=answer(),
                    relieved_before_for_case=answer(),
                    relieved_by_other_body=answer(),
                    refusal=RefusalGrounds(**{name: answer() for name in RefusalGrounds.__dataclass_fields__}),
                    court_province=rng.choice([None, "44", "33"]),
                    amount_awarded=rng.choice([None, "1000", "9000000"]),
                    amount_unenforced=rng.choice([None, "500"]),
                    household=Household(size=rng.choice([None, 3]), monthly_income=rng.choice([None, "900"])),
                ),
                as_of=date(2026, 12, 1),
                wages=rng.choice([None, WageTable([FIGURE])]),
            ),
        )
        yield (
            "debt-exit",
            assess_debt_exit(
                DebtExitFacts(
                    debtor_kind=rng.choice([None, *PartyKind]),
                    petitioner=rng.choice(list(Petitioner)),
                    residence=Residence(
                        province=rng.choice([None, "44", "33", "32"]),
                        special_zone=rng.choice([None, *SpecialZone]),
                        hukou_province=rng.choice([None, "33"]),
                    ),
                    contributions=Contributions(
                        shenzhen_social_insurance=rng.choice([None, 10, 40]),
                        zhejiang_social_insurance=rng.choice([None, 40]),
                    ),
                    finances=Finances(
                        assets_value=rng.choice([None, "10", "100000"]),
                        debts=tuple(
                            Debt(amount="5000", cause=rng.choice([None, *DebtCause])) for _ in range(rng.randint(0, 2))
                        ),
                        can_pay_due_debts=answer(),
                        assets_insufficient=answer(),
                    ),
                    cases=tuple(
                        EnforcementCase(
                            stage=rng.choice(list(CaseStage)),
                            province="33",
                            basic_level_court=answer(),
                            court_of_domicile_or_property=answer(),
                        )
                        for _ in range(rng.randint(0, 1))
                    ),
                    bad_faith=BadFaithSigns(
                        hidden_assets=answer(), transferred_assets=answer(), fabricated_debts=answer()
                    ),
                    petitioning_claims=rng.choice([None, "600000"]),
                    company_consents=answer(),
                ),
                as_of=rng.choice([date(2026, 12, 1), date(2021, 1, 1), date(2025, 6, 1)]),
            ),
        )


def test_every_non_yes_no_reason_code_has_its_own_words():
    """Yes/no reasons (code, code.not_met, code.unanswered) may be told by state; all others need words."""
    missing = set()
    for _slug, decision in _decisions():
        for reason in decision.all_reasons:
            told_by_state = reason.code.endswith((".not_met", ".unanswered")) or reason.rule_id[:2] in (
                "SZ",
                "ZJ",
                "ZP",
            )
            if reason.code not in messages.REASONS and not told_by_state:
                missing.add(reason.code)
    assert sorted(missing) == []


def test_every_criterion_and_item_has_words():
    keys, items = set(), set()
    for _slug, decision in _decisions():
        keys |= {c.key for c in decision.criteria}
        values = decision.values
        items |= set(values.get("evidence", ())) | {
            i["code"] for i in (*values.get("keep", ()), *values.get("procedure", ()), *values.get("information", ()))
        }
        items |= set(values.get("referral", {}).values())
        items |= {code for code in values.get("must_prove", ()) if not code.startswith("prove.")}
        for item in values.get("procedure", ()):
            items |= set(item.get("items", ()))
    assert sorted(keys - set(messages.CRITERIA)) == []
    assert sorted(items - set(messages.ITEMS)) == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_everything_formats_in_both_languages_without_a_raw_code(app, lang):
    with app.test_request_context(), force_locale(lang):
        for slug, decision in _decisions(seed=11, count=150):
            texts = [messages.summary(slug, decision), *messages.uncertain(decision)]
            for row in messages.criterion_rows(decision):
                texts += [row["title"], row["requirement"], *(r["text"] for r in row["reasons"])]
            values = decision.values
            for item in (
                *values.get("keep", ()),
                *values.get("procedure", ()),
                *values.get("information", ()),
                *values.get("must_prove", ()),
                *values.get("evidence", ()),
            ):
                texts.append(messages.item_text(item))
            texts += [messages.reason_text(r) for r in decision.reasons]
            for text in texts:
                assert text and not CODE.search(text), text
                assert "%(" not in text, text
            if lang == "zh":
                assert "You " not in messages.summary(slug, decision)
