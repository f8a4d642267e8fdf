#!/usr/bin/env bash
# Set up and run every check: lint, types, the import contract, unit and doctests, tests against the
# real PDFs.  Everything runs from the virtual environment scripts/setup.sh makes (.venv/).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy
.venv/bin/lint-imports
.venv/bin/python -m pytest -q
