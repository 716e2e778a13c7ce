# ruff: noqa: T201 - a command-line report for `make audit`: printing is its job
"""Reads pip-audit's JSON report for `make audit`: fails on a known vulnerability not explained in
.pip-audit-ignore, and says plainly how many dependencies could not be checked.

pip-audit asks PyPI's per-release JSON API for each installed distribution. Where that API is not reachable
(some mirrors serve only the project pages), every dependency comes back "not found": the audit then proves
nothing by itself: the dependencies it skipped are then looked up on the project pages (registry_pages.py),
which vouch for those installed at their latest release. What neither source could check is listed, and
AUDIT_STRICT=1 makes it an error. AUDIT_OFFLINE=1 skips the project pages (no network at all).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

try:
    from tests.security import registry_pages
except ImportError:  # run as a script from the repository root: tests/security is this file's folder
    import registry_pages


def ignored(path: Path) -> dict[str, str]:
    """Vulnerability id -> the reason it is accepted, from lines "ID  reason" (# starts a comment)."""
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            vuln, _, reason = line.partition(" ")
            if not reason.strip():
                raise SystemExit(f"{path}: {vuln} has no reason")
            found[vuln] = reason.strip()
    return found


def main(report_path: str, ignore_path: str, fetch: registry_pages.Fetch | None = registry_pages.fetch_json) -> int:
    report = json.loads(Path(report_path).read_text(encoding="utf-8"))
    accepted = ignored(Path(ignore_path))
    dependencies = [d for d in report.get("dependencies", []) if "editable" not in d.get("skip_reason", "")]
    if fetch is not None and os.environ.get("AUDIT_OFFLINE") != "1":
        registry_pages.audit_skipped(dependencies, fetch)
    by_page = sum(1 for d in dependencies if d.get("audited_by"))
    skipped = [d for d in dependencies if d.get("skip_reason")]
    findings = []
    for dep in dependencies:
        for vuln in dep.get("vulns", []):
            ids = {vuln["id"], *vuln.get("aliases", [])}
            if ids & accepted.keys():
                print(
                    f"accepted: {dep['name']} {dep['version']} {vuln['id']}: {accepted[next(iter(ids & accepted.keys()))]}"
                )
            else:
                fix = ", ".join(vuln.get("fix_versions", [])) or "no fix yet"
                findings.append(f"{dep['name']} {dep['version']}: {vuln['id']} (fixed in {fix})")
    audited = len(dependencies) - len(skipped)
    print(
        f"pip-audit: {audited} of {len(dependencies)} dependencies audited ({by_page} of them through the project"
        f" pages, latest releases), {len(findings)} vulnerabilities"
    )
    for finding in findings:
        print(f"  VULNERABLE {finding}")
    if findings:
        print(f"fix them (upgrade the pin in pyproject.toml) or explain each in {ignore_path}")
        return 1
    if skipped:
        names = ", ".join(f"{d['name']} {d.get('version', '')}".strip() for d in skipped)
        print(f"  WARNING: {len(skipped)} could not be audited (older than their latest release, or unknown): {names}")
        if audited == 0:
            print("  WARNING: PyPI's vulnerability API was not reachable from here: nothing was checked")
        if os.environ.get("AUDIT_STRICT") == "1":
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
