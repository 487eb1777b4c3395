# The two commands: `make demo` and `make test`. Everything they need is installed here.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
APT_PACKAGES := postgresql

.PHONY: demo test setup system lint bench clean muc4-model

demo: setup
	rm -f demo.db
	$(BIN)/incidentkb ingest samples/reports samples/stream/reports --db demo.db
	$(BIN)/incidentkb incidents --db demo.db
	$(BIN)/incidentkb show --db demo.db $$($(BIN)/incidentkb incidents --db demo.db --q Crocus --format ids | head -n 1)

test: setup system
	$(BIN)/ruff check src tests bench
	scripts/with-postgres $(BIN)/pytest -q

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[test,nlp]"
	touch $(STAMP)

# Debian packages the tests need (a real PostgreSQL server); installed only when missing.
system:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null \
	    || echo "could not install$$missing: the PostgreSQL tests will skip, saying why"; \
	fi

lint: setup
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

BENCH_ARGS ?=
bench: setup
	$(BIN)/python bench/speed.py $(BENCH_ARGS)
	$(BIN)/python bench/quality.py
	$(BIN)/python bench/resolution.py
	$(BIN)/python bench/resolve_scale.py
	$(BIN)/python bench/muc4.py

# The MUC-4 model in models/muc4 (role tagger, then fold taggers in build/muc4 and the entity
# classifier), trained again from ../shared/corpora/muc4/train.jsonl (CPU, seed 0, about 47
# minutes on 2 cores); the repo ships the result.
muc4-model: setup
	$(BIN)/pip install -q -e ".[test,nlp,train]"
	$(BIN)/python scripts/train_muc4.py

clean:
	rm -rf $(VENV) demo.db .pytest_cache
