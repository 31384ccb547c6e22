"""Killing `shorewise serve` (SIGKILL) while it saves leaves the database consistent and
every scenario it acknowledged readable."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest
from sqlalchemy import text
from tests.storage.postgres_server import fresh_database_url
from tests.web.conftest import example_text
from tests.web.live_server import free_port

from shorewise.workflows.library import Library

ACKNOWLEDGED_BEFORE_KILL = 15
MAX_WRITES = 400


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def kill_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'killed.db'}"
    return fresh_database_url()


def _wait_for(url: str, server: subprocess.Popen[bytes]) -> None:
    for _ in range(300):
        if server.poll() is not None:
            raise RuntimeError("the server exited before it answered")
        try:
            if httpx.get(url + "/api/health", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    raise RuntimeError("the server did not answer")


def test_sigkill_while_saving_keeps_every_acknowledged_scenario(kill_db_url: str) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    command = [sys.executable, "-m", "shorewise", "serve", "--port", str(port)]
    command += ["--db", kill_db_url, "--no-open"]
    server = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ}
    )
    acknowledged: list[tuple[int, str]] = []
    enough = threading.Event()

    def write_until_refused() -> None:
        with httpx.Client(base_url=url, timeout=10) as client:
            for i in range(MAX_WRITES):
                name = f"saved {i}"
                body = example_text().replace("Payments platform", name)
                try:
                    response = client.post(
                        "/api/scenarios", content=body, headers={"content-type": "application/yaml"}
                    )
                except httpx.TransportError:
                    return  # the server is gone
                assert response.status_code == 201
                acknowledged.append((response.json()["id"], name))
                if len(acknowledged) >= ACKNOWLEDGED_BEFORE_KILL:
                    enough.set()
        enough.set()

    try:
        _wait_for(url, server)
        writer = threading.Thread(target=write_until_refused)
        writer.start()
        assert enough.wait(timeout=120)
        server.send_signal(signal.SIGKILL)  # while the writer keeps saving
        server.wait(timeout=30)
        writer.join(timeout=60)
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
    assert server.returncode == -signal.SIGKILL
    assert len(acknowledged) >= ACKNOWLEDGED_BEFORE_KILL

    library = Library.open(kill_db_url)
    try:
        if library.store.engine.dialect.name == "sqlite":
            with library.store.engine.connect() as connection:
                assert connection.scalar(text("pragma integrity_check")) == "ok"
        saved = {s.scenario_id: s.name for s in library.scenarios()}
        for scenario_id, name in acknowledged:
            assert saved[scenario_id] == name
        for scenario_id in saved:  # every row, even one saved as the kill came, is whole
            draft = library.draft(scenario_id)
            assert draft.scenario.name == saved[scenario_id]
    finally:
        library.close()
