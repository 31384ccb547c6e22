"""Saved scenarios (versioned) and runs, in SQLite or PostgreSQL (SQLAlchemy 2 + Alembic).

- :mod:`.database` opens a database by URL and migrates it;
- :mod:`.models` has the tables;
- :mod:`.repository` has the transactional reads and writes, returning plain records.

This layer stores what it is given; validating scenarios is the workflows' job.
"""
