#!/usr/bin/env bash
# Set up and run every check: lint, types, unit and doctests, tests against the real PDFs.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
python3 -m ruff check .
python3 -m ruff format --check .
python3 -m mypy
python3 -m pytest -q
