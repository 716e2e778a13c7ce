import asyncio

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.fallback import ActionHandleFallback
from actions.language import ActionDetectLanguage, ActionSessionStart, choose_language, script_language
from actions.parsing import locate, parse_claim_type, parse_clue_type, parse_months, parse_yes_no
from actions.screenings import ValidateDebtExitForm, ValidateReliefForm

from .conftest import load_tracker, response_names, run, slot_events, with_latest


@pytest.mark.parametrize(
    "text, expected",
    [
        ("我的case终本了怎么办", "zh"),
        ("what does 终本 mean", "en"),
        ("I'm banned from leaving China 限制出境", "en"),
        ("ok", None),
        ("36", None),
        ("/affirm", None),
        ("帮我查一下（2023）粤0304执1234号", "zh"),
    ],
)
def test_script_language(text, expected):
    assert script_language(text) == expected


def test_switch_language_follows_request_or_toggles():
    assert choose_language("speak English please", "switch_language", "zh", None) == "en"
    assert choose_language("请用中文回答", "switch_language", "en", None) == "zh"
    assert choose_language("change language", "switch_language", "zh", None) == "en"
    assert choose_language("yes", "affirm", None, "en") == "en"  # short reply keeps the page language


def test_detect_language_sets_slot_only_on_change(domain):
    tracker = with_latest(load_tracker("anonymous_zh"), "what does 终本 mean", "faq")
    _, events = run(ActionDetectLanguage(), tracker, domain)
    assert slot_events(events) == {"language": "en"}
    tracker = with_latest(load_tracker("anonymous_zh"), "终本是什么意思", "faq")
    assert run(ActionDetectLanguage(), tracker, domain)[1] == []


def test_session_start_takes_language_from_metadata(domain):
    tracker = load_tracker("signed_in_en")
    _, events = run(ActionSessionStart(), tracker, domain)
    assert [e["event"] for e in events] == ["session_started", "slot", "action"]
    assert slot_events(events) == {"language": "en"}


def test_second_fallback_in_a_row_offers_a_message(domain):
    messages, events = run(ActionHandleFallback(), load_tracker("two_fallbacks_en"), domain)
    assert response_names(messages) == ["utter_offer_inquiry"]
    assert slot_events(events) == {"fallback_count": 2.0, "handoff_offered": True}


def test_first_fallback_asks_to_rephrase(domain):
    tracker = load_tracker("two_fallbacks_en")
    tracker.events = tracker.events[:6]  # up to the first fallback turn
    messages, events = run(ActionHandleFallback(), tracker, domain)
    assert response_names(messages) == ["utter_default"]
    assert slot_events(events)["handoff_offered"] is False


def test_relief_form_validation_parses_and_stops(domain):
    form = ValidateReliefForm()
    tracker = with_latest(
        load_tracker("anonymous_zh", requested_slot="hardship", hardship="是的，很困难"), "是的，很困难", "affirm"
    )
    tracker.active_loop = {"name": "relief_form"}
    dispatcher = CollectingDispatcher()
    result = asyncio.run(form.validate_hardship("是的，很困难", dispatcher, tracker, domain))
    assert result == {"hardship": True}

    stop = with_latest(load_tracker("anonymous_zh", requested_slot="hardship"), "不测了", "deny")
    stop.active_loop = {"name": "relief_form"}
    events = asyncio.run(form.run(CollectingDispatcher(), stop, domain))
    assert slot_events(events) == {"hardship": None, "requested_slot": None}


def test_debt_exit_form_skips_personal_questions_for_a_company(domain):
    form = ValidateDebtExitForm()
    tracker = load_tracker("anonymous_zh", debtor_type="company")
    slots = asyncio.run(
        form.required_slots(["debtor_type", "city", "residence"], CollectingDispatcher(), tracker, domain)
    )
    assert slots == ["debtor_type"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("是的", True),
        ("不是", False),
        ("没有", False),
        ("没错", True),
        ("yes I have", True),
        ("nope", False),
        ("maybe", None),
    ],
)
def test_yes_no(text, expected):
    assert parse_yes_no(text) is expected


@pytest.mark.parametrize(
    "text, months",
    [("3年", 36), ("三年半", 42), ("20个月", 20), ("两年零三个月", 27), ("2 years", 24), ("never", 0), ("36", 36)],
)
def test_months(text, months):
    assert parse_months(text) == months


def test_places_and_types():
    assert locate("我在深圳南山") == ("shenzhen", "guangdong")
    assert locate("浙江台州") == ("taizhou", "zhejiang")
    assert parse_claim_type("被车撞了") == "personal_injury"
    assert parse_claim_type("child support") == "support"
    assert parse_clue_type("他有辆宝马") == "vehicle"
    assert parse_clue_type("bank account") == "bank_account"
    assert parse_clue_type("real_estate") == "real_estate"


def test_every_action_registers_and_is_in_the_domain():
    """The action server registers every concrete Action subclass; each needs a name the domain lists."""
    import importlib
    import inspect
    import pkgutil

    import yaml
    from rasa_sdk import utils
    from rasa_sdk.interfaces import Action

    import actions

    for module in pkgutil.iter_modules(actions.__path__):
        importlib.import_module(f"actions.{module.name}")
    names = {
        a().name()
        for a in utils.all_subclasses(Action)
        if a.__module__.startswith("actions") and not inspect.isabstract(a)
    }
    from .conftest import BOT

    domain_actions = set(yaml.safe_load((BOT / "domain" / "core.yml").read_text(encoding="utf-8"))["actions"])
    assert names == domain_actions
