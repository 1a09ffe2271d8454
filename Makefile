# Two entry points for a fresh machine (Python 3.11+ and make, nothing else):
#   make demo   set up, load the sample corpus into the embedded store, answer questions
#   make test   set up, lint, run the test suite
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
CG     := $(BIN)/civicgraph

.PHONY: setup demo test lint format bench clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

demo: setup
	$(CG) load examples/london/
	$(CG) ask who-was-asked --format markdown
	$(CG) ask funding --format markdown
	$(CG) ask oversight -p actor="the Met" --format markdown
	$(CG) ask response-times --format markdown
	$(CG) stats --format table

test: setup
	$(BIN)/ruff check .
	$(BIN)/pytest -q

lint: setup
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .

format: setup
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: setup
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache *.egg-info
