# Reading the News as Data: the two commands a reader needs are `make lab` and `make test`.
# Everything else here supports them. Needs Python 3.11.5 to 3.14 and make (and apt for Chromium);
# `make site` and `make test` also need Node.js and npm (the website's chart libraries and axe-core).

SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?=
# The Python that creates .venv: PYTHON if given, else the first of PYTHON_CANDIDATES that runs
# and is a version the pins support: 3.11.5 (soupsieve, which JupyterLab needs, asks for it) to
# 3.14 (pandas 3.1.1 has no wheels for 3.15). python3.11 first: Binder's (runtime.txt) and the lock's.
# (This block starts with `PYTHON ?=`: `newslab release` copies it into the student edition.)
PYTHON_CANDIDATES ?= python3.11 python3.12 python3.13 python3.14 python3 python
FIND_PYTHON = for candidate in $(or $(PYTHON),$(PYTHON_CANDIDATES)); do \
	version=$$("$$candidate" -c 'import sys; print(*sys.version_info[:3])' 2>/dev/null) || continue; \
	set -- $$version; case "$$1$$2$$3" in ''|*[!0-9]*) continue;; esac; \
	number=$$(( $$1 * 10000 + $$2 * 100 + $$3 )); \
	if [ $$number -ge 31105 ] && [ $$number -lt 31500 ]; then command -v "$$candidate"; exit 0; fi; \
	done; \
	echo "No Python from 3.11.5 to 3.14 found (tried $(or $(PYTHON),$(PYTHON_CANDIDATES))): install one, for example 'brew install python@3.13' on macOS, 'sudo apt install python3 python3-venv' on Ubuntu 24.04 or Debian 13, or the installer from python.org, then run make again (or point to it: make lab PYTHON=/path/to/python3)." >&2; \
	exit 1
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip --disable-pip-version-check
# Overridable so a test can check the command line without starting a real server.
JUPYTER ?= $(VENV)/bin/jupyter
LAB_ARGS ?=
FIRST_NOTEBOOK := notebooks/00_start_here.ipynb
# JupyterLab refuses to run as root unless told to (containers, CI).
ALLOW_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root,)

RUNTIME_STAMP := $(VENV)/.newslab-runtime.stamp
TEST_STAMP := $(VENV)/.newslab-test.stamp
SITE_STAMP := $(VENV)/.newslab-site.stamp
LAB_SETTINGS := $(VENV)/share/jupyter/lab/settings/overrides.json

SUBMISSIONS ?= submissions
OUT ?= grading-output
# `make grade ... ROSTER=roster.csv LMS=canvas|moodle|generic [COUNT_FLAGGED=1]`: lms_import.csv
MARKS ?=
ROSTER ?=
LMS ?=
COUNT_FLAGGED ?=

# `make site REPO=https://github.com/ORG/student-edition [HUB=https://hub.example.org]
#  [BRANCH=main] [SITE_OUT=build/site] [EXECUTE=1]`: see docs/AUTHORING.md, "The website".
REPO ?=
HUB ?=
BRANCH ?= main
SITE_OUT ?= build/site
EXECUTE ?=

.PHONY: help python venv lab test-venv site-venv site browser test grade lock clean distclean

help:
	@echo "make lab    create .venv (first time only) and open JupyterLab at $(FIRST_NOTEBOOK)"
	@echo "make test   the same set-up plus test tools and Chromium, then every test"
	@echo "make site REPO=https://github.com/ORG/REPO [HUB=url]   build the course website in build/site"
	@echo "make grade SUBMISSIONS=folder OUT=folder [MARKS=marks.csv] [ROSTER=roster.csv LMS=canvas|moodle|generic] [COUNT_FLAGGED=1]"
	@echo "           grade submitted exercise notebooks (docs/GRADING.md)"
	@echo "make python say which Python a new .venv would use (PYTHON=... to choose)"
	@echo "make lock   regenerate constraints.txt from a fresh venv after changing a pin"
	@echo "make clean  remove test artifacts and caches (distclean also removes .venv)"

# Which Python `make lab` would use for a new .venv (see PYTHON above).
python:
	@python=$$($(FIND_PYTHON)) && echo "$$python (Python $$("$$python" -c 'import platform; print(platform.python_version())'))"

venv: $(RUNTIME_STAMP)

$(VENV)/bin/python:
	@python=$$($(FIND_PYTHON)) && echo "creating $(VENV) with $$python" && "$$python" -m venv $(VENV)

# The stamp is newer than every file that decides what is installed: a second run does nothing.
$(RUNTIME_STAMP): $(VENV)/bin/python requirements.txt constraints.txt pyproject.toml jupyter/overrides.json
	$(PIP) install --quiet -r requirements.txt
	$(PIP) install --quiet --no-deps -e .
	mkdir -p $(dir $(LAB_SETTINGS))
	cp jupyter/overrides.json $(LAB_SETTINGS)
	touch $@

lab: venv
	cd "$(CURDIR)" && $(JUPYTER) lab --ip=127.0.0.1 --ServerApp.root_dir="$(CURDIR)" \
		$(ALLOW_ROOT) $(LAB_ARGS) $(FIRST_NOTEBOOK)

test-venv: $(TEST_STAMP)

# Test and website tools skip compiling every module at install (a third less time; Python
# compiles what it imports the first time it is imported). Kernels, which may run as an unprivileged
# user who could not write those files, only use the runtime packages: those are compiled.
$(TEST_STAMP): $(RUNTIME_STAMP) requirements-test.txt
	$(PIP) install --quiet --no-compile -r requirements-test.txt
	touch $@

# The website's tools (Sphinx, MyST-NB, book theme): only `make site` and `make test` need them.
site-venv: $(SITE_STAMP)

$(SITE_STAMP): $(RUNTIME_STAMP) requirements-site.txt
	$(PIP) install --quiet --no-compile -r requirements-site.txt
	touch $@

# JavaScript served by the website (vega, vega-lite, vega-embed) and used by the tests
# (axe-core): exact versions from package-lock.json.
node_modules: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# Never re-executes the lessons unless EXECUTE=1: the site shows their stored outputs.
site: site-venv node_modules
	$(PY) -m newslab site --out "$(SITE_OUT)" --branch "$(BRANCH)" \
		$(if $(REPO),--repo "$(REPO)") $(if $(HUB),--hub "$(HUB)") $(if $(EXECUTE),--execute)

# Debian's Chromium for the browser tests; never a browser download by Playwright.
browser:
	@if command -v chromium >/dev/null 2>&1; then \
		echo "chromium: $$(command -v chromium)"; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	else \
		echo "chromium is missing and cannot be installed here: browser tests will be skipped"; \
	fi

# Exit code 5 from pytest means "no tests collected": allowed for the notebook folders only,
# which stay empty until the lessons land. `pytest tests` must collect and pass real tests.
# Tests run on TEST_JOBS workers (pytest-xdist): `tests/` by groups that share their expensive
# fixtures, slowest groups first, in the order tests/conftest.py gives them (so no reordering by
# size); the notebooks one file per worker. TEST_JOBS=0 runs everything in one process.
# nbval runs every notebook with the kernel of the Binder-like venv that tests/test_binder.py
# builds (requirements.txt, `pip install .`, postBuild) and registers as BINDER_KERNEL in a
# folder of this run (NEWSLAB_BINDER_HOME, mode 0711 so the private-folder grading test's
# ordinary user can reach the venv): each notebook is executed once, where students run it.
# Each stage's time is printed at the end, also when a stage fails.
TEST_JOBS ?= 2
BINDER_KERNEL := newslab-binder
# Read with the Makefile, before any prerequisite is built: `make test`'s set-up stage starts here.
MAKE_STARTED := $(shell date +%s)
XDIST = $(if $(filter-out 0,$(TEST_JOBS)),-n $(TEST_JOBS) --dist $(1))

test: test-venv site-venv node_modules browser
	@set -euo pipefail; \
	started=$$(date +%s); stage_started=$$started; stages=("setup $$(( started - $(MAKE_STARTED) ))"); \
	scratch=$$(mktemp -d); binder=$$(mktemp -d); chmod 711 "$$binder"; running=ruff; \
	report() { local now=$$(date +%s) entry; \
		[ -z "$$running" ] || stages+=("$$running(failed) $$(( now - stage_started ))"); \
		echo "== make test: time of each stage (s)"; \
		for entry in "$${stages[@]}"; do printf '   %-14s %5d\n' $$entry; done; \
		printf '   %-14s %5d\n' total "$$(( now - $(MAKE_STARTED) ))"; rm -rf "$$scratch" "$$binder"; }; \
	trap report EXIT; \
	next_stage() { local now=$$(date +%s); stages+=("$$running $$(( now - stage_started ))"); \
		stage_started=$$now; running=$$1; }; \
	export JUPYTER_CONFIG_DIR="$$scratch/config" JUPYTER_DATA_DIR="$$scratch/data" \
		JUPYTER_RUNTIME_DIR="$$scratch/runtime" IPYTHONDIR="$$scratch/ipython" \
		JUPYTER_PLATFORM_DIRS=1 PATH="$(CURDIR)/$(VENV)/bin:$$PATH" NEWSLAB_BINDER_HOME="$$binder"; \
	nbval() { local folders=(); for f in "$${@:2}"; do [ -d "$$f" ] && folders+=("$$f"); done; \
		[ $${#folders[@]} -gt 0 ] || { echo "(no $${*:2} folder yet)"; return 0; }; \
		JUPYTER_PATH="$$binder" PYTHONPATH="$(CURDIR)/tests" $(VENV)/bin/pytest $$1 \
			-p nbval_kernel_retry $(call XDIST,loadfile) \
			--nbval-kernel-name $(BINDER_KERNEL) \
			--nbval-sanitize-with tests/nbval_sanitize.cfg "$${folders[@]}" \
			&& return 0 || rc=$$?; \
		if [ $$rc -eq 5 ]; then echo "(no notebooks there yet)"; return 0; fi; return $$rc; }; \
	echo "== ruff"; $(VENV)/bin/ruff check .; next_stage pytest; \
	echo "== pytest tests"; $(VENV)/bin/pytest $(call XDIST,loadgroup --no-loadscope-reorder) \
		--durations=15 tests; \
	next_stage nbval-strict; \
	[ -f "$$binder/kernels/$(BINDER_KERNEL)/kernel.json" ] || { echo "make test: the Binder test" \
		"(tests/test_binder.py) did not register the kernel $(BINDER_KERNEL) that nbval runs the" \
		"notebooks with: did it run?" >&2; exit 1; }; \
	echo "== nbval (strict) notebooks/ solutions/ (kernel $(BINDER_KERNEL))"; \
	nbval --nbval notebooks solutions; \
	next_stage nbval-lax; \
	echo "== nbval (lax) exercises/ (kernel $(BINDER_KERNEL))"; nbval --nbval-lax exercises; \
	next_stage ""; \
	echo "make test: all passed in $$(( $$(date +%s) - started )) s after $$(( started - $(MAKE_STARTED) )) s of set-up"

grade: venv
	$(PY) -m newslab grade "$(SUBMISSIONS)" --out "$(OUT)" $(if $(MARKS),--marks "$(MARKS)") \
		$(if $(ROSTER),--roster "$(ROSTER)") $(if $(LMS),--lms $(LMS)) $(if $(COUNT_FLAGGED),--count-flagged)

# Resolve the direct pins afresh (without the old lock) and write every installed version.
lock:
	@set -euo pipefail; \
	scratch=$$(mktemp -d); trap 'rm -rf "$$scratch"' EXIT; \
	python=$$($(FIND_PYTHON)); "$$python" -m venv "$$scratch/venv"; \
	grep -v '^-c' requirements.txt > "$$scratch/requirements.txt"; \
	grep -v '^-c' requirements-test.txt > "$$scratch/requirements-test.txt"; \
	grep -v '^-c' requirements-site.txt > "$$scratch/requirements-site.txt"; \
	"$$scratch/venv/bin/python" -m pip install --quiet --disable-pip-version-check \
		-r "$$scratch/requirements.txt" -r "$$scratch/requirements-test.txt" \
		-r "$$scratch/requirements-site.txt"; \
	{ echo "# Lock file: every package, direct and transitive, that requirements.txt, requirements-test.txt and requirements-site.txt"; \
	  echo "# install on Python 3.11. Regenerate with \`make lock\` after changing a pin (see README)."; \
	  "$$scratch/venv/bin/python" -m pip freeze --disable-pip-version-check ; \
	} > constraints.txt; \
	echo "constraints.txt: $$(grep -c '==' constraints.txt) pins"

clean:
	rm -rf test-artifacts .pytest_cache .ruff_cache build *.egg-info
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV) node_modules
