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

# Every script in bench/, at a reduced size by default (about 2 minutes on 2 cores);
# BENCH=full runs them at the sizes BENCHMARKS.md and RELIABILITY.md quote (well over an hour).
# Reports go to bench/out/ (ignored by git); the committed figures are in BENCHMARKS.md.
BENCH ?= quick
ifeq ($(BENCH),full)
BENCH_ARGS_upsert  := --docs 300 --facts 20 --repeat 5 --group 20
BENCH_ARGS_reopen  := --rels 100000
BENCH_ARGS_extract := --mb 50 --workers 2
BENCH_ARGS_queries := --rels 1000000
BENCH_ARGS_export  := --rels 100000 --formats facts,csv,cypher,json,graphml
BENCH_ARGS_crash   := --kills 25 --documents 400
BENCH_ARGS_fuzz    := --examples 20000
else
BENCH_ARGS_upsert  := --docs 100 --facts 20 --repeat 3
BENCH_ARGS_reopen  := --rels 20000
BENCH_ARGS_extract := --mb 5 --workers 2
BENCH_ARGS_queries := --rels 100000 --reps 20
BENCH_ARGS_export  := --rels 20000 --formats facts,csv,json
BENCH_ARGS_crash   := --kills 2 --documents 100
BENCH_ARGS_fuzz    := --examples 300
endif

bench: setup
	mkdir -p bench/out
	$(BIN)/python bench/bench_upsert.py $(BENCH_ARGS_upsert)
	$(BIN)/python bench/bench_reopen.py $(BENCH_ARGS_reopen)
	$(BIN)/python bench/bench_extract.py $(BENCH_ARGS_extract)
	$(BIN)/python bench/bench_queries.py $(BENCH_ARGS_queries) --out bench/out/queries-$(BENCH).json
	$(BIN)/python bench/bench_export.py $(BENCH_ARGS_export)
	$(BIN)/python bench/crash.py $(BENCH_ARGS_crash) --out bench/out/crash-$(BENCH).json
	$(BIN)/python bench/fuzz_long.py $(BENCH_ARGS_fuzz)

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache *.egg-info
