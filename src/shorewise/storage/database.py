"""Open the database: SQLite in the user's data directory by default, or PostgreSQL by URL.

SQLite connections run in WAL mode with foreign keys on and a busy timeout, so a reader
never blocks a writer and a crash never leaves half a transaction behind. A transaction
that writes starts with ``BEGIN IMMEDIATE`` (see :data:`WRITE`): it takes the write lock
first and waits its turn, instead of reading a snapshot, finding it stale when it comes to
write, and failing with "database is locked" as parallel saves otherwise do. The schema is
brought up to date with the Alembic migrations shipped in ``storage/migrations`` every
time a database is opened.

Example::

    >>> engine = open_database("sqlite:///:memory:")     # doctest: +SKIP
    >>> default_url()                                    # doctest: +SKIP
    'sqlite:////home/me/.local/share/shorewise/shorewise.db'
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from shorewise.errors import ShorewiseError

MIGRATIONS = Path(__file__).parent / "migrations"
SQLITE_BUSY_MS = 10_000
WRITE = "shorewise_write"
"""Execution option of a connection whose transactions write (``BEGIN IMMEDIATE`` on SQLite)."""


class StorageError(ShorewiseError):
    """The database cannot be opened or used as asked (bad URL, unreachable server)."""


def default_url() -> str:
    """``sqlite:///<user data dir>/shorewise.db`` (platformdirs), creating the folder."""
    from platformdirs import user_data_dir

    folder = Path(user_data_dir("shorewise", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'shorewise.db'}"


def normalise_url(url: str) -> str:
    """Accept ``postgresql://`` and ``postgres://`` as ``postgresql+psycopg://``."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url.removeprefix(prefix)
    return url


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
    finally:
        cursor.close()


def _sqlite_autocommit_driver(dbapi_connection: Any, _record: Any) -> None:
    """Let SQLAlchemy, not the sqlite3 module, say when a transaction begins."""
    dbapi_connection.isolation_level = None


def _sqlite_begin(connection: Any) -> None:
    immediate = connection.get_execution_options().get(WRITE, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def create_database_engine(url: str | None = None) -> Engine:
    """An Engine for ``url`` (default: :func:`default_url`), without migrating.

    Raises :class:`StorageError` for a URL SQLAlchemy cannot use.
    """
    target = normalise_url(url or default_url())
    try:
        parsed = make_url(target)
        if parsed.get_backend_name() == "sqlite":
            if parsed.database and parsed.database != ":memory:":
                Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
            engine = create_engine(parsed, connect_args={"timeout": SQLITE_BUSY_MS / 1000})
            event.listen(engine, "connect", _sqlite_autocommit_driver)
            event.listen(engine, "connect", _sqlite_pragmas)
            event.listen(engine, "begin", _sqlite_begin)
            return engine
        return create_engine(parsed, pool_pre_ping=True)
    except (ArgumentError, NoSuchModuleError, ValueError) as exc:
        raise StorageError(f"cannot use the database URL: {exc}", source="--db") from exc


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest migration (Alembic ``upgrade head``), in code."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def open_database(url: str | None = None) -> Engine:
    """Create the engine and migrate; raises :class:`StorageError` if unreachable."""
    from sqlalchemy.exc import OperationalError

    engine = create_database_engine(url)
    try:
        migrate(engine)
    except OperationalError as exc:
        engine.dispose()
        raise StorageError(
            f"cannot open the database: {exc.orig or exc}", source=engine.url.render_as_string()
        ) from exc
    return engine
