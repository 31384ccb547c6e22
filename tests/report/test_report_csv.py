"""Monthly CSV: every option's months; percentiles for Monte Carlo, one value otherwise."""

from __future__ import annotations

import csv
import io

import pytest
from tests.report.conftest import comparison, deterministic, rendered

from shorewise.report.csv import monthly_csv


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_monte_carlo_csv_has_ordered_percentiles(example: str) -> None:
    c = comparison(example)
    rows = _rows(rendered(example, "csv").decode())
    # each option's months: the work, and while a late team is kept (P90 of its finish)
    due = {w.name: min(w.due_month, c.horizon_months) - w.start_month for w in c.workstreams}
    cap = {w.name: (w.finish_cap_month or 0) - w.start_month for w in c.workstreams}
    months = {}
    for r in c.strategies:
        series = c.series_of(r.workstream, r.option)
        assert series is not None
        months[r.workstream, r.option] = len(series.burn.p50)
        assert due[r.workstream] <= months[r.workstream, r.option] <= cap[r.workstream]
    assert len(rows) == sum(months.values())
    assert {r["currency"] for r in rows} == {c.currency}
    assert all(r["label"] and "@" not in r["label"] for r in rows)
    for r in rows:
        for series in ("paid_fte", "effective_fte", "burn", "cumulative"):
            low, mid, high = (float(r[f"{series}_{q}"]) for q in ("p10", "p50", "p90"))
            assert low <= mid + 1e-6
            assert mid <= high + 1e-6


def test_deterministic_csv_adds_up_to_the_totals(example: str) -> None:
    c = deterministic(example)
    rows = _rows(monthly_csv(c))
    assert "burn" in rows[0]
    assert "burn_p50" not in rows[0]
    for i, row in enumerate(c.strategies):
        ws = next(w for w in c.workstreams if w.name == row.workstream)
        months = [
            r for r in rows if r["option"] == row.option and r["workstream"] == row.workstream
        ]
        first = ws.start_month + 1
        assert [int(r["month"]) for r in months] == list(range(first, first + len(months)))
        # the work's months, and the months a late team is kept until done, no further
        assert min(ws.due_month, c.horizon_months) <= int(months[-1]["month"])
        assert int(months[-1]["month"]) <= (ws.finish_cap_month or 0)
        total = c.live.run.metrics[i].total_cost[0]
        assert float(months[-1]["cumulative"]) == pytest.approx(total, abs=0.01)
        assert sum(float(r["burn"]) for r in months) == pytest.approx(total, abs=0.01 * len(months))
