# `make site` builds the shipped site; `make test` runs every test. Both create .venv on first use.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
LOCK := requirements.lock.txt
PIP_LOCK := requirements.pip.txt
# Everything Python comes from the hashed lock; the project itself goes in without fetching
# anything (its build backend, setuptools, is in the lock too).
PIP_INSTALL := $(PY) -m pip install --quiet --require-hashes --no-deps

.PHONY: site test browsers check lint lint-po plurals schema serve audit clean lock upgrade screenshots

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

# pytest's exit status 5 (no test collected, or every test skipped: tests/conftest.py) is a failure.
test: browsers $(VENV)/.installed node_modules/.installed
	@$(PY) -m pytest $(PYTEST_ARGS) || { status=$$?; [ $$status -ne 5 ] || echo "error: pytest ran no test (exit status 5); that is not a pass" >&2; exit $$status; }

# What `make test` needs besides Python: a browser (DEHUB_CHROMIUM, default Debian's chromium),
# Java for the Nu HTML checker, npm for the browser tools, and fonts for the CJK and Arabic pages.
# Run as root (a fresh machine, a container, .ci/run) it installs what is missing with apt-get
# (only that: Node.js from NodeSource, say, brings its own npm, which Debian's npm conflicts with);
# otherwise it stops at once with one line that names what is missing and the command to run.
DEFAULT_CHROMIUM := /usr/bin/chromium
CHROMIUM = $(or $(DEHUB_CHROMIUM),$(DEFAULT_CHROMIUM))
found = $(shell { $(1); } >/dev/null 2>&1 && echo yes)
browser_ok = $(call found,test -x '$(CHROMIUM)' && test -f '$(CHROMIUM)')
fonts_for = $(call found,fc-list :lang=$(1) | grep -q .)
# the Debian packages that provide what is missing (fonts only matter once there is a browser)
missing_packages = $(strip $(if $(browser_ok),,chromium) $(if $(call found,command -v java),,default-jre-headless) \
	$(if $(call found,command -v npm),,npm) $(if $(call fonts_for,ja),,fonts-noto-cjk) $(if $(call fonts_for,ar),,fonts-noto-core))
apt_line = apt-get update && apt-get install -y $(1)
as_root = $(and $(filter 0,$(shell id -u 2>/dev/null)),$(call found,command -v apt-get))
not_installed = make test needs $(if $(word 2,$(1)),the Debian packages,the Debian package) $(subst $(space),$(comma)$(space),$(1)); as root run: $(call apt_line,$(1))$(if $(filter chromium,$(1)), (or set DEHUB_CHROMIUM to another Chromium or Chrome))
wrong_browser = DEHUB_CHROMIUM=$(DEHUB_CHROMIUM) is not an executable file; set it to your Chromium or Chrome, or unset it for Debian's chromium ($(call apt_line,chromium) as root)
space := $(subst ,, )
comma := ,

browsers:
	$(eval MISSING := $(missing_packages))
	$(eval REQUIRED := $(filter-out fonts-%,$(MISSING)))
	$(if $(and $(DEHUB_CHROMIUM),$(filter chromium,$(MISSING))),$(error $(wrong_browser)))
	$(if $(MISSING),$(if $(as_root),@echo "installing $(MISSING) with apt-get (make test runs as root)",$(if $(REQUIRED),$(error $(call not_installed,$(MISSING))),$(warning the CJK and Arabic pages will be tested without their fonts: $(call not_installed,$(MISSING))))))
	$(if $(and $(MISSING),$(as_root)),export DEBIAN_FRONTEND=noninteractive; apt-get update -qq && apt-get install -y -qq $(MISSING) >/dev/null)
	$(if $(and $(MISSING),$(as_root)),@$(MAKE) --no-print-directory browsers-installed)
	@:

# after an installation: what is still missing is an error, as root too
browsers-installed:
	$(eval MISSING := $(missing_packages))
	$(if $(MISSING),$(error apt-get did not provide $(MISSING); install it by hand: $(call apt_line,$(MISSING))))

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check .

# translate-toolkit's pofilter on every catalog (dehub/validate/pofilter.py lists the checks left
# out and why); `make test` runs it too. `make plurals` rewrites the rendered plural forms
# (tests/localize/fixtures/plurals.<lang>.txt) after a plural msgstr changed: commit the diff.
lint-po: $(VENV)/.installed
	$(PY) -m dehub.validate.pofilter

plurals: $(VENV)/.installed
	$(PY) -m pytest -n 0 -q tests/localize/test_plural_samples.py --regenerate-plurals

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
screenshots: browsers $(VENV)/.installed
	$(PY) tools/screenshots.py --out screenshots

schema: $(VENV)/.installed
	$(PY) -m dehub.schema

clean:
	rm -rf site screenshots .pytest_cache
