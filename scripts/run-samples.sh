#!/usr/bin/env bash
# Set up, then run the main job over samples/: a record per document (JSON + CSV tables) in out/records,
# the audit report of those records (out/audit.html),
# and each page's text and every table (CSV and JSON) for inspection.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
mkdir -p out
status=0
ita extract samples/*.pdf -o out/records || status=1
ita audit out/records -o out/audit.html || status=1
for pdf in samples/*.pdf; do
    stem=$(basename "$pdf" .pdf)
    ita text "$pdf" > "out/$stem.txt" || status=1
done
ita tables samples/*.pdf -o out/tables --format csv || status=1
ita tables samples/*.pdf -o out/tables --format json || status=1
echo "results in out/ (records: out/records/, audit report: out/audit.html, text: out/*.txt, tables: out/tables/)"
exit $status
