"""Every reason code the case pages can receive from relief/ has words in REASONS (and so in both languages)."""

from __future__ import annotations

import ast
import pathlib
import re

import pytest

from portal.cases.reasons import REASONS

RELIEF = pathlib.Path(__file__).resolve().parents[3] / "relief"
CASE_PAGE_MODULES = ("termination", "searches", "interest", "listing", "restrictions", "limitation")
CODE = re.compile(r"^(zb\d\d|hf\d\d|sx\d\d|sx|xf\d\d|lift)\.[a-z0-9_.]+$")


def _literal_codes(module: str) -> set[str]:
    tree = ast.parse((RELIEF / f"{module}.py").read_text(encoding="utf-8"))
    # Pieces of f-strings are prefixes, not codes; those are checked by the tables below and the demo crawl.
    pieces = {id(part) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr) for part in node.values}
    return {
        n.value
        for n in ast.walk(tree)
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in pieces and CODE.match(n.value)
    }


@pytest.mark.parametrize("module", CASE_PAGE_MODULES)
def test_every_literal_reason_code_has_a_message(module):
    missing = sorted(code for code in _literal_codes(module) if code not in REASONS)
    assert missing == []


STEPS = {
    "notice_and_report_order": ["notice", "report_order", "report_default_sanctioned"],
    "consumption_order_and_listing": ["consumption_order", "listing"],
    "investigation_exhausted": ["onsite_investigation", "audit_or_reward_handled"],
    "missing_debtor_and_obstruction": ["debtor_searched_for", "obstruction_sanctioned"],
}


def test_every_termination_step_code_has_a_message():
    codes = [
        f"zb03.{key}.{step}_{suffix}"
        for key, steps in STEPS.items()
        for step in steps
        for suffix in ("done", "not_recorded", "after_ruling")
    ]
    codes += [f"zb07.applicant_interview.interview_{s}" for s in ("done", "not_recorded", "after_ruling")]
    assert [c for c in codes if c not in REASONS] == []


class _AnyParam(dict):
    def __missing__(self, key):
        return "1"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_reason_texts_format_in_both_languages(app, lang):
    """Each message formats with named parameters in both locales (a broken %-placeholder raises here)."""
    from flask_babel import force_locale

    with app.test_request_context(), force_locale(lang):
        for code, template in REASONS.items():
            text = str(template) % _AnyParam()
            assert text and "%(" not in text, code
