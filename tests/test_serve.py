"""``ita serve``: the real server on loopback, called over HTTP."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from tests.conftest import DATA, ROOT, SAMPLES
from tests.test_extract_samples import validate

SMALL = SAMPLES / "variant-two-years.pdf"
BROKEN = DATA / "broken"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server:
    def __init__(self, *options: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        command = [sys.executable, "-m", "pipeline.cli", "serve", "--port", str(self.port), *options]
        self.proc = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{self.url}/health", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(
            f"the server did not start: {self.proc.stderr.read().decode() if self.proc.stderr else ''}"
        )

    def rss_mb(self) -> float:
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return 0.0

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    running = Server("--workers", "2", "--queue", "8", "--max-upload-mb", "2", "--time-limit", "120")
    yield running
    running.stop()


def test_extract_multipart_and_raw_body_give_the_record(server: Server) -> None:
    with SMALL.open("rb") as fh:
        response = httpx.post(
            f"{server.url}/extract", files={"file": (SMALL.name, fh, "application/pdf")}, timeout=120
        )
    assert response.status_code == 200, response.text
    record = response.json()
    validate(record)
    assert record["document_id"] == "variant-two-years" and record["source"]["file"] == SMALL.name
    # the two-year sample: the assessed year's ten scores, each with the year before as `previous`
    assert len(record["indicators"]) == 10
    assert all(i["previous"] and i["previous"]["year"] < i["year"] for i in record["indicators"])
    raw = httpx.post(
        f"{server.url}/extract?ocr=false&pages=1",
        content=SMALL.read_bytes(),
        headers={"content-type": "application/pdf"},
        timeout=120,
    )
    assert raw.status_code == 200
    assert raw.json()["source"]["pages"] == 1


def test_refusals_have_the_right_status(server: Server) -> None:
    broken = httpx.post(f"{server.url}/extract", content=(BROKEN / "not-a-pdf.pdf").read_bytes(), timeout=60)
    assert broken.status_code == 422
    assert broken.json() == {"error": "unreadable", "reason": "is not a PDF (no %PDF header)"}
    too_big = httpx.post(
        f"{server.url}/extract", content=b"%PDF-1.4\n" + b"0" * (3 * 1024 * 1024), timeout=60
    )
    assert too_big.status_code == 413


def test_schema_health_and_openapi(server: Server) -> None:
    from openapi_spec_validator import validate as validate_openapi

    schema = httpx.get(f"{server.url}/schema").json()
    assert schema["$schema"].startswith("https://json-schema.org/draft/2020-12")
    health = httpx.get(f"{server.url}/health").json()
    assert health["status"] == "ok" and health["capacity"] == 10
    spec = httpx.get(f"{server.url}/openapi.json").json()
    validate_openapi(spec)
    assert "/extract" in spec["paths"] and "413" in spec["paths"]["/extract"]["post"]["responses"]
    assert httpx.get(f"{server.url}/docs").status_code == 200


def test_forty_uploads_eight_at_a_time_are_all_answered(server: Server) -> None:
    good = [
        SAMPLES / n for n in ("variant-two-years.pdf", "variant-landscape.pdf", "variant-arabic-digits.pdf")
    ]
    bodies = [(p.name, p.read_bytes()) for p in good] + [("zero.pdf", b""), ("junk.pdf", b"%PDF-1.7 junk")]
    jobs = [bodies[i % len(bodies)] for i in range(40)]
    before = server.rss_mb()

    def upload(job: tuple[str, bytes]) -> tuple[str, int]:
        name, data = job
        for _ in range(60):  # a 503 asks to come back after Retry-After seconds
            response = httpx.post(
                f"{server.url}/extract?ocr=false", files={"file": (name, data)}, timeout=300
            )
            if response.status_code != 503:
                return name, response.status_code
            assert response.headers["retry-after"] == "5"
            time.sleep(1)
        return name, 503

    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(upload, jobs))
    assert len(answers) == 40
    for name, status in answers:
        assert status == (422 if name in ("zero.pdf", "junk.pdf") else 200), (name, status)
    assert server.rss_mb() < before + 200  # the server holds no documents: the workers read them


def test_busy_service_answers_503_with_retry_after() -> None:
    running = Server("--workers", "1", "--queue", "0", "--time-limit", "120")
    try:
        scan = (SAMPLES / "wangphai-2566-scanned.pdf").read_bytes()
        with ThreadPoolExecutor(max_workers=2) as pool:
            first = pool.submit(httpx.post, f"{running.url}/extract", content=scan, timeout=300)
            time.sleep(1.5)
            second = httpx.post(f"{running.url}/extract", content=SMALL.read_bytes(), timeout=60)
            assert second.status_code == 503 and second.headers["retry-after"] == "5"
            assert first.result().status_code == 200
    finally:
        running.stop()


def test_a_token_guards_everything_but_health() -> None:
    running = Server("--token", "s3cret")
    try:
        assert httpx.get(f"{running.url}/health").status_code == 200
        assert httpx.get(f"{running.url}/schema").status_code == 401
        assert httpx.post(f"{running.url}/extract", content=SMALL.read_bytes()).status_code == 401
        ok = httpx.get(f"{running.url}/schema", headers={"authorization": "Bearer s3cret"})
        assert ok.status_code == 200 and json.loads(ok.text)["title"]
    finally:
        running.stop()


def test_listening_beyond_loopback_needs_a_token() -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.pop("ITA_SERVE_TOKEN", None)
    done = subprocess.run(
        [sys.executable, "-m", "pipeline.cli", "serve", "--host", "0.0.0.0"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2 and "needs a bearer token" in done.stderr
