"""A second source for `make audit` where PyPI's per-release JSON API is not reachable: the project page.

pip-audit asks ``/pypi/<name>/<version>/json``; some mirrors (this machine's among them) answer 404 there but
serve ``/pypi/<name>/json``, whose ``vulnerabilities`` are those of the project's latest release. So a
dependency installed at its latest release can still be audited; an older one stays unchecked and is listed.
"""

from __future__ import annotations

import json
import re
import urllib.request
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

PROJECT_PAGE = "https://pypi.org/pypi/{name}/json"

Fetch = Callable[[str], dict]


def fetch_json(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=20) as response:  # noqa: S310 - a fixed https URL
        return json.load(response)


def latest_release_vulns(name: str, version: str, fetch: Fetch) -> list[dict] | None:
    """pip-audit-shaped vulns of ``name`` at ``version`` if that is the latest release; None if it can't say."""
    try:
        page = fetch(PROJECT_PAGE.format(name=name))
    except (OSError, ValueError):
        return None
    if not isinstance(page, dict) or page.get("info", {}).get("version") != version:
        return None
    return [
        {"id": v.get("id", "?"), "aliases": v.get("aliases") or [], "fix_versions": v.get("fixed_in") or []}
        for v in page.get("vulnerabilities") or []
        if not v.get("withdrawn")
    ]


_VERSION_IN_REASON = re.compile(r"\(([^()\s]+)\)\s*$")


def _version(dep: dict) -> str | None:
    # A skipped dependency has no "version" field; pip-audit puts it in the reason: "... audited: alembic (1.20.1)".
    match = _VERSION_IN_REASON.search(dep.get("skip_reason", ""))
    return dep.get("version") or (match.group(1) if match else None)


def audit_skipped(dependencies: list[dict], fetch: Fetch) -> None:
    """Fill ``vulns`` (and clear ``skip_reason``) of each skipped dependency the project page can vouch for."""
    skipped = [d for d in dependencies if d.get("skip_reason") and "editable" not in d["skip_reason"] and _version(d)]
    for dep in skipped:
        dep["version"] = _version(dep)
    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(lambda d: latest_release_vulns(d["name"], d["version"], fetch), skipped))
    for dep, vulns in zip(skipped, answers, strict=True):
        if vulns is not None:
            dep["vulns"] = vulns
            dep["audited_by"] = "project page (latest release)"
            del dep["skip_reason"]
