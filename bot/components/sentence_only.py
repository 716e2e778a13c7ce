"""Drops the sequence (per-token) features of the featurizers named in `aliases`, keeping their sentence feature.

DIET and the ResponseSelector run here without transformer layers (config.yml), and then a message's
label is read off its sentence position alone: per-token features go through their own dense layer
and never reach it. Rasa still batches them every epoch, and the character n-grams' per-token sparse
matrices were the largest part of each epoch's batching. The word counts keep their sequence features
(Rasa's classifiers expect some for the text). Name a featurizer with its `alias` option.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.exceptions import InvalidConfigException
from rasa.shared.nlu.constants import FEATURE_TYPE_SEQUENCE
from rasa.shared.nlu.training_data.message import Message

from components.messages import SameInTraining


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=False)
class SentenceFeaturesOnly(SameInTraining, GraphComponent):
    """Removes the sequence features whose origin is one of the configured aliases."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"aliases": []}

    def __init__(self, config: dict[str, Any]) -> None:
        self.aliases = frozenset(config["aliases"])

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> SentenceFeaturesOnly:
        if not config.get("aliases"):
            raise InvalidConfigException(
                "SentenceFeaturesOnly needs `aliases`: the featurizers whose sequence features to drop"
            )
        return cls(config)

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            message.features = [
                f for f in message.features if not (f.type == FEATURE_TYPE_SEQUENCE and f.origin in self.aliases)
            ]
        return messages
