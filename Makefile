# Everything a fresh machine needs, from nothing but Python 3.11 and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Two stamps: `make run` installs what the server needs; every development target (test, lint,
# bench, ...) the `dev` extra too. Installing the extra also satisfies the runtime stamp, and a
# runtime install never satisfies the dev one, so `make test` after `make run` adds the tools.
RUNTIME_STAMP := $(VENV)/.installed-runtime
STAMP := $(VENV)/.installed-dev

.PHONY: install install-runtime run serve-prod migrate test lint audit format openapi \
	openapi-check openapi-lint bench fuzz clean

install: $(STAMP)

install-runtime: $(RUNTIME_STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP) $(RUNTIME_STAMP)

$(RUNTIME_STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $(RUNTIME_STAMP)

migrate: install-runtime
	$(BIN)/alembic upgrade head

run: migrate web
	$(BIN)/python -m api.serve

# Several workers on PostgreSQL + Redis: set BACKCHAIN_DATABASE_URL, BACKCHAIN_REDIS_URL,
# BACKCHAIN_JWT_SECRET, BACKCHAIN_ENV=production and BACKCHAIN_WORKERS (default 2).
serve-prod: migrate
	$(BIN)/python -m api.serve_prod

# Contract (drift, Spectral, Redocly) and clients first (fast failures), then the browser
# tests, then the whole suite (two xdist workers: each gets its own PostgreSQL schema and
# SQLite file).
test: install
	$(MAKE) --no-print-directory openapi-check clients-check test-clients test-web
	$(BIN)/python -m pytest -n 2

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy api db
	@$(MAKE) --no-print-directory openapi-lint

# Known vulnerabilities in the installed dependencies (the project itself is editable: skipped).
audit: install
	$(BIN)/pip-audit --skip-editable --progress-spinner off

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

openapi: install
	$(BIN)/python -m api.openapi_spec

openapi-check: install
	$(BIN)/python -m api.openapi_spec --check
	@$(MAKE) --no-print-directory openapi-lint

# Spectral (spectral:oas) and Redocly (recommended) on the committed document: errors fail,
# warnings are shown. Pinned in openapi/package.json; skipped, with a message, without Node.js.
openapi-lint:
	@if ! { command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; }; then \
		echo "openapi-lint: skipped: Node.js not found"; exit 0; fi; \
	set -e; cd openapi; \
	if [ ! -f node_modules/.npm-ci-stamp ] || [ package-lock.json -nt node_modules/.npm-ci-stamp ] \
		|| [ package.json -nt node_modules/.npm-ci-stamp ]; then \
		npm ci --no-audit --no-fund --loglevel=error && touch node_modules/.npm-ci-stamp; fi; \
	echo "spectral lint (spectral:oas)"; npm run --silent lint:spectral; \
	echo "redocly lint (recommended)"; npm run --silent lint:redocly

bench: install
	$(BIN)/python -m bench.run

# The contract fuzz at length: 200 examples per operation and mode, both databases.
fuzz: install
	BACKCHAIN_FUZZ_EXAMPLES=200 BACKCHAIN_FUZZ_SEED=random \
		BACKCHAIN_FUZZ_DATABASES=sqlite,postgresql $(BIN)/python -m pytest tests/contract

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache clients/web/node_modules clients/web/dist \
		openapi/node_modules

include clients/clients.mk
include clients/web/web.mk
