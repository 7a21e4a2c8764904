# Two commands do everything on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml apt-packages.txt | cksum | cut -d' ' -f1)

.PHONY: demo test system-deps bench clean train

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml apt-packages.txt | $(BIN)/python
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	rm -f $(VENV)/.installed-*
	touch $@

# Debian packages the tests need (apt-packages.txt); installed when running as root (as in CI).
system-deps:
	@pkgs=$$(grep -v '^#' apt-packages.txt | xargs); \
	if [ -z "$$pkgs" ]; then exit 0; fi; \
	missing=$$(for p in $$pkgs; do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	else echo "note: missing Debian packages ($$missing); tests that need them will skip. Install: sudo apt-get install $$missing"; fi

demo: $(STAMP)
	$(BIN)/redline demo

# Rebuild the shipped positions model from the annotated corpus and ../shared/data (seeded; minutes on 2 cores).
# Extra annotations in the guideline format (e.g. an analyst's corrections): make train EXTRA="--extra more.jsonl"
train: $(STAMP)
	$(BIN)/python bench/train_positions.py $(EXTRA)

# The layering contracts in pyproject.toml ([tool.importlinter]) first: a backward import fails fast.
test: $(STAMP) system-deps
	$(BIN)/lint-imports
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python bench/clean.py
	$(BIN)/python bench/html_extract.py
	$(BIN)/python bench/ingest.py
	$(BIN)/python bench/quotes.py
	$(BIN)/python bench/throughput.py
	$(BIN)/python bench/serve.py
	$(BIN)/python bench/batch.py

clean:
	rm -rf $(VENV) *.egg-info redline-demo.db* test-output
