"""`rasa run ...` without two per-message costs of Rasa 3.6 that grow with nothing we control.

bot/.venv/bin/python bot/scripts/rasa_server.py run --enable-api ...   (the same arguments as `rasa`)

1. Rasa 3.6 checks every answer of the action server with ``jsonschema.validate(answer, schema)``, and that
function first validates the (large, constant) event schema against the JSON Schema meta-schema, every
time. Measured on this machine under load: about 100 ms of CPU per custom action call against 0.5 ms
for the answer itself, and every turn calls at least one custom action (``action_detect_language``, the
language slot's mapping). Here the schema is checked once and its validator kept; answers are still
validated against the same schema and a bad one fails the same way (the best-matching error, raised).

2. Every message loads the conversation from the tracker store and rebuilds each event of the session;
``Event.resolve_by_type`` walks the whole Event class tree (23 classes, ``inspect.isabstract`` on each) for
every event: for a 60-message conversation (about 560 events) that was ~100 ms per message under load,
0.8 ms with the answers remembered. The name-to-class answers are remembered; a name not found still goes the original way.

rasa==3.6.21 is pinned in bot/requirements.txt; bot/tests/actions/test_rasa_server.py fails if a patched
method changes shape.
"""

from __future__ import annotations

import sys
from functools import lru_cache
from typing import Any

from rasa.core.actions import action as rasa_action
from rasa.shared.core.events import Event


@lru_cache(maxsize=1)
def response_validator():
    from jsonschema.validators import validator_for

    schema = rasa_action.RemoteAction.action_response_format_spec()
    cls = validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def validate_action_result(self: rasa_action.RemoteAction, result: dict[str, Any]) -> bool:
    """What ``RemoteAction._validate_action_result`` does, with a validator built once."""
    from jsonschema.exceptions import best_match

    error = best_match(response_validator().iter_errors(result))
    if error is not None:
        error.message += (
            ". Failed to validate Action server response from API, make sure your response from the Action "
            f"endpoint is valid. For more information about the format visit {rasa_action.DOCS_BASE_URL}/custom-actions"
        )
        raise error
    return True


_original_resolve_by_type = Event.resolve_by_type
_event_classes: dict[str, type[Event]] = {}


def resolve_by_type(type_name: str, default: type[Event] | None = None) -> type[Event] | None:
    """``Event.resolve_by_type``, remembering the classes it found (event classes do not change at run time)."""
    found = _event_classes.get(type_name)
    if found is not None:
        return found
    result = _original_resolve_by_type(type_name, default)
    if result is not None and result is not default and getattr(result, "type_name", None) == type_name:
        _event_classes[type_name] = result
    return result


def install() -> None:
    rasa_action.RemoteAction._validate_action_result = validate_action_result
    Event.resolve_by_type = staticmethod(resolve_by_type)


def main() -> None:
    install()
    from rasa.__main__ import main as rasa_main

    sys.argv = ["rasa", *sys.argv[1:]]
    rasa_main()


if __name__ == "__main__":
    main()
