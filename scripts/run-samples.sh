#!/usr/bin/env bash
# Set up, then run the main job over samples/, reading each PDF once: a record per document (JSON +
# CSV tables) in out/records, with each document's page text (out/records/text/) and tables
# (out/records/tables/) from the same reading, then the audit report of the records (out/audit.html).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
mkdir -p out
status=0
.venv/bin/ita extract samples/*.pdf -o out/records --text --tables || status=1
.venv/bin/ita audit out/records -o out/audit.html || status=1
echo "results in out/ (records: out/records/, page text: out/records/text/, tables: out/records/tables/," \
    "audit report: out/audit.html)"
exit $status
