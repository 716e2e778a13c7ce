"""The registry of rule ids this package encodes, each with its short source and status tag.

Ids, sources and tags are copied from ../shared/domain/rulebook.md; a test checks every id used in a
reason is registered here. Add a rule here before a function cites it.
"""

from __future__ import annotations

from relief.outcomes import Rule, Status

P, S, M, D = Status.PRIMARY, Status.SECONDARY, Status.UNCONFIRMED, Status.DESIGN

_RULES = [
    # 2. Termination of the current procedure
    Rule("ZB-01", "民诉法解释 Art.517; CPL 2023 Art.265", P),
    Rule("ZB-02", "民诉法解释 Art.517(1)", P),
    Rule("ZB-03", "终本规定 Art.1", S),
    Rule("ZB-04", "终本规定 Art.2", S),
    Rule("ZB-05", "终本规定 Art.3", M),
    Rule("ZB-07", "终本规定 Art.5", S),
    Rule("ZB-09", "财产调查规定 Art.11(2)", P),
    Rule("ZB-10", "执行异议复议规定 Art.6; CPL 2023 Art.236", P),
    Rule("ZB-11", "终本规定 Art.9(2)", S),
    Rule("ZB-12", "终本规定 Art.9(1); 民诉法解释 Art.517(2)", S),
    Rule("ZB-13", "终本规定", M),
    # 3. Clues, limitation, objections, interest, complaints
    Rule("HF-00", "CPL 2023 Art.85; 民诉法解释 Art.125", P),
    Rule("HF-02", "财产调查规定 Art.2", P),
    Rule("HF-04", "CPL 2023 Art.250; 执行程序解释 Arts.19–21", P),
    Rule("HF-05", "民诉法解释 Art.481", P),
    Rule("HF-06", "民诉法解释 Art.517; CPL 2023 Art.265", P),
    Rule("HF-08", "CPL 2023 Art.237; 严格执行审理期限规定 Art.5", P),
    Rule("HF-09", "CPL 2023 Art.236; 执行异议复议规定 Art.2", P),
    Rule("HF-11", "执行程序解释 Arts.23–25", P),
    Rule("HF-14", "CPL 2023 Art.264; 法释〔2014〕8号 Arts.1–4", P),
    Rule("HF-16", "法〔2021〕322号 item 30", S),
    # 4. Debtor obligations
    Rule("BG-01", "CPL 2023 Art.252; 财产调查规定 Arts.3–4", P),
    Rule("BG-03", "财产调查规定 Arts.7, 11(2)", P),
    Rule("BG-04", "财产调查规定 Arts.9–10; CPL 2023 Art.118", P),
    Rule("XF-01", "限消规定 Arts.1–2", S),
    Rule("XF-02", "限消规定 Art.3 (2015)", S),
    Rule("XF-05", "限消规定 Art.8", P),
    Rule("XF-06", "限消规定 Art.9", P),
    Rule("SX-01", "失信规定 Art.1", S),
    Rule("SX-02", "失信规定 Art.2", S),
    Rule("SX-04", "失信规定 Art.4", S),
    Rule("SX-07", "失信规定 Art.10", S),
    Rule("SX-08", "失信规定 Arts.11–12", S),
    Rule("SX-09", "限消规定; 失信规定", S),
    # 5. Judicial relief: the decision clock (deadlines.py); the screening itself lives in judicial_relief.py
    Rule("JZ-07", "中政委〔2014〕3号", S),
    # 8. Reward notices; the audit request (财产调查规定 Art.17) has no rulebook id, so SJ- (审计) is ours
    Rule("XS-01", "财产调查规定 Art.21", P),
    Rule("SJ-01", "财产调查规定 Art.17", P),
    # 10. Portal service levels: product choices, labelled as such
    Rule("Q-01", "portal design", D),
    Rule("Q-02", "portal design (rulebook §10: same-day 限消 permission, XF-05)", D),
]

RULES: dict[str, Rule] = {rule.id: rule for rule in _RULES}


def rule(rule_id: str) -> Rule:
    """The registered rule with this id; a KeyError names an id nobody registered."""
    return RULES[rule_id]


def register(*rules: Rule) -> None:
    """Let a rules module add its own ids (screenings add JZ-, SZ-, ZJ-, ZP- rules)."""
    for new in rules:
        existing = RULES.get(new.id)
        if existing is not None and existing != new:
            raise ValueError(f"rule {new.id} registered twice with different sources")
        RULES[new.id] = new
