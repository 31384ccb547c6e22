# shorewise — the two quick-start commands are `make demo` and `make test`.
# Each installs what it needs: a .venv with the package, and for tests the extras and
# the Debian packages the browser, PDF and workbook tests use (chromium, poppler-utils,
# LibreOffice Calc with the Python-UNO bridge for the system python3).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
CORE   := $(VENV)/.installed-core
APP    := $(VENV)/.installed-app
DEV    := $(VENV)/.installed-dev
TESTS  ?= 1

.PHONY: demo test check lint typecheck layers system-deps bench docs screenshots validate-model clean

$(BIN)/python:
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "shorewise needs Python 3.11 or newer"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(CORE): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

# The whole application: the model and CLI, reports (HTML, PDF, Excel), the web app, pandas.
$(APP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[frame,report,web]'
	touch $@ $(CORE)

$(DEV): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[frame,report,web,dev]'
	touch $@ $(APP) $(CORE)

## demo: install the whole application (reports and web app included) and compare the
##       strategies on the bundled default scenario
demo: $(APP)
	$(BIN)/shorewise demo

## system-deps: Debian packages for browser, PDF and workbook tests, installed when missing
system-deps:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v pdftoppm >/dev/null 2>&1 || missing="$$missing poppler-utils"; \
	fc-list 2>/dev/null | grep -qi dejavu || missing="$$missing fonts-dejavu-core"; \
	command -v soffice >/dev/null 2>&1 || missing="$$missing libreoffice-calc-nogui"; \
	/usr/bin/python3 -c 'import uno' >/dev/null 2>&1 || missing="$$missing python3-uno"; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

## test: install everything the tests need and run the whole suite
test: $(DEV) system-deps
	$(BIN)/python -m pytest -q

lint: $(DEV)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: $(DEV)
	$(BIN)/mypy

layers: $(DEV)
	$(BIN)/lint-imports

## check: ruff (lint + format), mypy strict, the layer contract, then the tests
##        (TESTS=0 skips the tests, as CI does right after `make test`)
check: lint typecheck layers
	@if [ "$(TESTS)" = 1 ]; then $(MAKE) --no-print-directory test; fi

## bench: BM-1 (benchmarks/results.md), then sweeps, Dask and portfolios (benchmarks/scale.md)
bench: $(DEV)
	$(BIN)/python benchmarks/run.py
	cd benchmarks && ../$(BIN)/python scale.py && ../$(BIN)/python surfaces.py

## docs: regenerate the CLI reference from --help
docs: $(DEV)
	$(BIN)/python -m shorewise.cli.docs > docs/cli.md

## screenshots: regenerate docs/*.png (web results at 1280 and 390 px, PDF pages 1-2)
screenshots: $(DEV) system-deps
	$(BIN)/python scripts/screenshots.py

## validate-model: regenerate docs/validation.md (model P50s beside published figures)
validate-model: $(CORE)
	$(BIN)/python -m shorewise.workflows.validation > docs/validation.md

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache .hypothesis build dist src/*.egg-info
