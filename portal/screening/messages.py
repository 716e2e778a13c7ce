"""Words for the codes the screenings produce, in the user's language.

Every reason code either screening can emit has words here (texts_relief, texts_debt_exit), or is told by
its criterion's state; a test walks both engines and checks. Money, dates and provinces are formatted
before interpolation; [S]/[M] rules carry a hedge wherever they are shown.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext

from portal.i18n import current_locale, long_date, money
from portal.screening import texts_debt_exit as de
from portal.screening import texts_relief as jz
from relief import rules
from relief.judicial_relief import hedge_code
from relief.outcomes import Criterion, Decision, Met, Reason, Rule, Status

PROVINCES = {
    "11": _l("Beijing"),
    "12": _l("Tianjin"),
    "13": _l("Hebei"),
    "14": _l("Shanxi"),
    "15": _l("Inner Mongolia"),
    "21": _l("Liaoning"),
    "22": _l("Jilin"),
    "23": _l("Heilongjiang"),
    "31": _l("Shanghai"),
    "32": _l("Jiangsu"),
    "33": _l("Zhejiang"),
    "34": _l("Anhui"),
    "35": _l("Fujian"),
    "36": _l("Jiangxi"),
    "37": _l("Shandong"),
    "41": _l("Henan"),
    "42": _l("Hubei"),
    "43": _l("Hunan"),
    "44": _l("Guangdong"),
    "45": _l("Guangxi"),
    "46": _l("Hainan"),
    "50": _l("Chongqing"),
    "51": _l("Sichuan"),
    "52": _l("Guizhou"),
    "53": _l("Yunnan"),
    "54": _l("Tibet"),
    "61": _l("Shaanxi"),
    "62": _l("Gansu"),
    "63": _l("Qinghai"),
    "64": _l("Ningxia"),
    "65": _l("Xinjiang"),
}

MET_STATE = {Met.MET: _l("Met"), Met.NOT_MET: _l("Not met"), Met.UNKNOWN: _l("Not known yet")}

TITLES = {
    "judicial-relief": _l("Can you get state judicial relief?"),
    "debt-exit": _l("Is there a way out of your debts?"),
}

OUTCOMES = {**jz.OUTCOMES, **de.OUTCOMES}
CRITERIA = {**jz.CRITERIA, **de.CRITERIA}
REASONS = {**jz.REASONS, **de.REASONS}
ITEMS = {**jz.EVIDENCE, **jz.HEDGES, **de.ITEMS}

HEDGE = {
    Status.SECONDARY: _l(
        "%(rule)s (%(source)s) is based on quotations in secondary sources; the official text has not been checked yet."
    ),
    Status.UNCONFIRMED: _l(
        "%(rule)s (%(source)s) could not be confirmed in any source. Treat it as a pointer, not as the law."
    ),
}
ITEM_HEDGE = _l("Not confirmed: %(item)s.")
# The tag beside a rule reference.
SHORT_HEDGE = {
    Status.SECONDARY: _l("secondary source — to be confirmed by the court"),
    Status.UNCONFIRMED: _l("unconfirmed — ask the court"),
}


def _shown(name: str, value: Any) -> Any:
    if isinstance(value, Decimal):
        return money(value)
    if isinstance(value, date):
        return long_date(value)
    if name == "province":
        return province(value)
    if value is None:
        return "—"
    return value


class _Params(dict):
    """A parameter the engine did not give shows as a dash, never as an error page."""

    def __missing__(self, key: str) -> str:
        return "—"


def _format(text, params) -> str:
    shown = _Params({name: _shown(name, value) for name, value in (params or {}).items()})
    return str(text) % shown if "%(" in str(text) else str(text)


def province(code: str | None) -> str:
    if code in PROVINCES:
        return str(PROVINCES[code])
    return _("your province")


def outcome(code: str) -> str:
    return str(OUTCOMES.get(code, ""))


def met_state(state: Met) -> str:
    return str(MET_STATE[state])


def criterion_title(key: str) -> str:
    return str(CRITERIA[key][0]) if key in CRITERIA else key


def criterion_requirement(key: str) -> str:
    return str(CRITERIA[key][1]) if key in CRITERIA else ""


def reason_text(reason: Reason, state: Met | None = None) -> str:
    """The reason in words; a yes/no reason without words of its own is told by its criterion's state."""
    text = REASONS.get(reason.code)
    if text is None:
        text = de.BY_STATE[(state or Met.UNKNOWN).value]
    return _format(text, reason.params)


def item_text(item: Any) -> str:
    """A listed item (what you keep, what the procedure demands, a pilot), given as a code or a mapping."""
    code, params = (item, {}) if isinstance(item, str) else (item["code"], item)
    if code.startswith("prove."):
        return _("Proof of this: %(what)s", what=criterion_title(code.removeprefix("prove.")))
    text = ITEMS.get(code)
    return _format(text, params) if text is not None else code


def sub_items(item: Any) -> list[str]:
    return [item_text(code) for code in (item.get("items", ()) if not isinstance(item, str) else ())]


def rule_hedge(rule: Rule) -> str:
    return _format(HEDGE[rule.status], {"rule": rule.id, "source": rule.source}) if rule.status.needs_hedge else ""


def uncertain(decision: Decision) -> list[str]:
    """Each uncertainty in words: one per [S]/[M] rule used, then items whose own detail is unconfirmed."""
    by_code = {hedge_code(r.rule): r.rule for r in decision.all_reasons if r.rule.status.needs_hedge}
    for item in (*decision.values.get("keep", ()), *decision.values.get("procedure", ())):
        rule = rules.rule(item["rule"])
        by_code.setdefault(hedge_code(rule), rule)
    listed = {
        item["code"]: item
        for item in (
            *decision.values.get("keep", ()),
            *decision.values.get("procedure", ()),
            *decision.values.get("information", ()),
        )
    }
    out = []
    for code in decision.values.get("uncertain", ()):
        if code in by_code:
            out.append(rule_hedge(by_code[code]))
        elif code in jz.HEDGES:
            out.append(str(jz.HEDGES[code]))
        else:
            out.append(_format(ITEM_HEDGE, {"item": item_text(listed.get(code, code))}))
    return list(dict.fromkeys(out))


def criteria_counts(decision: Decision) -> dict[Met, int]:
    counts = {state: 0 for state in Met}
    for criterion in decision.criteria:
        counts[criterion.state] += 1
    return counts


def summary(slug: str, decision: Decision) -> str:
    """One short paragraph: the outcome, how many criteria are met or open, and the cap if there is one."""
    counts = criteria_counts(decision)
    total = len(decision.criteria)
    parts = [
        outcome(decision.outcome),
        ngettext(
            "%(num)d of %(total)d conditions is met on your answers.",
            "%(num)d of %(total)d conditions are met on your answers.",
            counts[Met.MET],
            total=total,
        ),
    ]
    if counts[Met.UNKNOWN]:
        parts.append(ngettext("%(num)d is not known yet.", "%(num)d are not known yet.", counts[Met.UNKNOWN]))
    values = decision.values
    if slug == "judicial-relief":
        if values.get("cap") is not None:
            parts.append(_("The usual upper limit is %(cap)s; the court sets the amount.", cap=money(values["cap"])))
        else:
            months = values["cap_formula"]["months"]
            parts.append(
                _(
                    "The usual upper limit is %(months)s times your province's average monthly wage of last year; "
                    "the court sets the amount.",
                    months=months,
                )
            )
    parts.append(_("This is a screening, not a decision: the court decides."))
    separator = "" if current_locale() == "zh" else " "
    return separator.join(part for part in parts if part)


def criterion_rows(decision: Decision) -> list[dict]:
    """What the result page and the API show for each criterion."""
    rows = []
    for criterion in decision.criteria:
        rows.append(
            {
                "key": criterion.key,
                "state": criterion.state.value,
                "state_text": met_state(criterion.state),
                "title": criterion_title(criterion.key),
                "requirement": criterion_requirement(criterion.key),
                "reasons": [reason_row(r, criterion) for r in criterion.reasons],
            }
        )
    return rows


def reason_row(reason: Reason, criterion: Criterion | None = None) -> dict:
    rule = reason.rule
    return {
        "code": reason.code,
        "text": reason_text(reason, criterion.state if criterion else None),
        "rule_id": rule.id,
        "source": rule.source,
        "status": rule.status.value,
        "hedge": str(SHORT_HEDGE.get(rule.status, "")),
    }


def channel_groups(decision: Decision) -> list[dict]:
    """Debt exit: the criteria by channel, the channels that may be open (or blocked) first."""
    rows = criterion_rows(decision)
    values = decision.values
    groups = []
    for channel, title in de.CHANNELS.items():
        mine = [row for row in rows if row["key"].startswith(f"{channel}.")]
        if not mine:
            continue
        state = "open" if channel in values["channels"] else "blocked" if channel in values["blocked"] else "closed"
        groups.append({"channel": channel, "title": str(title), "state": state, "criteria": mine})
    return sorted(groups, key=lambda group: group["state"] == "closed")
