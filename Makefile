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
        translations-compile bench clean demo-logins audit

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

run: db
	@$(MAKE) --no-print-directory demo-logins
	@echo "Portal: http://$(HOST):$(PORT)   (Ctrl-C stops portal, worker and assistant)"
	HOST=$(HOST) PORT=$(PORT) $(BIN)/honcho start -f Procfile

test: test-portal

# The portal's suite; TEST_DATABASE_URL switches it to PostgreSQL.
test-portal: venv translations-compile
	$(BIN)/pytest -q -n 2 tests

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
