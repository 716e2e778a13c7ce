"""What the custom pipeline steps share: training data gets the same treatment as a message at parse time."""

from __future__ import annotations

from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData


class SameInTraining:
    """Rasa calls ``process_training_data`` while training and ``process`` on each parse; here both do one thing."""

    def process(self, messages: list[Message]) -> list[Message]:
        raise NotImplementedError

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        self.process(training_data.training_examples)
        return training_data
