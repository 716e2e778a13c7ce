"""What the clue web form asks for, recognised in what the user said in chat. Pure functions, no I/O.

The keys are the web form's field names (portal/submissions/forms_applicant.py); the portal's
POST /api/v1/drafts prefills the ones the clue type's page has and normalises identifiers the way the
form does. Recognition is deliberately conservative: a field left empty is asked on the form, a wrong
one has to be noticed and corrected by the citizen. The whole message always goes along as details.
"""

from __future__ import annotations

import re

from .parsing import PLATE_RE

_STOP = r"[，。,;；！!？?\n]"

# -- banks: full names, the short names people use, and the English names
_BANK_SHORT = {
    "工行": "中国工商银行",
    "农行": "中国农业银行",
    "建行": "中国建设银行",
    "中行": "中国银行",
    "交行": "交通银行",
    "招行": "招商银行",
    "邮储": "中国邮政储蓄银行",
    "icbc": "中国工商银行",
    "industrial and commercial bank of china": "中国工商银行",
    "agricultural bank of china": "中国农业银行",
    "china construction bank": "中国建设银行",
    "ccb": "中国建设银行",
    "bank of china": "中国银行",
    "bank of communications": "交通银行",
    "china merchants bank": "招商银行",
    "cmb": "招商银行",
    "postal savings bank": "中国邮政储蓄银行",
    "ping an bank": "平安银行",
    "hsbc": "汇丰银行",
}
_BANK_RE = re.compile(
    r"(?:中国)?(?:工商|农业|建设|交通|邮政储蓄|招商|民生|光大|中信|兴业|浦发|平安|华夏|广发|浙商|渤海|恒丰|汇丰|微众|网商)银行"
    r"|中国银行|(?:深圳|广州|北京|上海|杭州|宁波|南京|江苏|重庆|成都)(?:农村商业|农商)?银行"
    r"|"
    + "|".join(
        (re.escape(k) if not k.isascii() else rf"\b{re.escape(k)}\b")
        for k in sorted(_BANK_SHORT, key=len, reverse=True)
    ),
    re.IGNORECASE,
)
_BRANCH_RE = re.compile(r"([\u4e00-\u9fa5]{2,12}?(?:支行|分行|营业部))")
_ACCOUNT_AFTER_KEYWORD_RE = re.compile(
    r"(?:账号|帐号|卡号|账户|帐户|account(?: number| no\.?)?|card(?: number| no\.?)?)\D{0,6}(\d(?:[ -]?\d){7,29})",
    re.IGNORECASE,
)
_LONG_DIGITS_RE = re.compile(r"(?<![\dXx])\d(?:[ -]?\d){15,18}(?![\dXx])")

# -- companies (shares, employers, who owes the debtor money)
_COMPANY_ZH_RE = re.compile(
    r"[\u4e00-\u9fa5A-Za-z0-9（）()]{2,40}?(?:有限责任公司|股份有限公司|有限公司|集团公司|集团|公司)"
)
# words that come before a company name in a sentence, never inside one's distinctive part
_COMPANY_LEAD_RE = re.compile(r"^.*(?:在|是|叫|于|给|对|从|有|了|的|：|:|和|跟)")
_COMPANY_EN_RE = re.compile(
    r"\b([A-Z][\w&'.-]*(?:\s+[A-Z&][\w&'.-]*)*,?\s+(?:Co\.,?\s*Ltd\.?|Company Limited|Ltd\.?|Limited|Inc\.?|LLC|Corp\.?|Corporation|Group))"
)
_CREDIT_CODE_RE = re.compile(r"(?<![0-9A-Za-z])([0-9A-HJ-NP-RTUWXYa-hj-np-rtuwxy]{18})(?![0-9A-Za-z])")
_SHARE_RE = re.compile(r"(\d{1,3}(?:\.\d{1,2})?\s?%|百分之[零一二两三四五六七八九十百点]+|[0-9]+(?:\.[0-9]+)?万?股)")
_WORKS_AT_ZH_RE = re.compile(r"在([^，。,;；！!？?\s]{2,30}?)(?:上班|工作|打工|做事|当)")
_WORKS_AT_EN_RE = re.compile(r"\bworks? (?:at|for) (?:a |an |the )?([A-Z][^,.;!?\n]{1,60})")

# -- vehicles
_MAKES = r"宝马|奔驰|奥迪|丰田|本田|大众|比亚迪|特斯拉|保时捷|路虎|雷克萨斯|日产|别克|凯迪拉克|沃尔沃|蔚来|理想|小鹏|马自达|现代|福特|吉利|长城|哈弗"
_MAKES_EN = r"BMW|Mercedes(?:-Benz)?|Benz|Audi|Toyota|Honda|Volkswagen|VW|BYD|Tesla|Porsche|Land Rover|Lexus|Nissan|Buick|Cadillac|Volvo|Ford|Mazda|Hyundai"
_VEHICLE_ZH_RE = re.compile(
    r"(?:[白黑红蓝灰银金绿黄棕紫]色?的?)?(?:" + _MAKES + r")(?:[A-Za-z0-9]{1,4}(?![A-Za-z0-9]))?"
)
_VEHICLE_EN_RE = re.compile(
    r"(?:\b(?:white|black|red|blue|grey|gray|silver|gold|green|yellow|brown)\s+)?\b(?:" + _MAKES_EN + r")\b"
    r"(?:\s+[A-Z0-9][A-Za-z0-9-]{0,5}\b)?",
    re.IGNORECASE,
)
_SEEN_AT_ZH_RE = re.compile(r"(?:常停在|经常停在|停放在|停在|放在)([^，。,;；！!？?\n]{2,60})")
_SEEN_AT_EN_RE = re.compile(r"\bparked (?:at|in|outside|near|on|by) ([^,.;!?\n]{2,100})", re.IGNORECASE)

# -- real estate certificates: 粤（2019）深圳市不动产权第0123456号, or the old 房产证 number
_CERTIFICATE_RE = re.compile(
    r"[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼]\s?[（(]\s?\d{4}\s?[）)]\s?"
    r"[\u4e00-\u9fa5]{1,12}?不动产权第\s?\d{5,}\s?号"
)

# -- transfers: who received the property, and how they are related to the debtor
_RECIPIENT_RE = re.compile(
    r"(?:过户给|转给|转移给|转到|卖给|送给|赠给|登记在)了?([^，。,;；！!？?\s]{1,20}?)(?:名下|的名下|了|$|[，。,;；！!？?\s])"
)
_RELATIONSHIPS = (
    r"老婆|妻子|前妻|老公|丈夫|前夫|儿子|女儿|父亲|母亲|爸爸|妈妈|爸|妈|哥哥|弟弟|姐姐|妹妹|岳父|岳母|亲戚|朋友|小舅子|情人"
    r"|ex-wife|ex-husband|wife|husband|son|daughter|father|mother|brother|sister|relative|friend|girlfriend|boyfriend"
)
_RELATIONSHIP_RE = re.compile(r"(" + _RELATIONSHIPS + r")", re.IGNORECASE)
_RECIPIENT_EN_RE = re.compile(
    r"\b(?:transferred|moved|sold|gave|signed)\b[^,.;!?\n]{0,40}?\bto (his|her|their|a) ([a-z-]+)", re.IGNORECASE
)


def _company_zh(text: str) -> str | None:
    match = _COMPANY_ZH_RE.search(text)
    if match is None:
        return None
    name = match.group(0)
    suffix = re.search(r"(?:有限责任公司|股份有限公司|有限公司|集团公司|集团|公司)$", name)
    head = _COMPANY_LEAD_RE.sub("", name[: suffix.start()]) if suffix else name
    if len(head) < 2:
        return None
    return head + (suffix.group(0) if suffix else "")


def company_name(text: str) -> str | None:
    """``深圳市某某科技有限公司`` out of ``他在深圳市某某科技有限公司有30%股份``; English ``Acme Trading Co., Ltd.``."""
    name = _company_zh(text)
    if name:
        return name
    match = _COMPANY_EN_RE.search(text)
    return match.group(1).strip() if match else None


def credit_code(text: str) -> str | None:
    """An 18-character code with at least one letter (a bare 18-digit run is more likely an identity number)."""
    for match in _CREDIT_CODE_RE.finditer(text):
        code = match.group(1).upper()
        if re.search(r"[A-Z]", code[:17]):
            return code
    keyword = re.search(r"(?:信用代码|credit code|uscc)\D{0,6}(\d{18})", text, re.IGNORECASE)
    return keyword.group(1) if keyword else None


def bank(text: str) -> tuple[str | None, str | None]:
    """(bank name, branch): the short names 工行 / ICBC become the full name the form expects."""
    match = _BANK_RE.search(text)
    if match is None:
        return None, None
    name = _BANK_SHORT.get(match.group(0).lower(), match.group(0))
    branch = _BRANCH_RE.match(text, match.end())
    return name, branch.group(1) if branch else None


def account_number(text: str) -> str | None:
    match = _ACCOUNT_AFTER_KEYWORD_RE.search(text) or _LONG_DIGITS_RE.search(text)
    if match is None:
        return None
    return re.sub(r"[ -]", "", match.group(match.lastindex or 0))


def _first(pattern: re.Pattern, text: str, group: int = 0) -> str | None:
    match = pattern.search(text)
    return match.group(group).strip() if match else None


def _employer(text: str) -> str | None:
    name = company_name(text)
    if name:
        return name
    zh = _first(_WORKS_AT_ZH_RE, text, 1)
    if zh:
        return zh.lstrip("在") or None  # "他现在在富士康上班": the first 在 belongs to 现在
    en = _first(_WORKS_AT_EN_RE, text, 1)
    return re.split(r"\s+(?:in|on|near|at|since|for)\s+", en, maxsplit=1)[0] if en else None


def _recipient(text: str) -> tuple[str | None, str | None]:
    relationship = _first(_RELATIONSHIP_RE, text, 1)
    recipient = _first(_RECIPIENT_RE, text, 1)
    english = _RECIPIENT_EN_RE.search(text)
    if recipient is None and english:
        recipient = f"{english.group(1)} {english.group(2)}"
        relationship = relationship or english.group(2)
    return recipient, relationship


def clue_fields(clue_type: str | None, text: str) -> dict[str, str]:
    """The web form's fields for this type of clue that ``text`` states clearly; absent ones are left out."""
    text = text or ""
    found: dict[str, str | None] = {}
    if clue_type == "bank_account":
        found["bank_name"], found["branch"] = bank(text)
        found["account_number"] = account_number(text)
    elif clue_type == "vehicle":
        plate = _first(PLATE_RE, text)
        found["plate"] = plate.upper() if plate else None
        found["vehicle"] = _first(_VEHICLE_ZH_RE, text) or _first(_VEHICLE_EN_RE, text)
        found["seen_at"] = _first(_SEEN_AT_ZH_RE, text, 1) or _first(_SEEN_AT_EN_RE, text, 1)
    elif clue_type == "equity":
        found["company_name"] = company_name(text)
        found["credit_code"] = credit_code(text)
        found["share"] = _first(_SHARE_RE, text, 1)
    elif clue_type == "employer":
        found["employer_name"] = _employer(text)
        found["credit_code"] = credit_code(text)
    elif clue_type == "real_estate":
        found["certificate_number"] = _first(_CERTIFICATE_RE, text)
    elif clue_type == "receivable":
        found["third_party"] = company_name(text)
    elif clue_type == "transfer":
        found["recipient"], found["relationship"] = _recipient(text)
    return {name: value for name, value in found.items() if value}
