"""A valid case record to vary per test, and the CLI run the way an operator runs it."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from tests import factories
from tests.factories import APPLICANT_ID, DEBTOR_ID

ROOT = Path(__file__).resolve().parents[3]
EXAMPLES = ROOT / "docs" / "examples"
NUMBER = "（2024）粤0304执8801号"
APPLICANT_CODE = "K7M2-Q9PX"
NAMES = ("导入申请人", "导入被执行人")

BASE = {
    "number": "(2024)粤0304执8801号",
    "status": "terminated",
    "filed_on": "2024-03-04",
    "title_ref": "（2023）粤0304民初5521号",
    "claim_type": "loan",
    "principal": "86000.00",
    "performance_deadline": "2024-01-20",
    "parties": [
        {
            "role": "applicant",
            "kind": "person",
            "name": NAMES[0],
            "id_number": APPLICANT_ID,
            "access_code": APPLICANT_CODE,
        },
        {"role": "debtor", "kind": "person", "name": NAMES[1], "id_number": DEBTOR_ID},
    ],
    "events": [
        {"kind": "filed", "on": "2024-03-04"},
        {"kind": "online_search", "on": "2024-03-15", "result": "nothing_found"},
        {"kind": "payment", "on": "2024-05-10", "amount": "5000"},
        {"kind": "termination_ruling", "on": "2024-07-10"},
    ],
    "restrictions": [{"kind": "consumption", "started_on": "2024-03-28"}],
}


def record(**overrides) -> dict:
    item = copy.deepcopy(BASE)
    item.update(overrides)
    return item


@pytest.fixture()
def court(session):
    item = factories.court()
    # Committed (into the test's outer transaction) so a dry run's rollback keeps it.
    session.commit()
    return item


@pytest.fixture()
def run(app, tmp_path):
    """Run `flask cases import` on records written to a file: run(records, *options, name=...)."""

    def invoke(records, *options, name="cases.json"):
        path = tmp_path / name
        if isinstance(records, str):
            path.write_text(records, encoding="utf-8")
        else:
            path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
        return app.test_cli_runner().invoke(args=["cases", "import", str(path), "--locale", "en", *options])

    return invoke
