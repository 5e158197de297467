# The two set-up commands: `make demo` and `make test`. Both build .venv from the project's own files.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench health clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/eventwire demo --db demo.duckdb
	@echo "(the command is $(BIN)/eventwire while .venv is not activated)"

test: $(STAMP)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests bench tools
	$(BIN)/ruff format --check src tests bench tools

bench: $(STAMP)
	$(BIN)/python bench/throughput.py --corpus ../shared/corpora/wikinews-2019-2020.jsonl.gz --limit 200

health: $(STAMP)
	$(BIN)/python bench/health.py ../shared/corpora/wikinews-2019-2020.jsonl.gz

clean:
	rm -rf $(VENV) demo.duckdb
