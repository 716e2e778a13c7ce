"""Turning free-text form answers (Chinese or English) into slot values. Pure functions, no I/O.

These only normalise what the user said; whether the answers make anyone eligible is decided by
the portal (relief/), never here.
"""

from __future__ import annotations

import re

CASE_NUMBER_RE = re.compile(
    r"[（(]\s?[0-9]{4}\s?[）)][\u4e00-\u9fa5]{1,2}[0-9]{0,4}[\u4e00-\u9fa5]{0,3}执[\u4e00-\u9fa5]{0,3}[0-9]{1,6}号?"
)
PLATE_RE = re.compile(r"[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-Za-z]·?[A-Za-z0-9]{5,6}")

_CANCEL_RE = re.compile(
    r"^\s*(取消|不测了|不填了|不弄了|不办了|不问了|算了吧?|停|停止|退出|stop|cancel|quit|never ?mind|forget it)\s*[。.!！]?\s*$",
    re.IGNORECASE,
)
_YES_EXCEPTIONS_RE = re.compile(r"^(没错|没问题|不错)")
_NO_ZH_RE = re.compile(r"^(不|没|无|否|木有|从没|从来没)")
_YES_ZH_RE = re.compile(r"^(是|对|嗯|好|可以|有|领过|拿到过|拿过|交过|住|在|要|当然|确定|行)")
_NO_EN_RE = re.compile(r"^(no|nope|nah|never|none|not|n|false)\b|^i (don'?t|do not|haven'?t|have not)\b")
_YES_EN_RE = re.compile(r"^(yes|yeah|yep|yup|y|sure|correct|right|of course|i do|i have|true|ok|okay|absolutely)\b")


def is_cancel(text: str) -> bool:
    return bool(_CANCEL_RE.match(text or ""))


def parse_yes_no(text: str, intent: str = "") -> bool | None:
    """True/False from an affirm/deny intent or from the words themselves; None if unclear."""
    if intent == "affirm":
        return True
    if intent == "deny":
        return False
    text = (text or "").strip().lower()
    if text == "/affirm":
        return True
    if text == "/deny":
        return False
    if _YES_EXCEPTIONS_RE.match(text):
        return True
    if _NO_ZH_RE.match(text) or _NO_EN_RE.match(text):
        return False
    if _YES_ZH_RE.match(text) or _YES_EN_RE.match(text):
        return True
    return None


_CN_DIGITS = {
    "零": 0,
    "一": 1,
    "两": 2,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
    "半": 0.5,
}


def _cn_number(token: str) -> float | None:
    if not token:
        return None
    try:
        return float(token)
    except ValueError:
        pass
    if token == "十":
        return 10.0
    if len(token) == 2 and token[0] == "十" and token[1] in _CN_DIGITS:
        return 10.0 + _CN_DIGITS[token[1]]
    if len(token) in (2, 3) and token[1] == "十" and token[0] in _CN_DIGITS:
        rest = _CN_DIGITS.get(token[2], 0) if len(token) == 3 else 0
        return _CN_DIGITS[token[0]] * 10.0 + rest
    if len(token) == 1 and token in _CN_DIGITS:
        return float(_CN_DIGITS[token])
    return None


_EN_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "half a": 0.5,
    "a": 1,
    "an": 1,
}


def parse_months(text: str, intent: str = "") -> float | None:
    """Months of social insurance from '3年', '三年半', '20个月', '2 years', 'never', '0'."""
    text = (text or "").strip().lower().replace("零", "")
    if intent == "deny" or re.match(r"^(没有|没交过|没交|没|无|从来没|no|none|never|0)\b", text):
        return 0.0
    total = 0.0
    found = False
    for number, unit in re.findall(r"([0-9]+(?:\.[0-9]+)?|[零一二两三四五六七八九十半]+)\s*(年|个月|月)", text):
        value = _cn_number(number)
        if value is None:
            continue
        total += value * 12 if unit == "年" else value
        found = True
    if "年半" in text and found:
        total += 6
    for number, unit in re.findall(
        r"([0-9]+(?:\.[0-9]+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|half a|an|a)\s*(years?|months?)",
        text,
    ):
        value = float(number) if number[0].isdigit() else float(_EN_NUMBERS[number])
        total += value * 12 if unit.startswith("year") else value
        found = True
    if found:
        return total
    bare = re.fullmatch(r"([0-9]+)", text)
    if bare:
        return float(bare.group(1))  # a bare number answers "how many months"
    return None


_CLAIM_TYPES = (
    ("support", r"赡养|抚养|扶养|抚育|生活费|support|alimony|maintenance"),
    ("personal_injury", r"交通事故|车祸|撞|受伤|伤害|人身|医疗事故|工伤|injur|accident|hit by"),
    ("crime_victim", r"刑事|犯罪|受害|被害|诈骗|crime|criminal|victim"),
    ("wages", r"工资|薪水|劳务费|欠薪|wage|salary|pay ?check"),
    ("other", r"其他|其它|别的|都不是|other|something else|none of"),
)


def parse_claim_type(text: str) -> str | None:
    for value, pattern in _CLAIM_TYPES:
        if re.search(pattern, text or "", re.IGNORECASE):
            return value
    return None


def parse_debtor_type(text: str, intent: str = "") -> str | None:
    text = text or ""
    if re.search(r"公司|企业|单位|工厂|company|business entity|firm|enterprise", text, re.IGNORECASE):
        return "company"
    if intent == "affirm" or re.search(
        r"个人|我自己|自己|本人|我|individual|myself|me\b|personal", text, re.IGNORECASE
    ):
        return "individual"
    return None


_CLUE_TYPES = (
    ("transfer", r"转移|过户|卖房|转走|转给|变卖|transferr|moving (assets|money)|selling"),
    ("vehicle", r"车|宝马|奔驰|奥迪|vehicle|car\b|plate|bmw|benz|mercedes|truck"),
    ("bank_account", r"银行|账户|账号|卡号|存款|支付宝|微信余额|bank|account|savings|deposit"),
    ("real_estate", r"房|地皮|土地|门面|商铺|不动产|flat|house|apartment|real estate|property|land|shop"),
    ("equity", r"股权|股份|股东|equity|shares?\b|stake"),
    ("receivable", r"欠他|欠条|借条|应收|债权|owes? (him|her|the debtor)|receivable|iou"),
    ("employer", r"上班|工资|单位|公司上班|雇主|employer|works? (at|for)|salary|wages|job"),
    ("other", r"其他|其它|别的|other|something else"),
)
CLUE_TYPE_VALUES = ("vehicle", "bank_account", "real_estate", "equity", "receivable", "employer", "transfer", "other")


def parse_clue_type(text: str) -> str | None:
    """The canonical clue type of a free-text answer, or of an entity value already mapped by synonyms."""
    text = (text or "").strip()
    if text in CLUE_TYPE_VALUES:
        return text
    for value, pattern in _CLUE_TYPES:
        if re.search(pattern, text, re.IGNORECASE):
            return value
    return None


def is_specific_clue(text: str) -> bool:
    """Rough check that a clue has something the court can act on: a number, plate, address-like detail."""
    text = (text or "").strip()
    if PLATE_RE.search(text) or re.search(r"[0-9]{3,}", text):
        return True
    return len(text) >= 12 if re.search(r"[\u4e00-\u9fa5]", text) else len(text.split()) >= 5


# City -> province, for the debt-exit screening. The portal decides what each place means.
_PLACES: tuple[tuple[str, str, str], ...] = (
    # (pattern, city, province)
    (r"深圳|shenzhen", "shenzhen", "guangdong"),
    (r"广州|guangzhou", "guangzhou", "guangdong"),
    (r"东莞|dongguan", "dongguan", "guangdong"),
    (r"佛山|foshan", "foshan", "guangdong"),
    (r"杭州|hangzhou", "hangzhou", "zhejiang"),
    (r"宁波|ningbo", "ningbo", "zhejiang"),
    (r"温州|wenzhou", "wenzhou", "zhejiang"),
    (r"绍兴|shaoxing", "shaoxing", "zhejiang"),
    (r"嘉兴|jiaxing", "jiaxing", "zhejiang"),
    (r"湖州|huzhou", "huzhou", "zhejiang"),
    (r"金华|义乌|jinhua|yiwu", "jinhua", "zhejiang"),
    (r"衢州|quzhou", "quzhou", "zhejiang"),
    (r"舟山|zhoushan", "zhoushan", "zhejiang"),
    (r"台州|taizhou", "taizhou", "zhejiang"),
    (r"丽水|lishui", "lishui", "zhejiang"),
    (r"厦门|xiamen", "xiamen", "fujian"),
    (r"福州|fuzhou", "fuzhou", "fujian"),
    (r"北京|beijing", "beijing", "beijing"),
    (r"上海|shanghai", "shanghai", "shanghai"),
    (r"天津|tianjin", "tianjin", "tianjin"),
    (r"重庆|chongqing", "chongqing", "chongqing"),
    (r"南京|苏州|无锡|nanjing|suzhou|wuxi", "", "jiangsu"),
    (r"成都|chengdu", "chengdu", "sichuan"),
    (r"武汉|wuhan", "wuhan", "hubei"),
)
_PROVINCES = (
    (r"浙江|zhejiang", "zhejiang"),
    (r"广东|guangdong", "guangdong"),
    (r"福建|fujian", "fujian"),
    (r"江苏|jiangsu", "jiangsu"),
    (r"四川|sichuan", "sichuan"),
    (r"湖北|hubei", "hubei"),
)


def locate(text: str) -> tuple[str | None, str | None]:
    """(city, province) codes from a place name; an unknown place keeps the user's words as city."""
    text = (text or "").strip()
    for pattern, city, province in _PLACES:
        if re.search(pattern, text, re.IGNORECASE):
            return (city or text), province
    for pattern, province in _PROVINCES:
        if re.search(pattern, text, re.IGNORECASE):
            return text, province
    if 1 <= len(text) <= 30 and not re.search(r"[0-9]", text):
        return text, None
    return None, None
