# `make site` builds the shipped site; `make test` runs every test. Both create .venv on first use.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
LOCK := requirements.lock.txt
PIP_LOCK := requirements.pip.txt
# Everything Python comes from the hashed lock; the project itself goes in without fetching
# anything (its build backend, setuptools, is in the lock too).
PIP_INSTALL := $(PY) -m pip install --quiet --require-hashes --no-deps

.PHONY: site test check lint schema serve audit clean lock upgrade screenshots

$(VENV)/.installed: $(LOCK) $(PIP_LOCK) pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP_INSTALL) -r $(PIP_LOCK)
	$(PIP_INSTALL) -r $(LOCK)
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	$(PY) -m pip check
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

# The lock: `make lock` after editing pyproject.toml (keeps every other pin), `make upgrade`
# to move everything to the newest releases. pip-compile runs in a venv of its own and
# ignores the machine's pip configuration, so the lock names only files of the public index.
LOCK_VENV := .venv-lock
PIP_COMPILE := env -u PIP_FIND_LINKS -u PIP_EXTRA_INDEX_URL -u PIP_INDEX_URL -u PIP_CONSTRAINT PIP_CONFIG_FILE=/dev/null \
	$(LOCK_VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	--no-emit-index-url --no-emit-find-links --no-emit-trusted-host
LOCK_ARGS := --all-extras --all-build-deps --output-file $(LOCK) pyproject.toml

$(LOCK_VENV)/bin/pip-compile:
	$(PYTHON) -m venv $(LOCK_VENV)
	$(LOCK_VENV)/bin/python -m pip install --quiet pip-tools==7.6.2

lock: $(LOCK_VENV)/bin/pip-compile
	$(PIP_COMPILE) $(LOCK_ARGS)
	$(PIP_COMPILE) --output-file $(PIP_LOCK) requirements.pip.in

upgrade: $(LOCK_VENV)/bin/pip-compile
	$(PIP_COMPILE) --upgrade $(LOCK_ARGS)
	$(PIP_COMPILE) --upgrade --output-file $(PIP_LOCK) requirements.pip.in

# Lighthouse (mobile) on home, hub overview and a hub page, served gzip-compressed; fails under
# accessibility/best practices/SEO 1.0, performance 0.95 or a hub page over 150 KiB. Lighthouse
# (pinned 12.2.3, Node 20) lives in tools/audit/ with its own lockfile, so the tests' npm ci stays small.
tools/audit/node_modules/.installed: tools/audit/package.json tools/audit/package-lock.json
	cd tools/audit && npm ci --no-audit --no-fund --silent
	touch $@

audit: $(VENV)/.installed tools/audit/node_modules/.installed
	$(PY) tools/audit/run.py

# PNGs of each page type in each language at 390, 768 and 1280 px into screenshots/ (for review;
# the pull-request workflow uploads them). Builds the site first; Chromium from DEHUB_CHROMIUM.
screenshots: $(VENV)/.installed
	$(PY) tools/screenshots.py --out screenshots

schema: $(VENV)/.installed
	$(PY) -m dehub.schema

clean:
	rm -rf site screenshots .pytest_cache
