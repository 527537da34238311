# The web dashboard (clients/web): `include clients/web/web.mk` from the top-level Makefile.
# Uses BIN (the venv's bin directory) and the `install` target defined there; run from the repo root.
#
#   make web        npm ci (when package.json or the lockfile changed) and vite build into
#                   clients/web/dist, which the API serves at /app; skipped, with a message and
#                   success, where Node.js is not installed
#   make test-web   build, typecheck, then the Playwright end-to-end tests in the system's Chromium
#                   against a live API; skipped, with a message and success, without Node.js or
#                   Chromium (Debian: apt-get install chromium; or set CHROMIUM_PATH)

# Whatever the include point, do not become the default goal.
WEB_SAVED_DEFAULT_GOAL := $(.DEFAULT_GOAL)

WEB_DIR := clients/web
WEB_NPM_STAMP := $(WEB_DIR)/node_modules/.npm-ci-stamp
# Playwright drives the system's Chromium: never download a browser.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1

# Sets `web_node` to a reason to skip, or leaves it empty when node and npm are usable
# (Vite 8 needs Node.js 20.19 or later).
WEB_CHECK_NODE := web_node=; \
	if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then \
		web_node="Node.js not found"; \
	elif ! node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)'; then \
		web_node="Node.js $$(node --version) is older than 20.19"; \
	fi
# `npm ci` from the committed lockfile, again only when package.json or the lockfile changed.
WEB_NPM_CI := if [ ! -f $(WEB_NPM_STAMP) ] || [ $(WEB_DIR)/package-lock.json -nt $(WEB_NPM_STAMP) ] \
	|| [ $(WEB_DIR)/package.json -nt $(WEB_NPM_STAMP) ]; then \
	(cd $(WEB_DIR) && npm ci --no-audit --no-fund --loglevel=error) && touch $(WEB_NPM_STAMP); fi

.PHONY: web test-web

web:
	@$(WEB_CHECK_NODE); \
	if [ -n "$$web_node" ]; then echo "web: skipped: $$web_node (the API works without the dashboard)"; exit 0; fi; \
	set -e; $(WEB_NPM_CI); \
	cd $(WEB_DIR) && npm run --silent build -- --logLevel warn && echo "web: built $(WEB_DIR)/dist (served at /app)"

test-web: install web
	@$(WEB_CHECK_NODE); \
	if [ -n "$$web_node" ]; then echo "test-web: skipped: $$web_node"; exit 0; fi; \
	chromium="$${CHROMIUM_PATH:-}"; \
	if [ -z "$$chromium" ] && [ -x /usr/bin/chromium ]; then chromium=/usr/bin/chromium; fi; \
	if [ -z "$$chromium" ]; then chromium=$$(command -v chromium || true); fi; \
	if [ -z "$$chromium" ]; then \
		echo "test-web: skipped: Chromium not found (apt-get install chromium, or set CHROMIUM_PATH)"; exit 0; fi; \
	set -e; cd $(WEB_DIR); \
	echo "npm run typecheck"; npm run --silent typecheck; \
	echo "playwright test ($$chromium)"; \
	CHROMIUM_PATH="$$chromium" BACKCHAIN_PYTHON="$(abspath $(BIN))/python" npm run --silent test:e2e

.DEFAULT_GOAL := $(WEB_SAVED_DEFAULT_GOAL)
