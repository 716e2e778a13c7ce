"""The two files of the static embeddings: where they live, where they come from, what they hash to.

Kept apart from the Rasa component so that bot/scripts/static_embeddings.py (run by venv.sh before
anything else) can read it without importing Rasa.
"""

import sys
from pathlib import Path

ASSETS = Path(sys.prefix) / "share" / "static-embeddings"
# a pinned wheel on PyPI; only these two data files are taken from it
SOURCE = "wordllama==0.4.0.post1"
WEIGHTS = "l2_supercat_256.safetensors"
TOKENIZER = "l2_supercat_tokenizer_config.json"
SHA256 = {
    WEIGHTS: "64b47a2dc493cb8e85944076601189739852d7b64e0e1eedcb1937a251cd9fd5",
    TOKENIZER: "93248f2a9ec36c7b35f700a033d5f36228aae48db61aee31007fa49062cdeb68",
}
MEMBERS = {WEIGHTS: f"wordllama/weights/{WEIGHTS}", TOKENIZER: f"wordllama/tokenizers/{TOKENIZER}"}
