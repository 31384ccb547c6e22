"""Saved scenarios, versions and runs on SQLite and PostgreSQL: the same behaviour on both."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, inspect, select, text

from shorewise.storage import repository as repo
from shorewise.storage.database import (
    StorageError,
    create_database_engine,
    default_url,
    normalise_url,
    open_database,
)
from shorewise.storage.models import RunRow, ScenarioRow, VersionRow


@pytest.fixture
def store(db_url: str) -> Iterator[repo.Store]:
    opened = repo.Store(open_database(db_url))
    yield opened
    opened.close()


def _run(store: repo.Store, scenario_id: int, version: int, **overrides: object) -> repo.RunRecord:
    fields: dict[str, object] = {
        "seed": 42,
        "samples": 1000,
        "engine_version": "0.1.0",
        "result": {"recommendation": {"strategy": "offshore_inhouse"}},
        "series": {"options": []},
        "seconds": 0.5,
    }
    fields.update(overrides)
    return repo.add_run(store, scenario_id, version, **fields)  # type: ignore[arg-type]


def test_migrations_create_the_schema_once(db_url: str) -> None:
    first = open_database(db_url)
    first.dispose()
    engine = open_database(db_url)  # a second open finds the schema up to date
    try:
        tables = set(inspect(engine).get_table_names())
        assert {"scenarios", "scenario_versions", "runs", "jobs", "alembic_version"} <= tables
        with engine.connect() as connection:
            assert connection.scalar(text("select version_num from alembic_version")) == "0002"
    finally:
        engine.dispose()


def test_json_columns_are_jsonb_on_postgresql(store: repo.Store) -> None:
    columns = {c["name"]: c["type"] for c in inspect(store.engine).get_columns("runs")}
    kind = type(columns["result"]).__name__
    assert kind == ("JSONB" if store.engine.dialect.name == "postgresql" else "JSON")


def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path: Path) -> None:
    engine = open_database(f"sqlite:///{tmp_path / 'x.db'}")
    try:
        with engine.connect() as connection:
            assert connection.scalar(text("pragma journal_mode")) == "wal"
            assert connection.scalar(text("pragma foreign_keys")) == 1
    finally:
        engine.dispose()


def test_an_edit_is_a_new_version_and_old_versions_stay_readable(store: repo.Store) -> None:
    first = repo.add_scenario(store, "App", "name: App  # first\n", {"name": "App"})
    second = repo.add_version(store, first.scenario_id, "App v2", "name: App v2\n", {"n": 2})
    assert (first.version, second.version) == (1, 2)
    assert second.versions == (1, 2)
    old = repo.get_version(store, first.scenario_id, 1)
    assert old.text == "name: App  # first\n"
    assert old.data == {"name": "App"}
    assert old.current_version == 2
    current = repo.get_version(store, first.scenario_id)
    assert (current.version, current.name) == (2, "App v2")
    (summary,) = repo.list_scenarios(store)
    assert (summary.name, summary.version) == ("App v2", 2)
    assert summary.updated_at.tzinfo is not None


def test_unicode_and_nested_json_round_trip(store: repo.Store) -> None:
    data = {"name": "Zahlungsplattform – São Paulo ✓", "x": [1, 2.5, None, {"k": True}]}
    saved = repo.add_scenario(store, data["name"], "name: ✓\n", data)
    assert repo.get_version(store, saved.scenario_id).data == data
    result = {"plan": {"total_cost": {"p10": 1.5, "p50": 2.25, "p90": None}}, "notes": ["é"]}
    run = _run(store, saved.scenario_id, 1, result=result, seed=2**63 - 1)
    again = repo.get_run(store, run.run_id)
    assert again.result == result
    assert again.seed == 2**63 - 1
    assert (again.samples, again.engine_version, again.version) == (1000, "0.1.0", 1)


@pytest.mark.parametrize(
    "call",
    [
        lambda s: repo.get_version(s, 999),
        lambda s: repo.add_version(s, 999, "x", "x", {}),
        lambda s: repo.delete_scenario(s, 999),
        lambda s: repo.get_run(s, 999),
        lambda s: repo.list_runs(s, 999),
    ],
    ids=["get", "add_version", "delete", "get_run", "list_runs"],
)
def test_unknown_ids_raise_not_found(store: repo.Store, call: object) -> None:
    with pytest.raises(repo.NotFoundError):
        call(store)  # type: ignore[operator]


def test_unknown_version_raises_not_found(store: repo.Store) -> None:
    saved = repo.add_scenario(store, "A", "name: A\n", {})
    with pytest.raises(repo.NotFoundError, match="no version 5"):
        repo.get_version(store, saved.scenario_id, 5)
    with pytest.raises(repo.NotFoundError):
        _run(store, saved.scenario_id, 5)


def test_delete_removes_versions_and_runs_and_ids_are_not_reused(store: repo.Store) -> None:
    saved = repo.add_scenario(store, "A", "name: A\n", {})
    repo.add_version(store, saved.scenario_id, "A", "name: A\n", {})
    run = _run(store, saved.scenario_id, 2)
    keep = repo.add_scenario(store, "B", "name: B\n", {})
    repo.delete_scenario(store, saved.scenario_id)
    with store.transaction() as session:
        assert session.scalar(select(func.count()).select_from(VersionRow)) == 1
        assert session.scalar(select(func.count()).select_from(RunRow)) == 0
    with pytest.raises(repo.NotFoundError):
        repo.get_run(store, run.run_id)
    again = repo.add_scenario(store, "C", "name: C\n", {})
    assert again.scenario_id > keep.scenario_id
    assert again.scenario_id != saved.scenario_id


def test_latest_run_is_for_the_current_version_only(store: repo.Store) -> None:
    saved = repo.add_scenario(store, "A", "name: A\n", {})
    run = _run(store, saved.scenario_id, 1)
    assert repo.list_scenarios(store)[0].latest_run_id == run.run_id
    repo.add_version(store, saved.scenario_id, "A", "name: A\n", {})
    assert repo.list_scenarios(store)[0].latest_run_id is None
    newer = _run(store, saved.scenario_id, 2, seed=7)
    assert repo.list_scenarios(store)[0].latest_run_id == newer.run_id
    runs = repo.list_runs(store, saved.scenario_id)
    assert [(r.run_id, r.version, r.seed) for r in runs] == [
        (newer.run_id, 2, 7),
        (run.run_id, 1, 42),
    ]
    assert runs[0].recommendation == {"strategy": "offshore_inhouse"}


def test_scenarios_are_listed_most_recently_changed_first(store: repo.Store) -> None:
    a = repo.add_scenario(store, "A", "name: A\n", {})
    b = repo.add_scenario(store, "B", "name: B\n", {})
    assert [s.name for s in repo.list_scenarios(store)] == ["B", "A"]
    repo.add_version(store, a.scenario_id, "A", "name: A\n", {})
    assert [s.scenario_id for s in repo.list_scenarios(store)] == [a.scenario_id, b.scenario_id]


def test_a_failed_transaction_leaves_nothing_behind(store: repo.Store) -> None:
    repo.add_scenario(store, "kept", "name: kept\n", {})

    def half_a_save() -> None:
        with store.transaction() as session:
            session.add(ScenarioRow(name="half", current_version=1))
            session.flush()
            raise RuntimeError("crash in the middle of a save")

    with pytest.raises(RuntimeError):
        half_a_save()
    assert [s.name for s in repo.list_scenarios(store)] == ["kept"]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("postgresql://u@h/db", "postgresql+psycopg://u@h/db"),
        ("postgres://u@h/db", "postgresql+psycopg://u@h/db"),
        ("sqlite:///x.db", "sqlite:///x.db"),
    ],
)
def test_postgres_urls_use_psycopg(url: str, expected: str) -> None:
    assert normalise_url(url) == expected


@pytest.mark.parametrize("url", ["not a url", "nosuchdriver://x/y"])
def test_bad_urls_raise_storage_error(url: str) -> None:
    with pytest.raises(StorageError, match="cannot use the database URL"):
        create_database_engine(url)


def test_unreachable_database_raises_storage_error(tmp_path: Path) -> None:
    url = f"postgresql+psycopg://nobody@/nodb?host={tmp_path}&connect_timeout=2"
    with pytest.raises(StorageError, match="cannot open the database"):
        open_database(url)


def test_default_database_is_in_the_user_data_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    url = default_url()
    assert url == f"sqlite:///{tmp_path / 'data' / 'shorewise' / 'shorewise.db'}"
    assert (tmp_path / "data" / "shorewise").is_dir()
