# The Cockpit: `make run` serves the app, `make test` runs every test. Both set everything up first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501

.PHONY: run setup db test lint bench bench-forecast bench-design forecast admin clean deploy-check gso-import briefing api

$(BIN)/activate:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed")'
	$(PYTHON) -m venv $(VENV)

$(VENV)/.runtime: requirements.txt | $(BIN)/activate
	$(BIN)/pip install -q --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev: requirements-dev.txt $(VENV)/.runtime
	$(BIN)/pip install -q --disable-pip-version-check -r requirements-dev.txt
	touch $@

setup: $(VENV)/.runtime

db: setup
	$(BIN)/python -m jobs.setup

# The HTTP API for agencies' reporting systems, on the same database (see the README).
API_PORT ?= 8000
api: db
	$(BIN)/python -m api.server --port $(API_PORT)

run: db
	$(BIN)/python -m ui.server --server.port $(PORT) --server.headless true \
		--browser.gatherUsageStats false

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

test: $(VENV)/.dev db lint
	bash scripts/ensure_chromium.sh
	bash scripts/ensure_nginx.sh
	bash scripts/ensure_poppler.sh
	$(BIN)/python -m pytest -q -n 2 --dist loadgroup

# The page benchmark drives Debian's chromium through Playwright, a test dependency.
bench: $(VENV)/.dev db
	bash scripts/ensure_chromium.sh
	$(BIN)/python -m bench.pages
	$(BIN)/python -m bench.intake
	$(BIN)/python -m bench.meeting
	$(BIN)/python -m bench.api_load
	$(BIN)/python -m bench.forecast_batch

# nginx over TLS in front of two app servers, checked in a real browser (see the README).
deploy-check: $(VENV)/.dev
	bash scripts/ensure_chromium.sh
	bash scripts/ensure_nginx.sh
	$(BIN)/python -m pytest -q tests/e2e/test_reverse_proxy.py

bench-forecast: | $(BIN)/activate
	test -x .venv-bench/bin/python || $(PYTHON) -m venv .venv-bench
	.venv-bench/bin/pip install -q --disable-pip-version-check -r requirements-bench.txt
	.venv-bench/bin/python -m bench.ets_estimation
	.venv-bench/bin/python -m bench.m3
	.venv-bench/bin/python -m bench.realtime

# Choices of auto's recipe, on M3's design half only (bench/results/design.md; about 20 minutes),
# and of how its bands are widened across series (interval_design.md; forecasting/conformal.py
# holds the factors of the chosen scheme, and a test checks that the two agree).
bench-design: | $(BIN)/activate
	test -x .venv-bench/bin/python || $(PYTHON) -m venv .venv-bench
	.venv-bench/bin/pip install -q --disable-pip-version-check -r requirements-bench.txt
	.venv-bench/bin/python -m bench.design
	.venv-bench/bin/python -m bench.interval_design

# The month's forecast batch on a local Dask cluster, one worker per core (WORKERS=N for another
# number); COCKPIT_DASK_SCHEDULER=tcp://host:8786 sends it to an existing cluster instead.
forecast: db
	@test -n "$(PERIOD)" || { echo "Usage: make forecast PERIOD=2026-11 [ALL=1] [WORKERS=N]"; exit 2; }
	$(BIN)/python -m jobs.forecast_batch --period "$(PERIOD)" $(if $(ALL),--all) $(if $(WORKERS),--workers "$(WORKERS)")

# Stage GSO's monthly workbook as a submission of an analyst (CONFIRM=1 writes it at once).
gso-import: db
	@test -n "$(FILE)" -a -n "$(ANALYST)" || { echo "Usage: make gso-import FILE=<workbook> ANALYST=<username> [CONFIRM=1]"; exit 2; }
	$(BIN)/python -m jobs.gso_import "$(FILE)" --user "$(ANALYST)" $(if $(CONFIRM),--confirm,)

# The month's briefing deck, PowerPoint and PDF, in var/briefings (AS_OF: data as known that day).
# LANG is vi or en; the locale's LANG of the shell (C.UTF-8 ...) means the default, Vietnamese.
briefing: db
	@test -n "$(PERIOD)" || { echo "Usage: make briefing PERIOD=2025-02 [LANG=vi|en] [AS_OF=YYYY-MM-DD]"; exit 2; }
	$(BIN)/python -m jobs.briefing --period "$(PERIOD)" --lang "$(if $(filter vi en,$(LANG)),$(LANG),vi)" $(if $(AS_OF),--as-of "$(AS_OF)",)

admin: db
	@test -n "$(USERNAME)" || { echo "Usage: make admin USERNAME=<name>"; exit 2; }
	$(BIN)/python -m jobs.users create-admin --username "$(USERNAME)"

clean:
	rm -rf $(VENV) .venv-bench var
