"""Architecture rules that keep the codebase honest (STYLE.md): a test fails when one is broken."""

from __future__ import annotations

import ast
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
FORBIDDEN_IN_RELIEF = ("portal", "flask", "flask_babel", "flask_login", "sqlalchemy", "babel", "wtforms")


def test_every_route_declares_an_access_policy(app):
    missing = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static":
            continue
        view = app.view_functions[rule.endpoint]
        if getattr(view, "_access_policy", None) is None:
            missing.append(rule.rule)
    assert missing == [], f"routes without an access policy: {missing}"


def _relief_imports():
    for path in (ROOT / "relief").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    yield path, alias.name
            elif isinstance(node, ast.ImportFrom) and node.module:
                yield path, node.module


def test_relief_imports_nothing_of_the_portal_or_web_stack():
    bad = [(p.name, m) for p, m in _relief_imports() if m.split(".")[0] in FORBIDDEN_IN_RELIEF]
    assert bad == []


@pytest.mark.parametrize("needle", ["date.today(", "datetime.now(", "datetime.utcnow(", "time.time("])
def test_relief_never_reads_the_clock(needle):
    offenders = [p.name for p in (ROOT / "relief").rglob("*.py") if needle in p.read_text(encoding="utf-8")]
    assert offenders == []


def test_no_module_past_500_lines():
    big = []
    for folder in ("portal", "relief", "bench", "bot/actions", "bot/components", "bot/scripts"):
        for path in (ROOT / folder).rglob("*.py"):
            if "migrations" in path.parts or ".venv" in path.parts:
                continue
            lines = path.read_text(encoding="utf-8").count("\n")
            if lines > 500:
                big.append(f"{path.relative_to(ROOT)} ({lines})")
    assert big == []


def test_views_do_not_query_the_database():
    """Views stay thin: no select()/session calls in blueprint views; services do that."""
    offenders = []
    for path in (ROOT / "portal").rglob("views.py"):
        source = path.read_text(encoding="utf-8")
        if "db.session" in source or "select(" in source:
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []
