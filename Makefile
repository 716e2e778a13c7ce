# Two commands for a new machine: `make run` and `make test`. Everything else is for developers.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.stamp-$(shell cat pyproject.toml | sha1sum | cut -c1-12)
FLASK := $(BIN)/flask --app wsgi
HOST ?= 127.0.0.1
PORT ?= 5000

.PHONY: run test test-portal lint fmt venv db translations translations-extract translations-update \
        translations-compile bench clean demo-logins audit assistant-ready test-bot bench-bot screenshots

venv: $(STAMP)
$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed: install python3.11 (or set PYTHON=python3.x, 3.11 or newer)"; exit 1; }
	@test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@rm -f $(VENV)/.stamp-* && touch $@

translations-compile: venv
	@$(BIN)/pybabel compile -d translations >/dev/null

translations-extract: venv
	$(BIN)/pybabel extract -F babel.cfg -k _l -k _n:1,2 -k lazy_gettext -k _p:1c,2 --no-location --sort-by-file \
		--project=zhongben-portal --copyright-holder="Enforcement Relief Portal" -o translations/messages.pot .

translations-update: translations-extract
	$(BIN)/pybabel update -i translations/messages.pot -d translations --no-fuzzy-matching --ignore-obsolete

translations: translations-update translations-compile

db: venv translations-compile
	$(FLASK) db upgrade
	$(FLASK) seed-demo --if-empty

demo-logins:
	@cat instance/demo-logins.txt 2>/dev/null || true

# The assistant is optional: without Python 3.10, or when its setup fails, the portal and worker run alone
# and the chat widget answers with the guides and the contact form.
run: db
	@$(MAKE) --no-print-directory demo-logins
	@procs="portal worker assistant"; \
	$(MAKE) --no-print-directory assistant-ready || procs="portal worker"; \
	echo "Portal: http://$(HOST):$(PORT)   (Ctrl-C stops $$procs)"; \
	HOST=$(HOST) PORT=$(PORT) PORTAL_API_URL=http://$(HOST):$(PORT)/api/v1 $(BIN)/honcho start -f Procfile $$procs

# bot/.venv (exit 3 from venv.sh: no Python 3.10) and a model trained on the current data (train.sh
# retrains only when the data, domain or config changed).
assistant-ready:
	@rc=0; bash bot/scripts/venv.sh || rc=$$?; \
	if [ $$rc -eq 3 ]; then \
	  echo "assistant: NOT STARTED - it needs Python 3.10 (apt-get install python3.10 python3.10-venv, or pyenv install 3.10.13), then make run again"; \
	  exit 3; \
	elif [ $$rc -ne 0 ]; then \
	  echo "assistant: NOT STARTED - bot/.venv could not be installed (see above); the portal runs without it"; exit 1; \
	fi; \
	$(MAKE) --no-print-directory bot-train || { \
	  echo "assistant: NOT STARTED - training failed (bot/models/train.log); the portal runs without it"; exit 1; }

# The assistant first: its trained model is what the browser test of the chat widget talks to.
test: test-bot test-portal

# The assistant's suite (make bot-test) when Python 3.10 exists; skipped with a clear line otherwise,
# except in CI, where a missing Python 3.10 is an error.
test-bot:
	@rc=0; bash bot/scripts/venv.sh || rc=$$?; \
	if [ $$rc -eq 3 ]; then \
	  if [ -n "$$CI" ]; then echo "make test: FAILED - CI must run the assistant's tests, and Python 3.10 is missing"; exit 1; fi; \
	  echo "make test: assistant tests SKIPPED - no Python 3.10 on this machine (install it to run make bot-test)"; \
	  exit 0; \
	fi; \
	[ $$rc -eq 0 ] || exit $$rc; \
	$(MAKE) --no-print-directory bot-test

# Measurements, never part of `make test` or CI: bench/setup_db.sh builds the PostgreSQL database `bench`
# (demo seed + BENCH_CASES, default 1,000,000 cases and submissions; BENCH_SQLITE=1 for SQLite, 50,000),
# bench/run.sh measures it with gunicorn and wrk (BENCH_DURATION per page, BENCH_MIXED_DURATION for the mixed
# load), the assistant's parse latency (bot-bench's script, never training) and /chat, and writes
# docs/benchmarks.md. BENCH_SKIP_GENERATE=1 measures the database as it stands.
bench: venv translations-compile
	@command -v wrk >/dev/null || { echo "bench: wrk is needed (apt-get install -y wrk)"; exit 1; }
	@[ "$${BENCH_SKIP_GENERATE:-0}" = 1 ] || bash bench/setup_db.sh
	bash bench/run.sh

bench-bot:
	@if [ -x bot/.venv/bin/rasa ]; then $(MAKE) --no-print-directory bot-bench; \
	else echo "bench: assistant skipped - no bot/.venv (make bot-venv needs Python 3.10)"; fi

# The portal's suite; TEST_DATABASE_URL switches it to PostgreSQL.
test-portal: venv translations-compile
	$(BIN)/pytest -q -n 2 tests $(PYTEST_ARGS)

# Full-page PNGs of the main pages in both languages into docs/screenshots/ (a fresh demo court, Chromium).
screenshots: venv translations-compile
	$(BIN)/python -m tests.e2e.screenshots

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

# Security audit: bandit (medium severity and up) over the code, pip-audit over the installed venv.
# Accepted findings are explained: bandit's in [tool.bandit] of pyproject.toml, pip-audit's in .pip-audit-ignore.
audit: venv
	$(BIN)/bandit -q -c pyproject.toml -r portal relief bot/actions --severity-level medium
	@rm -f $(VENV)/pip-audit.json
	@# pip-audit exits 1 on a finding; the report below decides, with the explained exceptions.
	@$(BIN)/pip-audit --local --skip-editable --progress-spinner off --format json --output $(VENV)/pip-audit.json \
		>/dev/null 2>&1 || true
	@$(BIN)/python tests/security/audit_report.py $(VENV)/pip-audit.json .pip-audit-ignore

fmt: venv
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) instance .pytest_cache

# The assistant's own targets (bot-venv, bot-train, bot-test, bot-run, bot-bench).
include bot/bot.mk
