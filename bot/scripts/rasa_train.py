"""`rasa train` without the training cache: no fingerprint of every component's output.

bot/.venv/bin/python bot/scripts/rasa_train.py train --force ...   (the same arguments as `rasa`)

Rasa 3.6 fingerprints the inputs and outputs of every graph node while it trains, so that a later
training can restore unchanged components from ~/.rasa/cache. The fingerprint serialises the whole
featurized training data (every sparse matrix as a string) before and after each featurizer: measured
here, 80 of a 290-second training. bot/scripts/train.sh retrains only when the data, domain or config
changed, and then the featurizers and classifiers change with them, so the cache saves nothing here.
With `--force` Rasa skips its own fingerprint run; this skips the per-node one.

rasa==3.6.21 is pinned in bot/requirements.txt; bot/tests/actions/test_rasa_server.py fails if the
replaced hook changes shape.
"""

from __future__ import annotations

import sys
from typing import Any

from rasa.engine.training import graph_trainer, hooks


class UncachedTrainingHook(hooks.TrainingHook):
    """The training hook with nothing fingerprinted and nothing cached."""

    def on_before_node(
        self, node_name: str, execution_context: Any, config: dict[str, Any], received_inputs: dict[str, Any]
    ) -> dict:
        return {}

    def on_after_node(
        self, node_name: str, execution_context: Any, config: dict[str, Any], output: Any, input_hook_data: dict
    ) -> None:
        return None


def main() -> int:
    graph_trainer.TrainingHook = UncachedTrainingHook
    from rasa.__main__ import main as rasa_main

    rasa_main()
    return 0


if __name__ == "__main__":
    sys.exit(main())
