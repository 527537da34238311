# Everything a fresh machine needs, from nothing but Python 3.11 and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: install run serve-prod migrate test lint audit format openapi openapi-check bench fuzz clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

migrate: install
	$(BIN)/alembic upgrade head

run: migrate web
	$(BIN)/python -m api.serve

# Several workers on PostgreSQL + Redis: set BACKCHAIN_DATABASE_URL, BACKCHAIN_REDIS_URL,
# BACKCHAIN_JWT_SECRET, BACKCHAIN_ENV=production and BACKCHAIN_WORKERS (default 2).
serve-prod: migrate
	$(BIN)/python -m api.serve_prod

# Contract and clients first (fast failures), then the browser tests, then the whole suite
# (two xdist workers: each gets its own PostgreSQL schema and SQLite file).
test: install
	$(BIN)/python -m api.openapi_spec --check
	$(MAKE) --no-print-directory clients-check test-clients test-web
	$(BIN)/python -m pytest -n 2

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy api db

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

bench: install
	$(BIN)/python -m bench.run

# The contract fuzz at length: 200 examples per operation and mode, both databases.
fuzz: install
	BACKCHAIN_FUZZ_EXAMPLES=200 BACKCHAIN_FUZZ_SEED=random \
		BACKCHAIN_FUZZ_DATABASES=sqlite,postgresql $(BIN)/python -m pytest tests/contract

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache clients/web/node_modules clients/web/dist

include clients/clients.mk
include clients/web/web.mk
