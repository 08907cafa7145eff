# Two commands do all the set-up on a fresh machine:
#   make build   builds the bundled corpus into out/
#   make test    runs the whole test suite (lint, types, tests, notebooks, browser)
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
OUT    ?= out

.PHONY: build test lint venv clean chromium virtuoso

$(BIN)/bluntgraph: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	@touch $@

venv: $(BIN)/bluntgraph

build: venv
	$(BIN)/bluntgraph build --out $(OUT)

# Browser tests need Debian's chromium; install it when missing (root on CI).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
	  else echo "browser tests need Debian's chromium: sudo apt-get install chromium" >&2; fi; }

# Endpoint tests start Debian's Virtuoso (tests/store); install it when missing (root on CI).
virtuoso:
	@command -v virtuoso-t >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq virtuoso-opensource >/dev/null; \
	  else echo "endpoint tests need Debian's virtuoso-opensource: sudo apt-get install virtuoso-opensource" >&2; fi; }

lint: venv
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy

test: venv chromium virtuoso lint
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) $(OUT) build dist .pytest_cache .mypy_cache .ruff_cache
