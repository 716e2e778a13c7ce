"""Where a draft goes next: its applicable pages in order, then evidence (if the kind takes any), then check."""

from __future__ import annotations

from flask import url_for

from portal.submissions.kinds import KindSpec, Step, steps_for

EVIDENCE, CHECK = "evidence", "check"


def pages(spec: KindSpec, answers: dict) -> list[str]:
    names = [step.name for step in steps_for(spec, answers)]
    if spec.evidence_hint is not None:
        names.append(EVIDENCE)
    names.append(CHECK)
    return names


def step_named(spec: KindSpec, answers: dict, name: str) -> Step | None:
    return next((step for step in steps_for(spec, answers) if step.name == name), None)


def url(token: str, page: str) -> str:
    if page == CHECK:
        return url_for("submissions.check", token=token)
    if page == EVIDENCE:
        return url_for("submissions.evidence", token=token)
    return url_for("submissions.step", token=token, name=page)


def next_url(spec: KindSpec, answers: dict, token: str, current: str) -> str:
    order = pages(spec, answers)
    index = order.index(current) if current in order else -1
    return url(token, order[min(index + 1, len(order) - 1)])


def back_url(spec: KindSpec, answers: dict, token: str, current: str, case_id: int) -> str:
    order = pages(spec, answers)
    index = order.index(current) if current in order else 0
    if index == 0:
        return url_for("cases.show", case_id=case_id)
    return url(token, order[index - 1])
