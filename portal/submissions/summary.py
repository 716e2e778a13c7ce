"""A submission's answers as titled sections of (label, value) rows, in the current language."""

from __future__ import annotations

from portal.submissions import answers as answer_text
from portal.submissions.kinds import KINDS, steps_for


def sections(kind, answers: dict) -> list[tuple[object, list[tuple[str, str]]]]:
    spec = KINDS.get(kind)
    if spec is None:
        return []
    return [
        (step, answer_text.display(step.form(answers)(formdata=None), answers)) for step in steps_for(spec, answers)
    ]
