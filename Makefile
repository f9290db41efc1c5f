# Two commands do all the set-up: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
E2E := tests/e2e
E2E_STAMP := $(E2E)/node_modules/.installed
# pytest workers for `make test` (pytest-xdist; CI has 2 cores): `make test JOBS=4` on a bigger machine.
# worksteal hands each worker a contiguous half of the suite (each module's fixtures, each worker's
# PostgreSQL server and Telegram emulator started once) and rebalances by stealing at the end.
JOBS ?= 2

.PHONY: run test lint format bench clean e2e-deps pg-deps

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11+ is required")'
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	@$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $(STAMP)

# `make run AS="Trần Thị Lan"` chats in the console as another local person (see the README tour).
# (make has a built-in AS, the assembler: only an AS given on the command line or in the environment counts.)
run: $(STAMP)
	@$(PY) -m bot run $(if $(filter command line environment,$(origin AS)),--as "$(AS)")

# The end-to-end tests run the bot against a Telegram Bot API emulator from npm (tests/e2e/package.json):
# `npm ci` when node is present and node_modules is missing or older than the lock file. Without node
# those tests skip and say why (under CI they fail instead).
e2e-deps:
	@if command -v node >/dev/null 2>&1; then \
	  if [ ! -f $(E2E_STAMP) ] || [ $(E2E)/package-lock.json -nt $(E2E_STAMP) ]; then \
	    npm ci --prefix $(E2E) --no-audit --no-fund --loglevel=error && touch $(E2E_STAMP); \
	  fi; \
	else echo "node not found: the end-to-end tests (tests/e2e) will be skipped"; fi

# The PostgreSQL tests start a private server from the Debian package's binaries (tests/pg.py):
# installed here when missing and this machine allows it (root with apt-get); quick when present.
pg-deps:
	@sh tests/install_postgres.sh

test: $(STAMP) e2e-deps pg-deps
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy
	$(PY) -m pytest -q -n $(JOBS) --dist worksteal

lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy

format: $(STAMP)
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

bench: $(STAMP)
	@for b in bench/*_bench.py; do $(PY) $$b || exit 1; done

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
