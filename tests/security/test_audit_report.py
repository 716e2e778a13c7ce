"""The gate `make audit` puts on pip-audit's report: a finding fails unless explained; unaudited is said."""

from __future__ import annotations

import json

import pytest

from tests.security import audit_report

VULNERABLE = {
    "dependencies": [
        {
            "name": "jinja2",
            "version": "2.10",
            "vulns": [{"id": "PYSEC-2019-217", "aliases": ["CVE-2019-10906"], "fix_versions": ["2.10.1"]}],
        },
        {"name": "zhongben-portal", "skip_reason": "distribution marked as editable"},
    ]
}
UNREACHABLE = {
    "dependencies": [{"name": "flask", "skip_reason": "Dependency not found on PyPI and could not be audited"}]
}


def _run(tmp_path, report: dict, ignore: str = "# none\n", fetch=None) -> int:
    (tmp_path / "report.json").write_text(json.dumps(report))
    (tmp_path / "ignore").write_text(ignore)
    return audit_report.main(str(tmp_path / "report.json"), str(tmp_path / "ignore"), fetch)


def _skipped(name: str, version: str) -> dict:
    return {"name": name, "skip_reason": f"Dependency not found on PyPI and could not be audited: {name} ({version})"}


def _pages(**projects):
    """A fake registry: project name -> (latest version, its vulnerabilities)."""

    def fetch(url: str) -> dict:
        name = url.rstrip("/").split("/")[-2]
        if name not in projects:
            raise OSError("404")
        latest, vulns = projects[name]
        return {"info": {"version": latest}, "vulnerabilities": vulns}

    return fetch


def test_a_vulnerability_fails(tmp_path, capsys):
    assert _run(tmp_path, VULNERABLE) == 1
    assert "VULNERABLE jinja2 2.10: PYSEC-2019-217" in capsys.readouterr().out


def test_an_explained_vulnerability_passes_by_id_or_alias(tmp_path):
    assert _run(tmp_path, VULNERABLE, "CVE-2019-10906  no user-supplied templates are rendered\n") == 0


def test_an_ignore_line_needs_a_reason(tmp_path):
    with pytest.raises(SystemExit):
        _run(tmp_path, VULNERABLE, "CVE-2019-10906\n")


def test_nothing_audited_is_said_and_fails_when_strict(tmp_path, capsys, monkeypatch):
    assert _run(tmp_path, UNREACHABLE) == 0
    assert "nothing was checked" in capsys.readouterr().out
    monkeypatch.setenv("AUDIT_STRICT", "1")
    assert _run(tmp_path, UNREACHABLE) == 1


def test_the_repository_ignore_file_parses():
    from pathlib import Path

    audit_report.ignored(Path(__file__).resolve().parents[2] / ".pip-audit-ignore")


def test_a_dependency_at_its_latest_release_is_audited_through_the_project_page(tmp_path, capsys):
    report = {"dependencies": [_skipped("flask", "3.1.2"), _skipped("gunicorn", "23.0.0")]}
    fetch = _pages(flask=("3.1.2", []), gunicorn=("27.0.1", []))
    assert _run(tmp_path, report, fetch=fetch) == 0
    out = capsys.readouterr().out
    assert "1 of 2 dependencies audited (1 of them through the project pages" in out
    assert "could not be audited (older than their latest release, or unknown): gunicorn 23.0.0" in out


def test_a_vulnerability_on_the_project_page_fails(tmp_path, capsys):
    vuln = {"id": "GHSA-xxxx", "aliases": ["CVE-2099-1"], "fixed_in": ["9.9"], "withdrawn": None}
    report = {"dependencies": [_skipped("flask", "3.1.2")]}
    assert _run(tmp_path, report, fetch=_pages(flask=("3.1.2", [vuln]))) == 1
    assert "VULNERABLE flask 3.1.2: GHSA-xxxx (fixed in 9.9)" in capsys.readouterr().out
    assert (
        _run(tmp_path, report, "CVE-2099-1  not reachable from our code\n", fetch=_pages(flask=("3.1.2", [vuln]))) == 0
    )


def test_a_registry_that_does_not_answer_leaves_the_dependency_unchecked(tmp_path, capsys):
    assert _run(tmp_path, {"dependencies": [_skipped("flask", "3.1.2")]}, fetch=_pages()) == 0
    assert "nothing was checked" in capsys.readouterr().out
