"""Alembic environment: migrations run in code on a connection handed over by
:func:`shorewise.storage.database.migrate` (no ini file, no logging setup)."""

from __future__ import annotations

from alembic import context

from shorewise.storage.models import Base

target_metadata = Base.metadata
connection = context.config.attributes.get("connection")

if connection is None:  # offline mode (`alembic upgrade --sql`) is not supported
    raise RuntimeError("run migrations through shorewise.storage.database.migrate()")

context.configure(
    connection=connection,
    target_metadata=target_metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
