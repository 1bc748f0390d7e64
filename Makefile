# Sitrep: two commands for users (make report, make test), a few for developers.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
CORPUS ?= seeds
REPORTS ?= reports
STAMP  := $(VENV)/.installed

.PHONY: report test format lab notebooks lock clean bench

# The venv is rebuilt only when the lock or the project metadata change.
$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	$(BIN)/python -m pip check
	touch $(STAMP)

report: $(STAMP)
	$(BIN)/python -m helpers report $(CORPUS) --out $(REPORTS)

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Jupyter refuses to start as root (containers, CI) unless told to; it prints the URL to open.
lab: $(STAMP)
	$(BIN)/jupyter lab notebooks/ $(if $(filter 0,$(shell id -u)),--allow-root)

notebooks: $(STAMP)
	$(BIN)/python -m helpers notebooks

bench: $(STAMP)
	$(BIN)/python benchmarks/run_all.py

lock:
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
		--extra test --extra dask -o requirements.lock pyproject.toml

clean:
	rm -rf $(REPORTS) .sitrep-cache
