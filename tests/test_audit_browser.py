"""The audit report in a real headless browser (Debian's ``chromium``).

The report of the samples is opened with ``--dump-dom`` (the DOM after the page's script ran: key
text, the filter's count, a document's details filled in when its ``#doc-…`` link opens it) and
with ``--screenshot`` (the picture must not be blank); a net log shows the page asks for nothing
over the network.  ``scripts/setup.sh --test`` installs chromium; without it these tests skip on a
workstation but fail when ``CI`` is set, so CI cannot pass without running them.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from PIL import Image, ImageStat

from pipeline.audit.folder import AuditResult, audit_records
from pipeline.audit.report import write_audit
from pipeline.audit.synthetic import expected_records
from tests.conftest import SAMPLES

#: Flags for headless Chromium as root on a machine without a network (see the machine notes):
#: no sandbox (root), no GPU, and none of the browser's own background connections.
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
)


def chromium_binary() -> str | None:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


def chromium(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run headless Chromium with a fresh profile; its stdout is the result (``--dump-dom``)."""
    binary = chromium_binary()
    if binary is None:
        raise FileNotFoundError("chromium is not installed (apt-get install chromium)")
    with tempfile.TemporaryDirectory(prefix="ita-chromium-") as profile:
        return subprocess.run(
            [binary, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=True,
        )


def page_requests(net_log: Path) -> list[str]:
    """URLs the page itself asked for (requests from a ``file://`` page), from a Chromium net log;
    the browser's own update and account pings are not the page's."""
    data = json.loads(net_log.read_text(encoding="utf-8"))
    start = data["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    urls = []
    for event in data["events"]:
        params = event.get("params") or {}
        from_page = "file://" in str(params.get("network_isolation_key", ""))
        if event["type"] == start and from_page and not str(params.get("url", "")).startswith("file:"):
            urls.append(str(params["url"]))
    return urls


@pytest.fixture(scope="module")
def browser() -> str:
    binary = chromium_binary()
    if binary is None:
        message = "chromium is not installed: scripts/setup.sh --test installs it"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return binary


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, AuditResult]:
    result = audit_records(list(expected_records(SAMPLES).values()), folder="samples")
    path = tmp_path_factory.mktemp("audit") / "audit.html"
    write_audit(result, path)
    return path, result


def test_dom_has_key_text(browser: str, report: tuple[Path, AuditResult]) -> None:
    path, result = report
    dom = chromium("--dump-dom", f"{path.as_uri()}#doc-santipatong-2565").stdout
    assert "รายงานตรวจความครบถ้วนของเอกสารมาตรการ ITA" in dom
    for doc in result.documents:
        assert f'id="doc-{doc.record.document_id}"' in dom
        assert doc.record.document.agency and doc.record.document.agency in dom
    n = len(result.documents)
    assert f'id="shown">{n} / {n}<' in dom  # the filter script ran
    assert "data-ready-ms=" in dom
    # the #doc- link opened santipatong and filled in its details from the inert template
    opened = dom.split('id="doc-santipatong-2565"', 1)[1].split("</details>", 1)[0]
    assert "open" in opened.split(">", 1)[0]
    body = opened.split("<div>", 1)[1].split("</div>", 1)[0]
    assert "<td>OVERALL_MISMATCH</td>" in body
    assert "ไม่ตรงกับคะแนนที่คำนวณจากตัวชี้วัด 77.63" in body
    assert "<td>INDICATOR_WITHOUT_MEASURE</td>" in body and "ตัวชี้วัดที่ 10 การป้องกันการทุจริต" in body
    # a closed document's details stay out of the DOM tree until opened
    closed = dom.split('id="doc-variant-landscape"', 1)[1].split("</details>", 1)[0]
    assert "<div></div>" in closed


def test_screenshot_is_not_blank(browser: str, report: tuple[Path, AuditResult], tmp_path: Path) -> None:
    path, _ = report
    shot = tmp_path / "audit.png"
    chromium(f"--screenshot={shot}", "--window-size=1280,1600", path.as_uri())
    image = Image.open(shot).convert("RGB")
    assert image.size == (1280, 1600)
    grey = image.convert("L")
    assert ImageStat.Stat(grey).stddev[0] > 15  # text, cards and bars, not a flat page
    colours = image.getcolors(maxcolors=1 << 20) or []
    assert len(colours) > 200  # anti-aliased Thai and Latin text, coloured charts
    top, bottom = grey.crop((0, 0, 1280, 800)), grey.crop((0, 800, 1280, 1600))
    assert ImageStat.Stat(top).stddev[0] > 10 and ImageStat.Stat(bottom).stddev[0] > 10


def test_report_makes_no_network_requests(
    browser: str, report: tuple[Path, AuditResult], tmp_path: Path
) -> None:
    path, _ = report
    log = tmp_path / "net.json"
    chromium(f"--log-net-log={log}", "--dump-dom", f"{path.as_uri()}#doc-santipatong-2565")
    assert page_requests(log) == []
    # the same check does see a page that loads something from the network
    other = tmp_path / "external.html"
    other.write_text('<html><body><img src="http://example.invalid/x.png">x</body></html>', encoding="utf-8")
    chromium(f"--log-net-log={log}", "--dump-dom", other.as_uri())
    assert page_requests(log) == ["http://example.invalid/x.png"]
