# Rasa assistant targets. Included by the root Makefile (`include bot/bot.mk`); every path is
# relative to the repository root, where make runs.
#
#   make bot-venv    create bot/.venv (Python 3.10, rasa 3.6); exit code 3 = no Python 3.10 here
#   make bot-train   train bot/models/bot.tar.gz when data, domain or config changed (FORCE=1 always)
#   make bot-test    data validation, split check, action tests, held-out NLU gate (BOT_MIN_F1, default
#                    0.90 macro F1 per language), conversation tests
#   make bot-run     action server :5055 + Rasa :5005 (REST, --enable-api) in the foreground
#   make bot-bench   parse latency p50/p95 over 200 held-out messages

BOT_DIR    := bot
BOT_VENV   := $(BOT_DIR)/.venv
BOT_PY     := $(BOT_VENV)/bin/python
BOT_RASA   := $(BOT_VENV)/bin/rasa
BOT_MODEL  := $(BOT_DIR)/models/bot.tar.gz
BOT_MIN_F1 ?= 0.90
# Per-language gates below BOT_MIN_F1 ("en=0.85"), a ratchet while a language is under the target. None is
# needed since 2026-12-01 (zh 0.927, en 0.903 with the static embeddings, docs/bot-nlu-report.md).
BOT_F1_FLOORS ?=
BOT_ENV    := RASA_TELEMETRY_ENABLED=false SQLALCHEMY_SILENCE_UBER_WARNING=1 TF_CPP_MIN_LOG_LEVEL=3 PYTHONWARNINGS=ignore

.PHONY: bot-venv bot-train bot-test bot-validate bot-eval bot-test-stories bot-test-actions bot-run bot-bench

bot-venv:
	bash $(BOT_DIR)/scripts/venv.sh

bot-train: bot-venv
	bash $(BOT_DIR)/scripts/train.sh

bot-validate: bot-venv
	$(BOT_ENV) $(BOT_PY) $(BOT_DIR)/scripts/validate.py
	$(BOT_PY) $(BOT_DIR)/scripts/split.py --check

bot-eval: bot-train
	$(BOT_ENV) $(BOT_PY) $(BOT_DIR)/scripts/evaluate.py --min-f1 $(BOT_MIN_F1) $(foreach f,$(BOT_F1_FLOORS),--floor $(f))

bot-test-stories: bot-train
	cd $(BOT_DIR) && for lang in zh en; do \
	  $(BOT_ENV) .venv/bin/rasa test core --model models/bot.tar.gz --stories tests/test_stories_$$lang.yml \
	    --out models/test-results-$$lang --fail-on-prediction-errors || exit 1; done

bot-test-actions: bot-venv
	$(BOT_PY) -m pytest -q $(BOT_DIR)/tests/actions $(BOT_DIR)/tests/components

bot-test: bot-validate bot-test-actions bot-test-stories bot-eval

bot-run: bot-train
	bash $(BOT_DIR)/scripts/run.sh

bot-bench: bot-train
	$(BOT_ENV) $(BOT_PY) $(BOT_DIR)/scripts/bench.py --n 200
