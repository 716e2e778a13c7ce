"""The custom NLU components: the static embeddings (files, vectors, feature) and the sequence-feature filter."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import numpy as np
import pytest

BOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(BOT))

from rasa.engine.graph import ExecutionContext  # noqa: E402
from rasa.engine.storage.resource import Resource  # noqa: E402
from rasa.shared.exceptions import InvalidConfigException  # noqa: E402
from rasa.shared.nlu.constants import TEXT  # noqa: E402
from rasa.shared.nlu.training_data.message import Message  # noqa: E402
from rasa.shared.nlu.training_data.training_data import TrainingData  # noqa: E402

from components.embedding_files import ASSETS, SHA256, TOKENIZER  # noqa: E402
from components.static_embeddings import StaticEmbeddingFeaturizer, StaticEmbeddings  # noqa: E402


@pytest.fixture(scope="module")
def embeddings() -> StaticEmbeddings:
    return StaticEmbeddings()


def cosine(a: np.ndarray, b: np.ndarray) -> float:
    return float(a @ b)  # both are unit length


def test_vectors_are_unit_length_and_deterministic(embeddings):
    texts = ["what does 终本 mean", "终结本次执行程序是什么意思", "Is my money lost?"]
    first, again = embeddings.embed(texts), embeddings.embed(texts)
    assert first.shape == (3, 256)
    np.testing.assert_allclose(np.linalg.norm(first, axis=1), 1.0, rtol=1e-5)
    np.testing.assert_array_equal(first, again)


def test_case_does_not_matter_and_empty_text_is_zero(embeddings):
    upper, lower, empty = embeddings.embed(["WHO CAN GET RELIEF", "who can get relief", ""])
    np.testing.assert_allclose(upper, lower)
    assert not empty.any()


def test_paraphrases_are_closer_than_other_topics(embeddings):
    # the point of the vectors: words the training data may not have, near words it has
    refused, excluded, car = embeddings.embed(
        [
            "in which situations will the court refuse relief",
            "who is excluded from judicial relief",
            "I saw the debtor's car parked outside a mall",
        ]
    )
    assert cosine(refused, excluded) > cosine(refused, car) + 0.1


def test_featurizer_adds_one_dense_sentence_feature_to_messages_with_text():
    featurizer = StaticEmbeddingFeaturizer.create(
        StaticEmbeddingFeaturizer.get_default_config(),
        None,
        Resource("static"),
        ExecutionContext({}, node_name="static"),
    )
    spoken, silent = Message(data={TEXT: "终本以后还能申请恢复执行吗"}), Message(data={})
    featurizer.process_training_data(TrainingData([spoken, silent]))
    sequence, sentence = spoken.get_dense_features(TEXT)
    assert sequence is None  # DIET runs without transformer layers here: only the sentence vector counts
    assert sentence.features.shape == (1, 256)
    assert silent.get_dense_features(TEXT) == (None, None)


def test_missing_or_altered_files_fail_with_the_fix(tmp_path):
    with pytest.raises(InvalidConfigException, match="make bot-venv"):
        StaticEmbeddings(tmp_path)
    for name in SHA256:
        shutil.copy(ASSETS / name, tmp_path / name)
    (tmp_path / TOKENIZER).write_text("{}", encoding="utf-8")
    with pytest.raises(InvalidConfigException, match="not the expected file"):
        StaticEmbeddings(tmp_path)


def test_sentence_only_drops_the_named_featurizers_sequence_features_and_nothing_else():
    import scipy.sparse
    from rasa.shared.nlu.training_data.features import Features

    from components.sentence_only import SentenceFeaturesOnly

    message = Message(data={TEXT: "老赖的车停在小区"})
    one = scipy.sparse.coo_matrix(np.ones((1, 3)))
    for kind in ("sequence", "sentence"):
        message.add_features(Features(one, kind, TEXT, "char_ngrams"))
        message.add_features(Features(one, kind, TEXT, "words"))
    SentenceFeaturesOnly.create({"aliases": ["char_ngrams"]}, None, Resource("x"), None).process([message])
    assert sorted((f.type, f.origin) for f in message.features) == [
        ("sentence", "char_ngrams"), ("sentence", "words"), ("sequence", "words")]  # fmt: skip
    with pytest.raises(InvalidConfigException, match="aliases"):
        SentenceFeaturesOnly.create(SentenceFeaturesOnly.get_default_config(), None, Resource("x"), None)
