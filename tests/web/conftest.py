"""Web tests: the app served by uvicorn on 127.0.0.1, on SQLite and on PostgreSQL."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from tests.storage.postgres_server import fresh_database_url
from tests.web.live_server import LiveServer

from shorewise.web.app import create_app

BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture(scope="session", params=BACKENDS)
def served(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """Base URL of one app per backend, shared by the API tests of a session."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('web') / 'shorewise.db'}"
    else:
        url = fresh_database_url()
    with LiveServer(create_app(url, max_samples=20_000, max_body_bytes=100_000)) as server:
        yield server.url


@pytest.fixture
def client(served: str) -> Iterator[httpx.Client]:
    """An HTTP client for the served app (same origin, as a local tool would be)."""
    with httpx.Client(base_url=served, timeout=120) as http:
        yield http


def example_text(name: str = "core-platform") -> str:
    """A bundled example scenario's YAML."""
    root = Path(__file__).resolve().parents[2] / "src" / "shorewise" / "examples"
    return (root / f"{name}.yaml").read_text(encoding="utf-8")


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh database of each backend, for a test that starts its own server."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'own.db'}"
    return fresh_database_url()


@contextmanager
def serving(url: str, **options: Any) -> Iterator[httpx.Client]:
    """A client of a fresh app on ``url`` (``create_app`` options: workers, max_queued...)."""
    app = create_app(url, **{"max_samples": 20_000, **options})
    with LiveServer(app) as server, httpx.Client(base_url=server.url, timeout=120) as client:
        yield client


def wait_for_job(client: httpx.Client, job_id: str) -> dict[str, object]:
    """Poll ``/api/jobs/{job_id}`` until the job is no longer queued or running (2 minutes
    at most) and return its last state."""
    for _ in range(1200):
        state = client.get(f"/api/jobs/{job_id}").json()
        if state["state"] not in ("queued", "running"):
            return dict(state)
        time.sleep(0.1)
    raise AssertionError(f"job {job_id} did not finish")
