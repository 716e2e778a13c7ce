"""`rasa data validate`, stricter about what matters and quiet about one known false alarm.

Rasa warns that every response used only from custom actions ("utter_case_line_debtor" ...) "is not
used in any story or rule". This script accepts that warning only for responses that really are
used: named in bot/actions/*.py, or asked by a form (utter_ask_<slot>). Any other warning or error
fails the check.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

BOT = Path(__file__).resolve().parents[1]
UNUSED = re.compile(r"The utterance '([^']+)' is not used in any story or rule")
WARNING = re.compile(r"UserWarning: (.*)")
# Rasa's own noise, not about our data
IGNORED = ("duplicated intents have been found across multiple domain files: faq",)


def main() -> int:
    proc = subprocess.run(  # noqa: S603 - fixed argv, our own venv binary, no shell
        [
            str(BOT / ".venv" / "bin" / "rasa"),
            "data",
            "validate",
            "--domain",
            "domain",
            "--data",
            "data",
            "--config",
            "config.yml",
        ],
        cwd=BOT,
        env={**os.environ, "RASA_TELEMETRY_ENABLED": "false"},
        capture_output=True,
        text=True,
    )
    output = proc.stdout + proc.stderr
    action_source = "\n".join(p.read_text(encoding="utf-8") for p in (BOT / "actions").glob("*.py"))
    problems = []
    for line in output.splitlines():
        unused = UNUSED.search(line)
        if unused:
            name = unused.group(1)
            if f'"{name}"' in action_source or name.startswith("utter_ask_") or name.startswith("utter_condition_"):
                continue
            problems.append(f"response {name} is used nowhere")
            continue
        warning = WARNING.search(line)
        if warning and not any(text in warning.group(1) for text in IGNORED):
            problems.append(warning.group(1))
        if " ERROR " in line:
            problems.append(line.strip())
    if proc.returncode != 0:
        problems.append(f"rasa data validate exited {proc.returncode}")
    for problem in problems:
        print(f"bot-validate: {problem}", file=sys.stderr)
    print("bot-validate: ok" if not problems else f"bot-validate: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
