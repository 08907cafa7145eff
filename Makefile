# Two commands do all the set-up on a fresh machine:
#   make build   builds the bundled corpus into out/ (installs only what building needs)
#   make test    runs the whole test suite (adds the test tools: lint, types, tests,
#                notebooks, browser)
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
OUT    ?= out

.PHONY: build test lint venv clean chromium virtuoso notebooks

$(BIN)/pip:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# what `bluntgraph build` needs: the package and its core dependencies
$(VENV)/.built-deps: pyproject.toml | $(BIN)/pip
	$(BIN)/pip install --quiet -e .
	@touch $@

# the test tool chain on top (pytest, mypy, ruff, playwright, ipykernel, the extras' libraries)
$(VENV)/.test-deps: pyproject.toml | $(BIN)/pip
	$(BIN)/pip install --quiet -e '.[test]'
	@touch $@ $(VENV)/.built-deps

venv: $(VENV)/.test-deps

build: $(VENV)/.built-deps
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

lint: $(VENV)/.test-deps
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy

test: $(VENV)/.test-deps chromium virtuoso lint
	$(BIN)/python -m pytest

# Re-execute notebooks/*.ipynb and save them with their outputs (tests/notebooks.py)
notebooks: $(VENV)/.test-deps
	$(BIN)/python -m tests.notebooks --update

clean:
	rm -rf $(VENV) $(OUT) build dist .pytest_cache .mypy_cache .ruff_cache
