import pytest

from actions.clue_fields import clue_fields


@pytest.mark.parametrize(
    ("clue_type", "text", "expected"),
    [
        (
            "bank_account",
            "他在工商银行深圳科技园支行有个账户，卡号6222 0212 3456 7890 123",
            {"bank_name": "工商银行", "branch": "深圳科技园支行", "account_number": "6222021234567890123"},
        ),
        (
            "bank_account",
            "建行卡号 6217003810001234567",
            {"bank_name": "中国建设银行", "account_number": "6217003810001234567"},
        ),
        ("bank_account", "他在银行有存款", {}),
        (
            "vehicle",
            "He drives a black BMW X5, plate 粤B12345, usually parked at Nanshan Science Park",
            {"plate": "粤B12345", "vehicle": "black BMW X5", "seen_at": "Nanshan Science Park"},
        ),
        (
            "equity",
            "他是深圳市腾飞科技有限公司的股东，占30%，信用代码91440300MA5F0ABC1X",
            {"company_name": "深圳市腾飞科技有限公司", "credit_code": "91440300MA5F0ABC1X", "share": "30%"},
        ),
        (
            "equity",
            "He holds 20% of the shares in Acme Trading Co., Ltd.",
            {"company_name": "Acme Trading Co., Ltd.", "share": "20%"},
        ),
        ("equity", "他在公司有股份", {}),
        ("equity", "身份证440301199001011234的那个人有股份", {}),
        ("employer", "他现在在富士康上班，每月工资一万多", {"employer_name": "富士康"}),
        ("employer", "他在深圳市华强电子有限公司上班", {"employer_name": "深圳市华强电子有限公司"}),
        ("employer", "He works at Foxconn in Longhua", {"employer_name": "Foxconn"}),
        (
            "real_estate",
            "他在南山区有套房，不动产证号粤（2019）深圳市不动产权第0123456号",
            {"certificate_number": "粤（2019）深圳市不动产权第0123456号"},
        ),
        ("transfer", "他把房子过户给了他老婆", {"recipient": "他老婆", "relationship": "老婆"}),
        (
            "transfer",
            "He transferred the flat to his wife last month",
            {"recipient": "his wife", "relationship": "wife"},
        ),
        ("receivable", "深圳某某贸易有限公司欠他20万货款", {"third_party": "深圳某某贸易有限公司"}),
        ("other", "他在工商银行有账户6222021234567890123", {}),
        (None, "粤B12345", {}),
    ],
    ids=[
        "bank-zh-branch",
        "bank-short-name",
        "bank-vague",
        "vehicle-en",
        "equity-zh",
        "equity-en",
        "equity-vague",
        "identity-number-is-no-credit-code",
        "employer-zh-works-at",
        "employer-zh-company",
        "employer-en",
        "certificate",
        "transfer-zh",
        "transfer-en",
        "receivable-company",
        "other-has-no-fields",
        "no-type",
    ],
)
def test_clue_fields(clue_type, text, expected):
    assert clue_fields(clue_type, text) == expected
