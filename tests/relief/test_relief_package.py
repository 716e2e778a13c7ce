"""Package-wide rules for relief/: registered rule ids, pure imports, no clock, docstrings naming rules."""

from __future__ import annotations

import ast
import pathlib
import re
from datetime import date
from decimal import Decimal

import pytest

from relief._common import data_file
from relief.facts import LimitationFacts, ListingFacts, Payment, RestrictionFacts, TerminationFacts
from relief.interest import late_interest
from relief.limitation import enforcement_limitation
from relief.listing import dishonest_listing_status
from relief.outcomes import Status
from relief.restrictions import lifting_routes
from relief.rules import RULES
from relief.searches import follow_up_searches
from relief.termination import assess_termination, objection_route

RELIEF = pathlib.Path(__file__).resolve().parents[2] / "relief"
FORBIDDEN = ("portal", "flask", "flask_babel", "flask_login", "flask_wtf", "sqlalchemy", "babel", "wtforms")
RULE_MODULES = ("calendar", "deadlines", "termination", "searches", "interest", "listing", "restrictions", "limitation")
OURS = (*RULE_MODULES, "facts", "case_number", "identity", "_common")
RULE_ID = re.compile(r"\b(?:[A-Z]{2,3}-\d{2}|Q-\d{2})\b")
CODE = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$")

D = date
FULL = TerminationFacts(
    filing_date=D(2023, 1, 5),
    notice_served_on=D(2023, 1, 10),
    report_order_on=D(2023, 1, 10),
    report_default=True,
    consumption_order_on=D(2023, 5, 1),
    dishonest_ground_found=True,
    online_searches=(D(2023, 5, 1),),
    audit_or_reward_requested=True,
    clues_unverified=1,
    premises_search_on=D(2023, 2, 1),
    debtor_whereabouts_unknown=True,
    obstruction=True,
    termination_ruled_on=D(2023, 4, 1),
)


def decisions():
    yield assess_termination(FULL, as_of=D(2024, 1, 1))
    yield assess_termination(TerminationFacts(debtor_is_minor=True), as_of=D(2024, 1, 1))
    yield objection_route(FULL, as_of=D(2024, 1, 1))
    yield objection_route(TerminationFacts(), as_of=D(2024, 1, 1))
    yield follow_up_searches(D(2024, 1, 15), [D(2024, 1, 1), D(2024, 3, 1), D(2024, 4, 1)], as_of=D(2025, 2, 1))
    yield follow_up_searches(D(2015, 1, 15), [], as_of=D(2024, 1, 1))
    yield late_interest(Decimal("1000"), D(2014, 7, 1), [Payment(D(2015, 1, 1), Decimal("2000"))], as_of=D(2016, 1, 1))
    for ground in (1, 2):
        yield dishonest_listing_status(
            ListingFacts(
                ground=ground,
                listed_on=D(2020, 1, 1),
                term_years=2 if ground == 1 else None,
                fully_performed_on=D(2021, 1, 1),
                terminated_on=D(2020, 2, 1),
                searches_after_termination=(D(2020, 8, 1), D(2021, 2, 1)),
            ),
            as_of=D(2021, 6, 1),
        )
    yield dishonest_listing_status(ListingFacts(ground=3, listed_on=D(2020, 1, 1)), as_of=D(2025, 1, 1))
    yield dishonest_listing_status(
        ListingFacts(ground=3, listed_on=D(2020, 1, 1), debtor_is_minor=True), as_of=D(2021, 1, 1)
    )
    for kind in ("consumption", "dishonest", "exit_ban"):
        yield lifting_routes(RestrictionFacts(kind, D(2020, 1, 1), fully_performed=True), as_of=D(2021, 1, 1))
    yield enforcement_limitation(
        LimitationFacts(performance_deadline=D(2020, 1, 1), interruptions=(D(2019, 1, 1), D(2021, 1, 1))),
        as_of=D(2024, 1, 1),
    )
    yield enforcement_limitation(LimitationFacts(terminated_on=D(2020, 1, 1)), as_of=D(2024, 1, 1))


def test_every_reason_cites_a_registered_rule_with_a_stable_code():
    seen = set()
    for decision in decisions():
        for reason in decision.all_reasons:
            assert RULES[reason.rule_id] == reason.rule, reason.code
            assert isinstance(reason.rule.status, Status)
            assert CODE.match(reason.code), reason.code
            seen.add(reason.rule_id)
    assert {"ZB-03", "ZB-04", "ZB-05", "ZB-07", "ZB-10", "ZB-11", "HF-14", "SX-07", "HF-04", "HF-05"} <= seen


def _tree(name: str) -> ast.Module:
    return ast.parse((RELIEF / f"{name}.py").read_text(encoding="utf-8"))


def _all_modules():
    return sorted(path.stem for path in RELIEF.glob("*.py"))


@pytest.mark.parametrize("name", _all_modules())
def test_relief_imports_nothing_of_the_web_stack(name):
    imported = []
    for node in ast.walk(_tree(name)):
        if isinstance(node, ast.Import):
            imported += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.append(node.module)
    assert [m for m in imported if m.split(".")[0] in FORBIDDEN] == []


@pytest.mark.parametrize("name", _all_modules())
def test_relief_never_reads_the_clock(name):
    calls = [
        node.func.attr
        for node in ast.walk(_tree(name))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in ("today", "now", "utcnow", "time", "monotonic")
    ]
    assert calls == []


@pytest.mark.parametrize("name", RULE_MODULES)
def test_public_rule_functions_name_their_rule_ids(name):
    for node in _tree(name).body:
        if isinstance(node, ast.FunctionDef) and not node.name.startswith("_"):
            doc = ast.get_docstring(node)
            assert doc, node.name
            assert RULE_ID.search(doc.splitlines()[0]), node.name


@pytest.mark.parametrize("name", OURS)
def test_modules_are_small_and_documented(name):
    text = (RELIEF / f"{name}.py").read_text(encoding="utf-8")
    assert text.count("\n") < 300
    assert ast.get_docstring(_tree(name))


def test_every_parameter_is_cited_and_tagged():
    params = data_file("params.toml")
    assert params["rules_version"]
    for section, entries in params.items():
        if section in ("rules_version", "clocks"):
            continue
        for key, entry in entries.items():
            for row in entry if isinstance(entry, list) else [entry]:
                assert row["src"], f"{section}.{key}"
                Status(row["status"])
    for clock_id, clock in params["clocks"].items():
        assert clock["rule"] in RULES, clock_id
