"""A process killed in the middle of a save loses nothing saved before, on both backends."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap

from sqlalchemy import text

from shorewise.storage import repository as repo
from shorewise.storage.database import open_database

CHILD = textwrap.dedent(
    """
    import os, signal, sys
    from shorewise.storage import repository as repo
    from shorewise.storage.database import open_database
    from shorewise.storage.models import ScenarioRow, VersionRow

    store = repo.Store(open_database(sys.argv[1]))
    for i in range(5):
        saved = repo.add_scenario(store, f"saved {i}", f"name: saved {i}\\n", {"i": i})
        repo.add_run(store, saved.scenario_id, 1, seed=i, samples=10, engine_version="t",
                     result={"i": i}, series={}, seconds=0.0)
    with store.transaction() as session:
        row = ScenarioRow(name="half written", current_version=1)
        session.add(row)
        session.flush()
        session.add(VersionRow(scenario_id=row.id, version=1, name="half written",
                               text="name: half\\n", data={}))
        session.flush()
        print("mid-write", flush=True)
        os.kill(os.getpid(), signal.SIGKILL)
    """
)


def test_a_kill_mid_transaction_keeps_every_earlier_save(db_url: str) -> None:
    child = subprocess.run(
        [sys.executable, "-c", CHILD, db_url], capture_output=True, text=True, timeout=120
    )
    assert child.returncode == -signal.SIGKILL, child.stderr
    assert "mid-write" in child.stdout
    store = repo.Store(open_database(db_url))
    try:
        listed = repo.list_scenarios(store)
        assert sorted(s.name for s in listed) == [f"saved {i}" for i in range(5)]
        for summary in listed:
            record = repo.get_version(store, summary.scenario_id)
            assert record.text == f"{record.name}\n".replace("saved", "name: saved", 1)
            run = repo.get_run(store, summary.latest_run_id or -1)
            assert run.result == record.data
        if store.engine.dialect.name == "sqlite":
            with store.engine.connect() as connection:
                assert connection.scalar(text("pragma integrity_check")) == "ok"
    finally:
        store.close()
