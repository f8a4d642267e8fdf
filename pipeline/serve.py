"""``ita serve``: the extractor as an HTTP service, for systems that cannot run a command.

``POST /extract`` takes a PDF (a multipart ``file`` field, or the raw body) and answers with its
record, the same JSON ``ita extract`` writes (``?ocr=false``, ``?pages=1-3``); ``GET /schema`` gives
the record's JSON Schema, ``GET /health`` the service's state, ``/docs`` and ``/openapi.json`` its
OpenAPI description.

Each document is read in one of ``workers`` worker processes, the batch's, with its time and memory
limits; a file that is not a regular PDF is refused as the command line refuses it.  At most
``workers`` documents are read at once and ``queue`` more wait; beyond that a request gets ``503``
with ``Retry-After``.  An upload larger than ``max_upload_mb`` gets ``413``, a file that cannot be
read ``422`` with the command line's reason.  The service listens on 127.0.0.1 unless told
otherwise, and anywhere else only with a bearer token.

FastAPI and uvicorn come with the ``serve`` extra: ``pip install 'ita-extract[serve]'``.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import hmac
import json
import os
import shutil
import tempfile
import threading
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

# FastAPI reads the endpoints' annotations at run time: its names must be the module's own.
from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import JSONResponse, Response

from pipeline.batch.executors import WorkerSet
from pipeline.batch.types import DEFAULT_MEMORY_MB, DEFAULT_TIME_LIMIT, DocumentTask, ErrorKind, Limits
from schemas.names import short_id, shown_name, shown_stem
from schemas.record import SCHEMA_PATH

#: Environment variable that may hold the bearer token (instead of ``--token``).
TOKEN_VARIABLE = "ITA_SERVE_TOKEN"
LOOPBACK = ("127.0.0.1", "::1", "localhost")
#: Seconds a client is asked to wait when every worker and queue place is taken.
RETRY_AFTER = 5
_CHUNK = 1 << 16


@dataclass(frozen=True)
class ServeSettings:
    """How the service runs."""

    workers: int = 2
    queue: int = 8  #: requests that may wait for a worker; more get 503
    max_upload_mb: float = 50.0
    time_limit: float | None = DEFAULT_TIME_LIMIT
    memory_mb: int | None = DEFAULT_MEMORY_MB
    token: str | None = None


class _Gate:
    """Counts the documents in the service (read or waiting) against its capacity."""

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self.inside = 0
        self._lock = threading.Lock()

    def enter(self) -> bool:
        with self._lock:
            if self.inside >= self.capacity:
                return False
            self.inside += 1
            return True

    def leave(self) -> None:
        with self._lock:
            self.inside -= 1


def create_app(settings: ServeSettings) -> Any:
    """The FastAPI application."""
    from pipeline.batch.run import program_version

    workers = WorkerSet(Limits(time_limit=settings.time_limit, memory_mb=settings.memory_mb))
    pool = ThreadPoolExecutor(max_workers=settings.workers, thread_name_prefix="ita-serve")
    gate = _Gate(settings.workers + settings.queue)
    limit = int(settings.max_upload_mb * 1024 * 1024)
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    uploads = Path(tempfile.mkdtemp(prefix="ita-serve-"))

    @contextlib.asynccontextmanager
    async def lifespan(_app: Any) -> AsyncIterator[None]:
        yield
        pool.shutdown(wait=False, cancel_futures=True)
        workers.kill()
        shutil.rmtree(uploads, ignore_errors=True)

    app = FastAPI(
        title="ita-extract",
        version=program_version(),
        description="Read Thai ITA measures documents (PDF) into records: indicators, actions, checks.",
        lifespan=lifespan,
    )

    def authorise(request: Request) -> None:
        if settings.token is None:
            return
        given = request.headers.get("authorization", "")
        if not hmac.compare_digest(given.encode(), f"Bearer {settings.token}".encode()):
            raise HTTPException(401, "a bearer token is needed", headers={"WWW-Authenticate": "Bearer"})

    @app.get("/health")
    def health() -> dict[str, Any]:
        """The service is up; how many documents it holds and can hold."""
        return {
            "status": "ok",
            "version": program_version(),
            "documents": gate.inside,
            "capacity": gate.capacity,
            "workers": settings.workers,
        }

    @app.get("/schema")
    def get_schema(request: Request) -> Any:
        """The JSON Schema (2020-12) every record follows."""
        authorise(request)
        return schema

    @app.post(
        "/extract",
        responses={
            200: {"description": "The document's record (schemas/ita-record.schema.json)."},
            401: {"description": "A bearer token is needed."},
            413: {"description": "The upload is larger than the service takes."},
            422: {"description": "The file cannot be read (the reason in plain words)."},
            503: {"description": "Every worker and waiting place is taken: retry after Retry-After s."},
        },
    )
    async def extract(
        request: Request,
        ocr: Annotated[bool, Query(description="Read scanned pages by OCR.")] = True,
        pages: Annotated[str | None, Query(description="Pages to read, e.g. 1-3,5 (default: all).")] = None,
    ) -> Response:
        """Read one PDF (a multipart ``file`` field, or the raw body) into its record."""
        authorise(request)
        declared = request.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > limit + _CHUNK:
            raise HTTPException(413, f"the upload is larger than {settings.max_upload_mb:g} MB")
        if not gate.enter():
            return JSONResponse(
                {"error": "busy", "reason": "every worker is busy; retry later"},
                status_code=503,
                headers={"Retry-After": str(RETRY_AFTER)},
            )
        path = uploads / f"{os.urandom(8).hex()}.pdf"
        try:
            name, digest, size = await _receive(request, path, limit)
            doc_id = short_id(shown_stem(name) or "upload", digest)
            task = DocumentTask(digest, str(path), doc_id, size, ocr=ocr, pages=pages)
            outcome = await asyncio.get_running_loop().run_in_executor(pool, workers.run, task)
        except _TooLarge:
            raise HTTPException(413, f"the upload is larger than {settings.max_upload_mb:g} MB") from None
        finally:
            gate.leave()
            path.unlink(missing_ok=True)
        if outcome.record_json is not None:
            record = json.loads(outcome.record_json)
            record["source"]["file"] = shown_name(name)
            return JSONResponse(record)
        kind = outcome.error_kind or ErrorKind.INTERNAL
        status = 500 if kind is ErrorKind.INTERNAL else 422
        return JSONResponse({"error": kind.value, "reason": outcome.error}, status_code=status)

    return app


class _TooLarge(Exception):
    pass


async def _receive(request: Any, path: Path, limit: int) -> tuple[str, str, int]:
    """Store the upload at ``path``: the part ``file`` of a multipart form, or the raw body.
    Returns the file's name, SHA-256 and size; ``_TooLarge`` past ``limit`` bytes."""
    digest = hashlib.sha256()
    size = 0
    name = "upload.pdf"
    kind = request.headers.get("content-type", "")
    with path.open("wb") as fh:
        if kind.startswith("multipart/form-data"):
            form = await request.form(max_files=1, max_fields=4, max_part_size=limit + 1)
            part = form.get("file")
            if part is None or isinstance(part, str):
                raise HTTPException(422, "the form has no file field named 'file'")
            name = Path(part.filename or name).name
            while chunk := await part.read(_CHUNK):
                size += len(chunk)
                if size > limit:
                    raise _TooLarge
                digest.update(chunk)
                fh.write(chunk)
        else:
            async for chunk in request.stream():
                size += len(chunk)
                if size > limit:
                    raise _TooLarge
                digest.update(chunk)
                fh.write(chunk)
    return name, digest.hexdigest(), size


def check_listen(host: str, token: str | None) -> None:
    """Refuse to listen beyond this machine without a token."""
    if host not in LOOPBACK and not token:
        raise ValueError(f"listening on {host} needs a bearer token (--token or {TOKEN_VARIABLE})")


def serve(host: str, port: int, settings: ServeSettings) -> None:
    """Run the service until it is stopped (Ctrl-C)."""
    import uvicorn

    check_listen(host, settings.token)
    uvicorn.run(create_app(settings), host=host, port=port, log_level="warning", access_log=False)
