# `make site` builds the shipped site; `make test` runs every test. Both create .venv on first use.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: site test check lint schema serve audit clean

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

site: $(VENV)/.installed
	$(PY) build.py build

check: $(VENV)/.installed
	$(PY) build.py check

serve: $(VENV)/.installed
	$(PY) build.py serve

test: $(VENV)/.installed node_modules/.installed
	$(PY) -m pytest

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check .

# Lighthouse (mobile) on home, hub overview and a hub page, served gzip-compressed; fails under
# accessibility/best practices/SEO 1.0, performance 0.95 or a hub page over 150 KiB. Lighthouse
# (pinned 12.2.3, Node 20) lives in tools/audit/ with its own lockfile, so the tests' npm ci stays small.
tools/audit/node_modules/.installed: tools/audit/package.json tools/audit/package-lock.json
	cd tools/audit && npm ci --no-audit --no-fund --silent
	touch $@

audit: $(VENV)/.installed tools/audit/node_modules/.installed
	$(PY) tools/audit/run.py

schema: $(VENV)/.installed
	$(PY) -m dehub.schema

clean:
	rm -rf site .pytest_cache
