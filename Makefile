# Two commands: `make demo` (set up, ingest the bundled samples, serve them) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_DB ?= demo.db
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: demo test lint typecheck bench clean

$(BIN)/baogao: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev,cluster]'
	touch $@

demo: $(BIN)/baogao
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	rm -rf $(DEMO_DB).index
	$(BIN)/baogao ingest examples --db $(DEMO_DB) --jobs 2
	$(BIN)/baogao ls --db $(DEMO_DB) --region 北京
	$(BIN)/baogao facts examples/seeds/003_cd0a21e123bf8728.txt --format table
	$(BIN)/baogao track 全国 --period 2024 --db $(DEMO_DB)
	@echo
	@echo "Try the commands of the README:  source $(VENV)/bin/activate && export BAOGAO_DB=$$PWD/$(DEMO_DB)"
	@echo
	$(BIN)/baogao serve --db $(DEMO_DB) --host $(HOST) --port $(PORT)

test: $(BIN)/baogao lint typecheck
	$(BIN)/pytest -q

lint: $(BIN)/baogao
	$(BIN)/ruff check baogao tests benchmarks

typecheck: $(BIN)/baogao
	$(BIN)/mypy

bench: $(BIN)/baogao
	$(BIN)/python benchmarks/ingest.py
	$(BIN)/python benchmarks/facts_quality.py
	$(BIN)/python benchmarks/format_robustness.py
	$(BIN)/python benchmarks/facts_speed.py

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache .mypy_cache .ruff_cache $(DEMO_DB)*
