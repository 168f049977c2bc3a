# Every command of the project. `make run` and `make test` set everything up on a fresh clone.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=

.DEFAULT_GOAL := help
.PHONY: help install install-dev run serve migrate test lint fmt bench eval-matching compare-splink clean

help:  ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	@touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $@ $(VENV)/.installed-run

install: $(VENV)/.installed-run  ## Create .venv and install the app

install-dev: $(VENV)/.installed-dev  ## Install the app and the development tools

migrate: install  ## Apply database migrations (COOPMAP_DATABASE_URL, default ./coopmap.db)
	$(BIN)/coopmap db upgrade

run: migrate  ## Migrate, load the demo data if the database is empty, serve on http://$(HOST):$(PORT)
	HOST=$(HOST) PORT=$(PORT) $(BIN)/coopmap serve --demo

serve: migrate  ## Serve without loading demo data
	HOST=$(HOST) PORT=$(PORT) $(BIN)/coopmap serve

# pytest exits 5 when it collected no tests: that is a failure here, never a silent pass.
test: install-dev  ## Run the whole test suite (PostGIS and browser tests skip with a reason when absent)
	@$(BIN)/pytest --cov --cov-report=term $(PYTEST_ARGS); rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests: treating as a failure" >&2; exit 1; fi; \
	exit $$rc

lint: install-dev  ## ruff (lint + format check) and mypy
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

fmt: install-dev  ## Format and auto-fix
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: install-dev  ## Benchmarks against DESIGN.md's targets (BENCH_ARGS="--quick", "--sizes 20000 --reuse-db", ...)
	$(BIN)/python -m tests.bench.run $(BENCH_ARGS)

eval-matching: install  ## Matching quality on the real registers (two halves) vs the naive baseline, and speed on synthetic data
	$(BIN)/python -m ingest.matching.evaluate $(EVAL_ARGS)
	$(BIN)/python -m ingest.matching.evaluate --synthetic 20000

$(VENV)/.installed-compare: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[compare]'
	@touch $@ $(VENV)/.installed-run

compare-splink: $(VENV)/.installed-compare  ## The matcher against Splink (optional `compare` extra) on the real registers
	$(BIN)/python -m ingest.matching.splink_compare $(EVAL_ARGS)

clean:  ## Remove the virtualenv, caches and the default database
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .coverage htmlcov test-artifacts
	rm -f coopmap.db coopmap.db-wal coopmap.db-shm
