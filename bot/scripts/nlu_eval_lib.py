"""Shared helpers for evaluate.py and bench.py: load the trained model, read held-out examples, label parses."""

from __future__ import annotations

import asyncio
import logging
import os
import re
from pathlib import Path
from typing import Any

import yaml

BOT = Path(__file__).resolve().parents[1]
REPO = BOT.parent
HOLDOUT = BOT / "tests" / "nlu_holdout"
DEFAULT_MODEL = BOT / "models" / "bot.tar.gz"
LANGUAGES = ("zh", "en")


def quiet() -> None:
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
    os.environ.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")
    logging.disable(logging.WARNING)


ENTITY_MARKUP = re.compile(r"\[([^\]]+)\](\([^)]+\)|\{[^}]+\})")


def plain_text(example: str) -> str:
    """The message text of an annotated example: "[粤B12345](plate)" -> "粤B12345"."""
    return ENTITY_MARKUP.sub(r"\1", example)


def read_holdout(lang: str) -> list[tuple[str, str]]:
    """[(text, label)] for one language."""
    doc = yaml.safe_load((HOLDOUT / f"{lang}.yml").read_text(encoding="utf-8"))
    pairs = []
    for block in doc["nlu"]:
        for line in block["examples"].splitlines():
            if line.strip().startswith("- "):
                pairs.append((plain_text(line.strip()[2:].strip()), block["intent"]))
    return pairs


def load_agent(model: Path):
    quiet()
    from rasa.core.agent import Agent

    if not model.exists():
        raise SystemExit(f"no model at {model}: run `make bot-train` first")
    agent = Agent.load(str(model))
    try:  # Rasa logs every parse at debug level through structlog
        import structlog

        structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.WARNING))
    except ImportError:
        pass
    return agent


def label_of(parse: dict[str, Any]) -> str:
    """intent.name, or for the faq retrieval intent the ResponseSelector's intent_response_key."""
    intent = (parse.get("intent") or {}).get("name") or ""
    if intent != "faq":
        return intent
    selector = parse.get("response_selector") or {}
    chosen = selector.get("faq") or selector.get("default") or {}
    key = (chosen.get("response") or {}).get("intent_response_key")
    return key or "faq"


def parse_all(agent, texts: list[str]) -> list[dict[str, Any]]:
    async def run() -> list[dict[str, Any]]:
        return [await agent.parse_message(text) for text in texts]

    return asyncio.run(run())
