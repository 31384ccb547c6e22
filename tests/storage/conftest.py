"""Storage tests run against SQLite and against a real PostgreSQL server."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.storage.postgres_server import fresh_database_url

BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A URL to an empty database: a SQLite file, or a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'shorewise.db'}"
    return fresh_database_url()
