# The two commands a newcomer needs: `make run` and `make test`. Everything else supports them.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell sha1sum requirements.lock | cut -c1-12)
DEV := DJANGO_SETTINGS_MODULE=portal.settings.dev

.PHONY: run test install system-deps lint check lock clean messages

$(STAMP): requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -r requirements.lock
	rm -f $(VENV)/.installed-* && touch $(STAMP)

install: $(STAMP)

run: install
	$(DEV) $(BIN)/python manage.py migrate --noinput
	$(DEV) $(BIN)/python manage.py load_demo
	$(DEV) $(BIN)/python manage.py runserver 127.0.0.1:8000

system-deps:
	@scripts/system-deps.sh

lint: install
	$(BIN)/ruff check .

check: install
	$(DEV) $(BIN)/python manage.py check --fail-level WARNING
	$(DEV) $(BIN)/python manage.py makemigrations --check --dry-run

# Tests are shared among TEST_WORKERS processes, each with its own PostgreSQL, Redis and Chromium. `--dist load`
# hands each worker its tests in pytest-django's order (database-transaction tests first, flushing ones last);
# grouping by file would run a file of plain tests after another file's flush had emptied the migrated site.
TEST_WORKERS ?= 2

test: install system-deps lint check
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist load

# Refresh the de/en/ar catalogs in locale/ from the sources and compile them (needs gettext).
messages: install
	$(DEV) $(BIN)/python scripts/messages.py

# Re-pin every dependency after changing pyproject.toml.
lock:
	rm -rf /tmp/nahbar-lock && $(PYTHON) -m venv /tmp/nahbar-lock
	/tmp/nahbar-lock/bin/pip install --quiet '.[dev]'
	/tmp/nahbar-lock/bin/pip freeze --exclude nahbar > requirements.lock

clean:
	rm -rf $(VENV) var/static
