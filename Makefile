# Two commands set everything up on a fresh machine:
#   make run    install, build the index of corpus/, and ask questions in the terminal
#   make test   install (with test tools) and run the test suite
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# The CPU build of torch lies on this machine's disk; an unpinned torch would pull a multi-GB CUDA build.
TORCH ?= torch==2.13.0

.PHONY: install index run test lint clean

$(BIN)/evbot: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check "$(TORCH)"
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e ".[dev]"
	touch $@

install: $(BIN)/evbot

index: install
	$(BIN)/evbot index build

run: index
	$(BIN)/evbot run

# Two workers, a test file each: most tests wait on a subprocess loading the model, so one
# core sat idle (21 min serial, 16.5 with two, on the shared 2-core machine). Files go in
# tests/conftest.py's order (slowest first), not xdist's (most tests first): the slowest file
# last was one worker's tail of minutes.
test: install
	$(BIN)/ruff check bot tests
	$(BIN)/python -m pytest -n 2 --dist loadfile --no-loadscope-reorder

lint: install
	$(BIN)/ruff check bot tests
	$(BIN)/ruff format --check bot tests

clean:
	rm -rf $(VENV) index/current index/2* index/.*.tmp
