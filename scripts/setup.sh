#!/usr/bin/env bash
# Install everything ita-extract needs on a fresh Debian machine (run as root), into a virtual
# environment at .venv/ made with Debian's own Python (stock Debian marks /usr/bin/python3 as
# externally managed, so pip may not install into it):
#   bash scripts/setup.sh          # the tool: .venv/bin/ita
#   bash scripts/setup.sh --test   # the tool and what the tests, linters and benchmarks need
# Then `source .venv/bin/activate` puts `ita` (and the venv's python) on the PATH.
# ITA_PYTHON picks another interpreter for the venv (default: /usr/bin/python3, else python3).
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages: python3-venv makes the virtual environment; poppler-utils renders page images
# (pdftoppm) for checking output by eye; Tesseract's Thai, English and orientation models read scanned
# pages (tesserocr brings the engine).
APT_PACKAGES=(python3-venv poppler-utils tesseract-ocr tesseract-ocr-tha tesseract-ocr-eng tesseract-ocr-osd)
# --test only: headless Chromium (and a Thai font, Laksaman) to open the audit report in a real
# browser (tests/test_audit_browser.py, bench/audit.py); the tool itself does not need them.
if [ "${1:-}" = "--test" ]; then
    APT_PACKAGES+=(chromium fonts-tlwg-laksaman)
fi
# --samples only: LibreOffice and the Thai fonts that samples/make_samples.py and samples/make_corpus.py
# build the sample and corpus PDFs with (the tests read the committed PDFs and need none of them).
if [ "${1:-}" = "--samples" ]; then
    APT_PACKAGES+=(libreoffice-writer-nogui fonts-tlwg-laksaman fonts-tlwg-garuda fonts-tlwg-norasi
        fonts-tlwg-kinnari fonts-tlwg-loma)
fi
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

python="${ITA_PYTHON:-}"
if [ -z "$python" ]; then
    if [ -x /usr/bin/python3 ]; then python=/usr/bin/python3; else python=python3; fi
fi
if [ ! -x .venv/bin/python ]; then
    "$python" -m venv .venv
fi

extras=""
if [ "${1:-}" = "--test" ]; then
    extras="[test]"
elif [ "${1:-}" = "--samples" ]; then
    extras="[samples]"
fi
# An editable install in "compat" mode puts the checkout on sys.path with a .pth line; the default
# mode installs an import hook that every Python start pays for (25 ms of each `ita` command).
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".${extras}" \
    --config-settings editable_mode=compat
# Byte-compile the checkout as pip does for installed packages, so no command compiles the project's
# modules at start (PYTHONDONTWRITEBYTECODE, set on some machines, stops Python caching them itself).
.venv/bin/python -m compileall -q pipeline extractors schemas >/dev/null
