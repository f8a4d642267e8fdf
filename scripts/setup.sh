#!/usr/bin/env bash
# Install everything ita-extract needs on a fresh Debian machine (run as root, Python 3.11).
#   bash scripts/setup.sh          # the tool
#   bash scripts/setup.sh --test   # the tool and what the tests, linters and benchmarks need
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages: poppler-utils renders page images (pdftoppm) for checking output by eye;
# Tesseract's Thai, English and orientation models read scanned pages (tesserocr brings the engine).
APT_PACKAGES=(poppler-utils tesseract-ocr tesseract-ocr-tha tesseract-ocr-eng tesseract-ocr-osd)
# --test only: headless Chromium (and a Thai font, Laksaman) to open the audit report in a real
# browser (tests/test_audit_browser.py, bench/audit.py); the tool itself does not need them.
if [ "${1:-}" = "--test" ]; then
    APT_PACKAGES+=(chromium fonts-tlwg-laksaman)
fi
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

extras=""
if [ "${1:-}" = "--test" ]; then
    extras="[test]"
fi
python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore -e ".${extras}"
