"""bot/scripts/rasa_server.py and rasa_train.py: the patched Rasa methods answer exactly as the originals do."""

import inspect
import sys
from pathlib import Path

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.events import Event
from rasa.shared.utils.common import all_subclasses

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
import rasa_server  # a script on the path above, not a package
import rasa_train

GOOD = {"events": [{"event": "slot", "name": "language", "value": "en", "timestamp": None}], "responses": []}
BAD = {"events": [{"event": "slot", "name": 3}], "responses": "no"}


@pytest.fixture
def installed(monkeypatch):
    monkeypatch.setattr(RemoteAction, "_validate_action_result", RemoteAction._validate_action_result)
    monkeypatch.setattr(Event, "resolve_by_type", Event.resolve_by_type)
    original = (RemoteAction._validate_action_result, Event.resolve_by_type)
    rasa_server.install()
    return original


def test_the_patched_methods_still_have_rasas_shape():
    assert list(inspect.signature(RemoteAction._validate_action_result).parameters) == ["self", "result"]
    assert list(inspect.signature(Event.resolve_by_type).parameters) == ["type_name", "default"]


def test_the_replaced_training_hook_still_has_rasas_shape():
    from rasa.engine.training import graph_trainer, hooks

    for name in ("on_before_node", "on_after_node"):
        ours, rasas = getattr(rasa_train.UncachedTrainingHook, name), getattr(hooks.TrainingHook, name)
        assert list(inspect.signature(ours).parameters) == list(inspect.signature(rasas).parameters)
    # graph_trainer builds its hooks from this module-level name, the one rasa_train replaces
    assert graph_trainer.TrainingHook is hooks.TrainingHook


def test_action_server_answers_are_validated_against_the_same_schema(installed):
    original_validate, _ = installed
    action = RemoteAction("action_detect_language", None)
    assert action._validate_action_result(GOOD) is True
    with pytest.raises(ValidationError) as patched:
        action._validate_action_result(BAD)
    with pytest.raises(ValidationError) as rasas:
        original_validate(action, BAD)
    assert patched.value.message == rasas.value.message
    assert "Failed to validate Action server response" in patched.value.message


def test_event_classes_are_found_as_before(installed):
    _, original_resolve = installed
    for cls in all_subclasses(Event):
        assert Event.resolve_by_type(cls.type_name) is original_resolve(cls.type_name)
    assert Event.resolve_by_type("topic") is None
    assert Event.resolve_by_type("no_such_event", default=Event) is Event
    with pytest.raises(ValueError):
        Event.resolve_by_type("no_such_event")
