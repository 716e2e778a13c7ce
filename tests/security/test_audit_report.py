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


def _run(tmp_path, report: dict, ignore: str = "# none\n") -> int:
    (tmp_path / "report.json").write_text(json.dumps(report))
    (tmp_path / "ignore").write_text(ignore)
    return audit_report.main(str(tmp_path / "report.json"), str(tmp_path / "ignore"))


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
