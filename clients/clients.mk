# Generated API clients: `include clients/clients.mk` from the top-level Makefile.
# Uses BIN (the venv's bin directory) and the `install` target defined there; run from the repo root.
#
#   make clients        regenerate clients/python/backchain-client and clients/typescript/src/schema.d.ts
#                       from openapi/openapi.json (run after `make openapi`)
#   make clients-check  fail (with a diff) when regenerating would change anything
#   make test-clients   both clients' tests against a live server; the TypeScript part is skipped,
#                       with a message, where Node.js is not installed

# Whatever the include point, do not become the default goal.
CLIENTS_SAVED_DEFAULT_GOAL := $(.DEFAULT_GOAL)

CLIENTS_TS := clients/typescript
CLIENTS_NPM_STAMP := $(CLIENTS_TS)/node_modules/.npm-ci-stamp
# Exit status 0 when node and npm are both on PATH.
CLIENTS_HAVE_NODE := command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1
# `npm ci` from the committed lockfile, again only when package.json or the lockfile changed.
CLIENTS_NPM_CI := if [ ! -f $(CLIENTS_NPM_STAMP) ] || [ $(CLIENTS_TS)/package-lock.json -nt $(CLIENTS_NPM_STAMP) ] \
	|| [ $(CLIENTS_TS)/package.json -nt $(CLIENTS_NPM_STAMP) ]; then \
	(cd $(CLIENTS_TS) && npm ci --no-audit --no-fund --loglevel=error) && touch $(CLIENTS_NPM_STAMP); fi

.PHONY: clients clients-python clients-typescript \
	clients-check clients-check-python clients-check-typescript \
	test-clients test-clients-python test-clients-typescript

clients: clients-python clients-typescript

clients-python: install
	$(BIN)/python clients/python/generate.py

clients-typescript:
	@$(CLIENTS_HAVE_NODE) || { echo "clients: Node.js not found: cannot regenerate $(CLIENTS_TS)/src/schema.d.ts" >&2; exit 1; }
	@$(CLIENTS_NPM_CI)
	cd $(CLIENTS_TS) && npm run --silent generate

clients-check: clients-check-python clients-check-typescript

clients-check-python: install
	$(BIN)/python clients/python/generate.py --check

clients-check-typescript:
	@if ! { $(CLIENTS_HAVE_NODE); }; then echo "clients-check (typescript): skipped: Node.js not found"; exit 0; fi; \
	$(CLIENTS_NPM_CI); \
	cd $(CLIENTS_TS) && npm run --silent check:schema \
	|| { echo "$(CLIENTS_TS)/src/schema.d.ts is stale: run \`make clients\`" >&2; exit 1; }

test-clients: test-clients-python test-clients-typescript

test-clients-python: install
	$(BIN)/python -m pytest -W ignore::DeprecationWarning -rs clients/python/tests

test-clients-typescript: install
	@if ! { $(CLIENTS_HAVE_NODE); }; then \
		echo "test-clients (typescript): skipped: Node.js not found"; exit 0; fi; \
	set -e; $(CLIENTS_NPM_CI); cd $(CLIENTS_TS); \
	echo "npm run typecheck"; npm run --silent typecheck; \
	echo "npm run check:schema"; npm run --silent check:schema; \
	echo "npm test"; npm test --silent

.DEFAULT_GOAL := $(CLIENTS_SAVED_DEFAULT_GOAL)
