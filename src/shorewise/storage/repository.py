"""Saved scenarios, their versions and runs: every write is one transaction.

Functions take a :class:`Store` and return plain frozen records, never ORM objects, so a
caller cannot lazy-load after the session closed or change a row by accident. A write
either commits whole or leaves nothing behind (a crash mid-save keeps every earlier save).

An id outside the database's integer range (PostgreSQL ``integer``: up to 2**31 - 1;
SQLite: up to 2**63 - 1) names nothing, so it raises :class:`NotFoundError` like any other
unknown id instead of reaching the driver. An edit names the version it starts from; if
another edit was saved since, :class:`VersionConflictError` says so and nothing is written.

Example::

    >>> store = Store(open_database("sqlite:///scenarios.db"))   # doctest: +SKIP
    >>> saved = add_scenario(store, "App", "name: App\\n...", {"name": "App"})  # doctest: +SKIP
    >>> get_version(store, saved.scenario_id).version             # doctest: +SKIP
    1
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, func, select, update
from sqlalchemy.orm import Session, defer

from shorewise.errors import ShorewiseError
from shorewise.storage.database import WRITE
from shorewise.storage.models import RunRow, ScenarioRow, VersionRow, utc_now

SQLITE_MAX_ID = 2**63 - 1
POSTGRES_MAX_ID = 2**31 - 1  # the `integer` columns of the schema


class NotFoundError(ShorewiseError):
    """No saved scenario, version or run has the id asked for."""


class VersionConflictError(ShorewiseError):
    """An edit starts from a version that is no longer the current one."""

    def __init__(self, scenario_id: int, base_version: int, current_version: int) -> None:
        self.scenario_id = scenario_id
        self.base_version = base_version
        self.current_version = current_version
        super().__init__(
            f"scenario {scenario_id} is at version {current_version}; this edit starts from "
            f"version {base_version}, so it was not saved (nothing was overwritten)"
        )


class Store:
    """A database opened for shorewise: an Engine, and transactions on it."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @contextmanager
    def transaction(self, *, write: bool = False) -> Iterator[Session]:
        """A session in one transaction: committed on success, rolled back on any error.

        ``write=True`` for a transaction that writes: on SQLite it takes the write lock at
        once (``BEGIN IMMEDIATE``), so parallel writers queue instead of failing.
        """
        with self.engine.connect() as connection:
            if write:
                connection.execution_options(**{WRITE: True})
            with Session(bind=connection, expire_on_commit=False) as session, session.begin():
                yield session

    def close(self) -> None:
        """Release every pooled connection."""
        self.engine.dispose()


@dataclass(frozen=True)
class ScenarioSummary:
    """A saved scenario as listed: name, current version, latest run of that version."""

    scenario_id: int
    name: str
    version: int
    created_at: datetime
    updated_at: datetime
    latest_run_id: int | None


@dataclass(frozen=True)
class VersionRecord:
    """One version of a scenario: the text as written and the validated data."""

    scenario_id: int
    version: int
    current_version: int
    name: str
    text: str
    data: dict[str, Any]
    created_at: datetime
    versions: tuple[int, ...]


@dataclass(frozen=True)
class RunSummary:
    """A saved run as listed: what reproduces it and its recommendation."""

    run_id: int
    version: int
    seed: int
    samples: int
    engine_version: str
    created_at: datetime
    recommendation: dict[str, Any]


@dataclass(frozen=True)
class RunRecord:
    """One saved run: what reproduces it and its result (the compare JSON)."""

    run_id: int
    scenario_id: int
    version: int
    scenario_name: str
    seed: int
    samples: int
    engine_version: str
    result: dict[str, Any]
    series: dict[str, Any]
    seconds: float
    created_at: datetime


def _utc(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes; every stored time is UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def id_fits(session: Session, value: int) -> bool:
    """True if ``value`` can be an id in this database (1 up to its integer limit)."""
    limit = SQLITE_MAX_ID if session.get_bind().dialect.name == "sqlite" else POSTGRES_MAX_ID
    return 1 <= value <= limit


def _scenario_row(session: Session, scenario_id: int) -> ScenarioRow:
    row = session.get(ScenarioRow, scenario_id) if id_fits(session, scenario_id) else None
    if row is None:
        raise NotFoundError(f"no saved scenario with id {scenario_id}")
    return row


def _version_row(session: Session, scenario_id: int, version: int | None) -> VersionRow:
    scenario = _scenario_row(session, scenario_id)
    wanted = scenario.current_version if version is None else version
    if not id_fits(session, wanted):
        raise NotFoundError(f"scenario {scenario_id} has no version {wanted}")
    row = session.scalars(
        select(VersionRow).where(
            VersionRow.scenario_id == scenario_id, VersionRow.version == wanted
        )
    ).one_or_none()
    if row is None:
        raise NotFoundError(f"scenario {scenario_id} has no version {wanted}")
    return row


def add_scenario(store: Store, name: str, text: str, data: dict[str, Any]) -> VersionRecord:
    """Save a new scenario as its version 1."""
    with store.transaction(write=True) as session:
        now = utc_now()
        scenario = ScenarioRow(name=name, current_version=1, created_at=now, updated_at=now)
        session.add(scenario)
        session.flush()
        row = VersionRow(
            scenario_id=scenario.id, version=1, name=name, text=text, data=data, created_at=now
        )
        session.add(row)
        session.flush()
        return _version_record(session, scenario, row)


def add_version(
    store: Store,
    scenario_id: int,
    name: str,
    text: str,
    data: dict[str, Any],
    *,
    base_version: int | None = None,
) -> VersionRecord:
    """Save an edit as the scenario's next version; earlier versions stay as they were.

    ``base_version`` is the version the edit starts from: if another edit was saved since,
    raises :class:`VersionConflictError` and writes nothing (``None``: after whatever is
    current). The version number is claimed with one conditional ``UPDATE``, so parallel
    saves of one scenario each get their own number or a conflict, never an error.
    """
    with store.transaction(write=True) as session:
        if not id_fits(session, scenario_id):
            raise NotFoundError(f"no saved scenario with id {scenario_id}")
        if base_version is not None and not id_fits(session, base_version):
            current = _scenario_row(session, scenario_id).current_version
            raise VersionConflictError(scenario_id, base_version, current)  # never current
        now = utc_now()
        claim = (
            update(ScenarioRow)
            .where(ScenarioRow.id == scenario_id)
            .values(name=name, current_version=ScenarioRow.current_version + 1, updated_at=now)
            .returning(ScenarioRow.current_version)
        )
        if base_version is not None:
            claim = claim.where(ScenarioRow.current_version == base_version)
        number = session.scalar(claim)
        if number is None:
            scenario = _scenario_row(session, scenario_id)  # NotFoundError if deleted
            raise VersionConflictError(scenario_id, base_version or 0, scenario.current_version)
        row = VersionRow(
            scenario_id=scenario_id,
            version=number,
            name=name,
            text=text,
            data=data,
            created_at=now,
        )
        session.add(row)
        session.flush()
        return _version_record(session, _scenario_row(session, scenario_id), row)


def _version_numbers(session: Session, scenario_id: int) -> tuple[int, ...]:
    return tuple(
        session.scalars(
            select(VersionRow.version)
            .where(VersionRow.scenario_id == scenario_id)
            .order_by(VersionRow.version)
        )
    )


def _version_record(session: Session, scenario: ScenarioRow, row: VersionRow) -> VersionRecord:
    return VersionRecord(
        scenario_id=scenario.id,
        version=row.version,
        current_version=scenario.current_version,
        name=row.name,
        text=row.text,
        data=row.data,
        created_at=_utc(row.created_at),
        versions=_version_numbers(session, scenario.id),
    )


def get_version(store: Store, scenario_id: int, version: int | None = None) -> VersionRecord:
    """A scenario's version (default: the current one); NotFoundError if there is none."""
    with store.transaction() as session:
        row = _version_row(session, scenario_id, version)
        return _version_record(session, row.scenario, row)


def list_scenarios(store: Store) -> list[ScenarioSummary]:
    """Every saved scenario, most recently changed first."""
    with store.transaction() as session:
        latest_run = (
            select(VersionRow.scenario_id, func.max(RunRow.id).label("run_id"))
            .join(RunRow, RunRow.version_id == VersionRow.id)
            .join(ScenarioRow, ScenarioRow.id == VersionRow.scenario_id)
            .where(VersionRow.version == ScenarioRow.current_version)
            .group_by(VersionRow.scenario_id)
            .subquery()
        )
        rows = session.execute(
            select(ScenarioRow, latest_run.c.run_id)
            .outerjoin(latest_run, latest_run.c.scenario_id == ScenarioRow.id)
            .order_by(ScenarioRow.updated_at.desc(), ScenarioRow.id.desc())
        ).all()
        return [
            ScenarioSummary(
                s.id, s.name, s.current_version, _utc(s.created_at), _utc(s.updated_at), run_id
            )
            for s, run_id in rows
        ]


def delete_scenario(store: Store, scenario_id: int) -> None:
    """Delete a scenario with all its versions and runs."""
    with store.transaction(write=True) as session:
        session.delete(_scenario_row(session, scenario_id))


def add_run(
    store: Store,
    scenario_id: int,
    version: int,
    *,
    seed: int,
    samples: int,
    engine_version: str,
    result: dict[str, Any],
    series: dict[str, Any],
    seconds: float,
) -> RunRecord:
    """Save a run of one version with what reproduces it."""
    with store.transaction(write=True) as session:
        version_row = _version_row(session, scenario_id, version)
        row = RunRow(
            version_id=version_row.id,
            seed=seed,
            samples=samples,
            engine_version=engine_version,
            result=result,
            series=series,
            seconds=seconds,
            created_at=utc_now(),
        )
        session.add(row)
        session.flush()
        return _run_record(row, version_row)


def set_run_series(store: Store, run_id: int, series: dict[str, Any]) -> None:
    """Replace what a run keeps beside its result (e.g. report analyses worked out later)."""
    with store.transaction(write=True) as session:
        row = session.get(RunRow, run_id) if id_fits(session, run_id) else None
        if row is None:
            raise NotFoundError(f"no saved run with id {run_id}")
        row.series = series


def _run_record(row: RunRow, version_row: VersionRow) -> RunRecord:
    return RunRecord(
        run_id=row.id,
        scenario_id=version_row.scenario_id,
        version=version_row.version,
        scenario_name=version_row.name,
        seed=row.seed,
        samples=row.samples,
        engine_version=row.engine_version,
        result=row.result,
        series=row.series,
        seconds=row.seconds,
        created_at=_utc(row.created_at),
    )


def get_run(store: Store, run_id: int) -> RunRecord:
    """A saved run; NotFoundError if there is none."""
    with store.transaction() as session:
        row = session.get(RunRow, run_id) if id_fits(session, run_id) else None
        if row is None:
            raise NotFoundError(f"no saved run with id {run_id}")
        return _run_record(row, row.version_row)


def list_runs(store: Store, scenario_id: int) -> list[RunSummary]:
    """Every run of every version of a scenario, newest first."""
    with store.transaction() as session:
        _scenario_row(session, scenario_id)
        rows = session.execute(
            select(RunRow, VersionRow)
            .join(VersionRow, RunRow.version_id == VersionRow.id)
            .where(VersionRow.scenario_id == scenario_id)
            .order_by(RunRow.id.desc())
            .options(defer(RunRow.series))
        ).all()
        return [
            RunSummary(
                run.id,
                version.version,
                run.seed,
                run.samples,
                run.engine_version,
                _utc(run.created_at),
                dict(run.result.get("recommendation") or {}),
            )
            for run, version in rows
        ]
