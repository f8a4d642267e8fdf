#!/usr/bin/env bash
# Set up, then run the main job over samples/: each page's text, and every table as CSV and JSON, in out/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
mkdir -p out
status=0
for pdf in samples/*.pdf; do
    stem=$(basename "$pdf" .pdf)
    ita text "$pdf" > "out/$stem.txt" || status=1
done
ita tables samples/*.pdf -o out/tables --format csv || status=1
ita tables samples/*.pdf -o out/tables --format json || status=1
echo "results in out/ (text: out/*.txt, tables: out/tables/)"
exit $status
