"""The demo courts: basic courts in three provinces (codes as they appear in real case numbers)."""

DEMO_COURTS = (
    {
        "code": "粤0304",
        "name_zh": "深圳市福田区人民法院",
        "name_en": "Futian District People's Court, Shenzhen",
        "province_code": "44",
        "slug": "futian",
    },
    {
        "code": "浙0102",
        "name_zh": "杭州市上城区人民法院",
        "name_en": "Shangcheng District People's Court, Hangzhou",
        "province_code": "33",
        "slug": "shangcheng",
    },
    {
        "code": "京0105",
        "name_zh": "北京市朝阳区人民法院",
        "name_en": "Chaoyang District People's Court, Beijing",
        "province_code": "11",
        "slug": "chaoyang",
    },
)
